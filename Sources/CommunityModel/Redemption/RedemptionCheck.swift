import Foundation
import GRDB

/// `community check` for the desk (issue 8 item 10): the books match the stock (账物相符).
enum RedemptionCheck {
    static func problems(_ db: Database) throws -> [IntegrityProblem] {
        var problems: [IntegrityProblem] = []
        func add(_ zh: String, _ en: String) { problems.append(IntegrityProblem(area: "redemption", detail: LocalizedText(zh, en))) }
        for row in try Row.fetchAll(db, sql: """
            SELECT i.key, i.stock, COALESCE(SUM(m.quantity), 0) AS moved FROM redemption_item i
            LEFT JOIN stock_move m ON m.item_id = i.id GROUP BY i.id HAVING i.stock <> moved OR i.stock < 0
            """) {
            let key: String = row["key"], stock: Int = row["stock"], moved: Int = row["moved"]
            add("物品 \(key) 库存 \(stock) 与库存流水合计 \(moved) 不符", "item \(key): stock \(stock) but its stock moves sum to \(moved)")
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT r.receipt, r.points, e.amount, e.kind, (SELECT SUM(points) FROM redemption_line WHERE redemption_id = r.id) AS lines
            FROM redemption r LEFT JOIN ledger_entry e ON e.id = r.ledger_entry_id
            WHERE e.id IS NULL OR e.kind <> 'debit' OR e.amount <> -r.points OR lines IS NOT r.points
            """) {
            let receipt: String = row["receipt"]
            add("兑换单 \(receipt) 的扣分与明细不符或缺少扣分流水", "receipt \(receipt): its debit is missing or does not match its lines")
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT r.receipt FROM redemption r LEFT JOIN ledger_entry e ON e.id = r.reversal_entry_id
            WHERE r.state <> '有效' AND (e.id IS NULL OR e.amount <> r.points
               OR (SELECT COALESCE(SUM(quantity), 0) FROM stock_move WHERE redemption_id = r.id AND kind = 'void')
                  <> (SELECT SUM(quantity) FROM redemption_line WHERE redemption_id = r.id))
            """) {
            let receipt: String = row["receipt"]
            add("已作废的兑换单 \(receipt) 缺少冲正或退库", "voided receipt \(receipt) lacks its reversal or stock return")
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT r.receipt FROM redemption r WHERE
               (SELECT COALESCE(-SUM(quantity), 0) FROM stock_move WHERE redemption_id = r.id AND kind = 'redemption')
               <> (SELECT SUM(quantity) FROM redemption_line WHERE redemption_id = r.id)
            """) {
            let receipt: String = row["receipt"]
            add("兑换单 \(receipt) 的出库与明细不符", "receipt \(receipt): stock out does not match its lines")
        }
        for code in try String.fetchAll(db, sql: "SELECT code FROM voucher") where !VoucherCode.isValid(code) {
            add("券码 \(code) 校验位无效", "voucher code \(code) has an invalid check character")
        }
        return problems + (try RedemptionDayTotals.problems(db))
    }
}

/// The `redemption` section of `stats --json`.
struct RedemptionStats: Encodable, Sendable {
    var todayCount: Int
    var todayPoints: Int
    var monthPoints: Int
    var lowStock: [String]
    var vouchersOutstanding: Int
}
