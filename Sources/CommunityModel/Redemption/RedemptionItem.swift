import Foundation
import GRDB

/// One catalog item as the store keeps it (`redemption_item`): the data file's fields, the current price,
/// the stock the stock ledger keeps, and whether it is still offered.
public struct RedemptionItem: Codable, Sendable, Equatable, Hashable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "redemption_item"

    public var id: Int64?
    public var key: String
    public var name: String
    public var nameEn: String
    public var unit: String
    public var unitEn: String
    public var kind: Catalog.Kind
    /// Points one unit costs now; receipts keep the price they were made at.
    public var points: Int
    public var lowStock: Int
    public var partner: String?
    public var partnerEn: String?
    public var codePrefix: String?
    public var limitCount: Int?
    public var limitPer: String?
    public var voucherDays: Int?
    /// Units on the shelf: moved only by the stock ledger's trigger, never below 0.
    public var stock: Int
    /// False once retired: kept for old receipts, no longer offered.
    public var active: Bool
    public var sortOrder: Int
    public var createdAt: String

    enum CodingKeys: String, CodingKey {
        case id, key, name, unit, kind, points, partner, stock, active
        case nameEn = "name_en"
        case unitEn = "unit_en"
        case lowStock = "low_stock"
        case partnerEn = "partner_en"
        case codePrefix = "code_prefix"
        case limitCount = "limit_count"
        case limitPer = "limit_per"
        case voucherDays = "voucher_days"
        case sortOrder = "sort_order"
        case createdAt = "created_at"
    }

    public enum Columns {
        public static let id = Column("id")
        public static let key = Column("key")
        public static let active = Column("active")
        public static let sortOrder = Column("sort_order")
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    public var label: LocalizedText { LocalizedText(name, nameEn) }
    public var unitLabel: LocalizedText { LocalizedText(unit, unitEn) }
    public var partnerLabel: LocalizedText? { partner.map { LocalizedText($0, partnerEn ?? $0) } }
    public var isVoucher: Bool { kind == .voucher }
    /// At or below its low-stock mark.
    public var isLow: Bool { stock <= lowStock }

    /// The per-holder limit, if the item has one.
    public var limit: Catalog.Limit? {
        guard let limitCount, let limitPer, let per = Catalog.Limit.Period(rawValue: limitPer) else { return nil }
        return Catalog.Limit(count: limitCount, per: per)
    }

    /// A new row from a data-file item (its `stock` becomes the opening stock move, not this row's stock).
    init(_ item: Catalog.Item, sortOrder: Int, at: String) {
        self.init(id: nil, key: item.key, name: item.name, nameEn: item.nameEn, unit: item.unit, unitEn: item.unitEn,
                  kind: item.kind, points: item.points, lowStock: item.lowStock, partner: item.partner, partnerEn: item.partnerEn,
                  codePrefix: item.codePrefix, limitCount: item.limit?.count, limitPer: item.limit?.per.rawValue,
                  voucherDays: item.voucherDays, stock: 0, active: true, sortOrder: sortOrder, createdAt: at)
    }

    init(id: Int64?, key: String, name: String, nameEn: String, unit: String, unitEn: String, kind: Catalog.Kind, points: Int,
         lowStock: Int, partner: String?, partnerEn: String?, codePrefix: String?, limitCount: Int?, limitPer: String?,
         voucherDays: Int?, stock: Int, active: Bool, sortOrder: Int, createdAt: String) {
        self.id = id
        self.key = key
        self.name = name
        self.nameEn = nameEn
        self.unit = unit
        self.unitEn = unitEn
        self.kind = kind
        self.points = points
        self.lowStock = lowStock
        self.partner = partner
        self.partnerEn = partnerEn
        self.codePrefix = codePrefix
        self.limitCount = limitCount
        self.limitPer = limitPer
        self.voucherDays = voucherDays
        self.stock = stock
        self.active = active
        self.sortOrder = sortOrder
        self.createdAt = createdAt
    }
}

extension Catalog.Kind: DatabaseValueConvertible {}

/// Why stock moved (`stock_move.kind`).
public enum StockMoveKind: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    /// The catalog's opening stock when the item was loaded.
    case opening
    /// Goods received: a purchase or a donation (source says from whom).
    case restock
    /// Handed out on a receipt (negative).
    case redemption
    /// Back on the shelf because the receipt was voided or adjusted (positive).
    case void
    /// Counted vs book at a stocktake (either sign, with a reason).
    case stocktake

    public var label: LocalizedText {
        switch self {
        case .opening: return LocalizedText("期初", "opening")
        case .restock: return LocalizedText("入库", "restock")
        case .redemption: return LocalizedText("兑换出库", "redeemed")
        case .void: return LocalizedText("作废退回", "returned (void)")
        case .stocktake: return LocalizedText("盘点差异", "stocktake difference")
        }
    }
}

/// One line of the append-only stock ledger.
public struct StockMove: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord, KeyedRow {
    public static let databaseTableName = "stock_move"

    public var id: Int64?
    public var itemId: Int64
    public var kind: StockMoveKind
    /// Signed: + in, − out.
    public var quantity: Int
    public var stockAfter: Int
    /// Where goods came from (restock), e.g. a donating 驻区单位.
    public var source: String
    /// A free note; for a stocktake, the reason for the difference.
    public var note: String
    public var redemptionId: Int64?
    public var at: String
    public var day: String
    public var operatorName: String

    enum CodingKeys: String, CodingKey {
        case id, kind, quantity, source, note, at, day
        case itemId = "item_id"
        case stockAfter = "stock_after"
        case redemptionId = "redemption_id"
        case operatorName = "operator_name"
    }

    public var listKey: ListKey { ListKey(id: id ?? 0) }
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
