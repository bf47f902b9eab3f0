import Foundation
import GRDB

/// Undoing a receipt (issue 8 item 4).
extension CommunityDatabase {
    /// Checks a supervisor's PIN for a void or for leaving the kiosk: signs them in (wrong PINs count towards
    /// the lock as anywhere) and requires the 书记/管理员 role.
    /// - Throws: `LoginError` for a bad name/PIN or a locked account, `RedemptionError.supervisorRequired` for another role.
    public func authorizeSupervisor(name: String, pin: String) throws -> Actor {
        let actor = try login(name: name, pin: pin)
        guard actor.role == .secretary else { throw RedemptionError.supervisorRequired }
        return actor
    }

    /// Voids a receipt on its own day before the day is closed, in one transaction: the debit reversed, stock
    /// back, vouchers cancelled; the record keeps the clerk who asked and the supervisor who approved.
    /// - Throws: `RedemptionError.unknownReceipt`, `.alreadyVoided`, `.voidNotSameDay`, `.dayClosed`,
    ///   `.voucherAlreadyUsed`, `.supervisorRequired`, `.reasonRequired`.
    @discardableResult
    public func voidRedemption(receipt: String, reason: String, clerk: Actor?, supervisor: Actor, today: String = Day.today()) throws -> RedemptionReceipt {
        guard supervisor.role == .secretary else { throw RedemptionError.supervisorRequired }
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !why.isEmpty else { throw RedemptionError.reasonRequired }
        return try pool.write { db in
            let r = try Self.undoable(db, receipt: receipt)
            guard r.day == today else { throw RedemptionError.voidNotSameDay(receipt: r.receipt, day: r.day) }
            if try Self.closeNumber(db, day: r.day) != nil { throw RedemptionError.dayClosed(day: r.day) }
            guard let entry = try LedgerEntry.fetchOne(db, key: r.ledgerEntryId) else { throw RedemptionError.unknownReceipt(r.receipt) }
            let reversal = try Self.reverse(db, entry, reason: "作废 \(r.receipt)：\(why)", idempotencyKey: "void:\(r.receipt)", by: supervisor)
            return try Self.undo(db, r, state: .voided, reason: why, entryId: reversal.id, clerk: clerk?.name ?? supervisor.name,
                                 supervisor: supervisor, action: "redemption.void")
        }
    }

    /// After the day is closed, a 书记's correction with a reason: points given back by an adjustment, stock
    /// back, unused vouchers cancelled; the receipt is marked 已调整. The closed day's Z report stays as printed.
    /// - Throws: `RedemptionError.secretaryRequired`, `.reasonRequired`, `.unknownReceipt`, `.alreadyVoided`, `.voucherAlreadyUsed`.
    @discardableResult
    public func correctClosedRedemption(receipt: String, reason: String, by secretary: Actor) throws -> RedemptionReceipt {
        guard secretary.role == .secretary else { throw RedemptionError.secretaryRequired }
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !why.isEmpty else { throw RedemptionError.reasonRequired }
        return try pool.write { db in
            let r = try Self.undoable(db, receipt: receipt)
            guard let holder = r.holder else { throw RedemptionError.unknownReceipt(r.receipt) }
            let entry = try Self.postLedgerEntry(db, LedgerPosting(holder: holder, kind: .adjustment, amount: r.points,
                                                                   reason: "更正 \(r.receipt)：\(why)", idempotencyKey: "correct:\(r.receipt)",
                                                                   reference: r.receipt), by: secretary).entry
            return try Self.undo(db, r, state: .adjusted, reason: why, entryId: entry.id, clerk: secretary.name,
                                 supervisor: secretary, action: "redemption.correct")
        }
    }

    /// The receipt, if it is still valid and none of its vouchers was used.
    static func undoable(_ db: Database, receipt: String) throws -> Redemption {
        let number = receipt.trimmingCharacters(in: .whitespaces).uppercased()
        guard let r = try Redemption.filter(Redemption.Columns.receipt == number).fetchOne(db) else {
            throw RedemptionError.unknownReceipt(number)
        }
        guard r.state == .valid else { throw RedemptionError.alreadyVoided(receipt: r.receipt) }
        if let used = try Voucher.filter(Voucher.Columns.redemptionId == r.id && Voucher.Columns.state == VoucherState.used.rawValue).fetchOne(db) {
            throw RedemptionError.voucherAlreadyUsed(code: used.code, usedAt: used.usedAt ?? "", shop: used.usedShop ?? "")
        }
        return r
    }

    /// Stock back, vouchers cancelled, the receipt marked — the part a void and a correction share.
    static func undo(_ db: Database, _ r: Redemption, state: RedemptionState, reason: String, entryId: Int64?, clerk: String,
                     supervisor: Actor, action: String) throws -> RedemptionReceipt {
        guard let rid = r.id, let entryId else { throw RedemptionError.unknownReceipt(r.receipt) }
        let at = VolunteerClock.timestamp()
        for line in try RedemptionLine.filter(Column("redemption_id") == rid).fetchAll(db) {
            try insertStockMove(db, itemId: line.itemId, kind: .void, quantity: line.quantity, source: r.receipt, note: reason,
                                redemptionId: rid, by: supervisor)
        }
        try db.execute(sql: "UPDATE voucher SET state = '已作废', cancelled_at = ? WHERE redemption_id = ? AND state = '未使用'",
                       arguments: [at, rid])
        var updated = r
        updated.state = state
        updated.voidedAt = at
        updated.voidReason = reason
        updated.voidClerk = clerk
        updated.voidSupervisor = supervisor.name
        updated.reversalEntryId = entryId
        try updated.update(db)
        try AuditEntry.record(db, by: supervisor, action: action, target: "receipt:\(r.receipt)",
                              detail: "\(r.receipt) +\(r.points) 申请 \(clerk) 批准 \(supervisor.name)：\(reason)")
        return try receipt(db, updated, applied: true)
    }
}
