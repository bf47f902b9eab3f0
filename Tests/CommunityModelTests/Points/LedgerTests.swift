import GRDB
import XCTest
@testable import CommunityModel

/// The points ledger: append-only, idempotent, never below zero, reversals exact and once (issue 4 item 3).
final class LedgerTests: XCTestCase {
    func testApprovalCreditsTheTaskPointsInTheSameTransaction() throws {
        let f = try VolunteerFixture()
        let task = try f.task(points: 15)
        let a = try f.member("张伟", code: "D001", phone: "13800000001")
        let id = try f.repliedClaim(task, a)
        let outcome = try f.db.approveClaims([id], by: f.actor)
        XCTAssertEqual(outcome.changed, [id])
        XCTAssertEqual(outcome.pointsCredited, 15)
        XCTAssertEqual(try f.balance(a), 15)
        let entries = try f.db.ledgerEntries(of: a, .first(10))
        XCTAssertEqual(entries.map(\.kind), [.credit])
        XCTAssertEqual(entries.first?.claimId, id)
        XCTAssertEqual(entries.first?.balanceAfter, 15)
    }

    func testApprovingAgainCreditsOnce() throws {
        let f = try VolunteerFixture()
        let task = try f.task(points: 10)
        let a = try f.member("张伟", code: "D001", phone: "13800000001")
        let id = try f.repliedClaim(task, a)
        try f.db.approveClaims([id], by: f.actor)
        let retry = try f.db.approveClaims([id, id], by: f.actor)
        XCTAssertEqual(retry.changed, [])
        XCTAssertEqual(retry.alreadyDone, [id])
        XCTAssertEqual(try f.balance(a), 10)
        XCTAssertEqual(try f.count("SELECT COUNT(*) FROM ledger_entry"), 1)
    }

    func testARetriedPostingWithTheSameKeyAppliesOnce() throws {
        let f = try VolunteerFixture()
        let a = try f.member("张伟", code: "D001", phone: "13800000001")
        let first = try f.db.adjustPoints(a, amount: 30, reason: "历史积分补录", requestId: "req-1", by: f.actor)
        let again = try f.db.adjustPoints(a, amount: 30, reason: "历史积分补录", requestId: "req-1", by: f.actor)
        XCTAssertEqual(first.id, again.id)
        XCTAssertEqual(try f.balance(a), 30)
        // The same key for a different posting is a mistake, not a retry.
        XCTAssertThrowsError(try f.db.adjustPoints(a, amount: 5, reason: "x", requestId: "req-1", by: f.actor),
                             equals: LedgerError.idempotencyKeyReused("adjust:req-1"))
        // The same receipt debited twice (a retried redemption) takes the points once.
        try f.db.debitPoints(a, amount: 12, reason: "兑换 毛巾", reference: "R-0001", by: f.actor)
        try f.db.debitPoints(a, amount: 12, reason: "兑换 毛巾", reference: "R-0001", by: f.actor)
        XCTAssertEqual(try f.balance(a), 18)
    }

    func testNoBalanceGoesBelowZero() throws {
        let f = try VolunteerFixture()
        let a = try f.member("张伟", code: "D001", phone: "13800000001")
        try f.db.adjustPoints(a, amount: 10, reason: "补录", by: f.actor)
        XCTAssertThrowsError(try f.db.debitPoints(a, amount: 11, reason: "兑换 大米", reference: "R-1", by: f.actor),
                             equals: LedgerError.wouldGoNegative(holder: "张伟（D001）", balance: 10, amount: -11))
        XCTAssertThrowsError(try f.db.adjustPoints(a, amount: -11, reason: "更正", by: f.actor))
        XCTAssertEqual(try f.balance(a), 10)
        // Even SQL that skips the checks cannot do it: the balance row refuses.
        XCTAssertThrowsError(try f.db.pool.write { db in
            try db.execute(sql: """
                INSERT INTO ledger_entry (member_id, kind, amount, balance_after, idempotency_key, at, day, operator_name)
                VALUES (?, 'debit', -50, 0, 'sneaky', '2026-01-01 00:00:00', '2026-01-01', 'x')
                """, arguments: [a.memberId])
        })
        XCTAssertEqual(try f.balance(a), 10)
    }

