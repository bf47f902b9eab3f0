import Foundation
import GRDB
import CommunityTestSupport
import XCTest
@testable import CommunityModel

/// Every `--what` kind streams through the same entry point; the consultation issues use their own writer.
final class ExportKindTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws { directory = try MaintenanceFixtures.scratchDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    func testIssuesOfTheDemoCommunityExportOneRowEach() throws {
        // Given the demo 朝东社区 with its consultation issues
        let store = try TestStore.demo()
        defer { store.remove() }
        let database = store.db
        let issues = try database.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM issue") ?? 0 }
        XCTAssertGreaterThan(issues, 0)

        // When they are exported as CSV and as JSON
        let csvFile = directory.appendingPathComponent("issues.csv")
        XCTAssertTrue(FileManager.default.createFile(atPath: csvFile.path, contents: nil))
        let csvHandle = try FileHandle(forWritingTo: csvFile)
        let csvCount = try ExportKind.issues.write(from: database, as: .csv, to: csvHandle, today: "2026-05-01")
        try csvHandle.close()
        let jsonFile = directory.appendingPathComponent("issues.json")
        XCTAssertTrue(FileManager.default.createFile(atPath: jsonFile.path, contents: nil))
        let jsonHandle = try FileHandle(forWritingTo: jsonFile)
        try ExportKind.issues.write(from: database, as: .json, to: jsonHandle, today: "2026-05-01")
        try jsonHandle.close()

        // Then the CSV has the byte-order mark, a header and one line per issue, and the JSON one object per issue
        let csv = try Data(contentsOf: csvFile)
        XCTAssertEqual(Array(csv.prefix(3)), [0xEF, 0xBB, 0xBF])
        let lines = String(decoding: csv.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(csvCount, issues)
        XCTAssertGreaterThanOrEqual(lines.count, 1 + issues, "a quoted field may span lines, never fewer")
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: jsonFile)) as? [[String: Any]])
        XCTAssertEqual(rows.count, issues)
    }

    func testEveryKindWritesToAnEmptyCommunity() throws {
        let (database, _) = try MaintenanceFixtures.makeDatabase(in: directory)
        for kind in ExportKind.allCases {
            for format in ExportFormat.allCases {
                let file = directory.appendingPathComponent("\(kind.rawValue).\(format.rawValue)")
                XCTAssertTrue(FileManager.default.createFile(atPath: file.path, contents: nil))
                let handle = try FileHandle(forWritingTo: file)
                // Even an empty community has one audit line: its setup.
                let expected = kind == .audit ? 1 : 0
                XCTAssertEqual(try kind.write(from: database, as: format, to: handle), expected, "\(kind) \(format)")
                try handle.close()
                let data = try Data(contentsOf: file)
                switch format {
                case .csv: XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF], "\(kind)")
                case .json: XCTAssertEqual((try JSONSerialization.jsonObject(with: data) as? [Any])?.count, expected, "\(kind)")
                }
            }
        }
    }
}
