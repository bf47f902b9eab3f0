import Foundation
import GRDB

/// What `community export --what …` can write. Another kind (claims, the ledger, a ranking…) is one more case
/// here and one more line in `write`: a plain table is an `ExportTable`; a report with its own writer (the
/// consultation issues, which need the reference data for step names and deadlines) is called directly.
public enum ExportKind: String, Sendable, CaseIterable {
    case members
    case organisations
    case issues
    case tasks
    case claims
    case ledger
    case audit

    /// Streams this kind to `handle` and returns the number of rows written.
    /// - Throws: `StoreError` for a damaged or locked database, or the file system's error.
    @discardableResult
    public func write(from database: CommunityDatabase, as format: ExportFormat, to handle: FileHandle,
                      today: String = Day.today()) throws -> Int {
        switch self {
        case .members:
            return try database.export(RosterExport.members, as: format, to: handle)
        case .organisations:
            return try database.export(RosterExport.organisations, as: format, to: handle)
        case .tasks: return try database.export(VolunteerExport.tasks, as: format, to: handle)
        case .claims: return try database.export(VolunteerExport.claims, as: format, to: handle)
        case .ledger: return try database.export(VolunteerExport.ledger, as: format, to: handle)
        case .audit:
            return try Self.throughSink(database, handle) { sink in try database.exportAudit(to: sink, json: format == .json) }
        case .issues:
            return try Self.throughSink(database, handle) { sink in
                try ConsultationExport.write(database, format: format == .csv ? .csv : .json, to: sink, today: today)
            }
        }
    }

    /// Runs a report's own writer through the buffered sink, translating store errors into words.
    private static func throughSink(_ database: CommunityDatabase, _ handle: FileHandle, _ body: (ExportSink) throws -> Int) throws -> Int {
        let sink = ExportSink(handle: handle)
        do {
            let count = try body(sink)
            try sink.finish()
            return count
        } catch let error as DatabaseError {
            throw CommunityDatabase.translate(error, path: database.path)
        }
    }
}
