import Foundation
import GRDB

/// Redeeming points for goods and vouchers (issue 8 item 2): quote, then one write transaction.
extension CommunityDatabase {
    /// What the holder has redeemed of each active item in its limit period, for the desk's catalog view.
    public func periodUsage(of holder: PointsHolder, today: String = Day.today()) throws -> [PeriodUsage] {
        throw RedemptionError.notYet("periodUsage")
    }

    /// Prices a basket for the confirm view without writing anything: lines, total, balance after, and the
    /// first refusal confirm would give now (`refusal == nil` means it would go through).
    /// - Throws: `RedemptionError.unknownHolder` / `.unknownItem` / `.badQuantity` for a basket that cannot even be priced.
    public func quote(holder: PointsHolder, basket: [BasketLine], today: String = Day.today()) throws -> RedemptionQuote {
        throw RedemptionError.notYet("quote")
    }

    /// Confirms a basket in one write transaction: ledger debit, stock moves, the receipt with its number
    /// (`DH20261202-0001`, per day, never reused), and voucher codes. A retried request id applies nothing and
    /// returns the first receipt with `applied == false`.
    /// - Throws: `RedemptionError.notEnoughPoints` (with the shortfall), `.outOfStock` (how many left),
    ///   `.overLimit` (when it resets), `.holderDeactivated`, `.emptyBasket`, `.unknownItem`, `.itemRetired`,
    ///   `.requestIdReused` (same id, different basket). Nothing is written when it throws.
    @discardableResult
    public func redeem(_ request: RedemptionRequest, by actor: Actor?) throws -> RedemptionReceipt {
        throw RedemptionError.notYet("redeem")
    }

    /// A receipt by number, or nil.
    public func redemption(receipt: String) throws -> RedemptionReceipt? {
        throw RedemptionError.notYet("redemption(receipt:)")
    }

    /// A receipt by the request id that made it, or nil.
    public func redemption(requestId: String) throws -> RedemptionReceipt? {
        throw RedemptionError.notYet("redemption(requestId:)")
    }

    /// One page of a day's receipts, newest first.
    public func redemptions(on day: String, _ request: PageRequest) throws -> [Redemption] {
        throw RedemptionError.notYet("redemptions(on:)")
    }

    /// One page of a holder's receipts, newest first.
    public func redemptions(of holder: PointsHolder, _ request: PageRequest) throws -> [Redemption] {
        throw RedemptionError.notYet("redemptions(of:)")
    }
}
