import CommunityTestSupport
import GRDB
import XCTest
@testable import CommunityModel

/// Issue 7 item 3: one store-level place for "figures as of a change mark", used by every screen and `stats`.
final class FiguresCacheTests: XCTestCase {
    func addMember(_ db: CommunityDatabase, _ actor: Actor, _ code: String) throws {
        _ = try db.addMember(Member(name: "党员\(code)", phone: "1390" + code.dropFirst(), organisationId: nil, level: .city,
                                    memberCode: code, reportedOn: "2026-11-01"), by: actor)
    }

    func testFiguresAreReusedWhileNothingChangesAndRecomputedAfterAWriteFromAnotherConnection() throws {
        let store = try TestStore()
        defer { store.remove() }
        var computed = 0
        func members() throws -> Int {
            try store.db.figures("test.members", context: "2026-11-30") { db in
                computed += 1
                return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM member") ?? 0
            }
        }
        // Given figures computed once
        XCTAssertEqual(try members(), 0)
        // When nothing is written, they are reused
        XCTAssertEqual(try members(), 0)
        XCTAssertEqual(computed, 1)
        // When another terminal (its own connection pool on the same file) writes, they are recomputed
        let other = try CommunityDatabase.open(path: store.path)
        try addMember(other, store.secretary, "T0000001")
        XCTAssertEqual(try members(), 1)
        XCTAssertEqual(computed, 2)
        XCTAssertEqual(try members(), 1)
        XCTAssertEqual(computed, 2)
        // And another context (another day) is computed for itself
        _ = try store.db.figures("test.members", context: "2026-12-01") { _ in computed += 1; return 0 }
        XCTAssertEqual(computed, 3)
    }

    func testInsideAWriteFiguresAreNeverKept() throws {
        let store = try TestStore()
        defer { store.remove() }
        var computed = 0
        try store.db.pool.write { db in
            for _ in 0..<2 { _ = try FiguresCache.shared.value(db, "test.write", context: 0) { computed += 1; return 0 } }
        }
        XCTAssertEqual(computed, 2, "a writer's snapshot may roll back")
    }

    func testDashboardAndStatsFollowAnotherTerminalsWrite() throws {
        let store = try TestStore.demo()
        defer { store.remove() }
        let today = TestStore.demoToday
        let before = try store.db.dashboardFigures(today: today)
        XCTAssertEqual(try store.db.dashboardFigures(today: today), before)
        XCTAssertEqual(try store.db.stats(today: today).roster.members, before.roster.members)
        // Another terminal adds a member and approves a claim waiting for review.
        let other = try CommunityDatabase.open(path: store.path)
        try addMember(other, store.secretary, "T0000002")
        let waiting = try XCTUnwrap(other.claims(.reviewQueue, .first(1)).first)
        let outcome = try other.approveClaims([waiting.id], by: store.secretary)
        let after = try store.db.dashboardFigures(today: today)
        XCTAssertEqual(after.roster.members, before.roster.members + 1)
        XCTAssertEqual(after.volunteer.claimsPendingReview, before.volunteer.claimsPendingReview - 1)
        XCTAssertEqual(after.volunteer.pointsIssued, before.volunteer.pointsIssued + outcome.pointsCredited)
        XCTAssertEqual(after, try CommunityDatabase.open(path: store.path).pool.read { db in
            DashboardFigures(roster: try CommunityDatabase.rosterCounts(db),
                             consultation: try ConsultationFigures.computeFresh(db, today: today, reference: .active),
                             volunteer: try VolunteerStats.figures(db, now: today + " 12:00"), points: try VolunteerStats.points(db),
                             redemption: try CommunityDatabase.redemptionFigures(db, today: today), star: try StarModule.current(db, today: today))
        }, "the same as computed afresh")
        XCTAssertEqual(try store.db.stats(today: today).roster.members, before.roster.members + 1)
    }

    func testTheChangeMarkMovesWithEveryCommitAndOnlyThen() throws {
        let store = try TestStore()
        defer { store.remove() }
        let first = try XCTUnwrap(try store.db.changeMark())
        XCTAssertEqual(try store.db.changeMark(), first)
        try addMember(store.db, store.secretary, "T0000003")
        XCTAssertNotEqual(try store.db.changeMark(), first)
    }
}
