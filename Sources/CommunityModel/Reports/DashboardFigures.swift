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
