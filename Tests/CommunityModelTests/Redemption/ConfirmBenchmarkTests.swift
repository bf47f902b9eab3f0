import CommunityTestSupport
import GRDB
import XCTest
@testable import CommunityModel

/// `community bench --confirm N` (issue 8 item 11): the desk's confirm timed with synchronous = FULL on a copy,
/// leaving the measured file as it was.
final class ConfirmBenchmarkTests: XCTestCase {
    func testConfirmsAreTimedOnACopyWithFullSyncAndTheFileIsLeftAsItWas() throws {
        let store = try TestStore.demo()
        defer { store.remove() }
        func receipts() throws -> Int { try store.db.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM redemption") ?? -1 } }
        let before = try receipts()
        let balance = try store.db.pool.read { try Int.fetchOne($0, sql: "SELECT SUM(balance) FROM points_balance") ?? -1 }

        // More confirms than the demo has towels in stock or holders with 110 points: the copy is prepared for them.
        let timing = try ConfirmBenchmark.run(path: store.path, count: 150, by: store.secretary)

        XCTAssertEqual(timing.millis.count, 150)
        XCTAssertEqual(timing.refused, 0, timing.firstRefusal ?? "")
        XCTAssertEqual(timing.synchronous, "FULL")
        XCTAssertEqual(timing.journalMode, "wal")
        XCTAssertEqual(timing.holders, 150, "each confirm for a different holder")
        XCTAssertEqual(timing.basket, "towel×1 + car_wash_voucher×1")
        XCTAssertLessThanOrEqual(timing.median, timing.p95)
        XCTAssertLessThanOrEqual(timing.p95, timing.worst)
        // The measured file is untouched and the copy is gone.
        XCTAssertEqual(try receipts(), before)
        XCTAssertEqual(try store.db.pool.read { try Int.fetchOne($0, sql: "SELECT SUM(balance) FROM points_balance") ?? -1 }, balance)
        let left = try FileManager.default.contentsOfDirectory(atPath: store.directory.path).filter { $0.contains("confirm-bench") }
        XCTAssertEqual(left, [])
    }
}
