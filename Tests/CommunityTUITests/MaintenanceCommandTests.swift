@testable import CommunityTUI
import ArgumentParser
import CommunityModel
import CommunityTestSupport
import Foundation
import XCTest

/// The maintenance commands parsed and run in-process against real files, as a script would call them.
final class MaintenanceCommandTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        Language.current = .zh
        folder = try TestStore.scratchDirectory("community-cmd")
        setenv("COMMUNITY_DATA", TestStore.dataDirectory.path, 1)
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func testGenerateParsesEveryScaleAndRejectsOthers() throws {
        for scale in GenerateScale.allCases {
            let command = try GenerateCommand.parse(["--scale", scale.rawValue, "--db", "x.sqlite"])
            XCTAssertEqual(command.scale, scale)
        }
        XCTAssertThrowsError(try GenerateCommand.parse(["--scale", "huge", "--db", "x.sqlite"]))
    }

    func testGenerateDemoScaleWritesADemoMarkedDatabase() throws {
        var command = try GenerateCommand.parse(["--scale", "demo", "--db", path("g.sqlite")])
        try command.run()
        let db = try CommunityDatabase.open(path: path("g.sqlite"))
        XCTAssertEqual(try db.rosterCounts().members, 400)
        XCTAssertEqual(try db.demoActor().name, "演示书记")
        // a second run on the same file is refused with exit code 1
        var again = try GenerateCommand.parse(["--scale", "demo", "--db", path("g.sqlite")])
        XCTAssertThrowsError(try again.run()) { error in XCTAssertEqual(error as? ExitCode, ExitCode(1)) }
    }

    func testInitWithEveryFlagThenImportOrganisationsAndMembersWithoutWhat() throws {
        var initCommand = try InitCommand.parse(["--db", path("r.sqlite"), "--name", "新华社区", "--street", "新华街道",
                                                 "--district", "运河区", "--city", "沧州市", "--operator", "王书记", "--pin", "246810"])
        try initCommand.run()
        let orgs = folder.appendingPathComponent("orgs.csv")
        try Data("名称,级别,联系人,电话\n公交集团党委,市级,刘建国,13903170121\n".utf8).write(to: orgs)
        let members = folder.appendingPathComponent("members.csv")
        try Data("姓名,手机,单位,党员编号\n张三,13800000001,公交集团党委,GJ1\n".utf8).write(to: members)
        var importOrgs = try ImportCommand.parse(["--db", path("r.sqlite"), "--operator", "王书记", "--pin", "246810", orgs.path])
        try importOrgs.run()
        var importMembers = try ImportCommand.parse(["--db", path("r.sqlite"), "--operator", "王书记", "--pin", "246810", members.path])
        XCTAssertNil(importMembers.what) // guessed from the header
        try importMembers.run()
        let db = try CommunityDatabase.open(path: path("r.sqlite"))
        XCTAssertEqual(try db.profile()?.fullName, "沧州市运河区新华街道新华社区")
        XCTAssertFalse(try XCTUnwrap(try db.profile()).isDemo)
        XCTAssertEqual(try db.rosterCounts().members, 1)
        XCTAssertEqual(try db.auditLog(.first(50)).first { $0.action == "organisation.import" }?.operatorName, "王书记")
    }

    func testImportWithProblemsExitsNonZeroAndWritesNothing() throws {
        var initCommand = try InitCommand.parse(["--db", path("p.sqlite"), "--name", "新华社区", "--street", "新华街道",
                                                 "--district", "运河区", "--city", "沧州市", "--operator", "王书记", "--pin", "246810"])
        try initCommand.run()
        let members = folder.appendingPathComponent("bad.csv")
        try Data("姓名,手机,单位,党员编号\n张三,138,不存在,GJ1\n".utf8).write(to: members)
        var command = try ImportCommand.parse(["--db", path("p.sqlite"), "--operator", "王书记", "--pin", "2468", "--what", "members", members.path])
        XCTAssertThrowsError(try command.run()) { error in XCTAssertEqual(error as? ExitCode, ExitCode(1)) }
        XCTAssertEqual(try CommunityDatabase.open(path: path("p.sqlite")).rosterCounts().members, 0)
    }

    func testProgressBarDrawsNothingWhenDisabled() {
        let bar = ProgressBar(enabled: false)
        bar.handler(LocalizedText("党员", "members"), 1, 2) // must not write or crash off a terminal
        bar.finish()
    }
}
