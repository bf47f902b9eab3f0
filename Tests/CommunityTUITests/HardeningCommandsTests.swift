import CommunityModel
import Foundation
import XCTest

/// The real binary against real files: readers never write, writers name their operator, files are private,
/// `--db` into a missing folder is refused, `--errors`, `backup --keep` and `restore` (issue 13).
final class HardeningCommandsTests: XCTestCase {
    private var directory: URL!
    private var databasePath: String!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("community-hard-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        databasePath = directory.appendingPathComponent("community.sqlite").path
        let database = try CommunityDatabase.open(path: databasePath)
        let actor = try database.setUp(profile: CommunityProfile(name: "朝东社区", street: "公园街道", district: "运河区", city: "沧州市"),
                                       secretaryName: "王书记", pin: "246810")
        try database.addOrganisation(Organisation(name: "公交集团党委", level: .city, contact: "李明", phone: "13911112222",
                                                  reportedOn: "2026-01-10"), by: actor)
        try database.pool.close()
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    func file(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    func testReadersLeaveTheFileAndAZeroByteFileUntouched() throws {
        let before = try bytes(databasePath)
        for command in [["stats", "--json"], ["check"], ["export", "--what", "members"], ["export", "--what", "issues"]] {
            let run = try community(command + ["--db", databasePath])
            XCTAssertEqual(run.status, 0, "\(command): \(run.stderr)")
        }
        XCTAssertEqual(try bytes(databasePath), before)
        let empty = try file("empty.sqlite", "")
        for command in [["stats", "--json"], ["export", "--what", "members"], ["backup", "--to", empty + ".bak"]] {
            let run = try community(command + ["--db", empty, "--lang", "en"])
            XCTAssertEqual(run.status, 1, "\(command)")
            XCTAssertTrue(run.stderr.contains("empty (0 bytes)"), run.stderr)
        }
        XCTAssertEqual(try bytes(empty).count, 0, "no schema written into an empty file")
    }

    func testCheckWarnsWhenOthersCanReadTheDatabase() throws {
        let quiet = try community(["check", "--db", databasePath, "--lang", "en"])
        XCTAssertEqual(quiet.status, 0, quiet.stderr)
        XCTAssertFalse(quiet.stderr.contains("Warning"), quiet.stderr)
        chmod(databasePath, 0o644)
        let warned = try community(["check", "--db", databasePath, "--lang", "en"])
        XCTAssertEqual(warned.status, 0, "a warning, not a failed check")
        XCTAssertTrue(warned.stderr.contains("mode 644") && warned.stderr.contains("chmod 600"), warned.stderr)
    }

    func testAWritingCommandOnARealDatabaseNeedsItsOperator() throws {
        let members = try file("m.csv", "姓名,手机,单位,党员编号\n张三,13800000001,公交集团党委,GJ1\n")
        let refused = try community(["import", "--db", databasePath, "--lang", "en", members])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("--operator"), refused.stderr)
        let wrongPin = try community(["import", "--db", databasePath, "--operator", "王书记", "--pin", "000000", members])
        XCTAssertEqual(wrongPin.status, 1)
        XCTAssertEqual(try CommunityDatabase.openReadOnly(path: databasePath).rosterCounts().members, 0)
        let signed = try community(["import", "--db", databasePath, "--operator", "王书记", "--pin", "246810", members])
        XCTAssertEqual(signed.status, 0, signed.stderr)
        let db = try CommunityDatabase.openReadOnly(path: databasePath)
        XCTAssertEqual(try db.auditLog(.first(10)).first { $0.action == "member.import" }?.operatorName, "王书记")
    }

    func testADemoDatabaseIsExemptFromTheOperator() throws {
        let demo = directory.appendingPathComponent("demo.sqlite").path
        let seeded = try community(["seed-demo", "--db", demo])
        XCTAssertEqual(seeded.status, 0, seeded.stderr)
        let orgs = try file("o.csv", "名称,级别,联系人,电话\n新单位党支部,市级,刘建国,13903170121\n")
        let run = try community(["import", "--db", demo, orgs])
        XCTAssertEqual(run.status, 0, run.stderr)
    }

    func testDbInAMissingFolderIsRefusedWithTheCommandThatCreatesIt() throws {
        let missing = directory.appendingPathComponent("no/such/folder/c.sqlite").path
        for command in [["init", "--name", "a", "--street", "b", "--district", "c", "--city", "d", "--operator", "王", "--pin", "2468"],
                        ["seed-demo"], ["generate", "--scale", "demo"]] {
            let run = try community(command + ["--db", missing, "--lang", "en"])
            XCTAssertEqual(run.status, 1, "\(command)")
            XCTAssertTrue(run.stderr.contains("mkdir -p -m 700"), run.stderr)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: directory.appendingPathComponent("no").path))
    }

    func testErrorsFileListsEveryProblemAndIsPrivate() throws {
        var text = "姓名,手机,单位,党员编号\n"
        for i in 0..<100 { text += (i % 2 == 0 ? "张\u{0}\(i)" : "李\(i)") + ",1380000\(String(format: "%04d", i)),公交集团党委,C\(i)\n" }
        let members = try file("bad.csv", text)
        let errors = directory.appendingPathComponent("errors.csv").path
        let run = try community(["import", "--db", databasePath, "--operator", "王书记", "--pin", "246810", "--errors", errors, "--lang", "en", members])
        XCTAssertEqual(run.status, 1)
        XCTAssertFalse(run.stderr.contains("more"), "no summary instead of the list")
        XCTAssertEqual(run.stderr.components(separatedBy: "NUL").count - 1, 50, "every bad line on screen")
        let table = String(decoding: try bytes(errors).dropFirst(3), as: UTF8.self)
        XCTAssertEqual(table.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count, 1 + 50)
        var info = stat()
        stat(errors, &info)
        XCTAssertEqual(info.st_mode & 0o777, 0o600)
    }

    func testBackupKeepAndRestore() throws {
        let folder = directory.appendingPathComponent("daily").path
        let run = try community(["backup", "--to", folder, "--keep", "2", "--db", databasePath])
        XCTAssertEqual(run.status, 0, run.stderr)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
        XCTAssertEqual(names.count, 1)
        let backup = folder + "/" + names[0]
        var info = stat()
        stat(backup, &info)
        XCTAssertEqual(info.st_mode & 0o777, 0o600)
        let refused = try community(["restore", "--from", backup, "--db", databasePath, "--lang", "en"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("--operator"), refused.stderr)
        let restored = try community(["restore", "--from", backup, "--db", databasePath, "--operator", "王书记", "--pin", "246810"])
        XCTAssertEqual(restored.status, 0, restored.stderr)
        XCTAssertTrue(try FileManager.default.contentsOfDirectory(atPath: directory.path).contains { $0.hasPrefix("community.sqlite.before-restore-") })
    }

    // MARK: Running the binary

    private func community(_ arguments: [String], environment extra: [String: String] = [:]) throws -> CommunityBinary.Run {
        try CommunityBinary.run(arguments, environment: extra)
    }
}
