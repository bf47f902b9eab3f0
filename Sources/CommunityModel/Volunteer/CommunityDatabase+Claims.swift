import Foundation
import GRDB

/// Which claims a list shows.
public enum ClaimListScope: Sendable, Equatable {
    /// 已回复 claims waiting for review, oldest reply first.
    case reviewQueue
    case task(Int64)
    case holder(PointsHolder)
}

/// What a bulk review did: the claims changed now, and those a retry found already done.
public struct ReviewOutcome: Sendable, Equatable {
    public var changed: [Int64] = []
    public var alreadyDone: [Int64] = []
    public var pointsCredited = 0
}

extension CommunityDatabase {
    // MARK: Reading

    static func claimQuery(_ scope: ClaimListScope) -> KeysetQuery {
        let sort: String
        switch scope {
        case .reviewQueue: sort = "c.replied_at"
        case .task, .holder: sort = "c.claimed_at"
        }
        var q = KeysetQuery(select: """
            SELECT c.id, c.task_id, t.title AS task_title, t.points AS task_points, c.member_id, c.organisation_id,
                   COALESCE(m.name, o.name, '') AS claimant_name, COALESCE(m.member_code, '') AS claimant_code,
                   c.state, c.claimed_at, c.reply_note, c.replied_at, c.review_reason, c.source, c.external_id,
                   \(sort) AS sort_key FROM claim c JOIN task t ON t.id = c.task_id
            LEFT JOIN member m ON m.id = c.member_id LEFT JOIN organisation o ON o.id = c.organisation_id
            """, sortExpression: sort, idExpression: "c.id")
        switch scope {
        case .reviewQueue: q.conditions = ["c.state = '已回复'"]
        case .task(let id): q.conditions = ["c.task_id = ?"]; q.arguments = [id]
        case .holder(.member(let id)): q.conditions = ["c.member_id = ?"]; q.arguments = [id]; q.descending = true
        case .holder(.organisation(let id)): q.conditions = ["c.organisation_id = ?"]; q.arguments = [id]; q.descending = true
        }
        return q
    }

    /// One page of claims: the review queue, a task's claims, or a claimant's record (newest first, 未到 included).
    public func claims(_ scope: ClaimListScope, _ request: PageRequest) throws -> [ClaimRow] {
        try pool.read { db in try Self.claimQuery(scope).fetch(db, request) }
    }

    /// Counts on `claim` alone (the list's conditions only name claim columns), so the review queue's count is
    /// one index range however many claims wait, with no joins to pay for.
    public func claimCount(_ scope: ClaimListScope, before key: ListKey? = nil) throws -> Int {
        try pool.read { db in try Self.claimCount(db, scope, before: key) }
    }

    static func claimCount(_ db: Database, _ scope: ClaimListScope, before key: ListKey?) throws -> Int {
        var q = claimQuery(scope)
        q.select = "SELECT c.id FROM claim c"
        return try q.count(db, before: key)
    }

    public func claim(id: Int64) throws -> ClaimRow? {
        try pool.read { db in try Self.claimRow(db, id) }
    }

    static func claimRow(_ db: Database, _ id: Int64) throws -> ClaimRow? {
        var q = claimQuery(.reviewQueue)
        q.conditions = ["c.id = ?"]
        q.arguments = [id]
        let rows: [ClaimRow] = try q.fetch(db, .first(1))
        return rows.first
    }

    /// Finds who is meant by what the office typed: a member code, an 11-digit phone (member first, then
    /// organisation), or an organisation's exact name.
    public func findClaimant(_ text: String) throws -> Claimant? {
        try pool.read { db in try Self.findClaimant(db, text) }
    }

    static func findClaimant(_ db: Database, _ text: String) throws -> Claimant? {
        let t = text.trimmingCharacters(in: .whitespaces)
        if t.isEmpty { return nil }
        if let row = try Row.fetchOne(db, sql: """
            SELECT id, name, active, member_code, phone FROM member WHERE member_code = ? OR phone = ?
            ORDER BY member_code = ? DESC, active DESC, id LIMIT 1
            """, arguments: [t, t, t]) {
            return Claimant(holder: .member(row["id"]), name: row["name"], active: row["active"], code: row["member_code"], phone: row["phone"])
        }
        if let row = try Row.fetchOne(db, sql: "SELECT id, name, active, phone FROM organisation WHERE name = ? OR phone = ? ORDER BY name = ? DESC, id LIMIT 1",
                                      arguments: [t, t, t]) {
            return Claimant(holder: .organisation(row["id"]), name: row["name"], active: row["active"], phone: row["phone"])
        }
        return nil
    }

    /// The organisation or member behind a points holder, as the claim rules see them.
    public func claimant(_ holder: PointsHolder) throws -> Claimant? {
        try pool.read { db in try Self.claimant(db, holder) }
    }

