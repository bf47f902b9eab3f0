import Foundation
import GRDB

/// Which receipt number series a redemption belongs to. Training (培训) has its own, so practice never
/// takes a real number; the UI runs training against a temporary copy of the file.
public enum ReceiptSeries: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    case live = "DH"
    case training = "PX"

    /// `DH20261202-0001`.
    public func number(day: String, sequence: Int) -> String {
        rawValue + day.replacingOccurrences(of: "-", with: "") + "-" + String(format: "%04d", sequence)
    }
}

/// A redemption's state: valid, voided the same day, or corrected by a secretary after the day was closed.
public enum RedemptionState: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    case valid = "有效"
    case voided = "已作废"
    case adjusted = "已调整"

    public var label: LocalizedText {
        switch self {
        case .valid: return LocalizedText("有效", "valid")
        case .voided: return LocalizedText("已作废", "voided")
        case .adjusted: return LocalizedText("已调整", "corrected")
        }
    }
}

/// One receipt (`redemption`): who, when, how many points, and how it ended.
public struct Redemption: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord, KeyedRow {
    public static let databaseTableName = "redemption"

    public var id: Int64?
    /// `DH20261202-0001`: unique, never reused.
    public var receipt: String
    /// The caller's id for this confirm; a retry with the same id returns this receipt.
    public var requestId: String
    public var series: ReceiptSeries
    public var day: String
    public var sequence: Int
    public var memberId: Int64?
    public var organisationId: Int64?
    /// The holder's name and phone as they were at the desk (receipts are reprinted as issued).
    public var holderName: String
    public var holderPhone: String
    public var points: Int
    public var balanceAfter: Int
    public var ledgerEntryId: Int64
    public var at: String
    public var clerk: String
    public var state: RedemptionState
    public var voidedAt: String?
    public var voidReason: String
    public var voidClerk: String
    public var voidSupervisor: String
    public var reversalEntryId: Int64?

    enum CodingKeys: String, CodingKey {
        case id, receipt, series, day, points, at, clerk, state
        case requestId = "request_id"
        case sequence = "seq"
        case memberId = "member_id"
        case organisationId = "organisation_id"
        case holderName = "holder_name"
        case holderPhone = "holder_phone"
        case balanceAfter = "balance_after"
        case ledgerEntryId = "ledger_entry_id"
        case voidedAt = "voided_at"
        case voidReason = "void_reason"
        case voidClerk = "void_clerk"
        case voidSupervisor = "void_supervisor"
        case reversalEntryId = "reversal_entry_id"
    }

    public enum Columns {
        public static let receipt = Column("receipt")
        public static let requestId = Column("request_id")
        public static let day = Column("day")
        public static let state = Column("state")
    }

    public var holder: PointsHolder? { PointsHolder(memberId: memberId, organisationId: organisationId) }
    public var listKey: ListKey { ListKey(id: id ?? 0) }
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// One line of a receipt, at the price it was made at.
public struct RedemptionLine: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "redemption_line"

    public var redemptionId: Int64
    public var line: Int
    public var itemId: Int64
    public var itemKey: String
    public var name: String
    public var nameEn: String
    public var unit: String
    public var quantity: Int
    public var unitPoints: Int
    public var points: Int

    enum CodingKeys: String, CodingKey {
        case line, name, unit, quantity, points
        case redemptionId = "redemption_id"
        case itemId = "item_id"
        case itemKey = "item_key"
        case nameEn = "name_en"
        case unitPoints = "unit_points"
    }

    public var label: LocalizedText { LocalizedText(name, nameEn) }
}

/// A redemption with its lines and vouchers: what a receipt shows. `applied` is false when the confirm was a
/// retry (same request id) and nothing was written this time.
public struct RedemptionReceipt: Sendable, Equatable {
    public var redemption: Redemption
    public var lines: [RedemptionLine]
    public var vouchers: [Voucher]
    public var applied: Bool

    public init(redemption: Redemption, lines: [RedemptionLine], vouchers: [Voucher], applied: Bool) {
        self.redemption = redemption
        self.lines = lines
        self.vouchers = vouchers
        self.applied = applied
    }

    public var receipt: String { redemption.receipt }
    public var points: Int { redemption.points }
    public var balanceAfter: Int { redemption.balanceAfter }
}
