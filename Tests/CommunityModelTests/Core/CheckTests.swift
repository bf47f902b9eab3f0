import Foundation
import GRDB
import XCTest
@testable import CommunityModel

final class CheckTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws { directory = try MaintenanceFixtures.scratchDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    /// A closed database file with a roster big enough to span many pages.
    private func makeClosedDatabase() throws -> URL {
        let (database, actor) = try MaintenanceFixtures.makeDatabase(in: directory)
        try MaintenanceFixtures.addRoster(database, by: actor, organisations: 20, members: 300)
        // Everything into the main file, so damage to it is not masked by pages still in the WAL.
        try database.pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try database.pool.close()
        let url = directory.appendingPathComponent("community.sqlite")
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: url.path + suffix) }
        return url
    }

    func testHealthyDatabaseHasNoProblems() throws {
        let (database, actor) = try MaintenanceFixtures.makeDatabase(in: directory)
        try MaintenanceFixtures.addRoster(database, by: actor, organisations: 2, members: 5)
        XCTAssertEqual(try database.check(), [])
        XCTAssertEqual(try CommunityDatabase.check(path: database.path), [])
    }

    func testOverwrittenPagesAreReportedNotCrashedOn() throws {
        // Given a copy of a real file with some pages in the middle overwritten
        let original = try makeClosedDatabase()
        let copy = directory.appendingPathComponent("damaged.sqlite")
        try FileManager.default.copyItem(at: original, to: copy)
        let handle = try FileHandle(forUpdating: copy)
        let size = try handle.seekToEnd()
        XCTAssertGreaterThan(size, 4096 * 8)
        for page in [3, 5, 7] {
            try handle.seek(toOffset: UInt64(4096 * page))
            try handle.write(contentsOf: Data(repeating: 0x5A, count: 4096))
        }
        try handle.close()

        // When it is checked, Then the damage is listed
        let problems = try CommunityDatabase.check(path: copy.path)
        XCTAssertFalse(problems.isEmpty)
        XCTAssertTrue(problems.contains { $0.area == "sqlite" }, "\(problems)")
        // and the original is untouched
        XCTAssertEqual(try CommunityDatabase.check(path: original.path), [])
    }

    func testDamagedHeaderIsAProblemNotACrash() throws {
        let original = try makeClosedDatabase()
        let handle = try FileHandle(forUpdating: original)
        try handle.write(contentsOf: Data("this is not it!".utf8))
        try handle.close()
        let problems = try CommunityDatabase.check(path: original.path)
        XCTAssertEqual(problems.map(\.area), ["sqlite"])
        XCTAssertTrue(problems.first?.detail.zh.contains("不是 SQLite 数据库") == true, "\(problems)")
    }

    func testATextFileIsAProblem() throws {
        let file = directory.appendingPathComponent("notes.txt")
        try Data(String(repeating: "社区党建工作台\n", count: 500).utf8).write(to: file)
        let problems = try CommunityDatabase.check(path: file.path)
        XCTAssertEqual(problems.map(\.area), ["sqlite"])
    }

    func testAnotherSQLiteFileIsNotAWorkbenchDatabase() throws {
        let file = directory.appendingPathComponent("other.sqlite")
        let queue = try DatabaseQueue(path: file.path)
        try queue.write { db in try db.execute(sql: "CREATE TABLE t (x INTEGER)") }
        try queue.close()
        let problems = try CommunityDatabase.check(path: file.path)
        XCTAssertEqual(problems.count, 1)
        XCTAssertTrue(problems.first?.detail.en.contains("not a workbench database") == true, "\(problems)")
    }

    func testMissingFileIsAClearError() {
        let path = directory.appendingPathComponent("nope.sqlite").path
        XCTAssertThrowsError(try CommunityDatabase.check(path: path)) { error in
            guard case .notFound = error as? StoreError else { return XCTFail("expected StoreError.notFound, got \(error)") }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path), "checking never creates the file")
    }

    func testDroppedAuditTriggerIsReported() throws {
        let (database, _) = try MaintenanceFixtures.makeDatabase(in: directory)
        try database.pool.write { db in try db.execute(sql: "DROP TRIGGER audit_log_no_delete") }
        let problems = try database.check()
        XCTAssertEqual(problems.map(\.area), ["audit"])
        XCTAssertTrue(problems.first?.detail.en.contains("audit_log_no_delete") == true, "\(problems)")
        XCTAssertEqual(try CommunityDatabase.check(path: database.path).map(\.area), ["audit"])
    }

    func testDroppedLedgerTriggerIsReported() throws {
        let (database, _) = try MaintenanceFixtures.makeDatabase(in: directory)
        try database.pool.write { db in try db.execute(sql: "DROP TRIGGER ledger_entry_no_delete") }
        let problems = try database.check()
        XCTAssertEqual(problems.map(\.area), ["audit"])
        XCTAssertTrue(problems.first?.detail.en.contains("ledger_entry_no_delete") == true, "\(problems)")
    }

    func testTriggerReplacedByOneThatAllowsEditsIsReported() throws {
        let (database, _) = try MaintenanceFixtures.makeDatabase(in: directory)
        try database.pool.write { db in
            try db.execute(sql: """
                DROP TRIGGER audit_log_no_update;
                CREATE TRIGGER audit_log_no_update AFTER UPDATE ON audit_log BEGIN SELECT 1; END;
                """)
        }
        let problems = try database.check()
        XCTAssertEqual(problems.count, 1)
        XCTAssertTrue(problems.first?.detail.en.contains("audit_log_no_update") == true, "\(problems)")
    }

    func testBrokenForeignKeyIsReported() throws {
        let (database, actor) = try MaintenanceFixtures.makeDatabase(in: directory)
        try MaintenanceFixtures.addRoster(database, by: actor, organisations: 1, members: 2)
        try database.pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(sql: "UPDATE member SET organisation_id = 999 WHERE member_code = 'ZD0002'")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        let problems = try database.check()
        XCTAssertEqual(problems.map(\.area), ["foreign_keys"])
        XCTAssertTrue(problems.first?.detail.en.contains("member") == true, "\(problems)")
    }

    func testModuleProblemsAndFailuresAreIncluded() throws {
        let (database, _) = try MaintenanceFixtures.makeDatabase(in: directory)
        let problems = try database.pool.read { db in
            CommunityDatabase.check(db, modules: [FakeLedgerModule.self, BrokenModule.self])
        }
        // The problem a module found, then a module's own failure under its name: both reported, nothing thrown.
        XCTAssertEqual(problems.map(\.area), ["ledger", "broken"])
    }
}

private enum FakeLedgerModule: ModuleHooks {
    static func seedDemo(_ db: Database, context: inout SeedContext) throws {}
    static func generate(_ pool: DatabasePool, scale: GenerateScale, context: inout SeedContext, progress: ProgressHandler?) throws {}
    static func check(_ db: Database) throws -> [IntegrityProblem] {
        [IntegrityProblem(area: "ledger", detail: LocalizedText("账不平", "ledger does not balance"))]
    }
    static func stats(_ db: Database, today: String) throws -> [StatsSection] { [] }
}

private enum BrokenModule: ModuleHooks {
    static func seedDemo(_ db: Database, context: inout SeedContext) throws {}
    static func generate(_ pool: DatabasePool, scale: GenerateScale, context: inout SeedContext, progress: ProgressHandler?) throws {}
    static func check(_ db: Database) throws -> [IntegrityProblem] {
        _ = try Row.fetchAll(db, sql: "SELECT * FROM no_such_table")
        return []
    }
    static func stats(_ db: Database, today: String) throws -> [StatsSection] { [] }
}
