@testable import CommunityTUI
import CommunityModel
import Foundation
import XCTest

/// The office in the UI: the audit log on 8, the operators tab, the settings form, the desk lock.
final class OfficeScreenTests: XCTestCase {
    func testAuditScreenShowsSentencesFiltersAndOpensTheRecord() throws {
        var f = try TUIFixture()
        defer { f.remove() }
        try f.seedRoster()
        f.press(.char("8"))
        XCTAssertTrue(f.text.contains("审计日志 · 新的在前"), f.text)
        XCTAssertTrue(f.text.contains("新增在职党员 Wang Li（D0004）"), f.text)
        XCTAssertFalse(f.text.contains("member:"), f.text)
        // t cycles the kind: 名册 first.
        f.press(.char("t"))
        XCTAssertTrue(f.text.contains("筛选：名册"), f.text)
        XCTAssertFalse(f.text.contains("建立社区"), f.text)
        // Text search finds the member's line by name; opening the prompt reads ahead on a background reader.
        let warmUps = BackgroundWarmUp.started
        f.press(.char("/"))
        XCTAssertEqual(BackgroundWarmUp.started, warmUps + 1)
        BackgroundWarmUp.wait()
        f.type("欧阳")
        f.press(.enter)
        XCTAssertTrue(f.text.contains("新增在职党员 欧阳振华"), f.text)
        XCTAssertTrue(f.text.contains("1/1"), f.text)
        // Enter shows the whole line; y opens the member on the roster.
        f.press(.enter)
        XCTAssertTrue(f.text.contains("打开相关记录"), f.text)
        f.press(.char("y"))
        XCTAssertEqual(f.app.current, .roster)
        XCTAssertTrue(f.text.contains("党员 · 欧阳振华"), f.text)
        // The filter form narrows to an operator; x clears everything.
        f.press(.escape, .char("8"), .char("x"))
        XCTAssertTrue(f.text.contains("建立社区"), f.text)
        XCTAssertFalse(f.app.helpLines().filter { $0.keys == "8" }.isEmpty, "8 is listed in ? help")
    }

    func testEnglishAuditScreenHasNoChineseButUserData() throws {
        var f = try TUIFixture(width: 160, height: 30)
        defer { f.remove(); Language.current = .zh }
        Language.current = .en
        _ = try f.db.addOperator(name: "Clerk Li", role: .kiosk, pin: "580214", by: f.secretary)
        f.press(.char("8"))
        let text = f.text.replacingOccurrences(of: "王书记", with: "").replacingOccurrences(of: "沧州市运河区公园街道朝东社区", with: "")
            .replacingOccurrences(of: "朝东社区", with: "").replacingOccurrences(of: "书记/管理员", with: "")
        XCTAssertTrue(text.contains("added operator Clerk Li (redemption desk)"), text)
        XCTAssertFalse(text.unicodeScalars.contains { $0.value >= 0x2E80 && $0.value != 0xFF08 && $0.value != 0xFF09 }, text)
    }

    func testOperatorsTabAddsAClerkAndRefusesAWeakPin() throws {
        var f = try TUIFixture()
        defer { f.remove() }
        f.press(.char("7"), .tab, .tab)
        XCTAssertTrue(f.text.contains("最近登录"), f.text)
        XCTAssertTrue(f.text.contains("王书记"), f.text)
        f.press(.char("a"))
        f.type("兑换员小李")
        f.press(.tab, .right, .tab)
        f.type("111111")
        f.press(.tab)
        f.type("111111")
        f.press(.ctrl("s"))
        XCTAssertTrue(f.text.contains("同一个数字"), f.text)
        f.press(.ctrl("u"))
        f.type("580214")
        f.press(.tab, .ctrl("u"))
        f.type("580214")
        f.press(.ctrl("s"))
        XCTAssertTrue(f.text.contains("已新增操作员 兑换员小李"), f.text)
        let clerk = try f.db.operatorNamed("兑换员小李")
        XCTAssertEqual(clerk.role, .kiosk)
        // The last 书记 cannot be deactivated from here either.
        f.press(.char("g"), .char("d"), .char("y"))
        XCTAssertTrue(f.text.contains("唯一在用的书记"), f.text)
    }

    func testSettingsFormChangesTheLockMinutesAndIsAudited() throws {
        var f = try TUIFixture(height: 30)
        defer { f.remove() }
        f.press(.char("7"), .tab, .tab, .char("s"))
        XCTAssertTrue(f.text.contains("社区设置"), f.text)
        for _ in 0..<9 { f.press(.tab) }
        f.press(.ctrl("u"))
        f.type("5")
        f.press(.ctrl("s"))
        XCTAssertTrue(f.text.contains("已保存 1 项设置"), f.text)
        XCTAssertEqual(try f.db.settings().deskLockMinutes, 5)
        XCTAssertEqual(try f.db.auditLines(AuditFilter(kind: .settings), .first(10)).filter { $0.entry.action == "setting.change" }.count, 1)
    }

    func testTheDeskLocksWhenIdleKeepsTheFormAndUnlocksWithThePin() throws {
        var f = try TUIFixture()
        defer { f.remove() }
        try f.seedRoster()
        f.press(.char("7"), .char("a"))
        f.type("张半填")
        XCTAssertTrue(f.text.contains("张半填"))
        f.app.idle(for: 599)
        XCTAssertNil(f.app.lock, "not yet: the default is ten minutes")
        f.app.idle(for: 600)
        XCTAssertNotNil(f.app.lock)
        XCTAssertTrue(f.text.contains("此桌面已锁定，当前操作员：王书记"), f.text)
        XCTAssertFalse(f.text.contains("张半填"), "the open form is hidden")
        XCTAssertFalse(f.text.contains("欧阳振华"), "no personal data")
        f.type("000000")
        f.press(.enter)
        XCTAssertTrue(f.text.contains("PIN 不正确，还可再试 4 次"), f.text)
        f.type("246810")
        f.press(.enter)
        XCTAssertNil(f.app.lock)
        XCTAssertTrue(f.text.contains("张半填"), "the half-filled form is still there")
    }

    func testCtrlLLocksAndAnotherOperatorsPinSwitchesTheOperator() throws {
        var f = try TUIFixture()
        defer { f.remove() }
        _ = try f.db.addOperator(name: "李社工", role: .worker, pin: "385028", by: f.secretary)
        f.press(.ctrl("l"))
        XCTAssertNotNil(f.app.lock)
        f.press(.up, .right, .down)
        f.type("385028")
        f.press(.enter)
        XCTAssertNil(f.app.lock)
        XCTAssertEqual(f.app.ctx.actor?.name, "李社工")
        XCTAssertTrue(f.text.contains("李社工（社区工作者）"), f.text)
        // Five wrong PINs lock that operator, as at sign-in.
        f.press(.ctrl("l"))
        for _ in 0..<5 { f.type("999999"); f.press(.enter) }
        XCTAssertTrue(f.text.contains("已锁定到"), f.text)
        XCTAssertNotNil(try f.db.operatorNamed("李社工").lockedUntil)
    }

    func testLockSecondsFromTheEnvironmentWin() throws {
        let f = try TUIFixture()
        defer { f.remove() }
        XCTAssertEqual(DeskLock.idleSeconds(f.db, environment: [:]), 600)
        XCTAssertEqual(DeskLock.idleSeconds(f.db, environment: ["COMMUNITY_LOCK_SECONDS": "3"]), 3)
    }
}
