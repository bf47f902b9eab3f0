import Foundation
import GRDB
import XCTest
@testable import CommunityModel

/// A fresh database file in its own temporary folder, and the repository's real `data/` folder.
enum MaintenanceFixture {
    static let today = "2025-06-30"

    static var repoRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static var dataDirectory: URL { repoRoot.appendingPathComponent("data") }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("community-tests-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func freshDatabase() throws -> CommunityDatabase {
        try CommunityDatabase.open(path: temporaryFolder().appendingPathComponent("community.sqlite").path)
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
