import Foundation
import GRDB

/// The points ledger (SPEC §7, issue 4 item 3). Everything that moves points goes through
/// `postLedgerEntry(_:_:by:)` inside the caller's write transaction, so the entry, the balance change and
/// the business change (claim approved, redemption made) commit together or not at all.
extension CommunityDatabase {
    // MARK: Posting (inside a transaction)

    /// Posts one entry inside the caller's write transaction, after checking every rule.
    /// A retried posting (same idempotency key, same holder/kind/amount) returns the first entry and applies nothing.
    /// - Returns: the entry and whether it was written now (false: it had already been applied).
    /// - Throws: `LedgerError` (below zero, wrong sign, reused key, bad reversal), `ClaimError.unknownClaimant`.
    @discardableResult
    public static func postLedgerEntry(_ db: Database, _ p: LedgerPosting, by actor: Actor?) throws -> (entry: LedgerEntry, applied: Bool) {
        if let existing = try LedgerEntry.fetchOne(db.cachedStatement(sql: "SELECT * FROM ledger_entry WHERE idempotency_key = ?"), arguments: [p.idempotencyKey]) {
            guard existing.holder == p.holder, existing.kind == p.kind, existing.amount == p.amount else {
                throw LedgerError.idempotencyKeyReused(p.idempotencyKey)
            }
            return (existing, false)
        }
        if p.amount == 0 { throw LedgerError.zeroAmount }
        switch p.kind {
        case .credit where p.amount < 0, .debit where p.amount > 0: throw LedgerError.wrongSign(p.kind)
        case .adjustment where p.reason.trimmingCharacters(in: .whitespaces).isEmpty: throw LedgerError.reasonRequired
        default: break
        }
        let name = try holderName(db, p.holder)
        if p.kind == .reversal {
            guard let targetId = p.reversesId, let target = try LedgerEntry.fetchOne(db, key: targetId), target.holder == p.holder else {
                throw LedgerError.unknownEntry
            }
            if target.kind == .reversal { throw LedgerError.cannotReverseReversal(entryId: targetId) }
            if try LedgerEntry.filter(LedgerEntry.Columns.reversesId == targetId).fetchCount(db) > 0 {
                throw LedgerError.alreadyReversed(entryId: targetId)
            }
            if p.amount != -target.amount { throw LedgerError.wrongSign(.reversal) }
        }
        let balance = try currentBalance(db, p.holder)
        let after = balance + p.amount
        if after < 0 { throw LedgerError.wouldGoNegative(holder: name, balance: balance, amount: p.amount) }
        let at = VolunteerClock.timestamp()
        var entry = LedgerEntry(id: nil, memberId: p.holder.memberId, organisationId: p.holder.organisationId, kind: p.kind,
                                amount: p.amount, balanceAfter: after, reason: p.reason, claimId: p.claimId, reversesId: p.reversesId,
                                idempotencyKey: p.idempotencyKey, reference: p.reference, at: at, day: String(at.prefix(10)),
                                operatorName: actor?.name ?? "system")
        try entry.insertRow(db)
        try AuditEntry.record(db, by: actor, action: "ledger.\(p.kind.rawValue)", target: "ledger_entry:\(entry.id ?? 0)",
                              detail: "\(p.holder.key) \(p.amount > 0 ? "+" : "")\(p.amount) → \(after) \(p.reason) [\(p.idempotencyKey)]")
        return (entry, true)
    }

    static func currentBalance(_ db: Database, _ holder: PointsHolder) throws -> Int {
        let (kind, id) = holderColumns(holder)
        return try Int.fetchCached(db, sql: "SELECT balance FROM points_balance WHERE holder_kind = ? AND holder_id = ?", arguments: [kind, id]) ?? 0
    }

    static func holderColumns(_ holder: PointsHolder) -> (String, Int64) {
        switch holder {
        case .member(let id): return ("member", id)
        case .organisation(let id): return ("organisation", id)
        }
    }

    /// The holder's name for messages; throws when the holder is not on the roster.
    static func holderName(_ db: Database, _ holder: PointsHolder) throws -> String {
        let name: String?
        switch holder {
        case .member(let id): name = try String.fetchCached(db, sql: "SELECT name || '（' || member_code || '）' FROM member WHERE id = ?", arguments: [id])
        case .organisation(let id): name = try String.fetchCached(db, sql: "SELECT name FROM organisation WHERE id = ?", arguments: [id])
        }
        guard let name else { throw LedgerError.unknownHolder(holder.key) }
        return name
    }

    // MARK: Actions

    /// Adds or takes away points by hand, with a reason (e.g. a correction agreed at a meeting).
    /// - Parameter requestId: one id per user action; a retried action with the same id applies once.
    /// - Throws: `LedgerError` when the reason is missing, the amount is 0 or the balance would go below zero.
    @discardableResult
    public func adjustPoints(_ holder: PointsHolder, amount: Int, reason: String, requestId: String = UUID().uuidString, by actor: Actor) throws -> LedgerEntry {
        try pool.write { db in
            try Self.postLedgerEntry(db, LedgerPosting(holder: holder, kind: .adjustment, amount: amount, reason: reason,
                                                       idempotencyKey: "adjust:\(requestId)"), by: actor).entry
        }
    }

