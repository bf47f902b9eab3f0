import Foundation
import GRDB

/// A voucher's stored state; 已过期 is never stored — it follows from the expiry date and the day asked.
public enum VoucherState: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    case unused = "未使用"
    case used = "已使用"
    case cancelled = "已作废"
    case expired = "已过期"

    public var label: LocalizedText {
        switch self {
        case .unused: return LocalizedText("未使用", "unused")
        case .used: return LocalizedText("已使用", "used")
        case .cancelled: return LocalizedText("已作废", "cancelled")
        case .expired: return LocalizedText("已过期", "expired")
        }
    }
}

/// One partner-shop voucher (`voucher`).
public struct Voucher: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "voucher"

    public var id: Int64?
    /// Without dashes, e.g. `XC7K3M9QPW`; `VoucherCode.display` groups it for print.
    public var code: String
    public var redemptionId: Int64
    public var itemId: Int64
    public var issuedOn: String
    /// Last day it may be used.
    public var expiresOn: String
    /// 未使用, 已使用 or 已作废 as stored (see `state(on:)` for 已过期).
    public var storedState: VoucherState
    public var usedAt: String?
    public var usedShop: String?
    public var usedBy: String?
    public var cancelledAt: String?

    enum CodingKeys: String, CodingKey {
        case id, code
        case redemptionId = "redemption_id"
        case itemId = "item_id"
        case issuedOn = "issued_on"
        case expiresOn = "expires_on"
        case storedState = "state"
        case usedAt = "used_at"
        case usedShop = "used_shop"
        case usedBy = "used_by"
        case cancelledAt = "cancelled_at"
    }

    public enum Columns {
        public static let code = Column("code")
        public static let redemptionId = Column("redemption_id")
        public static let state = Column("state")
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// The state a shop sees on `day`: an unused voucher past its last day is 已过期.
    public func state(on day: String) -> VoucherState {
        if storedState == .unused, day > expiresOn { return .expired }
        return storedState
    }

    public var displayCode: String { VoucherCode.display(code) }
}

/// What `voucher check` tells a shop: the voucher, its state today, and the item and partner it is for.
public struct VoucherStatus: Sendable, Equatable {
    public var voucher: Voucher
    public var state: VoucherState
    public var item: RedemptionItem
    /// The receipt it was issued on.
    public var receipt: String

    public init(voucher: Voucher, state: VoucherState, item: RedemptionItem, receipt: String) {
        self.voucher = voucher
        self.state = state
        self.item = item
        self.receipt = receipt
    }

    /// One line for the shop, e.g. "XC-7K3M-9QPW 洗车券 未使用，有效期至 2027-03-01".
    public var summary: LocalizedText {
        let head = LocalizedText("\(voucher.displayCode) \(item.name) ", "\(voucher.displayCode) \(item.nameEn) ")
        switch state {
        case .unused:
            return head + LocalizedText("未使用，有效期至 \(voucher.expiresOn)", "unused, valid until \(voucher.expiresOn)")
        case .used:
            return head + LocalizedText("已使用（\(voucher.usedAt ?? "")，\(voucher.usedShop ?? "")）",
                                        "used (\(voucher.usedAt ?? ""), \(voucher.usedShop ?? ""))")
        case .cancelled:
            return head + LocalizedText("已作废（\(voucher.cancelledAt ?? "")）", "cancelled (\(voucher.cancelledAt ?? ""))")
        case .expired:
            return head + LocalizedText("已过期（有效期至 \(voucher.expiresOn)）", "expired (was valid until \(voucher.expiresOn))")
        }
    }
}
