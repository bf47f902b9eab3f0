import Foundation
import GRDB

/// The four kinds of points-ledger entry (SPEC §7). Amounts are signed: credit > 0, debit < 0,
/// adjustment either way (with a reason), reversal exactly undoes one earlier entry.
public enum LedgerKind: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    case credit
    case debit
    case adjustment
    case reversal

    public var label: LocalizedText {
        switch self {
        case .credit: return LocalizedText("入账", "credit")
        case .debit: return LocalizedText("扣减", "debit")
        case .adjustment: return LocalizedText("调整", "adjustment")
        case .reversal: return LocalizedText("冲正", "reversal")
        }
    }
}

/// One ledger line. Rows are only ever inserted; triggers refuse UPDATE and DELETE.
public struct LedgerEntry: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord, KeyedRow {
    public static let databaseTableName = "ledger_entry"

    public var id: Int64?
    public var memberId: Int64?
    public var organisationId: Int64?
    public var kind: LedgerKind
    public var amount: Int
    public var balanceAfter: Int
    public var reason: String
    public var claimId: Int64?
    public var reversesId: Int64?
    /// Unique: the same operation retried (same key) posts nothing the second time.
    public var idempotencyKey: String
    /// A receipt number, an import's external id…: what the entry came from, for people.
    public var reference: String
    public var at: String
    public var day: String
    public var operatorName: String

    enum CodingKeys: String, CodingKey {
        case id, kind, amount, reason, reference, at, day
        case memberId = "member_id"
        case organisationId = "organisation_id"
        case balanceAfter = "balance_after"
        case claimId = "claim_id"
        case reversesId = "reverses_id"
        case idempotencyKey = "idempotency_key"
        case operatorName = "operator_name"
    }

    public enum Columns {
        public static let id = Column("id")
        public static let kind = Column("kind")
        public static let idempotencyKey = Column("idempotency_key")
        public static let reversesId = Column("reverses_id")
        public static let claimId = Column("claim_id")
    }

    public var holder: PointsHolder? { PointsHolder(memberId: memberId, organisationId: organisationId) }
    public var listKey: ListKey { ListKey(id: id ?? 0) }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// What a caller asks the ledger to post; the ledger fills in balance, time and operator.
public struct LedgerPosting: Sendable, Equatable {
    public var holder: PointsHolder
    public var kind: LedgerKind
    public var amount: Int
    public var reason: String
    public var idempotencyKey: String
    public var reference: String
    public var claimId: Int64?
    public var reversesId: Int64?

    public init(holder: PointsHolder, kind: LedgerKind, amount: Int, reason: String = "", idempotencyKey: String,
                reference: String = "", claimId: Int64? = nil, reversesId: Int64? = nil) {
        self.holder = holder
        self.kind = kind
        self.amount = amount
        self.reason = reason
        self.idempotencyKey = idempotencyKey
        self.reference = reference
        self.claimId = claimId
        self.reversesId = reversesId
    }
}

/// A holder's balance with the figures behind it, as the points screen shows it.
public struct PointsBalance: Sendable, Equatable, Codable {
    public var holder: PointsHolder
    public var name: String
    public var balance: Int
    public var entries: Int

    public init(holder: PointsHolder, name: String, balance: Int, entries: Int) {
        self.holder = holder
        self.name = name
        self.balance = balance
        self.entries = entries
    }
}

extension PointsHolder: Codable {
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let holder = PointsHolder(key: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a holder key: \(text)"))
        }
        self = holder
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(key)
    }

    /// Parses "member:12" / "organisation:3".
    public init?(key: String) {
        let parts = key.split(separator: ":")
        guard parts.count == 2, let id = Int64(parts[1]) else { return nil }
        switch parts[0] {
        case "member": self = .member(id)
        case "organisation": self = .organisation(id)
        default: return nil
        }
    }
}
