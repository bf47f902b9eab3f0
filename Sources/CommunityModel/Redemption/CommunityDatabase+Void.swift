import Foundation
import GRDB

/// Undoing a receipt (issue 8 item 4).
extension CommunityDatabase {
    /// Checks a supervisor's PIN for a void or for leaving the kiosk: signs them in (wrong PINs count towards
    /// the lock as anywhere) and requires the 书记/管理员 role.
    /// - Throws: `LoginError` for a bad name/PIN or a locked account, `RedemptionError.supervisorRequired` for another role.
    public func authorizeSupervisor(name: String, pin: String) throws -> Actor {
        let actor = try login(name: name, pin: pin)
        guard actor.role == .secretary else { throw RedemptionError.supervisorRequired }
        return actor
    }

    /// Voids a receipt on its own day before the day is closed, in one transaction: the debit reversed, stock
    /// back, vouchers cancelled; the record keeps the clerk who asked and the supervisor who approved.
    /// - Throws: `RedemptionError.unknownReceipt`, `.alreadyVoided`, `.voidNotSameDay`, `.dayClosed`,
    ///   `.voucherAlreadyUsed`, `.supervisorRequired`, `.reasonRequired`.
    @discardableResult
    public func voidRedemption(receipt: String, reason: String, clerk: Actor?, supervisor: Actor, today: String = Day.today()) throws -> RedemptionReceipt {
        throw RedemptionError.notYet("voidRedemption")
    }

    /// After the day is closed, a 书记's correction with a reason: points given back by an adjustment, stock
    /// back, unused vouchers cancelled; the receipt is marked 已调整. The closed day's Z report stays as printed.
    /// - Throws: `RedemptionError.secretaryRequired`, `.reasonRequired`, `.unknownReceipt`, `.alreadyVoided`, `.voucherAlreadyUsed`.
    @discardableResult
    public func correctClosedRedemption(receipt: String, reason: String, by secretary: Actor) throws -> RedemptionReceipt {
        throw RedemptionError.notYet("correctClosedRedemption")
    }
}
