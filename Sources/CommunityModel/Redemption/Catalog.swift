import Foundation

/// `data/catalog.json`: the default redemption catalog (SPEC §7) — goods handed out at the desk and partner-shop
/// vouchers, each with a points price, opening stock and the level at which the dashboard warns.
public struct Catalog: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Equatable, Codable, CaseIterable {
        /// Handed over at the community's desk (大米, 面粉, 食用油, 脸盆, 毛巾).
        case goods
        /// A partner shop's voucher; the receipt carries a unique code.
        case voucher
    }

    /// A per-holder limit such as `{"count": 1, "per": "month"}`: at most `count` units per calendar period.
    public struct Limit: Sendable, Equatable, Codable {
        public enum Period: String, Sendable, Equatable, Codable, CaseIterable {
            case week, month, quarter, year

            public var label: LocalizedText {
                switch self {
                case .week: return LocalizedText("每周", "per week")
                case .month: return LocalizedText("每月", "per month")
                case .quarter: return LocalizedText("每季度", "per quarter")
                case .year: return LocalizedText("每年", "per year")
                }
            }
        }
        public var count: Int
        public var per: Period
        public init(count: Int, per: Period) {
            self.count = count
            self.per = per
        }
    }

    public struct Item: Sendable, Equatable, Codable {
        public var key: String
        public var name: String
        public var nameEn: String
        public var unit: String
        public var unitEn: String
        public var kind: Kind
        /// Points one unit costs.
        public var points: Int
        /// Units in stock when a community starts from this catalog.
        public var stock: Int
        /// At or below this stock the dashboard shows the item as running low.
        public var lowStock: Int
        /// The partner shop (vouchers only).
        public var partner: String?
        public var partnerEn: String?
        /// Upper-case letters/digits that start every voucher code of this item, e.g. "XC" for 洗车券.
        public var codePrefix: String?
        /// At most this many units per holder per period (nil: no limit).
        public var limit: Limit?
        /// Days a voucher stays valid from the day it is issued (vouchers only).
        public var voucherDays: Int?

        public init(key: String, name: String, nameEn: String, unit: String, unitEn: String, kind: Kind, points: Int,
                    stock: Int, lowStock: Int, partner: String? = nil, partnerEn: String? = nil, codePrefix: String? = nil,
                    limit: Limit? = nil, voucherDays: Int? = nil) {
            self.key = key
            self.name = name
            self.nameEn = nameEn
            self.unit = unit
            self.unitEn = unitEn
            self.kind = kind
            self.points = points
            self.stock = stock
            self.lowStock = lowStock
            self.partner = partner
            self.partnerEn = partnerEn
            self.codePrefix = codePrefix
            self.limit = limit
            self.voucherDays = voucherDays
        }

        public var label: LocalizedText { LocalizedText(name, nameEn) }
        public var unitLabel: LocalizedText { LocalizedText(unit, unitEn) }
        public var partnerLabel: LocalizedText? { partner.map { LocalizedText($0, partnerEn ?? $0) } }
    }

    public var items: [Item]

    public init(items: [Item]) {
        self.items = items
    }

    public func item(_ key: String) -> Item? { items.first { $0.key == key } }
}
