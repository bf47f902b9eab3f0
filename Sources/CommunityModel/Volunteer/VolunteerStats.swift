import Foundation
import GRDB

/// `stats --json` → "volunteer": the 双报到 loop at a glance (issue 4 item 6). Keys are snake_case for scripts.
public struct VolunteerFigures: Sendable, Equatable, Codable {
    /// Active registered organisations and members: who the community can call on.
    public var organisations: Int
    public var members: Int
    /// Published tasks that have not ended (open, full or in progress).
    public var tasksOpen: Int
    /// 已回复 claims waiting in the review queue.
    public var claimsPendingReview: Int
    /// Approved member claims: member-times of service (人次).
    public var serviceTimes: Int
    /// Points credited for approved work, net of reversed credits.
    public var pointsIssued: Int

    enum CodingKeys: String, CodingKey {
        case organisations, members
        case tasksOpen = "tasks_open"
        case claimsPendingReview = "claims_pending_review"
        case serviceTimes = "service_times"
        case pointsIssued = "points_issued"
    }
}

/// `stats --json` → "points": what the community owes its volunteers.
public struct PointsFigures: Sendable, Equatable, Codable {
    /// Sum of every balance.
    public var outstanding: Int
}

public enum VolunteerStats {
    public static func figures(_ db: Database, now: String) throws -> VolunteerFigures {
        let organisations = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM organisation WHERE active = 1") ?? 0
        let members = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM member WHERE active = 1") ?? 0
        let open = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM task WHERE status = '已发布' AND ends_at > ?", arguments: [now]) ?? 0
        // Kept by the claims' own triggers (migration v6-claim-tally); `check` verifies them.
        let pending = try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(n), 0) FROM claim_tally WHERE state = '已回复'") ?? 0
        let service = try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(n), 0) FROM claim_tally WHERE state = '已通过' AND holder_kind = 'member'") ?? 0
        // Kept per kind by the ledger's own trigger (migration v4-volunteer-figures); `check` verifies them.
        let issued = try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(amount), 0) FROM ledger_total WHERE kind IN ('credit', 'credit_reversal')") ?? 0
        return VolunteerFigures(organisations: organisations, members: members, tasksOpen: open, claimsPendingReview: pending,
                                serviceTimes: service, pointsIssued: issued)
    }

    public static func points(_ db: Database) throws -> PointsFigures {
        PointsFigures(outstanding: try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(balance), 0) FROM points_balance") ?? 0)
    }

    /// `today` pins the day; the time of day is noon so a pinned run gives the same figures all day.
    static func sections(_ db: Database, today: String) throws -> [StatsSection] {
        [StatsSection(name: "volunteer", value: try figures(db, now: today + " 12:00")),
         StatsSection(name: "points", value: try points(db))]
    }
}

extension CommunityDatabase {
    /// The volunteer figures for the dashboard.
    public func volunteerFigures(now: String = VolunteerClock.now()) throws -> VolunteerFigures {
        try pool.read { db in try VolunteerStats.figures(db, now: now) }
    }
}

/// Points that moved in a period, for the dashboard's "this month" figures.
public struct PointsFlow: Sendable, Equatable, Codable {
    /// Credits for approved work, net of credits reversed in the period.
    public var issued: Int
    /// Debits (redemptions), as a positive number, net of debits reversed in the period.
    public var redeemed: Int
}

extension CommunityDatabase {
    /// Points issued and redeemed on days `from`…`to` (inclusive, yyyy-MM-dd); index range scans on (kind, day).
    public func pointsFlow(from: String, to: String) throws -> PointsFlow {
        try pool.read { db in
            let credits = try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(amount), 0) FROM ledger_entry WHERE kind = 'credit' AND day BETWEEN ? AND ?", arguments: [from, to]) ?? 0
            let debits = try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(amount), 0) FROM ledger_entry WHERE kind = 'debit' AND day BETWEEN ? AND ?", arguments: [from, to]) ?? 0
            let reversed = try Row.fetchOne(db, sql: """
                SELECT COALESCE(SUM(CASE WHEN t.kind = 'credit' THEN r.amount END), 0) AS c,
                       COALESCE(SUM(CASE WHEN t.kind = 'debit' THEN r.amount END), 0) AS d
                FROM ledger_entry r JOIN ledger_entry t ON t.id = r.reverses_id
                WHERE r.kind = 'reversal' AND r.day BETWEEN ? AND ?
                """, arguments: [from, to])
            let rc: Int = reversed?["c"] ?? 0, rd: Int = reversed?["d"] ?? 0
            return PointsFlow(issued: credits + rc, redeemed: -(debits + rd))
        }
    }

    /// Published tasks that start within `days` of `now` and still have places: the dashboard's alert.
    public func tasksNeedingPeople(within days: Int, now: String = VolunteerClock.now(), limit: Int = 10) throws -> [VolunteerTask] {
        let until = (Day.adding(days, to: String(now.prefix(10))) ?? String(now.prefix(10))) + " 23:59"
        return try pool.read { db in
            try VolunteerTask.fetchAll(db, sql: """
                SELECT * FROM task WHERE status = '已发布' AND starts_at > ? AND starts_at <= ? AND taken < places
                ORDER BY starts_at, id LIMIT ?
                """, arguments: [now, until, limit])
        }
    }
}
