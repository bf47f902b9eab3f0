import Foundation
import GRDB

extension Schema {
    /// Rankings and letters (issue 9). Points earned in a period are the credits for approved service dated
    /// in it (the task's start day) less reversals of those credits. Summing them over 500,000 entries on every
    /// key would cost far more than 16 ms, so `ranking_earned` keeps one row per holder and period (month for
    /// members, quarter for organisations), moved by a trigger in the entry's own transaction and filled once
    /// here from the rows already written. The ledger is append-only, so the totals cannot drift; `check`
    /// compares them with the entries anyway.
    static func registerRankings(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v7-rankings") { db in
            try db.execute(sql: """
            CREATE TABLE ranking_earned (
                holder_kind TEXT NOT NULL CHECK (holder_kind IN ('member', 'organisation')),
                period TEXT NOT NULL,
                holder_id INTEGER NOT NULL,
                points INTEGER NOT NULL,
                services INTEGER NOT NULL,
                PRIMARY KEY (holder_kind, period, holder_id)
            ) STRICT, WITHOUT ROWID;
            INSERT INTO ranking_earned (holder_kind, period, holder_id, points, services)
                SELECT holder_kind, period, holder_id, SUM(amount), SUM(services) FROM (\(RankingsSQL.earnedEntries())) GROUP BY 1, 2, 3;
            CREATE TRIGGER ranking_earned_add AFTER INSERT ON ledger_entry
            WHEN NEW.kind = 'credit' OR (NEW.kind = 'reversal' AND (SELECT kind FROM ledger_entry WHERE id = NEW.reverses_id) = 'credit')
            BEGIN
                INSERT OR IGNORE INTO ranking_earned (holder_kind, period, holder_id, points, services)
                VALUES (\(RankingsSQL.newKind), \(RankingsSQL.newPeriod), COALESCE(NEW.member_id, NEW.organisation_id), 0, 0);
                UPDATE ranking_earned SET points = points + NEW.amount,
                                          services = services + (CASE WHEN NEW.kind = 'credit' THEN 1 ELSE -1 END)
                WHERE holder_kind = \(RankingsSQL.newKind) AND period = \(RankingsSQL.newPeriod)
                  AND holder_id = COALESCE(NEW.member_id, NEW.organisation_id);
            END;
            CREATE TRIGGER ranking_earned_no_delete BEFORE DELETE ON ranking_earned
            BEGIN SELECT RAISE(ABORT, '排名积分随流水自动维护，不可删除 (ranking totals are kept by the ledger)'); END;

            -- The outbox. One letter per period, kind and recipient, whoever generates and however often.
            -- What was issued is frozen: only the state (and its channel, date or reason) ever changes.
            CREATE TABLE letter (
                id INTEGER PRIMARY KEY,
                period TEXT NOT NULL CHECK (length(period) >= 6),
                kind TEXT NOT NULL CHECK (kind IN ('thanks', 'reminder')),
                holder_kind TEXT NOT NULL CHECK (holder_kind IN ('member', 'organisation')),
                holder_id INTEGER NOT NULL,
                recipient TEXT NOT NULL CHECK (length(recipient) > 0),
                recipient_code TEXT NOT NULL DEFAULT '',
                rank INTEGER NOT NULL CHECK (rank > 0),
                points INTEGER NOT NULL CHECK (points >= 0),
                services INTEGER NOT NULL CHECK (services >= 0),
                body TEXT NOT NULL CHECK (length(body) > 0),
                state TEXT NOT NULL DEFAULT '待发送' CHECK (state IN ('待发送', '已发送', '已撤回')),
                channel TEXT CHECK (channel IN ('纸质', '微信', '短信')),
                sent_on TEXT,
                withdrawn_reason TEXT NOT NULL DEFAULT '',
                generated_at TEXT NOT NULL,
                generated_by TEXT NOT NULL,
                changed_at TEXT,
                changed_by TEXT NOT NULL DEFAULT '',
                CHECK ((state = '已发送') = (channel IS NOT NULL AND sent_on IS NOT NULL)),
                CHECK (state <> '已撤回' OR length(trim(withdrawn_reason)) > 0),
                UNIQUE (period, kind, holder_kind, holder_id)
            ) STRICT;
            CREATE INDEX letter_period ON letter(period, holder_kind, id);
            CREATE INDEX letter_period_state ON letter(period, holder_kind, state, id);
            CREATE TRIGGER letter_no_delete BEFORE DELETE ON letter
            BEGIN SELECT RAISE(ABORT, '信函不可删除，请撤回 (letters are never deleted; withdraw instead)'); END;
            CREATE TRIGGER letter_frozen BEFORE UPDATE OF period, kind, holder_kind, holder_id, recipient, recipient_code, rank, points,
                services, body, generated_at, generated_by ON letter
            WHEN NEW.period IS NOT OLD.period OR NEW.kind IS NOT OLD.kind OR NEW.holder_kind IS NOT OLD.holder_kind
              OR NEW.holder_id IS NOT OLD.holder_id OR NEW.recipient IS NOT OLD.recipient OR NEW.recipient_code IS NOT OLD.recipient_code
              OR NEW.rank IS NOT OLD.rank OR NEW.points IS NOT OLD.points OR NEW.services IS NOT OLD.services OR NEW.body IS NOT OLD.body
              OR NEW.generated_at IS NOT OLD.generated_at OR NEW.generated_by IS NOT OLD.generated_by
            BEGIN SELECT RAISE(ABORT, '已生成的信函内容不可修改 (an issued letter is never rewritten)'); END;
            CREATE TRIGGER letter_state_walk BEFORE UPDATE OF state ON letter
            WHEN OLD.state <> '待发送' AND NEW.state IS NOT OLD.state
            BEGIN SELECT RAISE(ABORT, '只有待发送的信函可以改为已发送或已撤回 (only a waiting letter can be sent or withdrawn)'); END;

            -- Standing exclusions from reminder letters (长期病假 …), with who and why; lifted, never deleted.
            CREATE TABLE reminder_exclusion (
                id INTEGER PRIMARY KEY,
                holder_kind TEXT NOT NULL CHECK (holder_kind IN ('member', 'organisation')),
                holder_id INTEGER NOT NULL,
                reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
                excluded_at TEXT NOT NULL,
                excluded_by TEXT NOT NULL,
                lifted_at TEXT,
                lifted_by TEXT NOT NULL DEFAULT ''
            ) STRICT;
            CREATE UNIQUE INDEX reminder_exclusion_live ON reminder_exclusion(holder_kind, holder_id) WHERE lifted_at IS NULL;
            CREATE TRIGGER reminder_exclusion_no_delete BEFORE DELETE ON reminder_exclusion
            BEGIN SELECT RAISE(ABORT, '免发记录不可删除 (exclusions are lifted, never deleted)'); END;
            CREATE TRIGGER reminder_exclusion_once BEFORE UPDATE ON reminder_exclusion
            WHEN OLD.lifted_at IS NOT NULL OR NEW.holder_kind IS NOT OLD.holder_kind OR NEW.holder_id IS NOT OLD.holder_id
              OR NEW.reason IS NOT OLD.reason OR NEW.excluded_at IS NOT OLD.excluded_at OR NEW.excluded_by IS NOT OLD.excluded_by
            BEGIN SELECT RAISE(ABORT, '免发记录只能解除一次，内容不可修改 (an exclusion is only ever lifted once)'); END;
            """)
        }
    }
}

