import Foundation
import GRDB

/// `generate --scale district|stress`: synthetic redemptions over the half year (stress: 50,000), committed in
/// batches through the same `redeem` as the desk, spending balances the volunteer generator credited.
enum RedemptionGenerator {
    static func count(_ scale: GenerateScale) -> Int {
        switch scale {
        case .demo: return 0
        case .district: return 2_000
        case .stress: return 50_000
        }
    }

    static func generate(_ pool: DatabasePool, count: Int, context: inout SeedContext, progress: ProgressHandler?) throws {
        let label = LocalizedText("兑换记录", "redemptions")
        var rng = SeededRandom(seed: context.random.next())
        let today = context.today
        let actor = context.actor
        // Shelves big enough for the run: one restock per goods item, as a bulk donation.
        try pool.write { db in
            _ = try CommunityDatabase.loadCatalog(db, Catalog.active, by: actor)
            try HolderLookupIndex.refreshStale(db)
            guard count > 0 else { return }
            for id in try Int64.fetchAll(db, sql: "SELECT id FROM redemption_item WHERE active = 1") {
                try CommunityDatabase.insertStockMove(db, itemId: id, kind: .restock, quantity: count, source: "批量生成",
                                                      note: "generate", redemptionId: nil, by: actor)
            }
        }
        guard count > 0 else { return }
        var budgets: [(PointsHolder, Int)] = try pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT holder_kind, holder_id, balance FROM points_balance b WHERE (holder_kind <> 'member' OR (SELECT active FROM member WHERE id = b.holder_id) = 1)
                AND (holder_kind <> 'organisation' OR (SELECT active FROM organisation WHERE id = b.holder_id) = 1)
                ORDER BY holder_kind, holder_id
                """).map { row in
                let id: Int64 = row["holder_id"]
                let kind: String = row["holder_kind"]
                let balance: Int = row["balance"]
                return (kind == "member" ? .member(id) : .organisation(id), balance * 4 / 5)
            }
        }
        let options: [(String, Int)] = [("towel", 50), ("car_wash_voucher", 60), ("laundry_voucher", 60), ("wash_basin", 80), ("flour_5kg", 180)]
        var done = 0
        var cursor = 0
        progress?(label, 0, count)
        while done < count, !budgets.isEmpty {
            let batchEnd = min(count, done + Generator.batchSize)
            try pool.write { db in
                while done < batchEnd, !budgets.isEmpty {
                    cursor = cursor % budgets.count
                    let (holder, budget) = budgets[cursor]
                    let affordable = options.filter { $0.1 <= budget }
                    guard let (key, price) = affordable.isEmpty ? nil : rng.pick(affordable) else {
                        // Synthetic service rarely earns enough for 50,000 receipts: top the holder up, on the
                        // record as an adjustment, rather than stop short.
                        try SeedClock.$moment.withValue("\(Day.adding(-181, to: today) ?? today) 08:00:00") {
                            _ = try CommunityDatabase.postLedgerEntry(db, LedgerPosting(holder: holder, kind: .adjustment, amount: 500,
                                                                                        reason: "生成数据：兑换用积分", idempotencyKey: "gen-topup-\(done)-\(cursor)"), by: actor)
                        }
                        budgets[cursor].1 += 500
                        continue
                    }
                    budgets[cursor].1 -= price
                    cursor += 1
                    let back = 180 - (done * 180) / count
                    let day = Day.adding(-back, to: today) ?? today
                    let moment = "\(day) \(String(format: "%02d:%02d:%02d", 8 + done % 9, done % 60, (done / 60) % 60))"
                    _ = try SeedClock.$moment.withValue(moment) {
                        try CommunityDatabase.redeem(db, RedemptionRequest(holder: holder, basket: [BasketLine(itemKey: key)],
                                                                           requestId: "gen-\(done + 1)"), by: actor, random: &rng)
                    }
                    done += 1
                }
            }
            progress?(label, done, count)
        }
    }
}
