import Foundation
import GRDB

/// Rankings and letters' part of seeding, generation, check and stats (issue 9).
public enum RankingsModule: ModuleHooks {
    /// Nothing to add: rankings are read from the ledger the volunteer module seeds.
    public static func seedDemo(_ db: Database, context: inout SeedContext) throws {}

    public static func generate(_ pool: DatabasePool, scale: GenerateScale, context: inout SeedContext, progress: ProgressHandler?) throws {}

    /// The kept per-period totals equal the entries they summarise (both ways).
    public static func check(_ db: Database) throws -> [IntegrityProblem] {
        var found: [IntegrityProblem] = []
        var kept: [String: (Int, Int)] = [:]
        for r in try Row.fetchAll(db, sql: "SELECT holder_kind || ':' || holder_id || '@' || period, points, services FROM ranking_earned") {
            kept[r[0]] = (r[1], r[2])
        }
        var real: [String: (Int, Int)] = [:]
        for r in try Row.fetchAll(db, sql: """
            SELECT holder_kind || ':' || holder_id || '@' || period, SUM(amount), SUM(services) FROM (\(RankingsSQL.earnedEntries())) GROUP BY 1
            """) { real[r[0]] = (r[1], r[2]) }
        for key in Set(kept.keys).union(real.keys).sorted() {
            let k = kept[key] ?? (0, 0), e = real[key] ?? (0, 0)
            if k != e {
                found.append(IntegrityProblem(area: "rankings", detail: LocalizedText(
                    "\(key) 的排名积分记为 \(k.0) 分 / \(k.1) 次服务，流水实际为 \(e.0) 分 / \(e.1) 次",
                    "\(key): ranking total says \(k.0) points / \(k.1) services; the entries add up to \(e.0) / \(e.1)")))
            }
            if found.count >= 100 { break }
        }
        for r in try Row.fetchAll(db, sql: "SELECT id FROM letter WHERE state = '已发送' AND (channel IS NULL OR sent_on IS NULL) LIMIT 100") {
            let id: Int64 = r[0]
            found.append(IntegrityProblem(area: "rankings", detail: LocalizedText("信函 #\(id) 标为已发送却没有方式或日期", "Letter #\(id) is sent but has no channel or date")))
        }
        return found
    }

    public static func stats(_ db: Database, today: String) throws -> [StatsSection] {
        [StatsSection(name: "rankings", value: try RankingsStats.read(db, today: today))]
    }
}

/// `stats --json` → `rankings`: the latest closed month's (members) and quarter's (organisations) letters.
/// Once generated, `thanks`/`reminders` count the outbox (withdrawn letters left out) and `pending` those
/// not yet sent; before, they are what generating would make, all pending.
public struct RankingsStats: Sendable, Encodable, Equatable {
    public struct Period: Sendable, Encodable, Equatable {
        public var period: String
        public var generated: Bool
        public var thanks: Int
        public var reminders: Int
        public var pending: Int
    }

    public var month: Period?
    public var quarter: Period?

    static func read(_ db: Database, today: String) throws -> RankingsStats {
        func one(_ audience: RankingAudience) throws -> Period? {
            guard let period = RankingPeriod.lastClosed(for: audience, today: today) else { return nil }
            let counts = try CommunityDatabase.letterCounts(db, period)
            if counts.isEmpty {
                let r = try CommunityDatabase.ranking(db, period, settings: RankingSettings.current())
                return Period(period: period.key, generated: false, thanks: r.thanks, reminders: r.reminders, pending: r.thanks + r.reminders)
            }
            func live(_ kind: LetterTemplates.Kind) -> Int { (counts[kind]?[.pending] ?? 0) + (counts[kind]?[.sent] ?? 0) }
            let pending = (counts[.thanks]?[.pending] ?? 0) + (counts[.reminder]?[.pending] ?? 0)
            return Period(period: period.key, generated: true, thanks: live(.thanks), reminders: live(.reminder), pending: pending)
        }
        return RankingsStats(month: try one(.members), quarter: try one(.organisations))
    }
}