    func testTriggersRefuseEditsAndDeletes() throws {
        let f = try VolunteerFixture()
        let a = try f.member("张伟", code: "D001", phone: "13800000001")
        let e = try f.db.adjustPoints(a, amount: 10, reason: "补录", by: f.actor)
        XCTAssertThrowsError(try f.db.pool.write { try $0.execute(sql: "UPDATE ledger_entry SET amount = 1000 WHERE id = ?", arguments: [e.id]) }) { error in
            XCTAssertTrue("\(error)".contains("append-only"), "\(error)")
        }
        XCTAssertThrowsError(try f.db.pool.write { try $0.execute(sql: "DELETE FROM ledger_entry") })
        XCTAssertEqual(try f.db.ledgerEntry(id: e.id!)?.amount, 10)
        XCTAssertEqual(try f.balance(a), 10)
    }

    func testReversalUndoesOnceAndNeverAReversal() throws {
        let f = try VolunteerFixture()
        let a = try f.member("张伟", code: "D001", phone: "13800000001")
        let e = try f.db.adjustPoints(a, amount: 25, reason: "补录", by: f.actor)
        let r = try f.db.reverseEntry(id: e.id!, reason: "重复补录", by: f.actor)
        XCTAssertEqual(r.kind, .reversal)
        XCTAssertEqual(r.amount, -25)
        XCTAssertEqual(r.reversesId, e.id)
        XCTAssertEqual(try f.balance(a), 0)
        XCTAssertThrowsError(try f.db.reverseEntry(id: e.id!, reason: "again", by: f.actor), equals: LedgerError.alreadyReversed(entryId: e.id!))
        XCTAssertThrowsError(try f.db.reverseEntry(id: r.id!, reason: "undo", by: f.actor), equals: LedgerError.cannotReverseReversal(entryId: r.id!))
        // The schema itself refuses a second reversal of the same entry.
        XCTAssertThrowsError(try f.db.pool.write { db in
            try db.execute(sql: """
                INSERT INTO ledger_entry (member_id, kind, amount, balance_after, reverses_id, idempotency_key, at, day, operator_name)
                VALUES (?, 'reversal', -25, 0, ?, 'dup', '2026-01-01 00:00:00', '2026-01-01', 'x')
                """, arguments: [a.memberId, e.id])
        })
        XCTAssertEqual(try f.db.pool.read { try VolunteerCheck.problems($0) }, [])
    }

    func testRevokingAnApprovalPostsAReversalAndReturnsTheClaimToReview() throws {
        let f = try VolunteerFixture()
        let task = try f.task(points: 10)
        let a = try f.member("张伟", code: "D001", phone: "13800000001")
        let id = try f.repliedClaim(task, a)
        try f.db.approveClaims([id], by: f.actor)
        let reversal = try f.db.revokeApproval(claimId: id, reason: "误点通过", requestId: "rv-1", by: f.actor)
        XCTAssertEqual(reversal?.amount, -10)
        XCTAssertEqual(try f.balance(a), 0)
        XCTAssertEqual(try f.db.claim(id: id)?.state, .replied)
        // A retried revoke is a no-op; re-approval credits again under a new key.
        XCTAssertEqual(try f.db.revokeApproval(claimId: id, reason: "误点通过", requestId: "rv-1", by: f.actor)?.id, reversal?.id)
        try f.db.approveClaims([id], by: f.actor)
        XCTAssertEqual(try f.balance(a), 10)
        XCTAssertEqual(try f.count("SELECT COUNT(*) FROM ledger_entry WHERE kind = 'credit'"), 2)
        XCTAssertEqual(try f.db.pool.read { try VolunteerCheck.problems($0) }, [])
    }

