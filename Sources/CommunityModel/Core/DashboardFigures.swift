import Foundation
import GRDB

/// Everything screen 1 shows, read in one transaction so the figures agree with each other.
public struct DashboardFigures: Sendable, Equatable {
    public var roster: RosterCounts
    public var consultation: ConsultationFigures
    public var volunteer: VolunteerFigures
    public var points: PointsFigures
    /// Today's receipts and points at the desk (`stats --json` → `redemption`).
    public var redemption: RedemptionFigures
    /// The current quarter's star rating and stage (`stats --json` → `star`); nil before the star tables exist.
    public var star: StarStats?
}

extension CommunityDatabase {
    /// Aggregates only (SPEC §9): no whole table is loaded. Kept until the file changes (`figures(_:context:_:)`),
    /// so returning to the overview, or redrawing it, reads only the change mark.
    public func dashboardFigures(today: String, reference: ConsultationReference = .active) throws -> DashboardFigures {
        try figures("dashboard", context: FiguresAsked(today: today, reference: reference)) { db in
            DashboardFigures(roster: try Self.rosterCounts(db),
                             consultation: try ConsultationFigures.compute(db, today: today, reference: reference),
                             volunteer: try VolunteerStats.figures(db, now: today + " 12:00"),
                             points: try VolunteerStats.points(db),
                             redemption: try Self.redemptionFigures(db, today: today),
                             star: try StarModule.current(db, today: today))
        }
    }
}

/// One ledger line as the overview lists it: the entry and whose it is.
public struct LedgerLine: Sendable, Equatable, FetchableRecord {
    public var entry: LedgerEntry
    public var holderName: String

    /// A ledger row with a `holder_name` column beside the entry's own.
    public init(row: Row) throws {
        entry = try LedgerEntry(row: row)
        holderName = row["holder_name"]
    }
}

extension CommunityDatabase {
    /// The newest entries of the whole ledger, behind the overview's points figures. Paged by id, newest first.
    public func recentLedgerLines(limit: Int) throws -> [LedgerLine] {
        try pool.read { db in
            // One query: each entry with its holder's name, instead of a lookup per line.
            try KeysetQuery(select: """
                SELECT e.*, COALESCE(m.name || '（' || m.member_code || '）', o.name, '?') AS holder_name
                FROM ledger_entry e LEFT JOIN member m ON m.id = e.member_id LEFT JOIN organisation o ON o.id = e.organisation_id
                """, sortExpression: "''", idExpression: "e.id", descending: true).fetch(db, .first(limit))
        }
    }
}
