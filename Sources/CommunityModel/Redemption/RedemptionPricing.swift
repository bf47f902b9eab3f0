import Foundation
import GRDB

/// Prices a basket and finds the first rule it breaks, inside one read or write transaction, so the quote
/// and the confirm apply exactly the same rules to the same rows.
enum RedemptionPricing {
    struct Evaluation {
        var holder: HolderMatch
        var lines: [RedemptionQuote.Line]
        var total: Int
        var refusal: RedemptionError?
    }

    /// Merges repeated keys (rice + rice = rice × 2) keeping the first order, and checks each line.
    static func merged(_ basket: [BasketLine]) throws -> [BasketLine] {
        var order: [String] = []
        var quantities: [String: Int] = [:]
        for line in basket {
            let key = line.itemKey.trimmingCharacters(in: .whitespaces)
            guard (1...RedemptionRules.maxQuantity).contains(line.quantity) else {
                throw RedemptionError.badQuantity(item: key, text: String(line.quantity))
            }
            if quantities[key] == nil { order.append(key) }
            quantities[key, default: 0] += line.quantity
        }
        guard !order.isEmpty else { throw RedemptionError.emptyBasket }
        return try order.map { key in
            let q = quantities[key] ?? 0
            guard q <= RedemptionRules.maxQuantity else { throw RedemptionError.badQuantity(item: key, text: String(q)) }
            return BasketLine(itemKey: key, quantity: q)
        }
    }

    static func evaluate(_ db: Database, holder: PointsHolder, basket: [BasketLine], day: String) throws -> Evaluation {
        guard let match = try HolderQueries.match(db, holder) else { throw RedemptionError.unknownHolder(holder.key) }
        var lines: [RedemptionQuote.Line] = []
        var refusal: RedemptionError?
        if !match.active { refusal = .holderDeactivated(holder: match.name) }
        for wanted in try merged(basket) {
            guard let item = try RedemptionItem.filter(RedemptionItem.Columns.key == wanted.itemKey).fetchOne(db) else {
                throw RedemptionError.unknownItem(wanted.itemKey)
            }
            var line = RedemptionQuote.Line(item: item, quantity: wanted.quantity, points: item.points * wanted.quantity,
                                            redeemedThisPeriod: 0, limitResetsOn: nil)
            if !item.active, refusal == nil { refusal = .itemRetired(item.name) }
            if let limit = item.limit, let period = LimitPeriod(limit.per, day: day) {
                line.redeemedThisPeriod = try redeemed(db, holder: holder, itemId: item.id ?? 0, from: period.start)
                line.limitResetsOn = period.next
                if refusal == nil, line.redeemedThisPeriod + wanted.quantity > limit.count {
                    refusal = .overLimit(item: item.name, limit: limit.count, period: limit.per, already: line.redeemedThisPeriod,
                                         asked: wanted.quantity, resetsOn: period.next)
                }
            }
            if refusal == nil, item.stock < wanted.quantity {
                refusal = .outOfStock(item: item.name, left: item.stock, asked: wanted.quantity)
            }
            lines.append(line)
        }
        let total = lines.reduce(0) { $0 + $1.points }
        if refusal == nil, total > match.balance {
            refusal = .notEnoughPoints(holder: match.name, balance: match.balance, needed: total)
        }
        return Evaluation(holder: match, lines: lines, total: total, refusal: refusal)
    }

    /// Units of one item on the holder's valid receipts since `start` (an indexed walk of their receipts).
    static func redeemed(_ db: Database, holder: PointsHolder, itemId: Int64, from start: String) throws -> Int {
        let (column, id) = holderColumn(holder)
        return try Int.fetchOne(db, sql: """
            SELECT COALESCE(SUM(l.quantity), 0) FROM redemption r JOIN redemption_line l ON l.redemption_id = r.id
            WHERE r.\(column) = ? AND r.day >= ? AND r.state = '有效' AND l.item_id = ?
            """, arguments: [id, start, itemId]) ?? 0
    }

    static func holderColumn(_ holder: PointsHolder) -> (String, Int64) {
        switch holder {
        case .member(let id): return ("member_id", id)
        case .organisation(let id): return ("organisation_id", id)
        }
    }
}

/// The calendar period a limit counts in: its first day and the first day of the next one.
struct LimitPeriod {
    var start: String
    var next: String

    init?(_ period: Catalog.Limit.Period, day: String) {
        guard let date = Day.parse(day) else { return nil }
        let calendar = Day.calendar
        let c = calendar.dateComponents([.year, .month, .weekday], from: date)
        guard let year = c.year, let month = c.month, let weekday = c.weekday else { return nil }
        func ymd(_ y: Int, _ m: Int, _ d: Int) -> String { String(format: "%04d-%02d-%02d", y, m, d) }
        switch period {
        case .week:
            // Weeks start on Monday (weekday 2 in the Gregorian calendar).
            let back = (weekday + 5) % 7
            guard let s = Day.adding(-back, to: day), let n = Day.adding(7 - back, to: day) else { return nil }
            start = s; next = n
        case .month:
            start = ymd(year, month, 1)
            next = month == 12 ? ymd(year + 1, 1, 1) : ymd(year, month + 1, 1)
        case .quarter:
            let first = ((month - 1) / 3) * 3 + 1
            start = ymd(year, first, 1)
            next = first == 10 ? ymd(year + 1, 1, 1) : ymd(year, first + 3, 1)
        case .year:
            start = ymd(year, 1, 1)
            next = ymd(year + 1, 1, 1)
        }
    }
}