    func testRevokingIsRefusedOnceThePointsAreSpent() throws {
        let f = try VolunteerFixture()
        let task = try f.task(points: 10)
        let a = try f.member("张伟", code: "D001", phone: "13800000001")
        let id = try f.repliedClaim(task, a)
        try f.db.approveClaims([id], by: f.actor)
        try f.db.debitPoints(a, amount: 8, reason: "兑换 毛巾", reference: "R-9", by: f.actor)
        XCTAssertThrowsError(try f.db.revokeApproval(claimId: id, reason: "误点", by: f.actor),
                             equals: LedgerError.wouldGoNegative(holder: "张伟（D001）", balance: 2, amount: -10))
        XCTAssertEqual(try f.db.claim(id: id)?.state, .approved, "nothing half-done")
    }

    func testBulkApprovalIsAllOrNothing() throws {
        let f = try VolunteerFixture()
        let task = try f.task(points: 5)
        let a = try f.member("张伟", code: "D001", phone: "13800000001")
        let b = try f.member("李娜", code: "D002", phone: "13800000002")
        let ready = try f.repliedClaim(task, a)
        let notReady = try f.db.claimTask(id: task.id!, for: b, by: f.actor).id!
        XCTAssertThrowsError(try f.db.approveClaims([ready, notReady], by: f.actor))
        XCTAssertEqual(try f.balance(a), 0, "the first claim's credit rolled back with the batch")
        try f.db.replyToClaim(id: notReady, note: "done", by: f.actor, now: task.startsAt)
        let outcome = try f.db.approveClaims([ready, notReady], by: f.actor)
        XCTAssertEqual(outcome.changed, [ready, notReady])
        XCTAssertEqual(try f.balance(a) + f.balance(b), 10)
    }

    func testOrganisationsHoldBalancesToo() throws {
        let f = try VolunteerFixture()
        let task = try f.task("防诈骗宣传", audience: .organisations, points: 20)
        let bus = try f.organisation("公交集团党委")
        let id = try f.repliedClaim(task, bus)
        try f.db.approveClaims([id], by: f.actor)
        XCTAssertEqual(try f.db.balance(of: bus), PointsBalance(holder: bus, name: "公交集团党委", balance: 20, entries: 1))
        XCTAssertEqual(try f.db.pointsOutstanding(), 20)
    }

    func testHistoryPagesNewestFirst() throws {
        let f = try VolunteerFixture()
        let a = try f.member("张伟", code: "D001", phone: "13800000001")
        for i in 1...7 { try f.db.adjustPoints(a, amount: i, reason: "补录\(i)", by: f.actor) }
        let page1 = try f.db.ledgerEntries(of: a, .first(3))
        XCTAssertEqual(page1.map(\.amount), [7, 6, 5])
        let page2 = try f.db.ledgerEntries(of: a, .after(page1.last!.listKey, 3))
        XCTAssertEqual(page2.map(\.amount), [4, 3, 2])
        XCTAssertEqual(try f.db.ledgerEntries(of: a, .last(2)).map(\.amount), [2, 1])
        XCTAssertEqual(try f.db.ledgerEntryCount(of: a), 7)
        XCTAssertEqual(page1.first?.balanceAfter, 28)
    }

    func testEveryChangeIsAudited() throws {
        let f = try VolunteerFixture()
        let task = try f.task()
        let a = try f.member("张伟", code: "D001", phone: "13800000001")
        let id = try f.repliedClaim(task, a)
        try f.db.approveClaims([id], by: f.actor)
        let actions = try f.db.pool.read { try String.fetchAll($0, sql: "SELECT action FROM audit_log WHERE action LIKE 'task.%' OR action LIKE 'claim.%' OR action LIKE 'ledger.%' ORDER BY id") }
        XCTAssertEqual(actions, ["task.publish", "claim.create", "claim.reply", "claim.approve", "ledger.credit"])
    }
}
