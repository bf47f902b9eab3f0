@testable import CommunityTUI
import ArgumentParser
import CommunityModel
import Foundation
import XCTest

/// `community operator …` for the IT helper: every subcommand needs a 书记 and PIN.
final class OperatorCommandTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        Language.current = .zh
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("community-op-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var initCommand = try InitCommand.parse(["--db", db, "--name", "朝东社区", "--street", "公园街道",
                                                 "--district", "运河区", "--city", "沧州市", "--operator", "王书记", "--pin", "246810"])
        try initCommand.run()
    }

    override func tearDown() { try? FileManager.default.removeItem(at: folder) }

    var db: String { folder.appendingPathComponent("o.sqlite").path }
    let secretary = ["--operator", "王书记", "--pin", "246810"]

    func run<C: ParsableCommand>(_ type: C.Type, _ args: [String]) throws {
        var command = try type.parse(["--db", db] + args)
        try command.run()
    }

    func testInitRefusesAWeakPinOnARealDatabase() throws {
        let other = folder.appendingPathComponent("weak.sqlite").path
        var command = try InitCommand.parse(["--db", other, "--name", "朝东社区", "--street", "公园街道",
                                             "--district", "运河区", "--city", "沧州市", "--operator", "王书记", "--pin", "123456"])
        XCTAssertThrowsError(try command.run()) { XCTAssertEqual($0 as? ExitCode, ExitCode(1)) }
        XCTAssertNil(try CommunityDatabase.open(path: other).profile())
    }

    func testAddResetUnlockDeactivateAsTheSecretary() throws {
        XCTAssertThrowsError(try run(OperatorCommand.Add.self, secretary + ["--name", "小李", "--role", "kiosk", "--new-pin", "1234"]),
                             "a 4-digit PIN on a real database")
        try run(OperatorCommand.Add.self, secretary + ["--name", "小李", "--role", "kiosk", "--new-pin", "580214"])
        let store = try CommunityDatabase.open(path: db)
        XCTAssertEqual(try store.operatorNamed("小李").role, .kiosk)
        for _ in 0..<5 { _ = try? store.login(name: "小李", pin: "000000") }
        XCTAssertNotNil(try store.operatorNamed("小李").lockedUntil)
        try run(OperatorCommand.Unlock.self, secretary + ["小李"])
        XCTAssertNil(try store.operatorNamed("小李").lockedUntil)
        try run(OperatorCommand.ResetPin.self, secretary + ["小李", "--new-pin", "640213"])
        XCTAssertEqual(try store.login(name: "小李", pin: "640213").name, "小李")
        try run(OperatorCommand.List.self, secretary)
        try run(OperatorCommand.Deactivate.self, secretary + ["小李"])
        XCTAssertFalse(try store.operatorNamed("小李").active)
        // The last 书记 stays.
        XCTAssertThrowsError(try run(OperatorCommand.Deactivate.self, secretary + ["王书记"])) { XCTAssertEqual($0 as? ExitCode, ExitCode(1)) }
        XCTAssertTrue(try store.operatorNamed("王书记").active)
    }

    func testEverySubcommandNeedsASecretary() throws {
        try run(OperatorCommand.Add.self, secretary + ["--name", "李社工", "--role", "worker", "--new-pin", "385028"])
        let worker = ["--operator", "李社工", "--pin", "385028"]
        XCTAssertThrowsError(try run(OperatorCommand.List.self, worker))
        XCTAssertThrowsError(try run(OperatorCommand.Add.self, worker + ["--name", "赵", "--role", "kiosk", "--new-pin", "385029"]))
        XCTAssertThrowsError(try run(OperatorCommand.Unlock.self, worker + ["王书记"]))
        XCTAssertThrowsError(try run(OperatorCommand.List.self, ["--operator", "王书记", "--pin", "000000"]))
        XCTAssertThrowsError(try run(OperatorCommand.List.self, []), "no operator named")
    }
}
