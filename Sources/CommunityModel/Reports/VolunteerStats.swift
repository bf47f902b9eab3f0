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
        let pending = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM claim WHERE state = '已回复'") ?? 0
        let service = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM claim WHERE state = '已通过' AND member_id IS NOT NULL") ?? 0
        let credits = try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(amount), 0) FROM ledger_entry WHERE kind = 'credit'") ?? 0
        let reversedCredits = try Int.fetchOne(db, sql: """
            SELECT COALESCE(SUM(r.amount), 0) FROM ledger_entry r JOIN ledger_entry t ON t.id = r.reverses_id
            WHERE r.kind = 'reversal' AND t.kind = 'credit'
            """) ?? 0
        return VolunteerFigures(organisations: organisations, members: members, tasksOpen: open, claimsPendingReview: pending,
                                serviceTimes: service, pointsIssued: credits + reversedCredits)
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
