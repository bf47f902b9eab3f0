import Foundation
import GRDB

/// Reviewing claims: approve (points in the same transaction), reject with a reason, mark 未到, revoke an approval.
extension CommunityDatabase {
    /// Approves 已回复 claims, crediting each claimant the task's points in the same transaction.
    /// All or nothing: if any claim cannot be approved nothing is written. Claims already approved (a retry, or
    /// another terminal got there first) are reported as already done and credited nothing.
    /// - Throws: `ClaimError.wrongState` naming the first claim that is not 已回复.
    @discardableResult
    public func approveClaims(_ ids: [Int64], by actor: Actor) throws -> ReviewOutcome {
        if ids.isEmpty { throw ClaimError.nothingSelected }
        return try pool.write { db in
            var outcome = ReviewOutcome()
            for id in Self.unique(ids) {
                let credited = try Self.approve(db, claimId: id, by: actor)
                if let credited { outcome.changed.append(id); outcome.pointsCredited += credited } else { outcome.alreadyDone.append(id) }
            }
            return outcome
        }
    }

    /// Approves one claim inside a transaction. Returns the points credited, or nil when it was already approved.
    static func approve(_ db: Database, claimId: Int64, by actor: Actor?) throws -> Int? {
        guard var claim = try Claim.fetchCached(db, id: claimId), let holder = claim.holder else { throw ClaimError.unknownClaim }
        if claim.state == .approved { return nil }
        guard claim.state == .replied else {
            throw ClaimError.wrongState(action: LocalizedText("审核通过", "approved"), state: claim.state, expected: [.replied])
        }
        guard let task = try VolunteerTask.fetchCached(db, id: claim.taskId) else { throw ClaimError.unknownTask }
        claim.state = .approved
        claim.reviewedAt = VolunteerClock.timestamp()
        claim.reviewedBy = actor?.name ?? "system"
        claim.reviewReason = ""
        try claim.updateState(db)
        try AuditEntry.record(db, by: actor, action: "claim.approve", target: "claim:\(claimId)", detail: "\(task.title) +\(task.points)")
        // A task worth 0 points is thanks only: approved, nothing to post.
        if task.points > 0 {
            let earlier = try Int.fetchCached(db, sql: "SELECT COUNT(*) FROM ledger_entry WHERE claim_id = ? AND kind = 'credit'", arguments: [claimId]) ?? 0
            let key = ClaimRules.creditKey(claimId: claimId, approval: earlier + 1)
            try postLedgerEntry(db, LedgerPosting(holder: holder, kind: .credit, amount: task.points, reason: task.title,
                                                  idempotencyKey: key, reference: "task:\(task.id ?? 0)", claimId: claimId), by: actor)
        }
        return task.points
    }

    /// Rejects 已回复 claims with a reason the claimant will see. All or nothing; already-rejected claims are skipped.
    @discardableResult
    public func rejectClaims(_ ids: [Int64], reason: String, by actor: Actor) throws -> ReviewOutcome {
        try close(ids, to: .rejected, from: [.replied], reason: reason, reasonRequired: true,
                  action: LocalizedText("驳回", "rejected"), by: actor)
    }

    /// Marks claims 未到 (no-show): no points, and the claimant's record shows it.
    /// Only once the task has started (`now`, "yyyy-MM-dd HH:mm"): before, nobody can have failed to come.
    /// - Throws: `ClaimError.taskNotStarted` naming the first claim whose task has not started; nothing is written.
    @discardableResult
    public func markNoShow(_ ids: [Int64], reason: String = "", by actor: Actor, now: String = VolunteerClock.now()) throws -> ReviewOutcome {
        try close(ids, to: .noShow, from: [.claimed, .replied], reason: reason, reasonRequired: false,
                  action: LocalizedText("标记未到", "marked no-show"), by: actor, startedBy: now)
    }

    private func close(_ ids: [Int64], to target: ClaimState, from allowed: [ClaimState], reason: String, reasonRequired: Bool,
                       action: LocalizedText, by actor: Actor, startedBy now: String? = nil) throws -> ReviewOutcome {
        if ids.isEmpty { throw ClaimError.nothingSelected }
        let why = try TextRules.check(reason, .text, field: LocalizedText("理由", "The reason"))
        if reasonRequired && why.isEmpty { throw ClaimError.reasonRequired(action: action) }
        return try pool.write { db in
            var outcome = ReviewOutcome()
            for id in Self.unique(ids) {
                if let now, let claim = try Claim.fetchCached(db, id: id), allowed.contains(claim.state),
                   let task = try VolunteerTask.fetchCached(db, id: claim.taskId),
                   let refusal = ClaimRules.notStarted(task: task, now: now, action: ClaimRules.noShowAction) {
                    throw refusal
                }
                if try Self.closeClaim(db, id: id, to: target, from: allowed, reason: why, action: action, by: actor) {
                    outcome.changed.append(id)
                } else {
                    outcome.alreadyDone.append(id)
                }
            }
            return outcome
        }
    }

