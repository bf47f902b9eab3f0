import GRDB

/// Points per kind per calendar month, kept by the ledger's own insert trigger, as `ledger_total` keeps them
/// per kind. The overview's 12-month chart summed about 200,000 ledger entries per series (≈50 ms each at
/// stress scale, most of the first frame); now each series is twelve rows. The ledger is append-only, so a
/// running total cannot drift; `check` compares it with the entries.
enum MonthlyTotals {
    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v9-monthly-totals") { db in
            try db.execute(sql: """
            CREATE TABLE ledger_month_total (
                kind TEXT NOT NULL CHECK (kind IN ('credit', 'debit', 'adjustment', 'reversal', 'credit_reversal')),
                month TEXT NOT NULL CHECK (length(month) = 7),
                amount INTEGER NOT NULL,
                entries INTEGER NOT NULL,
                PRIMARY KEY (kind, month)
            ) STRICT, WITHOUT ROWID;
            INSERT INTO ledger_month_total (kind, month, amount, entries)
                SELECT kind, substr(day, 1, 7), SUM(amount), COUNT(*) FROM ledger_entry GROUP BY 1, 2;
            INSERT INTO ledger_month_total (kind, month, amount, entries)
                SELECT 'credit_reversal', substr(r.day, 1, 7), SUM(r.amount), COUNT(*)
                FROM ledger_entry r CROSS JOIN ledger_entry t ON t.id = r.reverses_id
                WHERE r.kind = 'reversal' AND t.kind = 'credit' GROUP BY 2;
            CREATE TRIGGER ledger_month_total_add AFTER INSERT ON ledger_entry
            BEGIN
                INSERT INTO ledger_month_total (kind, month, amount, entries) VALUES (NEW.kind, substr(NEW.day, 1, 7), NEW.amount, 1)
                ON CONFLICT (kind, month) DO UPDATE SET amount = amount + excluded.amount, entries = entries + 1;
                INSERT INTO ledger_month_total (kind, month, amount, entries)
                SELECT 'credit_reversal', substr(NEW.day, 1, 7), NEW.amount, 1
                WHERE NEW.kind = 'reversal' AND (SELECT kind FROM ledger_entry WHERE id = NEW.reverses_id) = 'credit'
                ON CONFLICT (kind, month) DO UPDATE SET amount = amount + excluded.amount, entries = entries + 1;
            END;
            CREATE TRIGGER ledger_month_total_no_delete BEFORE DELETE ON ledger_month_total
            BEGIN SELECT RAISE(ABORT, '积分月合计随流水自动维护，不可删除 (monthly ledger totals are kept by the ledger)'); END;
            -- Approved member services per month: state and month in the key, the member column beside them,
            -- so the series reads one index range and never the claims themselves.
            CREATE INDEX claim_state_reviewed ON claim(state, reviewed_at, member_id);
            """)
        }
    }

    /// Where the kept monthly totals differ from the entries they summarise (for `check`).
    static func problems(_ db: Database) throws -> [(kind: String, month: String, kept: (Int, Int), real: (Int, Int))] {
        var kept: [String: (Int, Int)] = [:]
        for r in try Row.fetchAll(db, sql: "SELECT kind || ' ' || month, amount, entries FROM ledger_month_total") { kept[r[0]] = (r[1], r[2]) }
        var real: [String: (Int, Int)] = [:]
        for r in try Row.fetchAll(db, sql: """
            SELECT kind || ' ' || substr(day, 1, 7), SUM(amount), COUNT(*) FROM ledger_entry GROUP BY 1
            UNION ALL
            SELECT 'credit_reversal ' || substr(r.day, 1, 7), SUM(r.amount), COUNT(*)
            FROM ledger_entry r CROSS JOIN ledger_entry t ON t.id = r.reverses_id
            WHERE r.kind = 'reversal' AND t.kind = 'credit' GROUP BY 1
            """) { real[r[0]] = (r[1], r[2]) }
        return Set(kept.keys).union(real.keys).sorted().compactMap { key in
            let k = kept[key] ?? (0, 0), a = real[key] ?? (0, 0)
            guard k != a else { return nil }
            let parts = key.split(separator: " ")
            return (String(parts.first ?? ""), String(parts.last ?? ""), k, a)
        }
    }
}
