import Foundation
import GRDB

extension CommunityDatabase {
    /// Opens an existing database for reading only (`stats`, `export`, `backup`, reports): SQLite opens the
    /// file read-only, nothing is created, migrated or written, so a read-only file or a backup on a stick works
    /// and a mistyped path is never turned into a database.
    ///
    /// A file from an older version is refused with the words to upgrade it (open it once in the workbench)
    /// unless `allowOlderSchema`: every module's figures read tables and columns a missing migration would
    /// add, and an SQL error half-way through a report says less than asking for the upgrade up front.
    /// `backup` passes `allowOlderSchema`: copying pages needs no particular schema.
    /// - Throws: `FileAccessError` for an empty, non-workbench or older file; `StoreError` for a newer, damaged
    ///   or locked one.
    public static func openReadOnly(path: String, allowOlderSchema: Bool = false) throws -> CommunityDatabase {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw StoreError.notFound(LocalizedText("数据库文件 \(path)", "The database file \(path)"))
        }
        // Looked at before SQLite sees it: SQLite takes a zero-byte file for an empty database.
        let head = (FileHandle(forReadingAtPath: path).flatMap { try? $0.read(upToCount: 16) }) ?? Data()
        if head.isEmpty { throw FileAccessError.emptyFile(path: path) }
        guard head == Data("SQLite format 3\u{0}".utf8) else { throw StoreError.notADatabase(path: path) }
        _ = ReaderMapping.installed
        var config = Configuration()
        config.readonly = true
        config.foreignKeysEnabled = true
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA mmap_size = \(Self.mappedBytes)") }
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: path, configuration: config)
        } catch let error as DatabaseError {
            throw translate(error, path: path)
        }
        let database = CommunityDatabase(pool: pool, path: path)
        do {
            try pool.read { db in
                guard try db.tableExists("community_profile") else { throw FileAccessError.notAWorkbench(path: path) }
                let migrator = Schema.migrator
                if try migrator.hasBeenSuperseded(db) { throw StoreError.newerSchema(path: path) }
                if !allowOlderSchema, try !migrator.hasCompletedMigrations(db) { throw FileAccessError.olderSchema(path: path) }
            }
        } catch let error as DatabaseError {
            throw translate(error, path: path)
        }
        return database
    }
}
