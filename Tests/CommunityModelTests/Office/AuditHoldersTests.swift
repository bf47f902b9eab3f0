import CommunityModel
import CommunityTestSupport
import Foundation
import GRDB
import XCTest
@testable import CommunityModel

/// Each audit line's holder, kept by a trigger beside the append-only log: what a name search reads.
final class AuditHoldersTests: XCTestCase {
    /// The holder of each line worked out here in Swift, one record at a time, as the reference for the trigger.
    private func expectedHolders(_ db: Database) throws -> Set<String> {
        func holder(_ sql: String, _ argument: DatabaseValueConvertible) throws -> String? {
            guard let row = try Row.fetchOne(db, sql: sql, arguments: [argument]) else { return nil }
            if let id = row["member_id"] as Int64? { return "member:\(id)" }
            return (row["organisation_id"] as Int64?).map { "organisation:\($0)" }
        }
        var out = Set<String>()
        for line in try AuditEntry.fetchAll(db, sql: "SELECT * FROM audit_log") {
            let parts = line.target.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            let rest = parts[1], id = Int64(rest) ?? -1
            let h: String?
            switch parts[0] {
            case "member", "organisation": h = line.target
            case "ledger_entry": h = try holder("SELECT member_id, organisation_id FROM ledger_entry WHERE id = ?", id)
            case "claim": h = try holder("SELECT member_id, organisation_id FROM claim WHERE id = ?", id)
            case "receipt": h = try holder("SELECT member_id, organisation_id FROM redemption WHERE receipt = ?", rest)
            case "voucher": h = try holder("SELECT r.member_id, r.organisation_id FROM voucher v JOIN redemption r ON r.id = v.redemption_id WHERE v.id = ?", id)
            default: h = nil
            }
            if let h { out.insert("\(h) \(line.id ?? 0)") }
        }
        return out
    }

    private func kept(_ db: Database) throws -> Set<String> {
        Set(try String.fetchAll(db, sql: "SELECT holder || ' ' || audit_id FROM audit_holder"))
    }

