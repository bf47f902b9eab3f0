import CommunityTestSupport
import GRDB
import XCTest
@testable import CommunityModel

/// Issue 7 item 4: the demo 朝东社区 holds half a year of 双报到 service, so rankings, balances and
/// redemption mean something — and still leaves work for today on screen 3.
final class VolunteerDemoTests: XCTestCase {
    func count(_ store: TestStore, _ sql: String) throws -> Int {
        try store.db.pool.read { try Int.fetchOne($0, sql: sql) ?? -1 }
    }

    func testHalfAYearOfTasksClaimsAndReviewsUpToToday() throws {
        let store = try TestStore.demo()
        defer { store.remove() }
        let today = TestStore.demoToday
        let halfYearAgo = try XCTUnwrap(Day.adding(-183, to: today))
        // About sixty tasks, from six months ago to two weeks ahead, of every kind the office publishes.
        XCTAssertTrue((50...70).contains(try count(store, "SELECT COUNT(*) FROM task")))
        XCTAssertEqual(try count(store, "SELECT COUNT(*) FROM task WHERE starts_at < '\(halfYearAgo)'"), 0)
        XCTAssertEqual(try count(store, "SELECT COUNT(DISTINCT category) FROM task"), TaskCategory.allCases.count)
        XCTAssertEqual(try count(store, "SELECT COUNT(*) FROM task WHERE title = '迎\"七一\"文艺演出秩序维护'"), 1)
        // About 450 approved member claims and 60 organisation claims, spread over six months.
        let memberService = try count(store, "SELECT COUNT(*) FROM claim WHERE state = '已通过' AND member_id IS NOT NULL")
        XCTAssertTrue((400...520).contains(memberService), "\(memberService)")
        let orgClaims = try count(store, "SELECT COUNT(*) FROM claim WHERE organisation_id IS NOT NULL")
        XCTAssertTrue((50...80).contains(orgClaims), "\(orgClaims)")
        XCTAssertEqual(try count(store, "SELECT COUNT(DISTINCT substr(day, 1, 7)) FROM ledger_entry WHERE kind = 'credit'"), 6)
        XCTAssertEqual(try count(store, "SELECT COUNT(*) FROM ledger_entry WHERE day > '\(today)' OR day < '\(halfYearAgo)'"), 0)
        // Some rejections, some no-shows, and one approval revoked (its reversal on record, the claim 未到).
        XCTAssertGreaterThan(try count(store, "SELECT COUNT(*) FROM claim WHERE state = '已驳回'"), 5)
        XCTAssertGreaterThan(try count(store, "SELECT COUNT(*) FROM claim WHERE state = '未到'"), 5)
        XCTAssertEqual(try count(store, "SELECT COUNT(*) FROM ledger_entry WHERE kind = 'reversal'"), 1)
        XCTAssertEqual(try count(store, """
            SELECT COUNT(*) FROM claim c JOIN ledger_entry r ON r.claim_id = c.id AND r.kind = 'reversal' WHERE c.state = '未到'
            """), 1)
        // Audit lines carry the dates things happened, not the moment of seeding.
        XCTAssertEqual(try count(store, "SELECT COUNT(DISTINCT substr(at, 1, 7)) FROM audit_log WHERE action = 'claim.approve'"), 6)
        XCTAssertEqual(try store.db.pool.read { try VolunteerModule.check($0) }, [])
    }

    func testBalancesAreMeaningfulAndMostMembersAreStillAtZero() throws {
        let store = try TestStore.demo()
        defer { store.remove() }
        let positive = try count(store, "SELECT COUNT(*) FROM points_balance WHERE holder_kind = 'member' AND balance > 0")
        XCTAssertGreaterThanOrEqual(positive, 80)
        let top = try store.db.pool.read { try Int.fetchAll($0, sql: "SELECT balance FROM points_balance WHERE holder_kind = 'member' ORDER BY balance DESC LIMIT 3") }
        XCTAssertTrue(top.allSatisfy { (300...600).contains($0) }, "\(top)")
        let active = try count(store, "SELECT COUNT(*) FROM member WHERE active = 1")
        XCTAssertGreaterThan(active - positive, active / 2, "most members have not served yet")
        // Organisations earn in more than one quarter, so quarterly rankings differ.
        XCTAssertGreaterThan(try count(store, """
            SELECT COUNT(*) FROM (SELECT organisation_id FROM ledger_entry WHERE organisation_id IS NOT NULL AND kind = 'credit'
            GROUP BY organisation_id HAVING COUNT(DISTINCT (CAST(substr(day, 6, 2) AS INTEGER) + 2) / 3) > 1)
            """), 5)
    }

    func testTodayStillHasWorkOnTheTaskBoard() throws {
        let store = try TestStore.demo()
        defer { store.remove() }
        let counts = try store.db.taskBoardCounts(now: TestStore.demoToday + " 12:00")
        for column in TaskState.boardColumns { XCTAssertGreaterThan(counts.count(column), 0, "demo board has a \(column) task") }
        XCTAssertEqual(try store.db.claimCount(.reviewQueue), 4)
        let figures = try store.db.volunteerFigures(now: TestStore.demoToday + " 12:00")
        XCTAssertEqual(figures.tasksOpen, 4)
        XCTAssertEqual(figures.serviceTimes, try count(store, "SELECT COUNT(*) FROM claim WHERE state = '已通过' AND member_id IS NOT NULL"))
    }
}
