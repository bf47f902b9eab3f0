import Foundation

/// Tasks, claims and the points ledger as export tables (`community export --what tasks|claims|ledger`).
/// Rows stream from a cursor in a stable order, so 500,000 ledger entries never sit in memory.
public enum VolunteerExport {
    /// Every task with its stored status and places taken (the board state depends on the hour you look).
    public static let tasks = ExportTable(
        name: "tasks",
        columns: [
            ExportColumn("id", "任务编号", .integer),
            ExportColumn("title", "任务名称"),
            ExportColumn("category", "类别"),
            ExportColumn("audience", "认领对象"),
            ExportColumn("starts_at", "开始时间"),
            ExportColumn("ends_at", "结束时间"),
            ExportColumn("place", "地点"),
            ExportColumn("places", "名额", .integer),
            ExportColumn("taken", "已认领", .integer),
            ExportColumn("points", "每人积分", .integer),
            ExportColumn("status", "状态"),
            ExportColumn("cancel_reason", "取消原因"),
            ExportColumn("description", "说明"),
        ],
        sql: """
            SELECT id, title, category, audience, starts_at, ends_at, place, places, taken, points, status, cancel_reason, description
            FROM task ORDER BY starts_at, id
            """)

    /// Every claim; the first six columns carry the claim import's headers (外部编号, 任务, 认领人, 状态, 时间, 备注).
    public static let claims = ExportTable(
        name: "claims",
        columns: [
            ExportColumn("external_id", "外部编号", .keptAsText),
            ExportColumn("task", "任务"),
            ExportColumn("claimant", "认领人", .keptAsText),
            ExportColumn("state", "状态"),
            ExportColumn("claimed_at", "时间"),
            ExportColumn("reply_note", "备注"),
            ExportColumn("id", "认领编号", .integer),
            ExportColumn("claimant_name", "认领人名称"),
            ExportColumn("replied_at", "回复时间"),
            ExportColumn("reviewed_at", "审核时间"),
            ExportColumn("reviewed_by", "审核人"),
            ExportColumn("review_reason", "审核意见"),
            ExportColumn("source", "来源"),
        ],
        sql: """
            SELECT COALESCE(c.external_id, 'WB-' || c.id) AS external_id, '#' || c.task_id AS task,
                   COALESCE(m.member_code, o.name) AS claimant, c.state, c.claimed_at, c.reply_note, c.id,
                   COALESCE(m.name, o.name) AS claimant_name, c.replied_at,
                   c.reviewed_at, c.reviewed_by, c.review_reason, c.source
            FROM claim c LEFT JOIN member m ON m.id = c.member_id LEFT JOIN organisation o ON o.id = c.organisation_id
            ORDER BY c.id
            """)

    /// The ledger in posting order, every entry as written (it is never edited).
    public static let ledger = ExportTable(
        name: "ledger",
        columns: [
            ExportColumn("id", "记录编号", .integer),
            ExportColumn("at", "时间"),
            ExportColumn("holder", "账户"),
            ExportColumn("holder_name", "名称"),
            ExportColumn("kind", "类型"),
            ExportColumn("amount", "积分", .integer),
            ExportColumn("balance_after", "结余", .integer),
            ExportColumn("reason", "说明"),
            ExportColumn("reverses_id", "冲正记录", .integer),
            ExportColumn("claim_id", "认领编号", .integer),
            ExportColumn("reference", "凭证"),
            ExportColumn("idempotency_key", "操作编号"),
            ExportColumn("operator_name", "操作员"),
        ],
        sql: """
            SELECT e.id, e.at,
                   CASE WHEN e.member_id IS NOT NULL THEN 'member:' || e.member_id ELSE 'organisation:' || e.organisation_id END AS holder,
                   COALESCE(m.name || '（' || m.member_code || '）', o.name, '') AS holder_name,
                   CASE e.kind WHEN 'credit' THEN '入账' WHEN 'debit' THEN '扣减' WHEN 'adjustment' THEN '调整' ELSE '冲正' END AS kind,
                   e.amount, e.balance_after, e.reason, e.reverses_id, e.claim_id, e.reference, e.idempotency_key, e.operator_name
            FROM ledger_entry e LEFT JOIN member m ON m.id = e.member_id LEFT JOIN organisation o ON o.id = e.organisation_id
            ORDER BY e.id
            """)
}
