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

/// One ledger line as the overview lists it: the entry and whose it is.
public struct LedgerLine: Sendable, Equatable {
    public var entry: LedgerEntry
    public var holderName: String
}

extension CommunityDatabase {
    /// The newest entries of the whole ledger, behind the overview's points figures. Paged by id, newest first.
    public func recentLedgerLines(limit: Int) throws -> [LedgerLine] {
        try pool.read { db in
            let entries: [LedgerEntry] = try KeysetQuery(select: "SELECT * FROM ledger_entry", sortExpression: "''",
                                                         idExpression: "id", descending: true).fetch(db, .first(limit))
            return try entries.map { entry in
                let name: String?
                if let member = entry.memberId {
                    name = try String.fetchOne(db, sql: "SELECT name || '（' || member_code || '）' FROM member WHERE id = ?", arguments: [member])
                } else {
                    name = try String.fetchOne(db, sql: "SELECT name FROM organisation WHERE id = ?", arguments: [entry.organisationId])
                }
                return LedgerLine(entry: entry, holderName: name ?? "?")
            }
        }
    }
}
