import Foundation
import GRDB

/// Partner shops checking and using vouchers (issue 8 item 3).
extension CommunityDatabase {
    /// A voucher's state without using it. The code is checked (shape, check character) before any lookup.
    /// - Throws: `VoucherError.malformed`, `.badCheckCharacter`, `.unknown`.
    public func checkVoucher(_ code: String, today: String = Day.today()) throws -> VoucherStatus {
        throw RedemptionError.notYet("checkVoucher")
    }

    /// Uses a voucher once at `shop`. Of two shops using one code at the same moment exactly one succeeds;
    /// the other is told when and where it was used.
    /// - Throws: `VoucherError.alreadyUsed` (when, which shop), `.cancelled`, `.expired`, `.unknown`,
    ///   `.malformed`, `.badCheckCharacter`, `.shopRequired`.
    @discardableResult
    public func useVoucher(_ code: String, shop: String, by actor: Actor?, today: String = Day.today()) throws -> VoucherStatus {
        throw RedemptionError.notYet("useVoucher")
    }
}