    /// Rejects a 已回复 claim inside a transaction (the reason is required by the caller). False when it already was.
    @discardableResult
    static func reject(_ db: Database, claimId: Int64, reason: String, by actor: Actor?) throws -> Bool {
        try closeClaim(db, id: claimId, to: .rejected, from: [.replied], reason: reason, action: LocalizedText("驳回", "rejected"), by: actor)
    }

    /// Marks a claim 未到 inside a transaction. False when it already was.
    @discardableResult
    static func markNoShow(_ db: Database, claimId: Int64, reason: String, by actor: Actor?) throws -> Bool {
        try closeClaim(db, id: claimId, to: .noShow, from: [.claimed, .replied], reason: reason, action: LocalizedText("标记未到", "marked no-show"), by: actor)
    }

    /// One claim to 已驳回 or 未到 inside a transaction; false when it is already there.
    private static func closeClaim(_ db: Database, id: Int64, to target: ClaimState, from allowed: [ClaimState], reason why: String,
                                   action: LocalizedText, by actor: Actor?) throws -> Bool {
        guard var claim = try Claim.fetchCached(db, id: id) else { throw ClaimError.unknownClaim }
        if claim.state == target { return false }
        guard allowed.contains(claim.state) else { throw ClaimError.wrongState(action: action, state: claim.state, expected: allowed) }
        claim.state = target
        claim.reviewedAt = VolunteerClock.timestamp()
        claim.reviewedBy = actor?.name ?? "system"
        claim.reviewReason = why
        try claim.updateState(db)
        try AuditEntry.record(db, by: actor, action: target == .rejected ? "claim.reject" : "claim.noshow", target: "claim:\(id)", detail: why)
        return true
    }

    /// Revokes an approval: posts a reversal of its credit and puts the claim back in the review queue.
    /// Refused when the points have already been spent (a balance never goes below zero): adjust instead.
    /// - Throws: `ClaimError.wrongState` unless 已通过, `LedgerError.wouldGoNegative`.
    @discardableResult
    public func revokeApproval(claimId: Int64, reason: String, requestId: String = UUID().uuidString, by actor: Actor) throws -> LedgerEntry? {
        try pool.write { db in
            try Self.revokeApproval(db, claimId: claimId, reason: reason, idempotencyKey: "revoke:\(requestId)", by: actor)
        }
    }

    /// Inside a transaction. Returns the reversal (nil when the task earned 0 points, so there was nothing to reverse).
    @discardableResult
    static func revokeApproval(_ db: Database, claimId: Int64, reason: String, idempotencyKey: String, by actor: Actor?) throws -> LedgerEntry? {
        let why = try TextRules.check(reason, .text, field: LocalizedText("理由", "The reason"))
        if why.isEmpty { throw ClaimError.reasonRequired(action: LocalizedText("撤销审核", "revoke an approval")) }
        // A retry of the same revocation finds its reversal and changes nothing.
        if let done = try LedgerEntry.filter(LedgerEntry.Columns.idempotencyKey == idempotencyKey).fetchOne(db) { return done }
        guard var claim = try Claim.fetchOne(db, key: claimId) else { throw ClaimError.unknownClaim }
        guard claim.state == .approved else {
            throw ClaimError.wrongState(action: LocalizedText("撤销审核", "revoked"), state: claim.state, expected: [.approved])
        }
        // The credit that is still standing: the latest credit of this claim without a reversal.
        let credit = try LedgerEntry.fetchOne(db, sql: """
            SELECT * FROM ledger_entry e WHERE e.claim_id = ? AND e.kind = 'credit'
              AND NOT EXISTS (SELECT 1 FROM ledger_entry r WHERE r.reverses_id = e.id)
            ORDER BY e.id DESC LIMIT 1
            """, arguments: [claimId])
        let reversal = try credit.map { try reverse(db, $0, reason: "撤销审核：\(why)", idempotencyKey: idempotencyKey, by: actor) }
        claim.state = .replied
        claim.reviewedAt = nil
        claim.reviewedBy = ""
        claim.reviewReason = "撤销审核：\(why)"
        try claim.updateState(db)
        try AuditEntry.record(db, by: actor, action: "claim.revoke", target: "claim:\(claimId)", detail: why)
        return reversal
    }

    static func unique(_ ids: [Int64]) -> [Int64] {
        var seen = Set<Int64>()
        return ids.filter { seen.insert($0).inserted }
    }
}
