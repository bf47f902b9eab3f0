import Foundation
import GRDB

/// Reading rankings (issue 9 items 1–3). A period's ranking is three indexed reads — the eligible holders
/// with their kept totals, the previous period's non-zero totals, and the period's letters — whatever the
/// size of the ledger.
extension CommunityDatabase {
    /// The ranking of a period: members for a month, organisations for a quarter.
    public func ranking(_ period: RankingPeriod, settings: RankingSettings = RankingSettings.current()) throws -> Ranking {
        try pool.read { db in try Self.keptRanking(db, period, settings: settings) }
    }

    /// Ranks `periods` on a background reader and keeps them until the file changes, so that moving to one
    /// of them on screen 5 finds it ready instead of ranking 5,000 members on the key (issue 9 item 9).
    public func warmRankings(_ periods: [RankingPeriod], settings: RankingSettings = RankingSettings.current()) {
        let db = self
        BackgroundWarmUp.run {
            for period in periods {
                _ = try? db.pool.read { d in try Self.keptRanking(d, period, settings: settings) }
            }
        }
    }

    private struct RankingAsked: Equatable, Sendable {
        var period: RankingPeriod
        var settings: RankingSettings
    }

    static func keptRanking(_ db: Database, _ period: RankingPeriod, settings: RankingSettings) throws -> Ranking {
        try FiguresCache.shared.value(db, "ranking.\(period.audience).\(period)", context: RankingAsked(period: period, settings: settings)) {
            try ranking(db, period, settings: settings)
        }
    }

    static func ranking(_ db: Database, _ period: RankingPeriod, settings: RankingSettings) throws -> Ranking {
        let audience = period.audience
        let kind = audience.holderKind
        // Units and exclusions are small tables read whole, so the big query joins only the kept totals.
        var units: [Int64: String] = [:]
        if audience == .members {
            for r in try Row.fetchAll(db, sql: "SELECT id, name FROM organisation") { units[r[0]] = r[1] }
        }
        var excluded: [Int64: String] = [:]
        for r in try Row.fetchAll(db, sql: "SELECT holder_id, reason FROM reminder_exclusion WHERE holder_kind = ? AND lifted_at IS NULL",
                                  arguments: [kind]) { excluded[r[0]] = r[1] }
        let sql = audience == .members
            ? """
                SELECT m.id, m.name, m.member_code, m.organisation_id, COALESCE(e.points, 0) AS points, COALESCE(e.services, 0)
                FROM member m
                LEFT JOIN ranking_earned e ON e.holder_kind = 'member' AND e.period = ? AND e.holder_id = m.id
                WHERE m.active = 1 AND m.reported_on <= ?
                ORDER BY points DESC, m.name, m.id
                """
            : """
                SELECT g.id, g.name, '', NULL, COALESCE(e.points, 0) AS points, COALESCE(e.services, 0)
                FROM organisation g
                LEFT JOIN ranking_earned e ON e.holder_kind = 'organisation' AND e.period = ? AND e.holder_id = g.id
                WHERE g.active = 1 AND g.reported_on <= ?
                ORDER BY points DESC, g.name, g.id
                """
        var rows: [RankingRow] = []
        let cursor = try Row.fetchCursor(db, sql: sql, arguments: [period.key, period.lastDay])
        while let r = try cursor.next() {
            let id: Int64 = r[0]
            let unitId: Int64? = r[3]
            rows.append(RankingRow(holder: audience == .members ? .member(id) : .organisation(id), name: r[1], code: r[2],
                                   unit: unitId.flatMap { units[$0] } ?? "", points: r[4], services: r[5], rank: 0, previousRank: nil,
                                   letter: nil, excludedReason: excluded[id], issued: nil))
        }
        let ranks = Ranking.competitionRanks(rows.map(\.points))
        let letters = Ranking.letters(points: rows.map(\.points), excluded: rows.map { $0.excludedReason != nil },
                                      settings: settings.letters(for: audience))
        let previous = try previousRanks(db, period.previous)
        var issued: [Int64: IssuedLetter] = [:]
        for r in try Row.fetchAll(db, sql: "SELECT id, holder_id, kind, state, points, rank FROM letter WHERE period = ? AND holder_kind = ?",
                                  arguments: [period.key, kind]) {
            issued[r[1]] = IssuedLetter(id: r[0], kind: r[2], state: r[3], points: r[4], rank: r[5])
        }
        for i in rows.indices {
            rows[i].rank = ranks[i]
            rows[i].letter = letters[i]
            let id = rows[i].holder.memberId ?? rows[i].holder.organisationId ?? 0
            rows[i].previousRank = previous.eligible.contains(id) ? (previous.ranks[id] ?? previous.zeroRank) : nil
            rows[i].issued = issued[id]
        }
        return Ranking(period: period, rows: rows)
    }

    /// The previous period's ranks: holders with points ranked by them, everyone else eligible shares the rank after.
    private static func previousRanks(_ db: Database, _ period: RankingPeriod) throws -> (ranks: [Int64: Int], zeroRank: Int, eligible: Set<Int64>) {
        let (table, kind) = period.audience == .members ? ("member", "member") : ("organisation", "organisation")
        let eligible = Set(try Int64.fetchAll(db, sql: "SELECT id FROM \(table) WHERE active = 1 AND reported_on <= ?", arguments: [period.lastDay]))
        let scored = try Row.fetchAll(db, sql: """
            SELECT e.holder_id, e.points FROM ranking_earned e JOIN \(table) h ON h.id = e.holder_id
            WHERE e.holder_kind = ? AND e.period = ? AND e.points > 0 AND h.active = 1 AND h.reported_on <= ?
            ORDER BY e.points DESC
            """, arguments: [kind, period.key, period.lastDay])
        let ranks = Ranking.competitionRanks(scored.map { $0[1] as Int })
        var map: [Int64: Int] = [:]
        for (i, r) in scored.enumerated() { map[r[0]] = ranks[i] }
        return (map, scored.count + 1, eligible)
    }

    /// The entries behind a holder's figure for a period, oldest first: the credits for services dated in it and
    /// the reversals of those credits (with the task and its service day).
    public func earnedEntries(of holder: PointsHolder, in period: RankingPeriod) throws -> [EarnedEntry] {
        try pool.read { db in
            let (column, id) = holder.isMember ? ("e.member_id", holder.memberId ?? 0) : ("e.organisation_id", holder.organisationId ?? 0)
            let sql = "SELECT * FROM (\(RankingsSQL.earnedEntries("\(column) = ?"))) WHERE period = ? ORDER BY entry_id"
            return try Row.fetchAll(db, sql: sql, arguments: [id, period.key]).map { r in
                EarnedEntry(entryId: r["entry_id"], amount: r["amount"], serviceDay: r["service_day"] ?? "", task: r["task_title"] ?? "",
                            isReversal: (r["services"] as Int) < 0)
            }
        }
    }
}

/// One entry behind a ranking figure.
public struct EarnedEntry: Sendable, Equatable {
    public var entryId: Int64
    public var amount: Int
    public var serviceDay: String
    public var task: String
    public var isReversal: Bool
}
