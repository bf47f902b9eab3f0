import CommunityModel
import CommunityTestSupport
import Foundation
import XCTest

/// Runs the real `community` binary for the maintenance commands: exit codes, stdout/stderr, files written.
final class MaintenanceCommandsTests: XCTestCase {
    private var directory: URL!
    private var databasePath: String!

    override func setUpWithError() throws {
        directory = try TestStore.scratchDirectory("community-cli")
        let store = try TestStore(in: directory)
        databasePath = store.path
        let database = store.db, actor = store.secretary
        let org = try database.addOrganisation(Organisation(name: "公交集团党委", level: .city, contact: "李明", phone: "13911112222",
                                                            reportedOn: "2026-01-10"), by: actor)
        for i in 0..<5 {
            try database.addMember(Member(name: "党员\(i)", phone: "1380000000\(i)", organisationId: org.id, level: .city,
                                          memberCode: "ZD000\(i)", reportedOn: "2026-02-01"), by: actor)
        }
        try database.pool.close()
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    func testStatsJSON() throws {
        let run = try community(["stats", "--json", "--db", databasePath])
        XCTAssertEqual(run.status, 0, run.stderr)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        XCTAssertEqual((object["community"] as? [String: Any])?["name"] as? String, "朝东社区")
        XCTAssertEqual((object["roster"] as? [String: Any])?["members"] as? Int, 5)
    }

    func testCheckPassesThenListsEveryProblemWithExit1() throws {
        let ok = try community(["check", "--db", databasePath])
        XCTAssertEqual(ok.status, 0, ok.stderr)

        let database = try CommunityDatabase.open(path: databasePath)
        try database.pool.write { db in try db.execute(sql: "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete") }
        try database.pool.close()
        let bad = try community(["check", "--db", databasePath, "--lang", "en"])
        XCTAssertEqual(bad.status, 1)
        XCTAssertTrue(bad.stdout.contains("audit_log_no_update"), bad.stdout)
        XCTAssertTrue(bad.stdout.contains("audit_log_no_delete"), bad.stdout)
        XCTAssertTrue(bad.stderr.contains("2 problem"), bad.stderr)
    }

    func testCheckOnATextFileExits1WithoutACrash() throws {
        let file = directory.appendingPathComponent("notes.txt")
        try Data("not a database\n".utf8).write(to: file)
        let run = try community(["check", "--db", file.path])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stdout.contains("不是 SQLite 数据库"), run.stdout)
        XCTAssertFalse(run.stderr.contains("Fatal error"), run.stderr)
    }

    func testExportCSVToStdoutAndJSONToAFile() throws {
        let csv = try community(["export", "--what", "members", "--db", databasePath])
        XCTAssertEqual(csv.status, 0, csv.stderr)
        XCTAssertTrue(csv.stdout.hasPrefix("\u{FEFF}党员编号,姓名,手机号,所属单位,层级,报到日期,状态\r\n"), csv.stdout)
        XCTAssertEqual(csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count, 6)

        let target = directory.appendingPathComponent("orgs.json")
        let json = try community(["export", "--what", "organisations", "--format", "json", "--to", target.path, "--db", databasePath])
        XCTAssertEqual(json.status, 0, json.stderr)
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: target)) as? [[String: Any]])
        XCTAssertEqual(rows.first?["members"] as? Int, 5)
    }

    func testExportIssuesWithTheCommunitysReferenceData() throws {
        let run = try community(["export", "--what", "issues", "--db", databasePath])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.hasPrefix("\u{FEFF}"), run.stdout)
    }

    func testCheckReportsABrokenReferenceFileAndStillChecksTheDatabase() throws {
        // A copy of data/ whose star standard has one criterion too few.
        let data = directory.appendingPathComponent("data")
        let shipped = TestStore.dataDirectory
        try FileManager.default.copyItem(at: shipped, to: data)
        let star = data.appendingPathComponent("star-standard.json")
        var root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: star)) as? [String: Any])
        root["criteria"] = Array((root["criteria"] as? [Any] ?? []).dropLast())
        try JSONSerialization.data(withJSONObject: root).write(to: star)

        let run = try community(["check", "--db", databasePath, "--lang", "en"], environment: ["COMMUNITY_DATA": data.path])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stdout.contains("[reference]"), run.stdout)
        XCTAssertTrue(run.stdout.contains("star-standard.json"), run.stdout)
        XCTAssertTrue(run.stderr.contains("1 problem"), run.stderr)

        let stats = try community(["stats", "--json", "--db", databasePath], environment: ["COMMUNITY_DATA": data.path])
        XCTAssertEqual(stats.status, 1, "figures are not computed against a broken reference")
        XCTAssertTrue(stats.stderr.contains("criteria"), stats.stderr)
    }

    func testExportNeverOverwritesTheDatabase() throws {
        let before = try Data(contentsOf: URL(fileURLWithPath: databasePath))
        let run = try community(["export", "--what", "members", "--to", databasePath, "--db", databasePath, "--lang", "en"])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains("database file"), run.stderr)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: databasePath)), before)
    }

    func testBackupRefusesAnExistingFile() throws {
        let target = directory.appendingPathComponent("backup.sqlite").path
        let first = try community(["backup", "--to", target, "--db", databasePath])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: target))
        let second = try community(["backup", "--to", target, "--db", databasePath, "--lang", "en"])
        XCTAssertEqual(second.status, 1)
        XCTAssertTrue(second.stderr.contains("already exists"), second.stderr)
    }

    func testMissingDatabaseIsNotCreated() throws {
        let path = directory.appendingPathComponent("nope.sqlite").path
        for command in [["stats", "--json"], ["check"], ["export", "--what", "members"], ["backup", "--to", path + ".bak"]] {
            let run = try community(command + ["--db", path])
            XCTAssertEqual(run.status, 1, "\(command)")
            XCTAssertTrue(run.stderr.contains(path), run.stderr)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
    }

    // MARK: Running the binary

    private func community(_ arguments: [String], environment extra: [String: String] = [:]) throws -> CommunityBinary.Run {
        try CommunityBinary.run(arguments, environment: extra)
    }
}
