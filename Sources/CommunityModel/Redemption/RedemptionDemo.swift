import Foundation
import GRDB

/// The demo desk's half year (issue 8 item 11): a stocked catalog, about 120 redemptions spending the
/// volunteers' real balances (rice, oil, towels at the desk; vouchers used later at the two partner shops),
/// one voided receipt, yesterday closed with a Z report, and two items at their low-stock mark.
enum RedemptionDemo {
    struct Planned {
        var holder: PointsHolder
        var day: String
        var basket: [BasketLine]
    }

    static let target = 120

    static func seed(_ db: Database, context: inout SeedContext) throws {
        let today = context.today
        var rng = SeededRandom(seed: context.random.next())
        let catalog = Catalog.active
        let plan = try makePlan(db, catalog: catalog, today: today, rng: &rng)
        // Opening stock so that oil and wash basins end at their low-stock mark after the half year.
        var stocked = catalog
        for index in stocked.items.indices where ["oil_5l", "wash_basin"].contains(stocked.items[index].key) {
            let key = stocked.items[index].key
            let out = plan.reduce(0) { $0 + $1.basket.filter { $0.itemKey == key }.reduce(0) { $0 + $1.quantity } }
            stocked.items[index].stock = stocked.items[index].lowStock + out
        }
        let start = Day.adding(-182, to: today) ?? today
        try SeedClock.$moment.withValue("\(start) 09:00:00") {
            _ = try CommunityDatabase.loadCatalog(db, stocked, by: context.actor)
        }
        try HolderLookupIndex.refreshStale(db)
        if let donor = try String.fetchOne(db, sql: "SELECT name FROM organisation ORDER BY id LIMIT 1"),
           let day = Day.adding(-120, to: today) {
            try SeedClock.$moment.withValue("\(day) 15:00:00") {
                for (key, n) in [("rice_5kg", 20), ("towel", 50)] {
                    let id = try Int64.fetchOne(db, sql: "SELECT id FROM redemption_item WHERE key = ?", arguments: [key]) ?? 0
                    try CommunityDatabase.insertStockMove(db, itemId: id, kind: .restock, quantity: n, source: donor,
                                                          note: "驻区单位捐赠", redemptionId: nil, by: context.actor)
                }
            }
        }
        var receipts: [RedemptionReceipt] = []
        for (index, p) in plan.enumerated() {
            let minute = 10 + index % 40
            let receipt = try SeedClock.$moment.withValue("\(p.day) 10:\(String(format: "%02d", minute)):00") {
                try CommunityDatabase.redeem(db, RedemptionRequest(holder: p.holder, basket: p.basket, requestId: "demo-\(index + 1)"),
                                             by: context.actor, random: &rng)
            }
            receipts.append(receipt)
        }
        try useVouchers(db, receipts: receipts, today: today, rng: &rng)
        // One mistake voided on its own day, approved by the secretary.
        if let mistake = receipts.last(where: { $0.vouchers.isEmpty && $0.redemption.day < today }), let actor = context.actor,
           let entry = try LedgerEntry.fetchOne(db, key: mistake.redemption.ledgerEntryId) {
            try SeedClock.$moment.withValue("\(mistake.redemption.day) 11:30:00") {
                let reversal = try CommunityDatabase.reverse(db, entry, reason: "作废 \(mistake.receipt)：登记错人",
                                                             idempotencyKey: "void:\(mistake.receipt)", by: actor)
                _ = try CommunityDatabase.undo(db, mistake.redemption, state: .voided, reason: "登记错人", entryId: reversal.id,
                                               clerk: DemoSeeder.kioskName, supervisor: actor, action: "redemption.void")
            }
        }
        if let yesterday = Day.adding(-1, to: today) {
            try SeedClock.$moment.withValue("\(yesterday) 17:30:00") {
                _ = try CommunityDatabase.closeDay(db, day: yesterday, by: context.actor)
            }
        }
    }

