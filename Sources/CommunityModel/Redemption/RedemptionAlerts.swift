import GRDB

extension RedemptionModule {
    /// Catalog items at or below their low-stock mark: restock before residents are turned away.
    public static func alerts(_ db: Database, today: String) throws -> [OverviewAlert] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT name, name_en, stock FROM redemption_item WHERE active = 1 AND stock <= low_stock ORDER BY sort_order, id
            """)
        guard !rows.isEmpty else { return [] }
        let zh = rows.map { "\($0["name"] as String? ?? "")（剩 \($0["stock"] as Int? ?? 0)）" }.joined(separator: "、")
        let en = rows.map { "\($0["name_en"] as String? ?? "") (\($0["stock"] as Int? ?? 0) left)" }.joined(separator: ", ")
        return [OverviewAlert(target: .lowStock, count: rows.count,
                              text: LocalizedText("\(rows.count) 种兑换物品库存不足：\(zh)", "\(rows.count) item(s) running low: \(en)"))]
    }
}
