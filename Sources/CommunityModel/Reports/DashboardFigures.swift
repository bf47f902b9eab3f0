import Foundation
import GRDB

/// Everything screen 1 shows, read in one transaction so the figures agree with each other.
public struct DashboardFigures: Sendable, Equatable {
    public var roster: RosterCounts
    public var consultation: ConsultationFigures
    public var volunteer: VolunteerFigures
    public var points: PointsFigures
}

extension CommunityDatabase {
    /// Aggregates only (SPEC §9): no whole table is loaded.
    public func dashboardFigures(today: String, reference: ConsultationReference = .active) throws -> DashboardFigures {
        try pool.read { db in
            DashboardFigures(roster: try Self.rosterCounts(db),
                             consultation: try ConsultationFigures.compute(db, today: today, reference: reference),
                             volunteer: try VolunteerStats.figures(db, now: today + " 12:00"),
                             points: try VolunteerStats.points(db))
        }
    }
}

extension CommunityDatabase {
    /// Moves whenever anything is changed: every change writes an audit line, in its own transaction.
    /// Screens use it to skip recomputing figures that cannot have changed.
    public func changeMark() throws -> Int64 {
        try pool.read { db in try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM audit_log") ?? 0 }
    }
}