    /// Who redeems what, when: holders with points, spending at most about half of what they have, within limits.
    static func makePlan(_ db: Database, catalog: Catalog, today: String, rng: inout SeededRandom) throws -> [Planned] {
        var balances: [(PointsHolder, Int)] = try Row.fetchAll(db, sql: """
            SELECT b.holder_kind, b.holder_id, b.balance FROM points_balance b
            LEFT JOIN member m ON b.holder_kind = 'member' AND m.id = b.holder_id
            LEFT JOIN organisation o ON b.holder_kind = 'organisation' AND o.id = b.holder_id
            WHERE b.balance >= 50 AND COALESCE(m.active, o.active) = 1 ORDER BY b.balance DESC, b.holder_kind, b.holder_id
            """).map { row in
            let id: Int64 = row["holder_id"]
            let kind: String = row["holder_kind"]
            let balance: Int = row["balance"]
            return (kind == "member" ? .member(id) : .organisation(id), min(balance, balance * 3 / 4 + 30))
        }
        let price = Dictionary(uniqueKeysWithValues: catalog.items.map { ($0.key, $0.points) })
        var limited: Set<String> = []
        var plan: [Planned] = []
        var turn = 0
        while plan.count < target, !balances.isEmpty, turn < target * 20 {
            let i = turn % balances.count
            turn += 1
            let (holder, budget) = balances[i]
            // The month is fixed from the place in the plan (days are spread over the half year below).
            let month = String((Day.adding(-(180 - (plan.count * 176) / target), to: today) ?? today).prefix(7))
            var options: [[BasketLine]] = [[BasketLine(itemKey: "towel", quantity: rng.int(1...2))], [BasketLine(itemKey: "towel")],
                                           [BasketLine(itemKey: rng.chance(0.5) ? "car_wash_voucher" : "laundry_voucher")]]
            if holder.isMember {
                options.append([BasketLine(itemKey: "rice_5kg")])
                options.append([BasketLine(itemKey: "oil_5l")])
                options.append([BasketLine(itemKey: "wash_basin"), BasketLine(itemKey: "towel")])
            }
            let basket = rng.pick(options)
            let cost = basket.reduce(0) { $0 + (price[$1.itemKey] ?? 0) * $1.quantity }
            let limitKeys = basket.filter { ["rice_5kg", "oil_5l"].contains($0.itemKey) }.map { "\(holder.key)|\($0.itemKey)|\(month)" }
            guard cost <= budget, limitKeys.allSatisfy({ !limited.contains($0) }) else {
                if budget < 50 { balances.remove(at: i) }
                continue
            }
            limitKeys.forEach { limited.insert($0) }
            balances[i].1 -= cost
            plan.append(Planned(holder: holder, day: today, basket: basket))
        }
        // Spread over the half year in plan order, the last few on yesterday (the closed day) and today.
        let count = plan.count
        for n in plan.indices {
            let back = n >= count - 4 ? (n >= count - 2 ? 0 : 1) : 180 - (n * 176) / max(1, count)
            plan[n].day = Day.adding(-back, to: today) ?? today
        }
        return plan
    }

    /// About three in four vouchers used at their partner shop within a few weeks, never after today.
    static func useVouchers(_ db: Database, receipts: [RedemptionReceipt], today: String, rng: inout SeededRandom) throws {
        let shops = try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT id, partner FROM redemption_item WHERE kind = 'voucher'")
            .map { (($0["id"] as Int64), ($0["partner"] as String? ?? "")) })
        for receipt in receipts {
            for voucher in receipt.vouchers where rng.chance(0.75) {
                guard let day = Day.adding(rng.int(1...20), to: voucher.issuedOn), day < today else { continue }
                try db.execute(sql: "UPDATE voucher SET state = '已使用', used_at = ?, used_shop = ?, used_by = ? WHERE id = ?",
                               arguments: ["\(day) 14:20:00", shops[voucher.itemId] ?? "", shops[voucher.itemId] ?? "", voucher.id])
            }
        }
    }
}
