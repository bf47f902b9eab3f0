import Foundation

/// One basket line: an item (by key) and how many.
public struct BasketLine: Sendable, Equatable, Hashable, Codable {
    public var itemKey: String
    public var quantity: Int

    public init(itemKey: String, quantity: Int = 1) {
        self.itemKey = itemKey
        self.quantity = quantity
    }

    /// Parses the command line's `KEY[:QTY]`, e.g. `rice_5kg:2`.
    /// - Throws: `RedemptionError.badQuantity` when QTY is not a whole number from 1 to 99.
    public init(parsing text: String) throws {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let key = parts[0].trimmingCharacters(in: .whitespaces)
        var qty = 1
        if parts.count == 2 {
            guard let n = Int(parts[1]), (1...RedemptionRules.maxQuantity).contains(n) else {
                throw RedemptionError.badQuantity(item: key, text: parts[1])
            }
            qty = n
        }
        self.init(itemKey: key, quantity: qty)
    }
}

/// What a confirm asks the store to do. `requestId` is the idempotency key: the same id confirmed twice
/// (a retried key press, a re-run script) applies once and returns the same receipt.
public struct RedemptionRequest: Sendable, Equatable {
    public var holder: PointsHolder
    public var basket: [BasketLine]
    public var requestId: String
    public var series: ReceiptSeries

    public init(holder: PointsHolder, basket: [BasketLine], requestId: String, series: ReceiptSeries = .live) {
        self.holder = holder
        self.basket = basket
        self.requestId = requestId
        self.series = series
    }
}

/// The confirm view: every line priced now, the total, the balance after, and the first refusal if the
/// basket cannot be redeemed as it stands (nil: confirm will go through, unless something changes meanwhile).
public struct RedemptionQuote: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public var item: RedemptionItem
        public var quantity: Int
        public var points: Int
        /// Units this holder already redeemed of this item in the limit's current period (0 without a limit).
        public var redeemedThisPeriod: Int
        /// The day the limit's period starts again (nil without a limit).
        public var limitResetsOn: String?
    }

    public var holder: HolderMatch
    public var lines: [Line]
    public var total: Int
    public var balance: Int
    public var balanceAfter: Int
    public var refusal: RedemptionError?

    public var canConfirm: Bool { refusal == nil && !lines.isEmpty }
}

/// What the holder has redeemed of one item in its limit period — shown beside the catalog at the desk.
public struct PeriodUsage: Sendable, Equatable {
    public var item: RedemptionItem
    public var redeemed: Int
    /// nil when the item has no limit.
    public var remaining: Int?
    public var resetsOn: String?
}

/// The rules that are numbers, in one place.
public enum RedemptionRules {
    /// A single line never asks for more than this many units (a typo guard, not a policy).
    public static let maxQuantity = 99
    /// Lookups shorter than this (and not a 4-digit phone tail) are refused, so nobody can browse the roster.
    public static let minimumQuery = 2
    public static let phoneTailDigits = 4
}
