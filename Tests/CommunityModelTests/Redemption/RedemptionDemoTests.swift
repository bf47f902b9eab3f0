import CommunityTestSupport
import GRDB
import XCTest
@testable import CommunityModel

/// Issue 8 item 11: the demo desk's half year — about 120 receipts made by the desk's own `redeem`, one voided,
/// yesterday closed, two items at their low-stock mark — and every receipt paid with points its holder had.
final class RedemptionDemoTests: XCTestCase {
    func count(_ store: TestStore, _ sql: String) throws -> Int {
        try store.db.pool.read { try Int.fetchOne($0, sql: sql) ?? -1 }
    }

    func testAboutOneHundredTwentyReceiptsOverTheHalfYearWithOneVoidAndYesterdayClosed() throws {
        let store = try TestStore.demo()
        defer { store.remove() }
        let today = TestStore.demoToday
        let yesterday = try XCTUnwrap(Day.adding(-1, to: today))
        let receipts = try count(store, "SELECT COUNT(*) FROM redemption")
        XCTAssertTrue((115...125).contains(receipts), "\(receipts)")
        XCTAssertEqual(try count(store, "SELECT COUNT(DISTINCT substr(day, 1, 7)) FROM redemption"), 6)
        // Every receipt is a debit made by redeem: its ledger entry, its lines, its stock moves.
        XCTAssertEqual(try count(store, "SELECT COUNT(*) FROM ledger_entry WHERE kind = 'debit'"), receipts)
        XCTAssertEqual(try count(store, "SELECT COUNT(DISTINCT redemption_id) FROM stock_move WHERE kind = 'redemption'"), receipts)
        // One voided, with its reversal; yesterday (which has receipts) is the one closed day; today is open.
        XCTAssertEqual(try count(store, "SELECT COUNT(*) FROM redemption WHERE state = '已作废' AND reversal_entry_id IS NOT NULL"), 1)
        XCTAssertEqual(try count(store, "SELECT COUNT(*) FROM redemption WHERE state <> '有效'"), 1)
        XCTAssertEqual(try count(store, "SELECT COUNT(*) FROM redemption_day_close"), 1)
        XCTAssertTrue(try store.db.isDayClosed(yesterday))
        XCTAssertGreaterThan(try count(store, "SELECT COUNT(*) FROM redemption WHERE day = '\(yesterday)'"), 0)
        let figures = try store.db.redemptionFigures(today: today)
        XCTAssertGreaterThan(figures.todayCount, 0)
        XCTAssertFalse(figures.todayClosed)
        XCTAssertEqual(figures.lowStock.count, 2, "\(figures.lowStock)")
        XCTAssertEqual(try store.db.pool.read { try RedemptionModule.check($0) }, [])
    }

    func testTheDeskHandsOutStaplesAndTheShopsUseTheirVouchers() throws {
        let store = try TestStore.demo()
        defer { store.remove() }
        func units(_ key: String) throws -> Int {
            try count(store, "SELECT COALESCE(SUM(l.quantity), 0) FROM redemption_line l JOIN redemption r ON r.id = l.redemption_id WHERE l.item_key = '\(key)'")
        }
        XCTAssertGreaterThanOrEqual(try units("rice_5kg"), 10)
        XCTAssertGreaterThanOrEqual(try units("oil_5l"), 5)
        XCTAssertGreaterThanOrEqual(try units("towel"), 40)
        XCTAssertGreaterThan(try units("wash_basin"), 0)
        XCTAssertGreaterThanOrEqual(try units("car_wash_voucher") + units("laundry_voucher"), 15)
        // Used at both partner shops, through the store's voucher use (its audit line names the shop).
        XCTAssertEqual(try count(store, "SELECT COUNT(DISTINCT used_shop) FROM voucher WHERE state = '已使用'"), 2)
        XCTAssertEqual(try count(store, "SELECT COUNT(*) FROM audit_log WHERE action = 'voucher.use'"),
                       try count(store, "SELECT COUNT(*) FROM voucher WHERE state = '已使用'"))
        // No one redeemed rice or oil twice in a month.
        XCTAssertEqual(try count(store, """
            SELECT COUNT(*) FROM (SELECT r.member_id, l.item_key, substr(r.day, 1, 7) FROM redemption r
            JOIN redemption_line l ON l.redemption_id = r.id WHERE r.state = '有效' AND l.item_key IN ('rice_5kg', 'oil_5l')
            GROUP BY 1, 2, 3 HAVING SUM(l.quantity) > 1)
            """), 0)
    }

    func testEveryReceiptIsPaidWithPointsTheHolderHadByThatDay() throws {
        let store = try TestStore.demo()
        defer { store.remove() }
        // The running balance in day order never dips below zero on a receipt's day: no June receipt spends
        // November's service. (Balances were carried over from paper on the first day, as adjustments.)
        XCTAssertEqual(try count(store, """
            SELECT COUNT(*) FROM redemption r WHERE (SELECT SUM(e.amount) FROM ledger_entry e
              WHERE e.day <= r.day AND (e.member_id = r.member_id OR e.organisation_id = r.organisation_id)) < 0
            """), 0)
        let carried = try count(store, "SELECT COUNT(*) FROM ledger_entry WHERE kind = 'adjustment' AND reason = '\(RedemptionDemoFunds.carryReason)'")
        XCTAssertGreaterThan(carried, 30)
        XCTAssertEqual(try count(store, "SELECT COUNT(DISTINCT day) FROM ledger_entry WHERE kind = 'adjustment'"), 1)
        // Carried balances are not earnings: June's ranking (the month they were carried in) counts service only.
        let period = try XCTUnwrap(RankingPeriod(key: "2026-06"))
        for row in try store.db.ranking(period).rows where row.points > 0 {
            XCTAssertEqual(try store.db.earnedEntries(of: row.holder, in: period).reduce(0) { $0 + $1.amount }, row.points)
        }
        let carriedInRankings = try count(store, """
            SELECT COUNT(*) FROM (\(RankingsSQL.earnedEntries())) x JOIN ledger_entry e ON e.id = x.entry_id WHERE e.kind = 'adjustment'
            """)
        XCTAssertEqual(carriedInRankings, 0)
    }
}
