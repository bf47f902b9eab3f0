import Foundation
import GRDB

/// The community's SQLite file. Every user action is one method here, one write transaction that
/// reads, checks and writes inside the same `write {}` block, and records an audit line.
public struct CommunityDatabase: Sendable {
    public let pool: DatabasePool
    public let path: String

    /// How much of the file reads may map (SQLite caps it at its own limit; the file is rarely near 1 GiB).
    static let mappedBytes = 1 << 30

    /// Opens (creating if needed) and migrates the file at `path`.
    /// - Throws: `StoreError` when the file is from a newer version, is not a database, or is locked.
    public static func open(path: String) throws -> CommunityDatabase {
        let url = URL(fileURLWithPath: path)
        try? PrivateFiles.createFolder(url.deletingLastPathComponent())
        let isNew = !FileManager.default.fileExists(atPath: path)
        _ = ReaderMapping.installed
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in
            // After open, on every connection: a committed redemption must survive a power cut (see below).
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // Readers map the file instead of copying every page through read(2) into each connection's own
            // small cache: at stress scale a search or a ranking touches thousands of pages, and the copies
            // were a third of a key's time. The writer does not: a mapping is redone whenever a commit grows
            // the file (≈1.5 ms at stress), and the writer's reads are a few rows per transaction.
            if db.configuration.readonly {
                try db.execute(sql: "PRAGMA mmap_size = \(Self.mappedBytes)")
            }
        }
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: config)
            // GRDB turns WAL on for the writer after `prepareDatabase` and sets synchronous = NORMAL with it
            // (a commit then survives a crash but not a power cut). The writer is the connection that commits,
            // so FULL is set on it again here.
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
        } catch let error as DatabaseError {
            throw translate(error, path: path)
        }
        // A file created here holds personal data: owner only (SQLite gives -wal/-shm the file's mode).
        if isNew { PrivateFiles.restrictDatabase(path) }
        let database = CommunityDatabase(pool: pool, path: path)
        try database.migrate()
        if isNew { PrivateFiles.restrictDatabase(path) }
        return database
    }

    private func migrate() throws {
        let migrator = Schema.migrator
        do {
            let superseded = try pool.read { db in try migrator.hasBeenSuperseded(db) }
            if superseded { throw StoreError.newerSchema(path: path) }
            try migrator.migrate(pool)
        } catch let error as DatabaseError {
            throw Self.translate(error, path: path)
        }
    }

    static func translate(_ error: DatabaseError, path: String) -> StoreError {
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: return .notADatabase(path: path)
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .locked(path: path)
        default: return .cannotOpen(path: path, reason: error.message ?? "\(error.resultCode)")
        }
    }

    /// The names of migrations applied to this file, oldest first.
    public func appliedMigrations() throws -> [String] {
        try pool.read { db in try Schema.migrator.appliedMigrations(db) }
    }

    /// Changes whenever another connection commits; the UI polls it to refresh within a second.
    /// Always read on the writer, one fixed connection, as SQLite requires for `data_version`.
    public func dataVersion() throws -> Int {
        try pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
    }
}
