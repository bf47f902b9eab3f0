import Foundation
import GRDB

/// `community check` for the points ledger and claims (issue 4 item 9).
public enum VolunteerCheck {
    public static func problems(_ db: Database) throws -> [IntegrityProblem] {
        var found: [IntegrityProblem] = []
        func add(_ zh: String, _ en: String) { found.append(IntegrityProblem(area: "ledger", detail: LocalizedText(zh, en))) }

        // Ledger sums equal balances, both ways (a balance row without entries, or entries without a row).
        let mismatches = try Row.fetchAll(db, sql: """
            WITH sums AS (
                SELECT CASE WHEN member_id IS NOT NULL THEN 'member' ELSE 'organisation' END AS k,
                       COALESCE(member_id, organisation_id) AS h, SUM(amount) AS s, COUNT(*) AS n
                FROM ledger_entry GROUP BY 1, 2)
            SELECT s.k AS k, s.h AS h, s.s AS s, b.balance AS b FROM sums s
              LEFT JOIN points_balance b ON b.holder_kind = s.k AND b.holder_id = s.h
             WHERE b.balance IS NULL OR b.balance <> s.s
            UNION ALL
            SELECT b.holder_kind, b.holder_id, NULL, b.balance FROM points_balance b
             WHERE NOT EXISTS (SELECT 1 FROM sums s WHERE s.k = b.holder_kind AND s.h = b.holder_id) AND b.balance <> 0
            LIMIT 100
            """)
        for r in mismatches {
            let k: String = r["k"], h: Int64 = r["h"]
            let s: Int? = r["s"], b: Int? = r["b"]
            add("\(k):\(h) 的积分流水合计 \(s.map(String.init) ?? "无") 与余额 \(b.map(String.init) ?? "无") 不符",
                "\(k):\(h): ledger sum \(s.map(String.init) ?? "none") differs from balance \(b.map(String.init) ?? "none")")
        }
        for r in try Row.fetchAll(db, sql: "SELECT holder_kind, holder_id, balance FROM points_balance WHERE balance < 0 LIMIT 100") {
            let k: String = r[0], h: Int64 = r[1], b: Int = r[2]
            add("\(k):\(h) 余额为负（\(b)）", "\(k):\(h) has a negative balance (\(b))")
        }
        // Every running balance is non-negative: walk each holder's entries in order.
        for r in try Row.fetchAll(db, sql: """
            SELECT id, running FROM (
                SELECT id, SUM(amount) OVER (PARTITION BY member_id, organisation_id ORDER BY id) AS running, balance_after
                FROM ledger_entry) WHERE running < 0 OR running <> balance_after LIMIT 100
            """) {
            let id: Int64 = r[0], running: Int = r[1]
            add("积分记录 #\(id) 处余额为 \(running)，与记录的结余不符或为负", "Entry #\(id): running balance \(running) is negative or differs from balance_after")
        }
        // Reversals: point at an existing non-reversal entry of the same holder, undo it exactly, once.
        for r in try Row.fetchAll(db, sql: """
            SELECT r.id, r.reverses_id FROM ledger_entry r LEFT JOIN ledger_entry t ON t.id = r.reverses_id
            WHERE r.kind = 'reversal' AND (t.id IS NULL OR t.kind = 'reversal' OR t.amount <> -r.amount
                  OR t.member_id IS NOT r.member_id OR t.organisation_id IS NOT r.organisation_id)
            LIMIT 100
            """) {
            let id: Int64 = r[0], target: Int64? = r[1]
            add("冲正 #\(id) 指向的记录 #\(target.map(String.init) ?? "?") 不存在或不匹配", "Reversal #\(id) points at a missing or mismatched entry #\(target.map(String.init) ?? "?")")
        }
        for r in try Row.fetchAll(db, sql: "SELECT reverses_id, COUNT(*) FROM ledger_entry WHERE reverses_id IS NOT NULL GROUP BY reverses_id HAVING COUNT(*) > 1 LIMIT 100") {
            let id: Int64 = r[0], n: Int = r[1]
            add("积分记录 #\(id) 被冲正了 \(n) 次", "Entry #\(id) is reversed \(n) times")
        }
        // Claims and credits agree: an approved claim of a task with points has exactly one standing credit,
        // any other claim has none.
        for r in try Row.fetchAll(db, sql: """
            SELECT c.id, c.state, (SELECT COUNT(*) FROM ledger_entry e WHERE e.claim_id = c.id AND e.kind = 'credit'
                                     AND NOT EXISTS (SELECT 1 FROM ledger_entry x WHERE x.reverses_id = e.id)) AS standing,
                   0
            FROM claim c
            WHERE c.id IN (SELECT claim_id FROM ledger_entry WHERE claim_id IS NOT NULL) OR c.state = '已通过'
            """) {
            let id: Int64 = r[0], state: String = r[1], standing: Int = r[2]
            let approved = state == ClaimState.approved.rawValue
            if (approved && standing > 1) || (!approved && standing != 0) {
                found.append(IntegrityProblem(area: "claims", detail: LocalizedText(
                    "认领 #\(id)（\(state)）有 \(standing) 笔有效积分入账，应为 \(approved ? "至多 1" : "0") 笔",
                    "Claim #\(id) (\(state)) has \(standing) standing credits, expected \(approved ? "at most 1" : "0")")))
            }
        }
        for r in try Row.fetchAll(db, sql: """
            SELECT t.id, t.taken, (SELECT COUNT(*) FROM claim c WHERE c.task_id = t.id AND c.state <> '已取消') AS n
            FROM task t WHERE t.taken <> (SELECT COUNT(*) FROM claim c WHERE c.task_id = t.id AND c.state <> '已取消') LIMIT 100
            """) {
            let id: Int64 = r[0], taken: Int = r[1], n: Int = r[2]
            found.append(IntegrityProblem(area: "tasks", detail: LocalizedText("任务 #\(id) 记录已认领 \(taken) 人，实际 \(n) 人",
                                                                                "Task #\(id) records \(taken) places taken, claims say \(n)")))
        }
        return found
    }
}