/// The SQL that says which entries count as earned and in which period, shared by the migration, the trigger,
/// `check` and the entries behind a figure, so all four agree by construction.
enum RankingsSQL {
    /// The credit an entry is about: itself for a credit, the reversed entry for a reversal.
    static let creditOfNew = "(CASE WHEN NEW.kind = 'credit' THEN NEW.id ELSE NEW.reverses_id END)"
    static let newKind = "(CASE WHEN NEW.member_id IS NOT NULL THEN 'member' ELSE 'organisation' END)"

    /// The service day of a credit (the task's start day; the entry's own day when it has no claim).
    static func serviceDay(creditId: String) -> String {
        """
        COALESCE((SELECT substr(t.starts_at, 1, 10) FROM ledger_entry cr JOIN claim c ON c.id = cr.claim_id JOIN task t ON t.id = c.task_id
                  WHERE cr.id = \(creditId)), (SELECT day FROM ledger_entry WHERE id = \(creditId)))
        """
    }

    /// Month for members ("2026-11"), quarter for organisations ("2026Q4"), of a service day expression.
    static func period(isMember: String, day: String) -> String {
        "(CASE WHEN \(isMember) THEN substr(\(day), 1, 7) ELSE substr(\(day), 1, 4) || 'Q' || ((CAST(substr(\(day), 6, 2) AS INTEGER) + 2) / 3) END)"
    }

    static var newPeriod: String { period(isMember: "NEW.member_id IS NOT NULL", day: serviceDay(creditId: creditOfNew)) }

    /// Every entry that counts as earned, with its holder, period, amount and ±1 service: credits, and
    /// reversals of credits. Redemptions (debits), adjustments and reversals of those do not count.
    static func earnedEntries(_ extra: String = "") -> String { """
        SELECT e.id AS entry_id, CASE WHEN e.member_id IS NOT NULL THEN 'member' ELSE 'organisation' END AS holder_kind,
               COALESCE(e.member_id, e.organisation_id) AS holder_id, e.amount AS amount,
               CASE WHEN e.kind = 'credit' THEN 1 ELSE -1 END AS services,
               \(period(isMember: "e.member_id IS NOT NULL", day: "COALESCE(substr(t.starts_at, 1, 10), cr.day)")) AS period,
               COALESCE(substr(t.starts_at, 1, 10), cr.day) AS service_day, t.title AS task_title
        FROM ledger_entry e
        JOIN ledger_entry cr ON cr.id = (CASE WHEN e.kind = 'credit' THEN e.id ELSE e.reverses_id END) AND cr.kind = 'credit'
        LEFT JOIN claim c ON c.id = cr.claim_id
        LEFT JOIN task t ON t.id = c.task_id
        WHERE e.kind IN ('credit', 'reversal')\(extra.isEmpty ? "" : " AND " + extra)
        """ }
}
