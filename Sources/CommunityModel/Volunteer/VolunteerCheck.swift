import Foundation
import GRDB

/// `community check` for the points ledger and claims (issue 4 item 9).
public enum VolunteerCheck {
    public static func problems(_ db: Database) throws -> [IntegrityProblem] {
        var found: [IntegrityProblem] = []
        func add(_ zh: String, _ en: String) { found.append(IntegrityProblem(area: "ledger", detail: LocalizedText(zh, en))) }

        // Ledger sums equal balances, both ways (a balance row without entries, or entries without a row).
        // Two grouped scans compared in memory: one row per holder, a few thousand at most.
        var sums: [String: Int] = [:]
        for r in try Row.fetchAll(db, sql: """
            SELECT CASE WHEN member_id IS NOT NULL THEN 'member:' || member_id ELSE 'organisation:' || organisation_id END, SUM(amount)
            FROM ledger_entry GROUP BY member_id, organisation_id
            """) { sums[r[0]] = r[1] }
        var balances: [String: Int] = [:]
        for r in try Row.fetchAll(db, sql: "SELECT holder_kind || ':' || holder_id, balance FROM points_balance") { balances[r[0]] = r[1] }
        for key in Set(sums.keys).union(balances.keys).sorted() {
            let s = sums[key] ?? 0, b = balances[key] ?? 0
            if s != b || (sums[key] != nil && balances[key] == nil) {
                add("\(key) 的积分流水合计 \(sums[key].map(String.init) ?? "无") 与余额 \(balances[key].map(String.init) ?? "无") 不符",
                    "\(key): ledger sum \(sums[key].map(String.init) ?? "none") differs from balance \(balances[key].map(String.init) ?? "none")")
            }
            if found.count >= 100 { break }
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
        // The running totals per kind (for the dashboard) equal the entries they summarise.
        var totals: [String: (Int, Int)] = [:]
        for r in try Row.fetchAll(db, sql: "SELECT kind, amount, entries FROM ledger_total") { totals[r[0]] = (r[1], r[2]) }
        var actual: [String: (Int, Int)] = [:]
        for r in try Row.fetchAll(db, sql: "SELECT kind, SUM(amount), COUNT(*) FROM ledger_entry GROUP BY kind") { actual[r[0]] = (r[1], r[2]) }
        if let r = try Row.fetchOne(db, sql: """
            SELECT COALESCE(SUM(r.amount), 0), COUNT(*) FROM ledger_entry r CROSS JOIN ledger_entry t ON t.id = r.reverses_id
            WHERE r.kind = 'reversal' AND t.kind = 'credit'
            """) { actual["credit_reversal"] = (r[0], r[1]) }
        for kind in ["credit", "debit", "adjustment", "reversal", "credit_reversal"] {
            let kept = totals[kind] ?? (0, 0), real = actual[kind] ?? (0, 0)
            if kept != real {
                add("积分合计“\(kind)”记为 \(kept.0) 分 / \(kept.1) 笔，流水实际为 \(real.0) 分 / \(real.1) 笔",
                    "Ledger total “\(kind)” says \(kept.0) points / \(kept.1) entries; the entries add up to \(real.0) / \(real.1)")
            }
        }
        // The monthly totals (the overview's chart) equal the entries of each month.
        for p in try MonthlyTotals.problems(db) {
            add("积分月合计“\(p.kind)” \(p.month) 记为 \(p.kept.0) 分 / \(p.kept.1) 笔，流水实际为 \(p.real.0) 分 / \(p.real.1) 笔",
                "Monthly ledger total “\(p.kind)” \(p.month) says \(p.kept.0) points / \(p.kept.1) entries; the entries add up to \(p.real.0) / \(p.real.1)")
        }
        // The claim tallies (for the dashboard) equal the claims they count.
        var tally: [String: Int] = [:]
        for r in try Row.fetchAll(db, sql: "SELECT state || '/' || holder_kind, n FROM claim_tally WHERE n <> 0") { tally[r[0]] = r[1] }
        var claims: [String: Int] = [:]
        for r in try Row.fetchAll(db, sql: """
            SELECT state || '/' || CASE WHEN member_id IS NOT NULL THEN 'member' ELSE 'organisation' END, COUNT(*) FROM claim GROUP BY 1
            """) { claims[r[0]] = r[1] }
        for key in Set(tally.keys).union(claims.keys).sorted() where tally[key] != claims[key] {
            add("认领统计“\(key)”记为 \(tally[key] ?? 0) 条，实际为 \(claims[key] ?? 0) 条",
                "Claim tally “\(key)” says \(tally[key] ?? 0); the claims number \(claims[key] ?? 0)")
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
        // Claims and credits agree: an approved claim has at most one standing (unreversed) credit, any other claim none.
        for r in try Row.fetchAll(db, sql: """
            WITH standing AS (
                SELECT e.claim_id AS claim_id, COUNT(*) AS n FROM ledger_entry e
                WHERE e.claim_id IS NOT NULL AND e.kind = 'credit'
                  AND NOT EXISTS (SELECT 1 FROM ledger_entry x WHERE x.reverses_id = e.id)
                GROUP BY e.claim_id)
            SELECT c.id, c.state, s.n FROM standing s JOIN claim c ON c.id = s.claim_id
            WHERE (c.state = '已通过' AND s.n > 1) OR (c.state <> '已通过' AND s.n > 0)
            LIMIT 100
            """) {
            let id: Int64 = r[0], state: String = r[1], standing: Int = r[2]
            let approved = state == ClaimState.approved.rawValue
            found.append(IntegrityProblem(area: "claims", detail: LocalizedText(
                "认领 #\(id)（\(state)）有 \(standing) 笔有效积分入账，应为 \(approved ? "至多 1" : "0") 笔",
                "Claim #\(id) (\(state)) has \(standing) standing credits, expected \(approved ? "at most 1" : "0")")))
        }
        for r in try Row.fetchAll(db, sql: """
            WITH live AS (SELECT task_id, COUNT(*) AS n FROM claim WHERE state <> '已取消' GROUP BY task_id)
            SELECT t.id, t.taken, COALESCE(l.n, 0) FROM task t LEFT JOIN live l ON l.task_id = t.id
            WHERE t.taken <> COALESCE(l.n, 0) LIMIT 100
            """) {
            let id: Int64 = r[0], taken: Int = r[1], n: Int = r[2]
            found.append(IntegrityProblem(area: "tasks", detail: LocalizedText("任务 #\(id) 记录已认领 \(taken) 人，实际 \(n) 人",
                                                                                "Task #\(id) records \(taken) places taken, claims say \(n)")))
        }
        return found
    }
}

extension CommunityDatabase {
    /// The volunteer module's part of `community check`, on its own.
    public func volunteerProblems() throws -> [IntegrityProblem] {
        try pool.read { db in try VolunteerCheck.problems(db) }
    }
}
