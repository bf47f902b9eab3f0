import CommunityModel
import CommunityTestSupport
import Foundation
import GRDB
import XCTest

final class StoreFoundationTests: XCTestCase {
    func testNewFileIsMigratedWithWalForeignKeysAndFullSync() throws {
        let f = try FoundationFixture()
        defer { f.remove() }
        XCTAssertTrue(try f.db.appliedMigrations().contains("v1-foundation"))
        try f.db.pool.read { db in
            XCTAssertEqual(try String.fetchOne(db, sql: "PRAGMA journal_mode"), "wal")
            XCTAssertEqual(try Int.fetchOne(db, sql: "PRAGMA foreign_keys"), 1)
            XCTAssertEqual(try Int.fetchOne(db, sql: "PRAGMA synchronous"), 2, "synchronous must be FULL")
            let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'member'") ?? ""
            XCTAssertTrue(sql.contains("STRICT"), sql)
        }
        // The writer is the connection that commits: it must be FULL too (GRDB's WAL set-up makes it NORMAL).
        try f.db.pool.writeWithoutTransaction { db in
            XCTAssertEqual(try Int.fetchOne(db, sql: "PRAGMA synchronous"), 2, "the writer must commit with synchronous FULL")
        }
    }

    func testDatabaseFromNewerVersionIsRefusedWithMessage() throws {
        let f = try FoundationFixture()
        defer { f.remove() }
        try f.db.pool.write { db in try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v999-from-the-future')") }
        XCTAssertThrowsEqual(try CommunityDatabase.open(path: f.path), StoreError.newerSchema(path: f.path))
        XCTAssertTrue(StoreError.newerSchema(path: f.path).message.zh.contains("更新版本"))
    }

    func testFileThatIsNotADatabaseIsRefused() throws {
        let dir = try TestStore.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("notes.sqlite").path
        try Data(String(repeating: "这不是数据库 not a database ", count: 200).utf8).write(to: URL(fileURLWithPath: path))
        XCTAssertThrowsEqual(try CommunityDatabase.open(path: path), StoreError.notADatabase(path: path))
    }

    func testAuditLogRefusesUpdateAndDelete() throws {
        let f = try FoundationFixture()
        defer { f.remove() }
        _ = try f.organisation("公交集团党委")
        let before = try f.db.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_log") ?? 0 }
        XCTAssertGreaterThan(before, 0, "setting up and adding must be audited")
        XCTAssertThrowsError(try f.db.pool.write { db in try db.execute(sql: "UPDATE audit_log SET detail = 'x'") })
        XCTAssertThrowsError(try f.db.pool.write { db in try db.execute(sql: "DELETE FROM audit_log") })
        let after = try f.db.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_log WHERE detail <> 'x'") ?? 0 }
        XCTAssertEqual(after, before)
    }

    func testEveryRosterChangeWritesAnAuditLine() throws {
        let f = try FoundationFixture()
        defer { f.remove() }
        let org = try f.organisation("区法院党组", level: .district)
        let m = try f.member("张三", code: "D0001", organisation: org.id)
        try f.db.setMemberActive(id: m.id ?? 0, active: false, by: f.secretary)
        let actions = try f.db.auditLog(.first(10)).map(\.action)
        XCTAssertEqual(Array(actions.prefix(3)), ["member.deactivate", "member.add", "organisation.add"])
        XCTAssertEqual(try f.db.auditLog(.first(1)).first?.operatorName, "王书记")
    }
}
