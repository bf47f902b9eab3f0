import Foundation
import GRDB

/// Where a database file stands, read from the end of a few indexes inside a reader's own snapshot: it moves
/// with every committed change. Every change writes an audit line in its own transaction; `generate`'s issue
/// histories are written in bulk without a line per row, so the last issue and transition ids are read too.
public struct ChangeMark: Hashable, Sendable {
    public var file: String
    var audit: Int64
    var issue: Int64
    var transition: Int64

    /// The mark of `db`'s snapshot; nil for an in-memory or temporary database (no file to tell it apart by).
    static func read(_ db: Database) throws -> ChangeMark? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT (SELECT file FROM pragma_database_list WHERE name = 'main'),
                   (SELECT COALESCE(MAX(id), 0) FROM audit_log),
                   (SELECT COALESCE(MAX(id), 0) FROM issue),
                   (SELECT COALESCE(MAX(id), 0) FROM issue_transition)
            """)) else { return nil }
        let file: String? = row[0]
        guard let file, !file.isEmpty else { return nil }
        return ChangeMark(file: file, audit: row[1], issue: row[2], transition: row[3])
    }
}

/// Figures kept per database file and per name until the file's change mark moves (SPEC §9). The overview,
/// screen 2's header and `stats` ask the same aggregate questions on every redraw; while nothing has been
/// written, here or at another terminal, the answers cannot have changed. One mechanism for every capability.
final class FiguresCache: @unchecked Sendable {
    static let shared = FiguresCache()

    private struct Key: Hashable {
        var file: String
        var name: String
    }

    private struct Entry {
        var mark: ChangeMark
        /// Whether a context equals the one the value was computed for.
        var sameContext: @Sendable (any Sendable) -> Bool
        var value: any Sendable
    }

    private let lock = NSLock()
    private var entries: [Key: Entry] = [:]

    /// The figures called `name` for `context` as of `db`'s snapshot: the kept value while the mark stands
    /// still, otherwise `compute`d in the same snapshot and kept. A writer's snapshot may hold rows that roll
    /// back, so inside a write the value is computed and never kept.
    func value<C: Equatable & Sendable, T: Sendable>(_ db: Database, _ name: String, context: C, compute: () throws -> T) throws -> T {
        guard db.configuration.readonly, let mark = try ChangeMark.read(db) else { return try compute() }
        let key = Key(file: mark.file, name: name)
        lock.lock()
        let kept = entries[key]
        lock.unlock()
        if let kept, kept.mark == mark, kept.sameContext(context), let value = kept.value as? T { return value }
        // Computed outside the lock: one kind of figures may be built from another's.
        let value = try compute()
        lock.lock()
        entries[key] = Entry(mark: mark, sameContext: { ($0 as? C) == context }, value: value)
        lock.unlock()
        return value
    }
}

extension CommunityDatabase {
    /// Figures as of the latest commit, computed once per change of the file and reused by every screen and
    /// `stats` until something is written (here or at another terminal).
    /// - Parameters:
    ///   - name: what the figures are ("dashboard", "consultation"…); one name per kind of figures.
    ///   - context: what else they depend on (the day, reference data); another context recomputes them.
    /// - Throws: what `compute` throws, or `DatabaseError` when the file cannot be read.
    public func figures<C: Equatable & Sendable, T: Sendable>(_ name: String, context: C, _ compute: (Database) throws -> T) throws -> T {
        try pool.read { db in try FiguresCache.shared.value(db, name, context: context) { try compute(db) } }
    }

    /// The file's change mark now: equal marks mean nothing was committed in between.
    public func changeMark() throws -> ChangeMark? {
        try pool.read { db in try ChangeMark.read(db) }
    }
}

/// The day and reference data figures are computed for, as one context.
struct FiguresAsked: Equatable, Sendable {
    var today: String
    var reference: ConsultationReference
}
