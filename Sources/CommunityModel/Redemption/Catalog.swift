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

        public var label: LocalizedText { LocalizedText(name, nameEn) }
        public var unitLabel: LocalizedText { LocalizedText(unit, unitEn) }
        public var partnerLabel: LocalizedText? { partner.map { LocalizedText($0, partnerEn ?? $0) } }
    }

    public var items: [Item]

    public func item(_ key: String) -> Item? { items.first { $0.key == key } }
}
