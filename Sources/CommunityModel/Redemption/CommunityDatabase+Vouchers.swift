import Foundation
import GRDB

/// Partner shops checking and using vouchers (issue 8 item 3).
extension CommunityDatabase {
    /// A voucher's state without using it. The code is checked (shape, check character) before any lookup.
    /// - Throws: `VoucherError.malformed`, `.badCheckCharacter`, `.unknown`.
    public func checkVoucher(_ code: String, today: String = Day.today()) throws -> VoucherStatus {
        let normal = try VoucherCode.normalise(code)
        return try pool.read { db in try Self.voucherStatus(db, code: normal, today: today) }
    }

    static func voucherStatus(_ db: Database, code: String, today: String) throws -> VoucherStatus {
        guard let voucher = try Voucher.filter(Voucher.Columns.code == code).fetchOne(db),
              let item = try RedemptionItem.fetchOne(db, key: voucher.itemId) else { throw VoucherError.unknown(code) }
        let receipt = try String.fetchOne(db, sql: "SELECT receipt FROM redemption WHERE id = ?", arguments: [voucher.redemptionId]) ?? ""
        return VoucherStatus(voucher: voucher, state: voucher.state(on: today), item: item, receipt: receipt)
    }

    /// Uses a voucher once at `shop`. Of two shops using one code at the same moment exactly one succeeds;
    /// the other is told when and where it was used.
    /// - Throws: `VoucherError.alreadyUsed` (when, which shop), `.cancelled`, `.expired`, `.unknown`,
    ///   `.malformed`, `.badCheckCharacter`, `.shopRequired`.
    @discardableResult
    public func useVoucher(_ code: String, shop: String, by actor: Actor?, today: String = Day.today()) throws -> VoucherStatus {
        let normal = try VoucherCode.normalise(code)
        let shopName = shop.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !shopName.isEmpty, !shopName.contains(where: { $0.isNewline || $0 == "\0" }) else { throw VoucherError.shopRequired }
        return try pool.write { db in try Self.useVoucher(db, code: normal, shop: shopName, by: actor, today: today) }
    }

    /// `useVoucher` inside the caller's transaction (the demo's shops use theirs at the moment it happened);
    /// `code` is already normalised and `shop` trimmed and non-empty.
    static func useVoucher(_ db: Database, code normal: String, shop shopName: String, by actor: Actor?, today: String) throws -> VoucherStatus {
        let status = try Self.voucherStatus(db, code: normal, today: today)
        let v = status.voucher
        switch status.state {
        case .used: throw VoucherError.alreadyUsed(code: v.code, usedAt: v.usedAt ?? "", shop: v.usedShop ?? "")
        case .cancelled: throw VoucherError.cancelled(code: v.code, at: v.cancelledAt ?? "")
        case .expired: throw VoucherError.expired(code: v.code, on: v.expiresOn)
        case .unused: break
        }
        let at = VolunteerClock.timestamp()
        // The state guard makes the update itself the arbiter, whatever another connection did.
        try db.execute(sql: "UPDATE voucher SET state = '已使用', used_at = ?, used_shop = ?, used_by = ? WHERE id = ? AND state = '未使用'",
                       arguments: [at, shopName, actor?.name ?? shopName, v.id])
        guard db.changesCount == 1 else { throw VoucherError.alreadyUsed(code: v.code, usedAt: "", shop: "") }
        try AuditEntry.record(db, by: actor, action: "voucher.use", target: "voucher:\(v.id ?? 0)", detail: "\(v.code) @ \(shopName)")
        return try Self.voucherStatus(db, code: normal, today: today)
    }
}