    func testEveryLineAboutAHolderIsKeptUnderItsHolderOnTheDemosWholeHistory() throws {
        let store = try TestStore.demo()
        defer { store.remove() }
        try store.db.pool.read { db in
            let expected = try expectedHolders(db)
            XCTAssertGreaterThan(expected.count, 2_000, "points, claims, receipts and vouchers of the demo")
            for kind in ["ledger_entry:", "claim:", "receipt:", "voucher:"] {
                XCTAssertGreaterThan(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_holder h JOIN audit_log a ON a.id = h.audit_id WHERE a.target LIKE ?",
                                                      arguments: [kind + "%"]) ?? 0, 0, kind)
            }
            XCTAssertEqual(try kept(db), expected)
            // The time kept is the line's, as the number Swift makes of it for a list key.
            for row in try Row.fetchAll(db, sql: "SELECT a.at, a.id, h.time FROM audit_holder h JOIN audit_log a ON a.id = h.audit_id") {
                XCTAssertEqual(AuditMatchKey(ListKey(sort: row["at"], id: row["id"])), AuditMatchKey(time: row["time"], id: row["id"]))
            }
        }
        XCTAssertEqual(try store.db.check(), [])
    }

    /// A file from before v12 gets its holders from the lines already written, the same as the trigger keeps.
    func testTheMigrationFillsTheHoldersOfAnOlderFile() throws {
        let store = try TestStore.demo()
        defer { store.remove() }
        let before = try store.db.pool.read { try kept($0) }
        try store.db.pool.barrierWriteWithoutTransaction { db in
            try db.execute(sql: """
                DROP TRIGGER audit_holder_add; DROP TRIGGER audit_holder_no_update; DROP TRIGGER audit_holder_no_delete;
                DROP TABLE audit_holder; DELETE FROM grdb_migrations WHERE identifier = 'v12-audit-holder'
                """)
        }
        let path = store.db.path
        try store.db.pool.close()
        let reopened = try CommunityDatabase.open(path: path)
        XCTAssertEqual(try reopened.pool.read { try kept($0) }, before)
        XCTAssertEqual(try reopened.check(), [])
        try reopened.pool.close()
    }

    /// The new lines of a redeem, a voucher used, a void and points are kept at once, and a name finds its
    /// receipts, which it did not before the holders were kept.
    func testNewLinesAreKeptAndANameFindsItsReceiptsAndVouchers() throws {
        let f = try RedemptionFixture()
        let li = try f.member("李成", code: "CD0001", phone: "13812341234", points: 900)
        _ = try f.member("王芳", code: "CD0002", phone: "13912341234", points: 300)
        let r = try f.db.redeem(f.request(li, ["car_wash_voucher": 1]), by: f.secretary)
        try f.db.useVoucher(r.vouchers[0].code, shop: "朝东汽车美容店", by: nil)
        let towel = try f.db.redeem(f.request(li, ["towel": 1]), by: f.secretary)
        try f.db.voidRedemption(receipt: towel.receipt, reason: "拿错", clerk: f.secretary, supervisor: f.secretary)
        try f.db.pool.read { db in XCTAssertEqual(try kept(db), try expectedHolders(db)) }

        let lines = try f.db.auditLines(AuditFilter(text: "李成"), .first(50))
        let actions = Set(lines.map(\.entry.action))
        XCTAssertTrue(actions.isSuperset(of: ["member.add", "ledger.adjustment", "redemption.redeem", "voucher.use", "redemption.void"]), "\(actions)")
        XCTAssertFalse(lines.contains { $0.entry.target == "member:2" }, "王芳's lines are not 李成's")
        // The receipt's line names whose it is, as the points lines do.
        let redeem = try XCTUnwrap(lines.first { $0.entry.action == "redemption.redeem" })
        XCTAssertTrue(redeem.sentence.zh.hasPrefix("李成（CD0001） 兑换 DH"), redeem.sentence.zh)
        XCTAssertTrue(redeem.sentence.en.hasPrefix("李成 (CD0001) redeemed DH"), redeem.sentence.en)
        XCTAssertEqual(try f.db.auditCount(AuditFilter(text: "李成")), lines.count)
        XCTAssertEqual(try f.db.auditCount(AuditFilter(kind: .redemption, text: "CD0001")), lines.filter { $0.kind == .redemption }.count)
        XCTAssertEqual(try f.db.check(), [])
    }

    func testTheKeptHoldersAreAppendOnlyAndCheckNamesALineKeptUnderTheWrongHolder() throws {
        let f = try RedemptionFixture()
        let li = try f.member("李成", code: "CD0001", phone: "13812341234", points: 100)
        guard case .member(let id) = li else { return XCTFail() }
        let line = try XCTUnwrap(try f.db.pool.read { db in try Int64.fetchOne(db, sql: "SELECT audit_id FROM audit_holder WHERE holder = ?", arguments: ["member:\(id)"]) })
        for sql in ["UPDATE audit_holder SET holder = 'member:99'", "DELETE FROM audit_holder"] {
            XCTAssertThrowsError(try f.db.pool.write { try $0.execute(sql: sql) }, sql)
        }
        try f.db.pool.write { db in
            try db.execute(sql: "INSERT INTO audit_holder (holder, time, audit_id) SELECT 'member:99', time, audit_id FROM audit_holder WHERE audit_id = ?", arguments: [line])
        }
        let problems = try f.db.check()
        XCTAssertEqual(problems.map(\.area), ["audit"])
        XCTAssertTrue(problems[0].detail.zh.contains("第 \(line) 行") && problems[0].detail.zh.contains("member:99"), problems[0].detail.zh)
    }

    /// List keys from the screen become the same numbers SQLite makes of the times, and order as the text does.
    func testListKeysBecomeTheNumbersTheTimesMake() {
        XCTAssertEqual(AuditMatchKey(ListKey(sort: "2026-11-30 14:05:12", id: 7)), AuditMatchKey(time: 20261130140512, id: 7))
        XCTAssertLessThan(AuditMatchKey(ListKey(sort: "2026-12-01 00:00:00", id: 1)), AuditMatchKey(ListKey(sort: "2026-11-30 23:59:59", id: 9)),
                          "newer first")
        XCTAssertLessThan(AuditMatchKey(time: 5, id: 9), AuditMatchKey(time: 5, id: 8), "then the larger id")
        XCTAssertEqual(AuditMatchKey(ListKey(sort: "", id: 1)).time, 0)
    }
}
