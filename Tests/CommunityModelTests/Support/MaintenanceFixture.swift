import Foundation
import GRDB
import CommunityTestSupport
import XCTest
@testable import CommunityModel

/// Empty database files from the shared `TestStore` for the seeding and generating suites, the day they seed for,
/// and ways to compare what they made.
enum MaintenanceFixture {
    static let today = "2025-06-30"

    static var dataDirectory: URL { TestStore.dataDirectory }

    static func temporaryFolder() throws -> URL { try TestStore.scratchDirectory() }

    /// An empty file, as a first run finds it.
    static func freshDatabase() throws -> CommunityDatabase { try TestStore(setUp: false).db }

    /// The demo roster without the modules' demo data: quick, for tests of the roster part alone.
    @discardableResult
    static func seedRoster(_ database: CommunityDatabase, today: String = today) throws -> Actor {
        try DemoSeeder.seed(database, dataDirectory: dataDirectory, today: today, modules: [])
    }

    /// A scale's roster without the modules' (large) synthetic data.
    @discardableResult
    static func generateRoster(_ database: CommunityDatabase, _ scale: GenerateScale, today: String = today,
                               progress: ProgressHandler? = nil) throws -> GenerateSummary {
        try Generator.generate(database, scale: scale, dataDirectory: dataDirectory, today: today, modules: [], progress: progress)
    }

    /// Rows in tables the roster does not own: what the modules' hooks added, without naming any module.
    static func moduleRowCount(_ database: CommunityDatabase) throws -> Int {
        try database.pool.read { db in
            let tables = try String.fetchAll(db, sql: """
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'
                AND name NOT IN ('community_profile', 'organisation', 'member', 'operator', 'audit_log')
                """)
            return try tables.reduce(0) { $0 + (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \"\($1)\"") ?? 0) }
        }
    }

    /// Every row of a table as text, in id order: two databases with equal dumps hold the same rows.
    static func dump(_ database: CommunityDatabase, _ table: String) throws -> [String] {
        try database.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY id").map { row in
                row.columnNames.map { "\($0)=\(row[$0] as DatabaseValue)" }.joined(separator: "|")
            }
        }
    }

    static func count(_ database: CommunityDatabase, _ sql: String) throws -> Int {
        try database.pool.read { db in try Int.fetchOne(db, sql: sql) ?? -1 }
    }
}
