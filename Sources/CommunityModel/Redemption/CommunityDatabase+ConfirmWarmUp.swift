import Foundation
import GRDB

extension CommunityDatabase {
    /// Readies the writer for the desk's first confirm: one whole redemption (the bench's basket of a goods item
    /// and a voucher, topped up and restocked as needed) inside a transaction that is rolled back, on a background
    /// queue. Nothing is committed, so no reader sees a change and no number or code is used up.
    ///
    /// Why: the writer connection is otherwise first used by the confirm key itself, and its first redemption
    /// pays for what later ones find ready — GRDB's table descriptions for each record type and the writer's
    /// own page cache of the ledger, stock, receipt and voucher trees. At stress that is 5.5 ms against 1.5 ms
    /// for a warm confirm, a third of the 16 ms a key may take.
    public func warmConfirm() {
        let db = self
        BackgroundWarmUp.run { _ = try? db.rehearseConfirm() }
    }

    /// The rolled-back redemption itself, on the writer. - Returns: the receipt it made and undid, or nil when
    /// there was nothing to redeem (an empty roster or catalog, a closed day): then it warmed only the reads.
    @discardableResult
    func rehearseConfirm() throws -> RedemptionReceipt? {
        try pool.writeWithoutTransaction { db in
            var made: RedemptionReceipt?
            try db.inTransaction {
                if let (basket, holders) = try? ConfirmBenchmark.prepare(db, count: 1, by: nil, voucherRequired: false),
                   let holder = holders.first {
                    var random = SystemRandomNumberGenerator()
                    let request = RedemptionRequest(holder: holder, basket: basket, requestId: "rehearsal-\(UUID().uuidString)")
                    made = try? Self.redeem(db, request, by: nil, random: &random)
                }
                return .rollback
            }
            return made
        }
    }
}
