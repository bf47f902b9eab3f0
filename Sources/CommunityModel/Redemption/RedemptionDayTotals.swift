import GRDB

/// Valid receipts and their points per series and day, kept by triggers on `redemption`, as `ledger_month_total`
/// is kept by the ledger. The desk's figures line (today's receipts, the month's points) reads a row and at most
/// 31 rows instead of summing the month's receipts (≈8,000 at stress, 1–2 ms of every confirm's reload).
/// A receipt is written once and leaves the valid state at most once (void or adjustment), so two triggers cover
/// every change; `check` compares the totals with the receipts. The v10 covering index served only the old sums
/// and is dropped: one index fewer for every receipt to write.
enum RedemptionDayTotals {
    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v11-redemption-day-totals") { db in
            try db.execute(sql: """
            CREATE TABLE redemption_day_total (
                series TEXT NOT NULL,
                day TEXT NOT NULL CHECK (length(day) = 10),
                receipts INTEGER NOT NULL CHECK (receipts >= 0),
                points INTEGER NOT NULL CHECK (points >= 0),
                PRIMARY KEY (series, day)
            ) STRICT, WITHOUT ROWID;
            INSERT INTO redemption_day_total (series, day, receipts, points)
                SELECT series, day, COUNT(*), SUM(points) FROM redemption WHERE state = '有效' GROUP BY 1, 2;
            CREATE TRIGGER redemption_day_total_add AFTER INSERT ON redemption WHEN NEW.state = '有效'
            BEGIN
                INSERT INTO redemption_day_total (series, day, receipts, points) VALUES (NEW.series, NEW.day, 1, NEW.points)
                ON CONFLICT (series, day) DO UPDATE SET receipts = receipts + 1, points = points + excluded.points;
            END;
            CREATE TRIGGER redemption_day_total_void AFTER UPDATE OF state ON redemption
            WHEN OLD.state = '有效' AND NEW.state <> '有效'
            BEGIN
                UPDATE redemption_day_total SET receipts = receipts - 1, points = points - OLD.points
                WHERE series = OLD.series AND day = OLD.day;
            END;
            DROP INDEX IF EXISTS redemption_series_day_points;
            CREATE TRIGGER redemption_day_total_no_delete BEFORE DELETE ON redemption_day_total
            BEGIN SELECT RAISE(ABORT, '兑换日合计随兑换单自动维护，不可删除 (daily redemption totals are kept by the receipts)'); END;
            """)
        }
    }

    /// Today's valid receipts and points, and the month's points up to today, for one series.
    static func figures(_ db: Database, series: String, today: String) throws -> (count: Int, points: Int, month: Int) {
        let row = try Row.fetchOne(db, sql: """
            SELECT COALESCE(SUM(CASE WHEN day = ?2 THEN receipts END), 0), COALESCE(SUM(CASE WHEN day = ?2 THEN points END), 0),
                   COALESCE(SUM(points), 0)
            FROM redemption_day_total WHERE series = ?1 AND day >= ?3 AND day <= ?2
            """, arguments: [series, today, String(today.prefix(8)) + "01"])
        return (row?[0] ?? 0, row?[1] ?? 0, row?[2] ?? 0)
    }

    /// Where the kept totals differ from the valid receipts (for `check`).
    static func problems(_ db: Database) throws -> [IntegrityProblem] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT series, day, SUM(kr) AS kr, SUM(kp) AS kp, SUM(rr) AS rr, SUM(rp) AS rp FROM (
                SELECT series, day, receipts AS kr, points AS kp, 0 AS rr, 0 AS rp FROM redemption_day_total
                UNION ALL
                SELECT series, day, 0, 0, COUNT(*), SUM(points) FROM redemption WHERE state = '有效' GROUP BY 1, 2
            ) GROUP BY 1, 2 HAVING SUM(kr) <> SUM(rr) OR SUM(kp) <> SUM(rp) ORDER BY 2, 1
            """)
        return rows.map { row in
            let series: String = row["series"], day: String = row["day"]
            let kr: Int = row["kr"], kp: Int = row["kp"], rr: Int = row["rr"], rp: Int = row["rp"]
            return IntegrityProblem(area: "redemption", detail: LocalizedText(
                "\(day) \(series) 兑换日合计记为 \(kr) 单 \(kp) 分，有效兑换单实为 \(rr) 单 \(rp) 分",
                "\(day) \(series): daily totals say \(kr) receipts, \(kp) points; the valid receipts are \(rr), \(rp) points"))
        }
    }
}
