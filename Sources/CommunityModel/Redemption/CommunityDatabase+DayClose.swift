import Foundation
import GRDB

/// The X and Z reports (issue 8 item 8).
extension CommunityDatabase {
    /// The day's report as it stands (X report): changes nothing. A closed day returns its Z report as closed.
    public func dayReport(_ day: String = Day.today()) throws -> DayReport {
        throw RedemptionError.notYet("dayReport")
    }

    /// Closes the day (Z report) in one transaction; after this nothing of that day can be voided.
    /// - Throws: `RedemptionError.dayAlreadyClosed`.
    @discardableResult
    public func closeDay(_ day: String = Day.today(), by actor: Actor?) throws -> DayReport {
        throw RedemptionError.notYet("closeDay")
    }

    /// Whether `day` has been closed.
    public func isDayClosed(_ day: String) throws -> Bool {
        try pool.read { db in try Self.closeNumber(db, day: day) != nil }
    }

    static func closeNumber(_ db: Database, day: String) throws -> Int? {
        try Int.fetchOne(db, sql: "SELECT close_number FROM redemption_day_close WHERE day = ?", arguments: [day])
    }

    /// Screen 4's figures: today's receipts and points, the month's points, low stock, vouchers outstanding.
    public func redemptionFigures(today: String = Day.today()) throws -> RedemptionFigures {
        throw RedemptionError.notYet("redemptionFigures")
    }
}
