import Foundation
import GRDB

/// Twelve calendar months of one activity, oldest first, for the overview's charts and the street's report.
/// A month before the community's records began is `nil` (no data), which a chart shows differently from 0.
public struct MonthlySeries: Sendable, Equatable, Encodable {
    public var key: String
    public var label: LocalizedText
    /// "2025-12" … "2026-11".
    public var months: [String]
    public var values: [Int?]

    public var latest: Int? { values.last ?? nil }
    public var total: Int { values.compactMap { $0 }.reduce(0, +) }

    enum CodingKeys: String, CodingKey { case key, months, values }
}

/// The overview's monthly activity: issues raised and resolved, services, points issued and redeemed.
public struct MonthlyActivity: Sendable, Equatable, Encodable {
    public var series: [MonthlySeries]

    public subscript(_ key: String) -> MonthlySeries? { series.first { $0.key == key } }
}

extension CommunityDatabase {
    /// The twelve months ending with `today`'s, each series from one indexed GROUP BY (v7-monthly-indexes).
    public func monthlyActivity(today: String) throws -> MonthlyActivity {
        // Kept by the store's figures cache until the file changes: switching back to 1 reads only the mark.
        try figures("monthly-activity", context: today) { db in try Self.monthlyActivity(db, today: today) }
    }

    /// "2026-11" and the eleven months before it, oldest first.
    public static func lastTwelveMonths(endingIn today: String) -> [String] {
        guard let y = Int(today.prefix(4)), let m = Int(today.dropFirst(5).prefix(2)) else { return [] }
        return (0..<12).reversed().map { back in
            let total = y * 12 + (m - 1) - back
            return String(format: "%04d-%02d", total / 12, total % 12 + 1)
        }
    }

    static func monthlyActivity(_ db: Database, today: String) throws -> MonthlyActivity {
        let months = lastTwelveMonths(endingIn: today)
        guard let first = months.first else { return MonthlyActivity(series: []) }
        let from = first + "-01"
        // The community's records start with its profile (or its oldest row): months before that have no data.
        let since = try String.fetchOne(db, sql: """
            SELECT MIN(d) FROM (SELECT MIN(created_on) AS d FROM issue UNION ALL SELECT MIN(month) || '-01' FROM ledger_month_total
                                UNION ALL SELECT substr(created_at, 1, 10) FROM community_profile)
            """) ?? today
        let sinceMonth = String(since.prefix(7))
        func series(_ key: String, _ label: LocalizedText, _ sql: String) throws -> MonthlySeries {
            var byMonth: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: sql, arguments: [from]) {
                byMonth[row[0]] = row[1]
            }
            return MonthlySeries(key: key, label: label, months: months,
                                 values: months.map { $0 < sinceMonth ? nil : (byMonth[$0] ?? 0) })
        }
        return MonthlyActivity(series: [
            try series("issues_raised", LocalizedText("新议题", "raised"),
                       "SELECT substr(created_on, 1, 7), COUNT(*) FROM issue WHERE created_on >= ? GROUP BY 1"),
            try series("issues_resolved", LocalizedText("已解决", "resolved"),
                       "SELECT substr(closed_on, 1, 7), COUNT(*) FROM issue WHERE outcome = '已解决' AND closed_on >= ? GROUP BY 1"),
            try series("services", LocalizedText("服务人次", "services"),
                       "SELECT substr(reviewed_at, 1, 7), COUNT(*) FROM claim INDEXED BY claim_state_reviewed WHERE state = '已通过' AND member_id IS NOT NULL AND reviewed_at >= ? GROUP BY 1"),
            try series("points_issued", LocalizedText("发放积分", "points in"),
                       // Net of reversed credits, dated when reversed: the same rule as the figure line and `stats`.
                       // From the kept monthly totals (`MonthlyTotals`): twelve rows, not the entries.
                       """
                       SELECT month, SUM(amount) FROM ledger_month_total
                       WHERE kind IN ('credit', 'credit_reversal') AND month >= substr(?1, 1, 7) GROUP BY month
                       """),
            try series("points_redeemed", LocalizedText("兑换积分", "points out"),
                       "SELECT month, -amount FROM ledger_month_total WHERE kind = 'debit' AND month >= substr(?, 1, 7)"),
        ])
    }

    /// Indexes that keep each monthly series a range scan of one index (at stress: 20,000 issues, 200,000 claims).
    static func registerMonthlyIndexes(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v7-monthly-indexes") { db in
            try db.execute(sql: """
                CREATE INDEX issue_created_on ON issue(created_on);
                CREATE INDEX issue_resolved_on ON issue(closed_on) WHERE outcome = '已解决';
                CREATE INDEX claim_member_approved_at ON claim(reviewed_at) WHERE state = '已通过' AND member_id IS NOT NULL;
                """)
        }
    }
}