    /// Takes points away for something given in return (the redemption desk posts these inside its own transaction
    /// with `postLedgerEntry`; this is the stand-alone form). `reference` is the receipt number and the retry key.
    @discardableResult
    public func debitPoints(_ holder: PointsHolder, amount: Int, reason: String, reference: String, by actor: Actor) throws -> LedgerEntry {
        try pool.write { db in
            try Self.postLedgerEntry(db, LedgerPosting(holder: holder, kind: .debit, amount: -abs(amount), reason: reason,
                                                       idempotencyKey: "debit:\(reference)", reference: reference), by: actor).entry
        }
    }

    /// Reverses one entry (a correcting entry, never an edit). Reversing an approval's credit also revokes the
    /// approval, so the claim goes back to the review queue.
    /// - Throws: `LedgerError` when the entry is unknown, already reversed, itself a reversal, or the points were spent.
    @discardableResult
    public func reverseEntry(id: Int64, reason: String, requestId: String = UUID().uuidString, by actor: Actor) throws -> LedgerEntry {
        try pool.write { db in
            guard let target = try LedgerEntry.fetchOne(db, key: id) else { throw LedgerError.unknownEntry }
            if target.kind == .reversal { throw LedgerError.cannotReverseReversal(entryId: id) }
            if try LedgerEntry.filter(LedgerEntry.Columns.reversesId == id).fetchCount(db) > 0 { throw LedgerError.alreadyReversed(entryId: id) }
            if target.kind == .credit, let claimId = target.claimId {
                guard let reversal = try Self.revokeApproval(db, claimId: claimId, reason: reason, idempotencyKey: "reverse:\(requestId)", by: actor) else {
                    throw LedgerError.unknownEntry
                }
                return reversal
            }
            return try Self.reverse(db, target, reason: reason, idempotencyKey: "reverse:\(requestId)", by: actor)
        }
    }

    static func reverse(_ db: Database, _ target: LedgerEntry, reason: String, idempotencyKey: String, by actor: Actor?) throws -> LedgerEntry {
        guard let holder = target.holder, let id = target.id else { throw LedgerError.unknownEntry }
        if reason.trimmingCharacters(in: .whitespaces).isEmpty { throw LedgerError.reasonRequired }
        return try postLedgerEntry(db, LedgerPosting(holder: holder, kind: .reversal, amount: -target.amount, reason: reason,
                                                     idempotencyKey: idempotencyKey, reference: "#\(id)", claimId: target.claimId,
                                                     reversesId: id), by: actor).entry
    }

    // MARK: Reading

    /// The holder's balance and entry count, read from the balance row (one indexed lookup, whatever the ledger size).
    public func balance(of holder: PointsHolder) throws -> PointsBalance {
        try pool.read { db in
            let name = try Self.holderName(db, holder)
            let (kind, id) = Self.holderColumns(holder)
            let row = try Row.fetchOne(db, sql: "SELECT balance, entries FROM points_balance WHERE holder_kind = ? AND holder_id = ?", arguments: [kind, id])
            return PointsBalance(holder: holder, name: name, balance: row?["balance"] ?? 0, entries: row?["entries"] ?? 0)
        }
    }

    /// One page of a holder's entries, newest first.
    public func ledgerEntries(of holder: PointsHolder, _ request: PageRequest) throws -> [LedgerEntry] {
        try pool.read { db in try Self.ledgerQuery(holder).fetch(db, request) }
    }

    public func ledgerEntryCount(of holder: PointsHolder, before key: ListKey? = nil) throws -> Int {
        try pool.read { db in try Self.ledgerQuery(holder).count(db, before: key) }
    }

    public func ledgerEntry(id: Int64) throws -> LedgerEntry? {
        try pool.read { db in try LedgerEntry.fetchOne(db, key: id) }
    }

    /// The entry that reversed `id`, if any.
    public func reversal(of id: Int64) throws -> LedgerEntry? {
        try pool.read { db in try LedgerEntry.filter(LedgerEntry.Columns.reversesId == id).fetchOne(db) }
    }

    /// The sum of every balance: points the community still owes its volunteers.
    public func pointsOutstanding() throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(balance), 0) FROM points_balance") ?? 0 }
    }

    /// A holder's entries, newest first, paged by id alone so SQLite walks the (holder, id) index.
    static func ledgerQuery(_ holder: PointsHolder) -> KeysetQuery {
        let (column, id): (String, Int64)
        switch holder {
        case .member(let member): (column, id) = ("member_id", member)
        case .organisation(let organisation): (column, id) = ("organisation_id", organisation)
        }
        return KeysetQuery(select: "SELECT * FROM ledger_entry", sortExpression: "''", idExpression: "id",
                           conditions: ["\(column) = ?"], arguments: [id], descending: true)
    }
}

