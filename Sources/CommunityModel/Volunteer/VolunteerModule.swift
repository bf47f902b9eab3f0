import Foundation
import GRDB

extension Schema {
    /// The "双报到" tasks, claims and points ledger (issue 4).
    /// Money-like rules live in SQL so no code path can break them: the ledger is append-only, a reversal
    /// must exactly undo one earlier entry of the same holder (UNIQUE reverses_id), every entry has a UNIQUE
    /// idempotency key, and `points_balance` is kept by a trigger in the inserting transaction with
    /// CHECK (balance >= 0), so a balance can never be seen, or made, below zero.
    static func registerVolunteer(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3-volunteer") { db in
            try db.execute(sql: """
            CREATE TABLE task (
                id INTEGER PRIMARY KEY,
                title TEXT NOT NULL CHECK (length(title) > 0),
                category TEXT NOT NULL CHECK (category IN ('核酸检测', '小门管控', '文明创建', '防诈骗宣传', '文艺演出秩序维护', '环境整治', '其他')),
                audience TEXT NOT NULL CHECK (audience IN ('单位', '党员', '单位和党员')),
                starts_at TEXT NOT NULL CHECK (length(starts_at) = 16),
                ends_at TEXT NOT NULL CHECK (length(ends_at) = 16 AND ends_at > starts_at),
                place TEXT NOT NULL CHECK (length(place) > 0),
                places INTEGER NOT NULL CHECK (places > 0),
                points INTEGER NOT NULL CHECK (points >= 0),
                description TEXT NOT NULL DEFAULT '',
                status TEXT NOT NULL CHECK (status IN ('草稿', '已发布', '已取消')),
                taken INTEGER NOT NULL DEFAULT 0 CHECK (taken >= 0),
                cancel_reason TEXT NOT NULL DEFAULT '',
                created_at TEXT NOT NULL,
                published_at TEXT
            ) STRICT;
            CREATE INDEX task_status_starts ON task(status, starts_at, id);
            CREATE INDEX task_status_ends ON task(status, ends_at, id);
            CREATE INDEX task_ends ON task(ends_at, id);

            CREATE TABLE claim (
                id INTEGER PRIMARY KEY,
                task_id INTEGER NOT NULL REFERENCES task(id) ON DELETE RESTRICT,
                member_id INTEGER REFERENCES member(id) ON DELETE RESTRICT,
                organisation_id INTEGER REFERENCES organisation(id) ON DELETE RESTRICT,
                state TEXT NOT NULL CHECK (state IN ('已认领', '已回复', '已通过', '已驳回', '未到', '已取消')),
                claimed_at TEXT NOT NULL,
                reply_note TEXT NOT NULL DEFAULT '',
                replied_at TEXT,
                reviewed_at TEXT,
                reviewed_by TEXT NOT NULL DEFAULT '',
                review_reason TEXT NOT NULL DEFAULT '',
                source TEXT NOT NULL DEFAULT '办公室' CHECK (source IN ('办公室', '小程序')),
                external_id TEXT UNIQUE,
                CHECK ((member_id IS NULL) <> (organisation_id IS NULL)),
                CHECK (state <> '已回复' OR replied_at IS NOT NULL)
            ) STRICT;
            CREATE INDEX claim_task ON claim(task_id, claimed_at, id);
            CREATE INDEX claim_state ON claim(state, replied_at, id);
            CREATE INDEX claim_member ON claim(member_id, claimed_at, id) WHERE member_id IS NOT NULL;
            CREATE INDEX claim_organisation ON claim(organisation_id, claimed_at, id) WHERE organisation_id IS NOT NULL;
            -- One live claim per claimant per task; a cancelled claim frees the claimant to claim again.
            CREATE UNIQUE INDEX claim_live_member ON claim(task_id, member_id) WHERE member_id IS NOT NULL AND state <> '已取消';
            CREATE UNIQUE INDEX claim_live_organisation ON claim(task_id, organisation_id) WHERE organisation_id IS NOT NULL AND state <> '已取消';

            -- task.taken follows the claims in the same statement, so "full" is never stale.
            CREATE TRIGGER claim_taken_insert AFTER INSERT ON claim WHEN NEW.state <> '已取消'
            BEGIN UPDATE task SET taken = taken + 1 WHERE id = NEW.task_id; END;
            CREATE TRIGGER claim_taken_cancel AFTER UPDATE OF state ON claim WHEN OLD.state <> '已取消' AND NEW.state = '已取消'
            BEGIN UPDATE task SET taken = taken - 1 WHERE id = NEW.task_id; END;
            CREATE TRIGGER claim_taken_uncancel AFTER UPDATE OF state ON claim WHEN OLD.state = '已取消' AND NEW.state <> '已取消'
            BEGIN UPDATE task SET taken = taken + 1 WHERE id = NEW.task_id; END;
            CREATE TRIGGER claim_no_delete BEFORE DELETE ON claim
            BEGIN SELECT RAISE(ABORT, '认领记录不可删除 (claims are never deleted)'); END;
            CREATE TRIGGER claim_no_move BEFORE UPDATE OF task_id, member_id, organisation_id, external_id ON claim
            WHEN NEW.task_id IS NOT OLD.task_id OR NEW.member_id IS NOT OLD.member_id
              OR NEW.organisation_id IS NOT OLD.organisation_id OR NEW.external_id IS NOT OLD.external_id
            BEGIN SELECT RAISE(ABORT, '认领的任务和认领人不可更改 (a claim''s task and claimant cannot change)'); END;

            CREATE TABLE ledger_entry (
                id INTEGER PRIMARY KEY,
                member_id INTEGER REFERENCES member(id) ON DELETE RESTRICT,
                organisation_id INTEGER REFERENCES organisation(id) ON DELETE RESTRICT,
                kind TEXT NOT NULL CHECK (kind IN ('credit', 'debit', 'adjustment', 'reversal')),
                amount INTEGER NOT NULL CHECK (amount <> 0),
                balance_after INTEGER NOT NULL CHECK (balance_after >= 0),
                reason TEXT NOT NULL DEFAULT '',
                claim_id INTEGER REFERENCES claim(id) ON DELETE RESTRICT,
                reverses_id INTEGER UNIQUE REFERENCES ledger_entry(id) ON DELETE RESTRICT,
                idempotency_key TEXT NOT NULL UNIQUE CHECK (length(idempotency_key) > 0),
                reference TEXT NOT NULL DEFAULT '',
                at TEXT NOT NULL,
                day TEXT NOT NULL,
                operator_name TEXT NOT NULL,
                CHECK ((member_id IS NULL) <> (organisation_id IS NULL)),
                CHECK (kind <> 'credit' OR amount > 0),
                CHECK (kind <> 'debit' OR amount < 0),
                CHECK ((kind = 'reversal') = (reverses_id IS NOT NULL)),
                CHECK (kind <> 'adjustment' OR length(reason) > 0)
            ) STRICT;
            CREATE INDEX ledger_member ON ledger_entry(member_id, id) WHERE member_id IS NOT NULL;
            CREATE INDEX ledger_organisation ON ledger_entry(organisation_id, id) WHERE organisation_id IS NOT NULL;
            CREATE INDEX ledger_claim ON ledger_entry(claim_id) WHERE claim_id IS NOT NULL;
            CREATE INDEX ledger_kind_day ON ledger_entry(kind, day, amount);

            CREATE TABLE points_balance (
                holder_kind TEXT NOT NULL CHECK (holder_kind IN ('member', 'organisation')),
                holder_id INTEGER NOT NULL,
                balance INTEGER NOT NULL CHECK (balance >= 0),
                entries INTEGER NOT NULL,
                PRIMARY KEY (holder_kind, holder_id)
            ) STRICT, WITHOUT ROWID;

            -- A reversal undoes exactly one earlier, non-reversal entry of the same holder.
            CREATE TRIGGER ledger_reversal_check BEFORE INSERT ON ledger_entry WHEN NEW.reverses_id IS NOT NULL
            BEGIN
                SELECT RAISE(ABORT, '冲正必须对应一笔存在的、同一账户的、非冲正记录，金额相反 (a reversal must exactly undo one existing entry)')
                WHERE NOT EXISTS (
                    SELECT 1 FROM ledger_entry t WHERE t.id = NEW.reverses_id AND t.kind <> 'reversal'
                      AND t.amount = -NEW.amount
                      AND t.member_id IS NEW.member_id AND t.organisation_id IS NEW.organisation_id);
            END;
            -- The balance row moves with every entry, in the same transaction. (Not an UPSERT: SQLite checks
            -- CHECK constraints on the candidate row before the conflict, so a debit would fail as a new row.)
            CREATE TRIGGER ledger_balance AFTER INSERT ON ledger_entry
            BEGIN
                INSERT OR IGNORE INTO points_balance (holder_kind, holder_id, balance, entries)
                VALUES (CASE WHEN NEW.member_id IS NOT NULL THEN 'member' ELSE 'organisation' END,
                        COALESCE(NEW.member_id, NEW.organisation_id), 0, 0);
                UPDATE points_balance SET balance = balance + NEW.amount, entries = entries + 1
                WHERE holder_kind = (CASE WHEN NEW.member_id IS NOT NULL THEN 'member' ELSE 'organisation' END)
                  AND holder_id = COALESCE(NEW.member_id, NEW.organisation_id);
            END;
            """)
            try db.execute(sql: appendOnlyTriggers("ledger_entry", message: "积分流水只能追加，不可修改或删除 (the points ledger is append-only)"))
        }
        // The dashboard's "points issued" summed 500,000 entries on every visit (≈100 ms at stress scale).
        // Totals per kind now move with each entry inside its transaction, as balances do; the ledger is
        // append-only, so a running total can never drift. `check` compares them with the entries.
        migrator.registerMigration("v4-volunteer-figures") { db in
            try db.execute(sql: """
            CREATE TABLE ledger_total (
                kind TEXT PRIMARY KEY CHECK (kind IN ('credit', 'debit', 'adjustment', 'reversal', 'credit_reversal')),
                amount INTEGER NOT NULL,
                entries INTEGER NOT NULL
            ) STRICT, WITHOUT ROWID;
            INSERT INTO ledger_total (kind, amount, entries) SELECT kind, SUM(amount), COUNT(*) FROM ledger_entry GROUP BY kind;
            INSERT INTO ledger_total (kind, amount, entries)
                SELECT 'credit_reversal', COALESCE(SUM(r.amount), 0), COUNT(*)
                FROM ledger_entry r CROSS JOIN ledger_entry t ON t.id = r.reverses_id
                WHERE r.kind = 'reversal' AND t.kind = 'credit';
            INSERT OR IGNORE INTO ledger_total (kind, amount, entries)
                VALUES ('credit', 0, 0), ('debit', 0, 0), ('adjustment', 0, 0), ('reversal', 0, 0);
            CREATE TRIGGER ledger_total_add AFTER INSERT ON ledger_entry
            BEGIN
                UPDATE ledger_total SET amount = amount + NEW.amount, entries = entries + 1 WHERE kind = NEW.kind;
                UPDATE ledger_total SET amount = amount + NEW.amount, entries = entries + 1
                WHERE kind = 'credit_reversal' AND NEW.kind = 'reversal'
                  AND (SELECT kind FROM ledger_entry WHERE id = NEW.reverses_id) = 'credit';
            END;
            CREATE TRIGGER ledger_total_no_delete BEFORE DELETE ON ledger_total
            BEGIN SELECT RAISE(ABORT, '积分合计随流水自动维护，不可删除 (ledger totals are kept by the ledger)'); END;
            -- Service times count approved member claims: a partial index answers without touching the table.
            CREATE INDEX claim_state_member ON claim(state, member_id) WHERE member_id IS NOT NULL;
            """)
        }
        // Counting 100,000 approved claims still took ≈8 ms at stress scale; a tally per state and kind of
        // claimant, moved by the claim's own triggers (claims are never deleted and never change claimant),
        // answers the dashboard's claim figures at once. `check` compares it with the claims.
        migrator.registerMigration("v6-claim-tally") { db in
            let kind = { (row: String) in "CASE WHEN \(row).member_id IS NOT NULL THEN 'member' ELSE 'organisation' END" }
            try db.execute(sql: """
            CREATE TABLE claim_tally (
                state TEXT NOT NULL,
                holder_kind TEXT NOT NULL CHECK (holder_kind IN ('member', 'organisation')),
                n INTEGER NOT NULL CHECK (n >= 0),
                PRIMARY KEY (state, holder_kind)
            ) STRICT, WITHOUT ROWID;
            INSERT INTO claim_tally (state, holder_kind, n)
                SELECT state, \(kind("claim")), COUNT(*) FROM claim GROUP BY 1, 2;
            CREATE TRIGGER claim_tally_insert AFTER INSERT ON claim
            BEGIN
                INSERT OR IGNORE INTO claim_tally (state, holder_kind, n) VALUES (NEW.state, \(kind("NEW")), 0);
                UPDATE claim_tally SET n = n + 1 WHERE state = NEW.state AND holder_kind = \(kind("NEW"));
            END;
            CREATE TRIGGER claim_tally_move AFTER UPDATE OF state ON claim WHEN OLD.state IS NOT NEW.state
            BEGIN
                UPDATE claim_tally SET n = n - 1 WHERE state = OLD.state AND holder_kind = \(kind("OLD"));
                INSERT OR IGNORE INTO claim_tally (state, holder_kind, n) VALUES (NEW.state, \(kind("NEW")), 0);
                UPDATE claim_tally SET n = n + 1 WHERE state = NEW.state AND holder_kind = \(kind("NEW"));
            END;
            CREATE TRIGGER claim_tally_no_delete BEFORE DELETE ON claim_tally
            BEGIN SELECT RAISE(ABORT, '认领统计随认领自动维护，不可删除 (claim tallies are kept by the claims)'); END;
            """)
        }
    }
}

/// The "双报到" volunteer service and points ledger's part of seeding, generation, check and stats (issue 4).
public enum VolunteerModule: ModuleHooks {
    public static func seedDemo(_ db: Database, context: inout SeedContext) throws {
        try VolunteerDemo.seed(db, context: &context)
    }

    public static func generate(_ pool: DatabasePool, scale: GenerateScale, context: inout SeedContext, progress: ProgressHandler?) throws {
        try VolunteerGenerator.generate(pool, scale: scale, context: &context, progress: progress)
    }

    public static func check(_ db: Database) throws -> [IntegrityProblem] {
        try VolunteerCheck.problems(db)
    }

    public static func stats(_ db: Database, today: String) throws -> [StatsSection] {
        try VolunteerStats.sections(db, today: today)
    }
}
