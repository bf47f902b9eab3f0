import Foundation

/// The X report (any time, changes nothing) or Z report (the day's close) of the redemption desk.
public struct DayReport: Sendable, Equatable, Codable {
    public struct ItemLine: Sendable, Equatable, Codable {
        public var key: String
        public var name: String
        public var nameEn: String
        public var unit: String
        /// Units handed out on receipts still valid at report time.
        public var out: Int
        public var opening: Int
        public var closing: Int
    }

    public var day: String
    /// Set once the day is closed (Z); nil on an X report of an open day.
    public var closeNumber: Int?
    public var closedAt: String?
    public var closedBy: String?
    public var firstReceipt: String?
    public var lastReceipt: String?
    /// Receipts issued that day (voided ones included: they used a number).
    public var receipts: Int
    /// Receipts still valid.
    public var redemptions: Int
    /// Points debited on valid receipts.
    public var points: Int
    public var voids: Int
    public var voidedPoints: Int
    public var vouchersIssued: Int
    public var vouchersUsed: Int
    public var items: [ItemLine]

    public var isClosed: Bool { closeNumber != nil }

    enum CodingKeys: String, CodingKey {
        case day, receipts, redemptions, points, voids, items
        case closeNumber = "close_number"
        case closedAt = "closed_at"
        case closedBy = "closed_by"
        case firstReceipt = "first_receipt"
        case lastReceipt = "last_receipt"
        case voidedPoints = "voided_points"
        case vouchersIssued = "vouchers_issued"
        case vouchersUsed = "vouchers_used"
    }
}

/// Screen 4's and `stats`' figures for the desk.
public struct RedemptionFigures: Sendable, Equatable, Codable {
    public var todayCount: Int
    public var todayPoints: Int
    public var monthPoints: Int
    /// Keys of active items at or below their low-stock mark.
    public var lowStock: [String]
    public var todayClosed: Bool
}
