import Foundation
import GRDB
import XCTest
@testable import CommunityModel

/// Two terminals on the same file: nothing lost, nothing doubled (issue 4 item 10).
/// Each side opens its own `CommunityDatabase` (its own DatabasePool and connections, as a second process would)
/// and they run on separate threads at the same time. SQLite's file locks serialise the IMMEDIATE write
/// transactions exactly as they do between processes.
final class VolunteerConcurrencyTests: XCTestCase {
    func testTwoTerminalsApprovingTheSameClaimsCreditOnce() throws {
        let f = try VolunteerFixture()
        let task = try f.task(places: 40, points: 7)
        var ids: [Int64] = []
        var holders: [PointsHolder] = []
        for i in 0..<30 {
            let h = try f.member("党员\(i)", code: String(format: "C%03d", i), phone: String(format: "139%08d", i))
            holders.append(h)
            ids.append(try f.repliedClaim(task, h))
        }
        let other = try CommunityDatabase.open(path: f.path)
        let errors = ErrorBox()
        let group = DispatchGroup()
        let actor = f.actor, claimIds = ids
        for (n, db) in [f.db, other].enumerated() {
            DispatchQueue.global().async(group: group) {
                // Each terminal approves one claim at a time, in opposite orders, so they collide everywhere.
                for id in (n == 0 ? claimIds : claimIds.reversed()) {
                    do { try db.approveClaims([id], by: actor) } catch { errors.add(error) }
                }
            }
        }
        group.wait()
        XCTAssertEqual(errors.all.count, 0, "\(errors.all)")
        XCTAssertEqual(try f.count("SELECT COUNT(*) FROM ledger_entry"), 30)
        for h in holders { XCTAssertEqual(try f.balance(h), 7) }
        XCTAssertEqual(try f.db.pool.read { try VolunteerCheck.problems($0) }, [])
    }

    func testTwoTerminalsImportingOverlappingFilesLoseAndDoubleNothing() throws {
        let f = try VolunteerFixture()
        let task = try f.task("小门管控", places: 500, points: 5)
        for i in 0..<120 { try f.member("党员\(i)", code: String(format: "C%03d", i), phone: String(format: "139%08d", i)) }
        func file(_ range: Range<Int>) -> String {
            "外部编号,任务,认领人,状态,时间,备注\n" + range.map { i in
                "MP-\(i),#\(task.id!),\(String(format: "139%08d", i)),\(i % 2 == 0 ? "已回复" : "已认领"),2026-06-20 09:00,ok"
            }.joined(separator: "\n")
        }
        let a = file(0..<80), b = file(40..<120)
        let other = try CommunityDatabase.open(path: f.path)
        let errors = ErrorBox()
        let group = DispatchGroup()
        let actor = f.actor
        for (db, text) in [(f.db, a), (other, b)] {
            DispatchQueue.global().async(group: group) {
                for _ in 0..<3 {
                    do { try db.importClaims(csv: text, fileName: "mp.csv", by: actor) } catch { errors.add(error) }
                }
            }
        }
        group.wait()
        XCTAssertEqual(errors.all.count, 0, "\(errors.all)")
        XCTAssertEqual(try f.count("SELECT COUNT(*) FROM claim"), 120)
        XCTAssertEqual(try f.count("SELECT COUNT(DISTINCT external_id) FROM claim"), 120)
        XCTAssertEqual(try f.count("SELECT COUNT(*) FROM claim WHERE state = '已回复'"), 60)
        XCTAssertEqual(try f.db.task(id: task.id!)?.taken, 120)
    }
}

extension VolunteerConcurrencyTests {
    func testTwoTerminalsRevokingTheSameApprovalReverseItOnce() throws {
        let f = try VolunteerFixture()
        let task = try f.task(points: 9)
        let a = try f.member("张伟", code: "D001", phone: "13800000001")
        let id = try f.repliedClaim(task, a)
        try f.db.approveClaims([id], by: f.actor)
        let other = try CommunityDatabase.open(path: f.path)
        let errors = ErrorBox()
        let group = DispatchGroup()
        let actor = f.actor
        for db in [f.db, other] {
            DispatchQueue.global().async(group: group) {
                do { try db.revokeApproval(claimId: id, reason: "误点通过", by: actor) } catch { errors.add(error) }
            }
        }
        group.wait()
        XCTAssertEqual(errors.all.count, 1, "one terminal is told the claim is no longer approved: \(errors.all)")
        XCTAssertTrue(errors.all.first is ClaimError, "\(errors.all)")
        XCTAssertEqual(try f.balance(a), 0)
        XCTAssertEqual(try f.count("SELECT COUNT(*) FROM ledger_entry WHERE kind = 'reversal'"), 1)
        XCTAssertEqual(try f.db.volunteerProblems(), [])
    }

    /// How the redemption desk uses the ledger: the debit posts inside its own transaction, and when the rest of
    /// that transaction fails (stock ran out) the debit goes with it.
    func testADebitInsideAFailingTransactionLeavesNoTrace() throws {
        let f = try VolunteerFixture()
        let a = try f.member("张伟", code: "D001", phone: "13800000001")
        try f.db.adjustPoints(a, amount: 50, reason: "补录", by: f.actor)
        struct OutOfStock: Error {}
        let actor = f.actor
        XCTAssertThrowsError(try f.db.pool.write { db in
            try CommunityDatabase.postLedgerEntry(db, LedgerPosting(holder: a, kind: .debit, amount: -30, reason: "兑换 大米 5kg",
                                                                    idempotencyKey: "receipt:R-77", reference: "R-77"), by: actor)
            throw OutOfStock()
        })
        XCTAssertEqual(try f.balance(a), 50)
        XCTAssertEqual(try f.db.ledgerEntryCount(of: a), 1)
    }
}

final class ErrorBox: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [Error] = []
    func add(_ e: Error) { lock.lock(); errors.append(e); lock.unlock() }
    var all: [Error] { lock.lock(); defer { lock.unlock() }; return errors }
}
