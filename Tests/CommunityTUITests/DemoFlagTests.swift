@testable import CommunityTUI
import ArgumentParser
import CommunityModel
import CommunityTestSupport
import Foundation
import XCTest

/// `--demo` works for every subcommand that takes `--db`, as a newcomer expects (`community export --demo`).
final class DemoFlagTests: XCTestCase {
    override func setUp() {
        Language.current = .zh
        setenv("COMMUNITY_DATA", TestStore.dataDirectory.path, 1)
    }

    func testExportAndStatsTakeDemoAndMakeTheDemoFileOnFirstUse() throws {
        let folder = try TestStore.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("demo.sqlite").path
        let out = folder.appendingPathComponent("members.csv").path
        let export = try ExportCommand.parse(["--demo", "--db", db, "--what", "members", "--to", out])
        try export.run()
        let csv = try String(contentsOfFile: out, encoding: .utf8)
        XCTAssertGreaterThan(csv.split(whereSeparator: \.isNewline).count, 300, "the demo roster was exported")
        XCTAssertTrue(try CommunityDatabase.open(path: db).profile()?.isDemo ?? false)
        XCTAssertNoThrow(try StatsCommand.parse(["--demo", "--db", db, "--json"]).run())
    }

    func testDemoIsRefusedOnARealCommunity() throws {
        let store = try TestStore()
        defer { store.remove() }
        let export = try ExportCommand.parse(["--demo", "--db", store.path, "--what", "members"])
        XCTAssertThrowsError(try export.run()) { error in XCTAssertEqual(error as? ExitCode, ExitCode(1)) }
    }
}
