import CommunityTestSupport
import Foundation
import GRDB
import XCTest
@testable import CommunityModel

/// Points earned in a period, competition ranks, who gets which letter (issue 9 items 1–3).
final class RankingTests: XCTestCase {
    let november = RankingPeriod(year: 2026, month: 11)!

    func testCompetitionRanksShareAndSkip() {
        XCTAssertEqual(Ranking.competitionRanks([50, 40, 40, 30, 0, 0]), [1, 2, 2, 4, 5, 5])
        XCTAssertEqual(Ranking.competitionRanks([]), [])
    }

    func testTiesAtBothBoundariesAreAllIncluded() {
        // Given top 2 and bottom 2, with a tie across each boundary.
        let points = [50, 40, 40, 30, 20, 10, 0, 0, 0]
        let letters = Ranking.letters(points: points, excluded: Array(repeating: false, count: points.count),
                                      settings: .init(thanks: 2, reminders: 2))
        // Then all three of rank ≤ 2 get thanks, all three tied at the bottom get reminders.
        XCTAssertEqual(letters, [.thanks, .thanks, .thanks, nil, nil, nil, .reminder, .reminder, .reminder])
    }

    func testExcludedHoldersAreSkippedAndTheNextComeIn() {
        let points = [30, 20, 10, 0]
        let letters = Ranking.letters(points: points, excluded: [false, false, false, true], settings: .init(thanks: 1, reminders: 1))
        XCTAssertEqual(letters, [.thanks, nil, .reminder, nil])
    }

    func testZeroPointsNeverEarnThanks() {
        XCTAssertEqual(Ranking.letters(points: [0, 0], excluded: [false, false], settings: .init(thanks: 10, reminders: 0)), [nil, nil])
    }

    func testEarnedCountsServiceInThePeriodLessItsReversalsButNotRedemptionsOrAdjustments() throws {
        let f = try RankingsFixture()
        defer { f.remove() }
        let a = try f.member("张建华", "CD001"), b = try f.member("李娜", "CD002"), c = try f.member("王芳", "CD003")
        let late = try f.member("新来的", "CD004", reported: "2026-12-01")
        try f.serve(a, points: 20, on: "2026-11-03")
        let revoked = try f.serve(a, points: 15, on: "2026-11-10")
        try f.serve(a, points: 99, on: "2026-10-30")  // October: not November
        try f.serve(b, points: 20, on: "2026-11-20")
        try f.db.adjustPoints(b, amount: 50, reason: "历史补录", by: f.actor)  // not earned
        try f.db.debitPoints(b, amount: 10, reason: "兑换 毛巾", reference: "DH1", by: f.actor)  // not earned either
        _ = try f.db.revokeApproval(claimId: revoked, reason: "重复登记", by: f.actor)

        let r = try f.db.ranking(november)
        XCTAssertEqual(r.rows.map(\.name), ["张建华", "李娜", "王芳"], "ties by name; the member registered after November is left out")
        XCTAssertFalse(r.rows.contains { $0.holder == late })
        XCTAssertEqual(r.rows.map(\.points), [20, 20, 0])
        XCTAssertEqual(r.rows.map(\.services), [1, 1, 0])
        XCTAssertEqual(r.rows.map(\.rank), [1, 1, 3])
        // October ranked 张建华 first and the others tied at 2.
        XCTAssertEqual(r.rows.map(\.previousRank), [1, 2, 2])
        XCTAssertEqual(r.rows[1].change.zh, "↑1")
        XCTAssertEqual(try f.db.earnedEntries(of: a, in: november).map(\.amount), [20, 15, -15])
        XCTAssertEqual(try f.db.earnedEntries(of: c, in: november), [])
        XCTAssertEqual(try f.db.pool.read { try RankingsModule.check($0) }, [])
    }

    func testOrganisationsRankByQuarterAndNewcomersShowNew() throws {
        let f = try RankingsFixture()
        defer { f.remove() }
        let bus = try f.organisation("公交集团党委"), court = try f.organisation("区法院党组", reported: "2026-10-15")
        try f.serve(bus, points: 20, on: "2026-10-03")
        try f.serve(court, points: 30, on: "2026-12-03")
        let q4 = RankingPeriod(year: 2026, quarter: 4)!
        let r = try f.db.ranking(q4)
        XCTAssertEqual(r.rows.map(\.name), ["区法院党组", "公交集团党委"])
        XCTAssertEqual(r.rows.map(\.points), [30, 20])
        XCTAssertNil(r.rows[0].previousRank, "registered during Q4: 新")
        XCTAssertEqual(r.rows[0].change.zh, "新")
        XCTAssertEqual(r.rows[1].previousRank, 1)
    }

    func testTheMigrationFillsTotalsFromRowsWrittenBeforeIt() throws {
        // Given a demo written through every path, the kept totals equal a recount from the entries.
        let demo = try TestStore.demo()
        defer { demo.remove() }
        XCTAssertEqual(try demo.db.pool.read { try RankingsModule.check($0) }, [])
        let kept = try demo.db.pool.read { try Int.fetchOne($0, sql: "SELECT COALESCE(SUM(points), 0) FROM ranking_earned") ?? 0 }
        let issued = try demo.db.pool.read { try Int.fetchOne($0, sql: "SELECT amount FROM ledger_total WHERE kind = 'credit'") ?? 0 }
        let reversed = try demo.db.pool.read { try Int.fetchOne($0, sql: "SELECT amount FROM ledger_total WHERE kind = 'credit_reversal'") ?? 0 }
        XCTAssertEqual(kept, issued + reversed)
    }

    func testCheckFindsAKeptTotalThatDisagreesWithTheLedger() throws {
        let f = try RankingsFixture()
        defer { f.remove() }
        let a = try f.member("张建华", "CD001")
        try f.serve(a, points: 20, on: "2026-11-03")
        try f.db.pool.write { try $0.execute(sql: "UPDATE ranking_earned SET points = points + 5") }
        let problems = try f.db.pool.read { try RankingsModule.check($0) }
        XCTAssertEqual(problems.count, 1)
        XCTAssertTrue(problems[0].detail.zh.contains("25 分") && problems[0].detail.zh.contains("20 分"), problems[0].description)
        XCTAssertThrowsError(try f.db.pool.write { try $0.execute(sql: "DELETE FROM ranking_earned") })
    }

    func testPeriodsParseStepAndClose() throws {
        XCTAssertEqual(RankingPeriod(key: "2026Q4")?.lastDay, "2026-12-31")
        XCTAssertEqual(RankingPeriod(key: "2026-02")?.lastDay, "2026-02-28")
        XCTAssertEqual(RankingPeriod(key: "2026-01")?.previous.key, "2025-12")
        XCTAssertEqual(try RankingPeriod.resolve("last-month", today: "2026-12-01").key, "2026-11")
        XCTAssertEqual(try RankingPeriod.resolve("last-quarter", today: "2026-11-30").key, "2026Q3")
        XCTAssertThrowsError(try RankingPeriod.resolve("2026-13", today: "2026-12-01"))
        XCTAssertFalse(november.isClosed(today: "2026-11-30"))
        XCTAssertTrue(november.isClosed(today: "2026-12-01"))
        XCTAssertEqual(november.label.zh, "2026年11月")
        XCTAssertEqual(RankingPeriod(key: "2026q2")?.label.zh, "2026年第二季度")
    }
}
