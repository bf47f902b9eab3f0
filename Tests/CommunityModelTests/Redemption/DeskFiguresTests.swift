import CommunityTestSupport
import Foundation
import GRDB
import XCTest
@testable import CommunityModel

/// The desk's figures line read from the kept daily totals (v11), and the writer's rehearsed confirm: both are
/// there for the confirm key's speed, and neither may change what the books say.
final class DeskFiguresTests: XCTestCase {
    /// The figures as the receipts themselves add up (what the kept totals replaced).
    func summed(_ db: CommunityDatabase, today: String) throws -> [Int] {
        try db.pool.read { db in
            let t = try Row.fetchOne(db, sql: "SELECT COUNT(*), COALESCE(SUM(points), 0) FROM redemption WHERE series = 'DH' AND state = '有效' AND day = ?",
                                     arguments: [today])
            let m = try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(points), 0) FROM redemption WHERE series = 'DH' AND state = '有效' AND day BETWEEN ? AND ?",
                                     arguments: [String(today.prefix(8)) + "01", today]) ?? -1
            return [t?[0] ?? -1, t?[1] ?? -1, m]
        }
    }

    func shown(_ db: CommunityDatabase, today: String) throws -> [Int] {
        let f = try db.redemptionFigures(today: today)
        return [f.todayCount, f.todayPoints, f.monthPoints]
    }

    func testTotalsFollowEveryReceiptAndVoidAndCheckCatchesATamperedRow() throws {
        let f = try RedemptionFixture()
        let li = try f.member("李成", code: "CD0001", phone: "13812341234", points: 1000)
        let a = try f.db.redeem(f.request(li, ["towel": 2]), by: f.secretary)
        let b = try f.db.redeem(f.request(li, ["rice_5kg": 1, "laundry_voucher": 1]), by: f.secretary)
        let day = a.redemption.day
        XCTAssertEqual(try shown(f.db, today: day), [2, 360, 360])
        try f.db.voidRedemption(receipt: a.receipt, reason: "拿错", clerk: f.secretary, supervisor: f.secretary, today: day)
        XCTAssertEqual(try shown(f.db, today: day), [1, 260, 260])
        XCTAssertEqual(try shown(f.db, today: day), try summed(f.db, today: day))
        XCTAssertEqual(b.points, 260)
        XCTAssertEqual(try f.db.check(), [])

        try f.db.pool.write { try $0.execute(sql: "UPDATE redemption_day_total SET points = points + 5") }
        let problems = try f.db.check().map { $0.detail.zh }
        XCTAssertEqual(problems.count, 1, "\(problems)")
        XCTAssertTrue(problems.first?.contains("\(day) DH 兑换日合计记为 1 单 265 分，有效兑换单实为 1 单 260 分") ?? false, "\(problems)")
        XCTAssertThrowsError(try f.db.pool.write { try $0.execute(sql: "DELETE FROM redemption_day_total") })
    }

    /// The demo's half year, every day of the month it is seeded for: kept totals and summed receipts agree.
    func testDemoFiguresAgreeWithTheReceiptsOnEveryDayOfTheMonth() throws {
        let store = try TestStore.demo()
        defer { store.remove() }
        var nonZero = 0
        for d in 1...30 {
            let day = "2026-11-" + (d < 10 ? "0\(d)" : "\(d)")
            let kept = try shown(store.db, today: day)
            XCTAssertEqual(kept, try summed(store.db, today: day), day)
            if kept[0] > 0 { nonZero += 1 }
        }
        XCTAssertGreaterThan(nonZero, 3)
    }

    /// A file made before v11 gets its totals from the receipts it already holds.
    func testTheMigrationFillsTheTotalsFromExistingReceipts() throws {
        let store = try TestStore.demo()
        defer { store.remove() }
        let expected = try summed(store.db, today: TestStore.demoToday)
        XCTAssertGreaterThan(expected[2], 0)
        // Back to v10: the v11 table, triggers and migration row gone, the v10 index back.
        try store.db.pool.writeWithoutTransaction { db in
            try db.execute(sql: """
                DROP TRIGGER redemption_day_total_add; DROP TRIGGER redemption_day_total_void; DROP TRIGGER redemption_day_total_no_delete;
                DROP TABLE redemption_day_total;
                CREATE INDEX redemption_series_day_points ON redemption(series, day, state, points);
                DELETE FROM grdb_migrations WHERE identifier = 'v11-redemption-day-totals';
                """)
        }
        try store.db.pool.close()
        let reopened = try CommunityDatabase.open(path: store.path)
        defer { try? reopened.pool.close() }
        XCTAssertEqual(try shown(reopened, today: TestStore.demoToday), expected)
        XCTAssertEqual(try reopened.check(), [])
        let index = try reopened.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM sqlite_master WHERE name = 'redemption_series_day_points'") }
        XCTAssertEqual(index, 0)
    }

    /// The writer's rehearsal redeems for real inside its transaction, then rolls it all back: no receipt,
    /// number, voucher, stock move, point or audit line remains, and the next real receipt is the day's first.
    func testTheRehearsedConfirmLeavesNothingBehind() throws {
        let f = try RedemptionFixture()
        let li = try f.member("李成", code: "CD0001", phone: "13812341234", points: 30)
        let tables = ["redemption", "redemption_line", "ledger_entry", "stock_move", "voucher", "audit_log", "redemption_day_total"]
        func snapshot() throws -> [String] {
            try f.db.pool.read { db in
                try tables.map { "\($0) \(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? -1)" }
                    + [try String.fetchOne(db, sql: "SELECT group_concat(holder_id || ':' || balance) FROM points_balance") ?? "",
                       try String.fetchOne(db, sql: "SELECT group_concat(key || ':' || stock) FROM redemption_item") ?? "",
                       try String.fetchOne(db, sql: "SELECT group_concat(kind || month || amount) FROM ledger_month_total") ?? ""]
            }
        }
        let before = try snapshot()
        // Another connection's data_version moves with any commit but its own: the rehearsal must not move it.
        var readOnly = Configuration()
        readOnly.readonly = true
        let other = try DatabaseQueue(path: f.db.path, configuration: readOnly)
        let version = try other.read { try Int.fetchOne($0, sql: "PRAGMA data_version") }
        // 30 points cannot pay for a towel and a voucher: the rehearsal tops up and restocks, inside the rollback.
        let rehearsed = try XCTUnwrap(try f.db.rehearseConfirm())
        XCTAssertEqual(rehearsed.lines.map(\.itemKey), ["towel", "car_wash_voucher"])
        XCTAssertEqual(rehearsed.vouchers.count, 1)
        XCTAssertEqual(try snapshot(), before)
        XCTAssertEqual(try f.balance(li), 30)
        XCTAssertEqual(try other.read { try Int.fetchOne($0, sql: "PRAGMA data_version") }, version)
        try f.db.adjustPoints(li, amount: 20, reason: "补足", by: f.secretary)
        XCTAssertNotEqual(try other.read { try Int.fetchOne($0, sql: "PRAGMA data_version") }, version, "a real commit does move it")
        let real = try f.db.redeem(f.request(li, ["towel": 1]), by: f.secretary)
        XCTAssertTrue(real.receipt.hasSuffix("-0001"), real.receipt)
        XCTAssertEqual(real.receipt, rehearsed.receipt)
    }

    /// Training ends by closing its copy, perhaps while the copy's rehearsal is still running: no crash, and
    /// whichever comes second finds the other done or is refused quietly.
    func testClosingTheFileDuringTheRehearsalIsSafe() throws {
        for _ in 0..<20 {
            let f = try RedemptionFixture()
            try f.member("李成", code: "CD0001", phone: "13812341234", points: 500)
            f.db.warmConfirm()
            try? f.db.pool.close()
            BackgroundWarmUp.wait()
        }
    }
}
