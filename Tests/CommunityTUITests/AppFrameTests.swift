@testable import CommunityTUI
import CommunityModel
import CommunityTestSupport
import XCTest

final class AppFrameTests: XCTestCase {
    func testTooSmallTerminalShowsANoticeInsteadOfTheLayout() throws {
        var f = try TUIFixture(width: 79, height: 24)
        defer { f.remove() }
        XCTAssertTrue(f.text.contains("终端太小，至少需要 80×24"), f.text)
        XCTAssertFalse(f.text.contains("名册"))
        f.app.resize(width: 80, height: 24)
        XCTAssertTrue(f.lines[0].contains("7 名册"))
        f.app.resize(width: 100, height: 23)
        XCTAssertTrue(f.text.contains("终端太小"))
    }

    func testTabBarStatusAndFooterComeFromTheKeyTables() throws {
        var f = try TUIFixture()
        defer { f.remove() }
        try f.seedRoster()
        f.press(.char("7"))
        XCTAssertTrue(f.lines[0].contains("1 总览") && f.lines[0].contains("朝东社区"))
        XCTAssertTrue(f.lines[23].contains("王书记"), f.lines[23])
        let footer = f.lines[22]
        XCTAssertTrue(footer.contains("a 新增党员"), footer)
        XCTAssertTrue(footer.contains("? 按键帮助"), footer)
        XCTAssertTrue(footer.contains("q 退出"), footer)
    }

    func testHelpListsScreenAndGlobalKeys() throws {
        var f = try TUIFixture()
        defer { f.remove() }
        f.press(.char("7"), .char("？"))
        let text = f.text
        XCTAssertTrue(text.contains("按键帮助"))
        XCTAssertTrue(text.contains("新增党员"))
        XCTAssertTrue(text.contains("标记/取消标记"))
        f.press(.escape)
        XCTAssertFalse(f.text.contains("按键帮助 ·"))
    }

    func testEveryScreenIsBuiltAndOpensOnItsKey() throws {
        var f = try TUIFixture()
        defer { f.remove() }
        for id in ScreenID.allCases {
            f.press(.char(Character("\(id.rawValue)")))
            XCTAssertEqual(f.app.current, id)
            XCTAssertFalse(f.text.contains("尚未开放"), f.text)
        }
    }

    func testQuitAsksFirstWhenAnEditIsOpen() throws {
        var f = try TUIFixture()
        defer { f.remove() }
        f.press(.char("7"), .char("a"))
        f.type("q")       // typed into the name field, not a quit
        XCTAssertFalse(f.app.quitRequested)
        f.press(.ctrl("c"))
        XCTAssertFalse(f.app.quitRequested)
        XCTAssertTrue(f.text.contains("尚未保存"))
        f.press(.char("y"))
        XCTAssertTrue(f.app.quitRequested)
    }

    func testQQuitsFromAScreen() throws {
        var f = try TUIFixture()
        defer { f.remove() }
        f.press(.char("q"))
        XCTAssertTrue(f.app.quitRequested)
    }

    func testLoginRefusesAWrongPinWithRemainingTries() throws {
        var f = try TUIFixture(signedIn: false)
        defer { f.remove() }
        XCTAssertEqual(f.app.phase, .login)
        XCTAssertTrue(f.text.contains("登录"))
        f.press(.tab)
        f.type("0000")
        f.press(.enter)
        XCTAssertEqual(f.app.phase, .login)
        XCTAssertTrue(f.text.contains("4"), f.text)
        f.press(.ctrl("u"))
        f.type(TestStore.pin)
        f.press(.enter)
        XCTAssertEqual(f.app.phase, .main)
        XCTAssertTrue(f.text.contains("欢迎，王书记"))
    }

    func testFirstRunSetsUpTheCommunity() throws {
        var f = try TUIFixture(signedIn: false, setUp: false)
        defer { f.remove() }
        XCTAssertEqual(f.app.phase, .setup)
        for value in ["朝东社区", "公园街道", "运河区", "沧州市", "王书记"] {
            f.type(value)
            f.press(.enter)
        }
        f.type("135792")
        f.press(.enter)
        f.type("135793")
        f.press(.enter)
        XCTAssertTrue(f.text.contains("不一致"), f.text)
        f.press(.ctrl("u"))
        f.type("135792")
        f.press(.enter)
        XCTAssertEqual(f.app.phase, .main)
        XCTAssertEqual(try f.db.profile()?.name, "朝东社区")
        XCTAssertNoThrow(try f.db.login(name: "王书记", pin: "135792"))
    }
}
