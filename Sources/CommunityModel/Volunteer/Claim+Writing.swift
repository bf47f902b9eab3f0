import Foundation
import GRDB

/// Claims are written through statements prepared once per connection rather than record encoding: a bulk
/// review, an import and the demo's half year write hundreds of claims in one transaction, and encoding the
/// whole record for each write cost more than the SQL itself.
extension Claim {
    /// Inserts the claim and sets its id.
    mutating func insertRow(_ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO claim (task_id, member_id, organisation_id, state, claimed_at, reply_note, replied_at, reviewed_at,
                               reviewed_by, review_reason, source, external_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [taskId, memberId, organisationId, state.rawValue, claimedAt, replyNote, repliedAt, reviewedAt,
                                     reviewedBy, reviewReason, source.rawValue, externalId])
        id = db.lastInsertedRowID
    }

    /// Writes what a reply or a review changes (never the task or the claimant, which the schema forbids moving).
    func updateState(_ db: Database) throws {
        try db.cachedStatement(sql: """
            UPDATE claim SET state = ?, reply_note = ?, replied_at = ?, reviewed_at = ?, reviewed_by = ?, review_reason = ? WHERE id = ?
            """).execute(arguments: [state.rawValue, replyNote, repliedAt, reviewedAt, reviewedBy, reviewReason, id])
    }
}

extension LedgerEntry {
    /// Inserts the entry and sets its id (see `Claim.insertRow`).
    mutating func insertRow(_ db: Database) throws {
        try db.cachedStatement(sql: """
            INSERT INTO ledger_entry (member_id, organisation_id, kind, amount, balance_after, reason, claim_id, reverses_id,
                                      idempotency_key, reference, at, day, operator_name)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [memberId, organisationId, kind.rawValue, amount, balanceAfter, reason, claimId, reversesId,
                                     idempotencyKey, reference, at, day, operatorName])
        id = db.lastInsertedRowID
    }
}
