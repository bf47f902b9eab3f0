import Foundation

/// The desk's tables for `community export --what redemptions|stock|vouchers` and the month's public notice.
public enum RedemptionExport {
    static let maskedName = """
        CASE WHEN r.member_id IS NULL THEN r.holder_name WHEN length(r.holder_name) = 1 THEN r.holder_name WHEN length(r.holder_name) = 2 THEN substr(r.holder_name, 1, 1) || '*'
        ELSE substr(r.holder_name, 1, 1) || substr('**********', 1, length(r.holder_name) - 2) || substr(r.holder_name, -1) END
        """
    static let items = "(SELECT group_concat(l.name || '×' || l.quantity, '、') FROM redemption_line l WHERE l.redemption_id = r.id)"

    /// Every receipt with its lines in one cell, in number order.
    public static let redemptions = ExportTable(
        name: "redemptions",
        columns: [
            ExportColumn("receipt", "单号"), ExportColumn("at", "时间"), ExportColumn("holder", "账户"),
            ExportColumn("holder_name", "兑换人"), ExportColumn("items", "物品"), ExportColumn("points", "积分", .integer),
            ExportColumn("balance_after", "兑换后余额", .integer), ExportColumn("clerk", "经办"), ExportColumn("state", "状态"),
            ExportColumn("void_reason", "作废原因"), ExportColumn("void_supervisor", "批准人"), ExportColumn("request_id", "请求号"),
        ],
        sql: """
            SELECT r.receipt, r.at,
                   CASE WHEN r.member_id IS NOT NULL THEN 'member:' || r.member_id ELSE 'organisation:' || r.organisation_id END AS holder,
                   r.holder_name, \(items) AS items, r.points, r.balance_after, r.clerk, r.state, r.void_reason, r.void_supervisor, r.request_id
            FROM redemption r ORDER BY r.id
            """)

    /// The stock ledger in posting order.
    public static let stock = ExportTable(
        name: "stock",
        columns: [
            ExportColumn("id", "流水号", .integer), ExportColumn("at", "时间"), ExportColumn("item", "物品编号"),
            ExportColumn("name", "物品"), ExportColumn("kind", "类型"), ExportColumn("quantity", "数量", .integer),
            ExportColumn("stock_after", "结存", .integer), ExportColumn("source", "来源"), ExportColumn("note", "说明"),
            ExportColumn("operator_name", "操作员"),
        ],
        sql: """
            SELECT s.id, s.at, i.key AS item, i.name,
                   CASE s.kind WHEN 'opening' THEN '期初' WHEN 'restock' THEN '入库' WHEN 'redemption' THEN '兑换出库'
                               WHEN 'void' THEN '作废退回' ELSE '盘点差异' END AS kind,
                   s.quantity, s.stock_after, s.source, s.note, s.operator_name
            FROM stock_move s JOIN redemption_item i ON i.id = s.item_id ORDER BY s.id
            """)

    /// Every voucher with its state as stored (已过期 is read against the expiry column).
    public static let vouchers = ExportTable(
        name: "vouchers",
        columns: [
            ExportColumn("code", "券码"), ExportColumn("item", "物品"), ExportColumn("partner", "商家"), ExportColumn("receipt", "单号"),
            ExportColumn("issued_on", "发放日期"), ExportColumn("expires_on", "有效期至"), ExportColumn("state", "状态"),
            ExportColumn("used_at", "使用时间"), ExportColumn("used_shop", "使用商家"),
        ],
        sql: """
            SELECT v.code, i.name AS item, i.partner, r.receipt, v.issued_on, v.expires_on, v.state, v.used_at, v.used_shop
            FROM voucher v JOIN redemption_item i ON i.id = v.item_id JOIN redemption r ON r.id = v.redemption_id ORDER BY v.id
            """)

    /// The month's 兑换公示 for the notice board: members' names masked (organisations shown whole), items, points, valid receipts only.
    public static func publicNotice(month: String) -> ExportTable {
        // The month is checked to be yyyy-MM before it is put in the query.
        let safe = month.count == 7 && month.allSatisfy { $0.isNumber || $0 == "-" } ? month : "0000-00"
        return ExportTable(
            name: "redemptions-public",
            columns: [ExportColumn("day", "日期"), ExportColumn("receipt", "单号"), ExportColumn("name", "兑换人"),
                      ExportColumn("items", "物品"), ExportColumn("points", "积分", .integer)],
            sql: """
                SELECT r.day, r.receipt, \(maskedName) AS name, \(items) AS items, r.points
                FROM redemption r WHERE r.series = 'DH' AND r.state = '有效' AND substr(r.day, 1, 7) = '\(safe)' ORDER BY r.id
                """)
    }
}
