import Foundation
import GRDB

extension CommunityDatabase {
    /// `community import` and the roster screen's import: validates the whole file — encoding, header, every
    /// field of every line, organisations named, member codes and names already in use — and then writes all
    /// rows in one transaction, one audit line per row plus a summary. With any problem, nothing is written.
    /// - Parameters:
    ///   - csv: the file's bytes: UTF-8 with or without BOM, UTF-16 with BOM, or GB18030/GBK from Excel/WPS.
    ///   - dryRun: check only; nothing is written even when the file is fine.
    /// - Throws: `RosterImportError` (every problem with line and column), `LoginError.notPermitted` for the kind role.
    @discardableResult
    public func importRoster(_ kind: RosterImportKind, csv: Data, by actor: Actor?, today: String = Day.today(),
                             dryRun: Bool = false) throws -> ImportSummary {
        try importRoster(kind, from: .data(csv), by: actor, today: today, dryRun: dryRun)
    }

    /// The same, streaming: the file is read twice in blocks — once to check every line (in a read
    /// transaction, so other terminals keep writing), then, only if it is clean, to write it in one write
    /// transaction that checks every line again. Memory stays flat however large the file.
    /// - Parameter progress: the pass, bytes read and total bytes, a few times a second at most.
    @discardableResult
    public func importRoster(_ kind: RosterImportKind, from source: CSVSource, by actor: Actor?, today: String = Day.today(),
                             dryRun: Bool = false, progress: ((ImportPhase, Int64, Int64) -> Void)? = nil) throws -> ImportSummary {
        if let actor, !actor.role.mayUseDesk {
            throw LoginError.notPermitted(LocalizedText("导入名册", "import the roster"))
        }
        let importer = try RosterImport(kind: kind, source: source, today: today)
        let checking: (Int64, Int64) -> Void = { progress?(.checking, $0, $1) }
        let writing: (Int64, Int64) -> Void = { progress?(.writing, $0, $1) }
        // Pass 1: every problem in the file, nothing kept but the problems.
        let counted = try pool.read { db -> (rows: Int, blank: Int) in
            let problems = RosterImport.Problems(mapping: importer.mapping)
            let counted: (rows: Int, blank: Int)
            switch kind {
            case .members: counted = try importer.members(db, problems, progress: checking) { _ in }
            case .organisations: counted = try importer.organisations(db, problems, progress: checking) { _ in }
            }
            if !problems.list.isEmpty { throw RosterImportError.problems(problems.sorted) }
            return counted
        }
        let summary = ImportSummary(kind: kind, rows: counted.rows, blankLinesSkipped: counted.blank, encoding: importer.encoding)
        if dryRun { return summary }
        // Pass 2: the same checks inside the write transaction (another terminal may have added a code
        // since), rows written in batches as they pass; any problem now rolls everything back.
        try pool.write { db in
            let problems = RosterImport.Problems(mapping: importer.mapping)
            switch kind {
            case .members:
                var batch: [Member] = []
                func flush() throws {
                    let ids = try RosterBulkWriter.insert(batch, db)
                    for (m, id) in zip(batch, ids) {
                        try AuditEntry.record(db, by: actor, action: "member.import", target: "member:\(id)", detail: "\(m.name) \(m.memberCode)")
                    }
                    batch.removeAll(keepingCapacity: true)
                }
                try importer.members(db, problems, progress: writing) { member in
                    batch.append(member)
                    if batch.count >= 1000 { try flush() }
                }
                if !problems.list.isEmpty { throw RosterImportError.problems(problems.sorted) }
                try flush()
            case .organisations:
                var batch: [Organisation] = []
                func flush() throws {
                    let ids = try RosterBulkWriter.insert(batch, db)
                    for (o, entry) in zip(batch, ids) {
                        try AuditEntry.record(db, by: actor, action: "organisation.import", target: "organisation:\(entry.id)", detail: o.name)
                    }
                    batch.removeAll(keepingCapacity: true)
                }
                try importer.organisations(db, problems, progress: writing) { organisation in
                    batch.append(organisation)
                    if batch.count >= 1000 { try flush() }
                }
                if !problems.list.isEmpty { throw RosterImportError.problems(problems.sorted) }
                try flush()
            }
            try AuditEntry.record(db, by: actor, action: "roster.import", target: kind.rawValue,
                                  detail: "\(summary.rows) rows, \(summary.encoding.rawValue)")
        }
        return summary
    }
}
