import CommunityTestSupport
import Foundation
import GRDB
import XCTest
@testable import CommunityModel

/// Readers never write; personal data files are private; restore and dated backups behave.
final class FileAccessTests: XCTestCase {
    func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    func testAZeroByteFileIsRefusedAndLeftEmpty() throws {
        let folder = try TestStore.scratchDirectory()
        let path = folder.appendingPathComponent("empty.sqlite").path
        FileManager.default.createFile(atPath: path, contents: Data())
        XCTAssertThrowsError(try CommunityDatabase.openReadOnly(path: path)) { error in
            XCTAssertEqual(error as? FileAccessError, .emptyFile(path: path))
        }
        XCTAssertEqual(try bytes(path).count, 0, "no schema written into it")
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + "-wal"))
    }

    func testReadersLeaveTheFileByteForByteUnchanged() throws {
        // Given a closed database file whose bytes we know
        let store = try TestStore.demo()
        let path = store.db.path
        try store.db.pool.close()
        let before = try bytes(path)
        // When it is opened read-only and read (stats, an export, a backup)
        let reader = try CommunityDatabase.openReadOnly(path: path)
        _ = try reader.profile()
        for kind in ExportKind.allCases { _ = try kind.write(from: reader, as: .csv, to: FileHandle.nullDevice) }
        try reader.backup(to: store.directory.appendingPathComponent("copy.sqlite").path)
        XCTAssertThrowsError(try reader.pool.write { db in try db.execute(sql: "DELETE FROM member") }, "SQLite refuses writes")
        try reader.pool.close()
        // Then the file is unchanged
        XCTAssertEqual(try bytes(path), before)
    }

    func testAnOlderSchemaIsNotUpgradedByAReader() throws {
        let store = try TestStore()
        let path = store.db.path
        // Given a file that looks as if its newest migration had not run yet
        let last = try XCTUnwrap(try store.db.appliedMigrations().last)
        try store.db.pool.write { db in try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = ?", arguments: [last]) }
        try store.db.pool.close()
        let before = try bytes(path)
        XCTAssertThrowsError(try CommunityDatabase.openReadOnly(path: path)) { error in
            XCTAssertEqual(error as? FileAccessError, .olderSchema(path: path))
            XCTAssertTrue((error as? UserFacingError)?.message.en.contains("community --db") == true)
        }
        XCTAssertNoThrow(try CommunityDatabase.openReadOnly(path: path, allowOlderSchema: true).pool.close(), "a backup still copies it")
        XCTAssertEqual(try bytes(path), before)
    }

    func testANewDatabaseItsWALAndBackupsAreOwnerOnly() throws {
        let folder = try TestStore.scratchDirectory()
        let path = folder.appendingPathComponent("new/community.sqlite").path
        let db = try CommunityDatabase.open(path: path)
        _ = try db.setUp(profile: TestStore.profile, secretaryName: "王书记", pin: TestStore.pin)
        XCTAssertEqual(PrivateFiles.mode(of: path), 0o600)
        XCTAssertEqual(PrivateFiles.mode(of: path + "-wal"), 0o600)
        XCTAssertEqual(PrivateFiles.mode(of: folder.appendingPathComponent("new").path), 0o700)
        let backup = folder.appendingPathComponent("backups/b.sqlite").path
        try db.backup(to: backup)
        XCTAssertEqual(PrivateFiles.mode(of: backup), 0o600)
        XCTAssertEqual(PrivateFiles.mode(of: folder.appendingPathComponent("backups").path), 0o700)
        let export = folder.appendingPathComponent("roster.csv").path
        try PrivateFiles.createFile(atPath: export).close()
        XCTAssertEqual(PrivateFiles.mode(of: export), 0o600)
        XCTAssertFalse(PrivateFiles.isReadableByOthers(path))
        chmod(path, 0o644)
        XCTAssertTrue(PrivateFiles.isReadableByOthers(path), "check warns about this")
    }

    func testDatedBackupsKeepTheNewestN() throws {
        let store = try TestStore()
        let folder = store.directory.appendingPathComponent("daily").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: folder + "/notes.txt", contents: Data("keep me".utf8))
        var removed: [String] = []
        for day in 1...5 {
            let date = try XCTUnwrap(ISO8601DateFormatter().date(from: "2026-11-0\(day)T02:00:00Z"))
            removed += try store.db.backup(intoFolder: folder, keep: 3, now: date).removed
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        XCTAssertEqual(names.count, 4, "\(names)")
        XCTAssertTrue(names.contains("notes.txt"), "other files are never removed")
        XCTAssertEqual(removed.count, 2)
        XCTAssertTrue(names.filter { $0.hasSuffix(".sqlite") }.allSatisfy { $0.hasPrefix("community-202611") })
    }

    func testRestoreChecksTheBackupKeepsTheReplacedFileAndRefusesWhileOpenElsewhere() throws {
        let store = try TestStore()
        let path = store.db.path
        let backup = store.directory.appendingPathComponent("b.sqlite").path
        try store.db.backup(to: backup)
        try store.db.addOperator(name: "后来的人", role: .worker, pin: "385028", by: store.secretary)
        try store.db.pool.close()

        // A damaged backup is refused and nothing changes
        let broken = store.directory.appendingPathComponent("broken.sqlite").path
        FileManager.default.createFile(atPath: broken, contents: Data(repeating: 7, count: 4096))
        let untouched = try bytes(path)
        XCTAssertThrowsError(try CommunityDatabase.restore(from: broken, to: path))
        XCTAssertEqual(try bytes(path), untouched)

        // Another process holding the database open: refused
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = ["python3", "-c", """
            import sqlite3, sys
            c = sqlite3.connect(sys.argv[1]); c.execute("SELECT count(*) FROM operator").fetchall()
            print("open", flush=True); sys.stdin.read()
            """, path]
        let input = Pipe(), output = Pipe()
        holder.standardInput = input
        holder.standardOutput = output
        try holder.run()
        _ = output.fileHandleForReading.availableData  // "open": the connection has read and stays open
        XCTAssertTrue(CommunityDatabase.isOpenElsewhere(path))
        XCTAssertThrowsError(try CommunityDatabase.restore(from: backup, to: path)) { error in
            XCTAssertEqual(error as? FileAccessError, .inUse(path: path))
        }
        try input.fileHandleForWriting.close()
        holder.waitUntilExit()
        XCTAssertFalse(CommunityDatabase.isOpenElsewhere(path))
        let before = try bytes(path)  // after the other process closed (and checkpointed) it

        // A good backup is put back; the replaced file is kept beside it
        let result = try CommunityDatabase.restore(from: backup, to: path)
        let kept = try XCTUnwrap(result.keptAs)
        XCTAssertEqual(try bytes(kept), before)
        let restored = try CommunityDatabase.open(path: path)
        XCTAssertNil(try restored.pool.read { try String.fetchOne($0, sql: "SELECT name FROM operator WHERE name = '后来的人'") })
        XCTAssertEqual(PrivateFiles.mode(of: path), 0o600)
    }
}
