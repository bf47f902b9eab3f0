import Foundation
import GRDB

/// The demo desk's half year (issue 8 item 11): a stocked catalog, about 120 redemptions through the desk's own
/// `redeem`, spending the volunteers' real balances — service, plus the paper balances carried over when the
/// workbench started (`RedemptionDemoFunds`) — only as they had them by each receipt's day (rice, oil, towels
/// at the desk; vouchers used later at the two partner shops), one voided receipt, yesterday closed with a
/// Z report, and two items at their low-stock mark.
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
        let start = Day.adding(-182, to: today) ?? today
        try RedemptionDemoFunds.carryOver(db, day: start, actor: context.actor, rng: &rng)
        let plan = try makePlan(db, catalog: catalog, today: today, rng: &rng)
        // The receipt voided below gives its goods back, so it does not count against the shelf.
        let mistake = plan.lastIndex { p in p.day < today && !p.basket.contains { catalog.item($0.itemKey)?.kind == .voucher } }
        // Opening stock so that oil and wash basins end at their low-stock mark after the half year.
        var stocked = catalog
        for index in stocked.items.indices where ["oil_5l", "wash_basin"].contains(stocked.items[index].key) {
            let key = stocked.items[index].key
            let out = plan.indices.filter { $0 != mistake }
                .reduce(0) { $0 + plan[$1].basket.filter { $0.itemKey == key }.reduce(0) { $0 + $1.quantity } }
            stocked.items[index].stock = stocked.items[index].lowStock + out
        }
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
        var sameDay: [String: Int] = [:]
        for (index, p) in plan.enumerated() {
            // In receipt-number order within a day (at most three a day), from ten past ten.
            let minute = 10 + 12 * sameDay[p.day, default: 0]
            sameDay[p.day, default: 0] += 1
            let receipt = try SeedClock.$moment.withValue("\(p.day) 10:\(String(format: "%02d", minute)):00") {
                try CommunityDatabase.redeem(db, RedemptionRequest(holder: p.holder, basket: p.basket, requestId: "demo-\(index + 1)"),
                                             by: context.actor, random: &rng)
            }
            receipts.append(receipt)
        }
        try useVouchers(db, receipts: receipts, today: today, rng: &rng)
        // One mistake voided on its own day, approved by the secretary.
        if let mistake, let actor = context.actor, let entry = try LedgerEntry.fetchOne(db, key: receipts[mistake].redemption.ledgerEntryId) {
            let voided = receipts[mistake]
            try SeedClock.$moment.withValue("\(voided.redemption.day) 11:30:00") {
                let reversal = try CommunityDatabase.reverse(db, entry, reason: "作废 \(voided.receipt)：登记错人",
                                                             idempotencyKey: "void:\(voided.receipt)", by: actor)
                _ = try CommunityDatabase.undo(db, voided.redemption, state: .voided, reason: "登记错人", entryId: reversal.id,
                                               clerk: DemoSeeder.kioskName, supervisor: actor, action: "redemption.void")
            }
        }
        if let yesterday = Day.adding(-1, to: today) {
            try SeedClock.$moment.withValue("\(yesterday) 17:30:00") {
                _ = try CommunityDatabase.closeDay(db, day: yesterday, by: context.actor)
            }
        }
    }

    /// Who redeems what, when. The receipts are spread over the half year in plan order (the last two on
    /// yesterday, the closed day, and two today). Each holder saves up for one basket at a time (drawn from
    /// `menu`) and is among the candidates for a receipt once what they may spend by that day
    /// (`RedemptionDemoFunds.budget` of what they had then, less what they spent before) covers it, within the
    /// monthly limits; of the candidates one is drawn, keener earners (more left) more often.
    static func makePlan(_ db: Database, catalog: Catalog, today: String, rng: inout SeededRandom) throws -> [Planned] {
        let funds = try RedemptionDemoFunds.load(db)
        let price = Dictionary(uniqueKeysWithValues: catalog.items.map { ($0.key, $0.points) })
        func cost(_ basket: [BasketLine]) -> Int { basket.reduce(0) { $0 + (price[$1.itemKey] ?? 0) * $1.quantity } }
        var spent: [PointsHolder: Int] = [:]
        var goals: [PointsHolder: [BasketLine]] = [:]
        var lastStaple: [PointsHolder: String] = [:]
        var limited: Set<String> = []
        var plan: [Planned] = []
        // A slot whose day nobody can pay for is made up on the next days that someone can, at most three a
        // day: people come to the desk when their points arrive. The closed day and today keep two each.
        var owed = 0
        for slot in 0..<target {
            let day = Self.day(ofSlot: slot, today: today)
            let month = String(day.prefix(7))
            owed = slot < target - 4 ? owed + 1 : 1
            for _ in 0..<min(owed, 3) {
                var candidates: [(holder: PointsHolder, left: Int)] = []
                for holder in funds.holders {
                    let whole = RedemptionDemoFunds.budget(funds.balance(holder))
                    let already = spent[holder, default: 0]
                    // A new goal when there is none or the rest of the half year cannot pay for it.
                    if goals[holder].map({ cost($0) > whole - already }) ?? true {
                        let choices = menu(holder, budget: whole, last: lastStaple[holder]).filter { cost($0.0) <= whole - already }
                        goals[holder] = choices.isEmpty ? nil : weighted(choices, rng: &rng)
                    }
                    guard let goal = goals[holder] else { continue }
                    let left = min(RedemptionDemoFunds.budget(funds.balance(holder, by: day)), whole) - already
                    if cost(goal) <= left, !goal.contains(where: { limited.contains("\(holder.key)|\($0.itemKey)|\(month)") }) {
                        candidates.append((holder, left))
                    }
                }
                guard let holder = weighted(candidates.map { ($0.holder, $0.left) }, rng: &rng), let basket = goals[holder] else { break }
                for line in basket where limitedKeys.contains(line.itemKey) {
                    limited.insert("\(holder.key)|\(line.itemKey)|\(month)")
                    lastStaple[holder] = line.itemKey
                }
                spent[holder, default: 0] += cost(basket)
                goals[holder] = nil
                owed -= 1
                plan.append(Planned(holder: holder, day: day, basket: basket))
            }
        }
        return plan
    }

    /// One of `choices`, each as likely as its weight; nil when there is nothing to choose.
    static func weighted<T>(_ choices: [(T, Int)], rng: inout SeededRandom) -> T? {
        let total = choices.reduce(0) { $0 + max(0, $1.1) }
        guard total > 0 else { return nil }
        var draw = rng.int(0...(total - 1))
        return choices.first { draw -= max(0, $0.1); return draw < 0 }?.0
    }

    /// The items with a monthly limit in the default catalog (one bag of rice, one can of oil).
    static let limitedKeys: Set<String> = ["rice_5kg", "oil_5l"]

    /// What a holder may come for, each with a weight, by what the half year lets them spend. Members whose
    /// points run to staples save up for rice and oil in turn (rice one time, oil the next); members with a
    /// middling balance save for a wash basin and towel, two towels or a bag of rice; small balances and
    /// organisations (for their staff) take a towel or a voucher.
    static func menu(_ holder: PointsHolder, budget: Int, last: String?) -> [([BasketLine], Int)] {
        let small: [([BasketLine], Int)] = [([BasketLine(itemKey: "towel")], 2), ([BasketLine(itemKey: "car_wash_voucher")], 1),
                                            ([BasketLine(itemKey: "laundry_voucher")], 1)]
        guard holder.isMember else { return small + [([BasketLine(itemKey: "towel", quantity: 2)], 1)] }
        switch budget {
        case 200...: return [([BasketLine(itemKey: last == "rice_5kg" ? "oil_5l" : "rice_5kg")], 1)]
        case 130..<200: return [([BasketLine(itemKey: "wash_basin"), BasketLine(itemKey: "towel")], 3),
                                ([BasketLine(itemKey: "towel", quantity: 2)], 2), ([BasketLine(itemKey: "rice_5kg")], 2)]
        default: return small
        }
    }

    /// The day of the plan's n-th receipt: spread from six months ago, the last four on yesterday and today.
    static func day(ofSlot n: Int, today: String) -> String {
        let back = n >= target - 4 ? (n >= target - 2 ? 0 : 1) : 180 - (n * 176) / target
        return Day.adding(-back, to: today) ?? today
    }

    /// About three in four vouchers used at their partner shop within a few weeks, never after today, through
    /// the same store method as `community voucher use` (the shop is no operator, so its name is kept as user).
    static func useVouchers(_ db: Database, receipts: [RedemptionReceipt], today: String, rng: inout SeededRandom) throws {
        let shops = try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT id, partner FROM redemption_item WHERE kind = 'voucher'")
            .map { (($0["id"] as Int64), ($0["partner"] as String? ?? "")) })
        for receipt in receipts {
            for voucher in receipt.vouchers where rng.chance(0.75) {
                guard let day = Day.adding(rng.int(1...20), to: voucher.issuedOn), day < today,
                      let shop = shops[voucher.itemId], !shop.isEmpty else { continue }
                _ = try SeedClock.$moment.withValue("\(day) 14:20:00") {
                    try CommunityDatabase.useVoucher(db, code: voucher.code, shop: shop, by: nil, today: day)
                }
            }
        }
    }
}
