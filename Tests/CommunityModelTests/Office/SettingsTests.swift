import CommunityModel
import CommunityTestSupport
import Foundation
import XCTest

/// Community settings live in the database, only a 书记 changes them, and every change is audited.
final class SettingsTests: XCTestCase {
    func testDefaultsUntilChanged() throws {
        let store = try TestStore()
        defer { store.remove() }
        let s = try store.db.settings()
        XCTAssertEqual(s.lettersMembers, 10)
        XCTAssertEqual(s.lettersOrganisations, 10)
        XCTAssertEqual(s.kioskIdleSeconds, 60)
        XCTAssertEqual(s.deskLockMinutes, 10)
        XCTAssertEqual(s.receiptFolder, "")
    }

    func testChangesAreStoredAndAuditedOneLineEach() throws {
        let store = try TestStore()
        defer { store.remove() }
        var profile = try XCTUnwrap(try store.db.profile())
        profile.street = "新华街道"
        let n = try store.db.changeSettings([.deskLockMinutes: "5", .lettersMembers: "12", .kioskIdleSeconds: "60", .printerPath: "/dev/usb/lp0"],
                                            profile: profile, by: store.secretary)
        XCTAssertEqual(n, 4, "the unchanged idle seconds write nothing")
        let s = try store.db.settings()
        XCTAssertEqual(s.deskLockMinutes, 5)
        XCTAssertEqual(s.lettersMembers, 12)
        XCTAssertEqual(s.printerPath, "/dev/usb/lp0")
        XCTAssertEqual(try store.db.profile()?.street, "新华街道")
        let settingLines = try store.db.auditLines(AuditFilter(kind: .settings), .first(10))
        let lines = settingLines.filter { $0.entry.action == "setting.change" }.map(\.sentence.zh).sorted()
        XCTAssertEqual(lines, ["修改社区设置「党员排名感谢信/提醒函人数」：10 → 12", "修改社区设置「打印机路径」：— → /dev/usb/lp0",
                               "修改社区设置「无操作自动锁屏分钟数」：10 → 5"])
        XCTAssertEqual(settingLines.first { $0.entry.action == "community.profile" }?.sentence.zh, "修改社区资料：公园街道 → 新华街道")
    }

    func testBadValuesAndOtherRolesAreRefusedAndNothingIsWritten() throws {
        let store = try TestStore()
        defer { store.remove() }
        XCTAssertThrowsEqual(try store.db.changeSettings([.deskLockMinutes: "0", .lettersMembers: "12"], by: store.secretary),
                             SettingsError.outOfRange(.deskLockMinutes, 1...240))
        XCTAssertThrowsEqual(try store.db.changeSettings([.kioskIdleSeconds: "abc"], by: store.secretary),
                             SettingsError.outOfRange(.kioskIdleSeconds, 10...3600))
        XCTAssertThrowsEqual(try store.db.changeSettings([.receiptFolder: "a\nb"], by: store.secretary), SettingsError.controlCharacters(.receiptFolder))
        XCTAssertEqual(try store.db.settings(), CommunitySettings())
        _ = try store.db.addOperator(name: "李社工", role: .worker, pin: "385028", by: store.secretary)
        let worker = try store.db.login(name: "李社工", pin: "385028")
        XCTAssertThrowsEqual(try store.db.changeSettings([.deskLockMinutes: "5"], by: worker), SettingsError.notPermitted)
        XCTAssertEqual(try store.db.auditLines(AuditFilter(kind: .settings), .first(10)).map(\.entry.action), ["community.setup"])
    }
}