    static func claimant(_ db: Database, _ holder: PointsHolder) throws -> Claimant? {
        switch holder {
        case .member(let id):
            return try Row.fetchOne(db.cachedStatement(sql: "SELECT name, active, member_code, phone FROM member WHERE id = ?"), arguments: [id]).map {
                Claimant(holder: holder, name: $0["name"], active: $0["active"], code: $0["member_code"], phone: $0["phone"])
            }
        case .organisation(let id):
            return try Row.fetchOne(db.cachedStatement(sql: "SELECT name, active, phone FROM organisation WHERE id = ?"), arguments: [id]).map {
                Claimant(holder: holder, name: $0["name"], active: $0["active"], phone: $0["phone"])
            }
        }
    }

    // MARK: Claiming

    /// Records a claim for a member or organisation (on behalf: phoned in, or at the desk).
    /// - Throws: `ClaimError` saying why it was refused: full, ended, not the audience, already claimed, inactive…
    @discardableResult
    public func claimTask(id taskId: Int64, for holder: PointsHolder, by actor: Actor, now: String = VolunteerClock.now()) throws -> Claim {
        try pool.write { db in try Self.insertClaim(db, taskId: taskId, holder: holder, now: now, by: actor) }
    }

    static func insertClaim(_ db: Database, taskId: Int64, holder: PointsHolder, now: String, claimedAt: String? = nil,
                            source: ClaimSource = .office, externalId: String? = nil, by actor: Actor?) throws -> Claim {
        guard let task = try VolunteerTask.fetchCached(db, id: taskId) else { throw ClaimError.unknownTask }
        guard let who = try claimant(db, holder) else { throw ClaimError.unknownClaimant(holder.key) }
        let live = try Int.fetchCached(db, sql: """
            SELECT COUNT(*) FROM claim WHERE task_id = ? AND member_id IS ? AND organisation_id IS ? AND state <> '已取消'
            """, arguments: [taskId, holder.memberId, holder.organisationId]) ?? 0
        if let refusal = ClaimRules.refusal(task: task, state: task.state(now: now), claimant: who, alreadyClaimed: live > 0) {
            throw refusal
        }
        var claim = Claim(taskId: taskId, holder: holder, claimedAt: claimedAt ?? VolunteerClock.timestamp(), source: source, externalId: externalId)
        try claim.insertRow(db)
        try AuditEntry.record(db, by: actor, action: "claim.create", target: "claim:\(claim.id ?? 0)",
                              detail: (task.isBackfill ? "补录 " : "") + "\(who.displayName) 认领 task:\(taskId) \(task.title)\(externalId.map { " [\($0)]" } ?? "")")
        return claim
    }

    /// Records the claimant's report that the work is done (回复), with their note, once the task has started.
    /// - Parameter now: "yyyy-MM-dd HH:mm" on the operator's day (pinned in tests and demos).
    /// - Throws: `ClaimError.wrongState` unless the claim is 已认领; `ClaimError.taskNotStarted` before the task's start.
    @discardableResult
    public func replyToClaim(id: Int64, note: String, by actor: Actor, now: String = VolunteerClock.now()) throws -> Claim {
        try pool.write { db in try Self.reply(db, id: id, note: note, at: VolunteerClock.timestamp(), by: actor, now: now) }
    }

    /// `now`, when given, is checked against the task's start (the desk); the demo and the mini-program import
    /// pass none, as they record what already happened at the time their file says.
    static func reply(_ db: Database, id: Int64, note: String, at: String, by actor: Actor?, now: String? = nil) throws -> Claim {
        guard var claim = try Claim.fetchCached(db, id: id) else { throw ClaimError.unknownClaim }
        guard claim.state == .claimed else {
            throw ClaimError.wrongState(action: LocalizedText("回复", "reported back"), state: claim.state, expected: [.claimed])
        }
        if let now {
            guard let task = try VolunteerTask.fetchCached(db, id: claim.taskId) else { throw ClaimError.unknownTask }
            if let refusal = ClaimRules.notStarted(task: task, now: now, action: ClaimRules.replyAction) { throw refusal }
        }
        claim.state = .replied
        claim.replyNote = try TextRules.check(note, .text, field: LocalizedText("回复", "The reply"))
        claim.repliedAt = at
        try claim.updateState(db)
        try AuditEntry.record(db, by: actor, action: "claim.reply", target: "claim:\(id)", detail: claim.replyNote)
        return claim
    }

    /// Withdraws a claim that is still open (the claimant cannot come); the place is freed.
    @discardableResult
    public func cancelClaim(id: Int64, reason: String, by actor: Actor) throws -> Claim {
        try pool.write { db in
            guard var claim = try Claim.fetchOne(db, key: id) else { throw ClaimError.unknownClaim }
            guard claim.state.isOpen else {
                throw ClaimError.wrongState(action: LocalizedText("取消", "cancelled"), state: claim.state, expected: [.claimed, .replied])
            }
            claim.state = .cancelled
            claim.reviewedAt = VolunteerClock.timestamp()
            claim.reviewedBy = actor.name
            claim.reviewReason = try TextRules.check(reason, .text, field: LocalizedText("理由", "The reason"))
            try claim.updateState(db)
            try AuditEntry.record(db, by: actor, action: "claim.cancel", target: "claim:\(id)", detail: claim.reviewReason)
            return claim
        }
    }
}
