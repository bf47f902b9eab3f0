@testable import CommunityTUI
import CommunityModel
import CommunityTestSupport
import Foundation
import XCTest

/// `community kiosk`: one screen, no way out without a 书记/管理员 PIN, training on a temporary copy,
/// and the idle clear. Driven by keys on a copy of the demo, read back as text.
final class KioskAppTests: XCTestCase {
    struct Kiosk {
        let store: TestStore
        var app: App

        mutating func press(_ keys: Key...) { for key in keys { app.handle(key) } }
        mutating func type(_ text: String) { for c in text { app.handle(.char(c)) } }
        var text: String { app.render().lines.joined(separator: "\n") }
    }

    func kiosk(lang: Language = .zh, width: Int = 80, height: Int = 24) throws -> Kiosk {
        Language.current = lang
        let store = try TestStore.demo()
        let reference = try ReferenceData.load(from: TestStore.dataDirectory)
        let clerk = try store.db.login(name: DemoSeeder.kioskName, pin: DemoSeeder.pin)
        var ctx = AppContext(db: store.db, actor: clerk, today: TestStore.demoToday, reference: reference,
                             bodyHeight: height - 3, bodyWidth: width)
        ctx.kiosk = true
        return Kiosk(store: store, app: App(ctx: ctx, width: width, height: height))
    }

    func formTitle(_ app: App) -> String? {
        if case .form(let form) = app.modals.last { return form.title.zh }
        return nil
    }

    func testOnlyThePointsScreenAndNoScreenKeys() throws {
        var k = try kiosk()
        defer { k.store.remove() }
        XCTAssertEqual(k.app.current, .points)
        for n in "1237" { k.press(.char(n)) }
        XCTAssertEqual(k.app.current, .points)
        XCTAssertTrue(k.text.contains("兑换窗口只办理积分兑换"), k.text)
        let top = k.app.render().lines[0]
        XCTAssertTrue(top.contains("积分兑换 · 兑换窗口"), top)
        XCTAssertFalse(top.contains("总览") || top.contains("名册"), top)
        // The help lists no screen switching and says that leaving needs a PIN.
        let help = k.app.helpLines().map { $0.text.zh }
        XCTAssertFalse(help.contains { $0.hasPrefix("切换到") }, "\(help)")
        XCTAssertTrue(help.contains("离开兑换窗口（需书记/管理员 PIN）"), "\(help)")
        XCTAssertTrue(k.text.contains("Ctrl-T 培训"), k.text)
    }

    func testQuitKeysAndSignalKeysDoNotLeave() throws {
        var k = try kiosk()
        defer { k.store.remove() }
        k.press(.char("q"))
        XCTAssertFalse(k.app.quitRequested)
        XCTAssertEqual(formTitle(k.app), "离开兑换窗口 · 需书记/管理员 PIN")
        XCTAssertTrue(k.text.contains("演示书记"), k.text)
        k.press(.ctrl("c"))
        XCTAssertEqual(k.app.modals.count, 1, "a second Ctrl-C keeps the one form")
        k.press(.escape)
        XCTAssertTrue(k.app.modals.isEmpty)
        k.press(.ctrl("c"))
        XCTAssertFalse(k.app.quitRequested)
        XCTAssertNotNil(formTitle(k.app))
        k.press(.escape, .ctrl("z"), .char("\u{1C}"), .char("ｑ"))
        XCTAssertFalse(k.app.quitRequested)
        k.press(.escape, .ctrl("z"))
        XCTAssertTrue(k.text.contains("兑换窗口不能挂起或直接退出"), k.text)
        XCTAssertFalse(k.app.quitRequested)
    }

    func testWrongOrClerkPinStaysAndTheSecretaryPinLeaves() throws {
        var k = try kiosk()
        defer { k.store.remove() }
        k.press(.char("q"))
        k.type("9999")
        k.press(.enter)
        XCTAssertFalse(k.app.quitRequested)
        XCTAssertTrue(k.text.contains("PIN 不正确，还可再试 4 次"), k.text)
        // The clerk's own PIN is not a supervisor's.
        k.press(.up, .right, .right, .down, .ctrl("u"))
        k.type("1234")
        k.press(.enter)
        XCTAssertFalse(k.app.quitRequested)
        XCTAssertTrue(k.text.contains("不是书记/管理员"), k.text)
        // The form put the focus on the name; the next name round is the secretary again.
        k.press(.right, .down, .ctrl("u"))
        k.type("1234")
        k.press(.enter)
        XCTAssertTrue(k.app.quitRequested)
    }

    func testFiveWrongPinsLockTheSupervisor() throws {
        var k = try kiosk()
        defer { k.store.remove() }
        k.press(.char("q"))
        for _ in 0..<5 {
            k.press(.ctrl("u"))
            k.type("0000")
            k.press(.enter)
        }
        XCTAssertTrue(k.text.contains("已锁定"), k.text)
        k.press(.ctrl("u"))
        k.type("1234")
        k.press(.enter)
        XCTAssertFalse(k.app.quitRequested, "a locked supervisor cannot unlock the kiosk even with the right PIN")
    }

    func testTrainingRunsOnACopyWithABannerAndEndsWithTheCopyRemoved() throws {
        var k = try kiosk()
        defer { k.store.remove() }
        let real = k.store.db.path
        k.press(.ctrl("t"))
        XCTAssertEqual(formTitle(k.app), "开启培训模式 · 需书记/管理员 PIN")
        k.type("1234")
        k.press(.enter)
        XCTAssertTrue(k.app.ctx.training)
        XCTAssertNotEqual(k.app.ctx.db.path, real)
        let folder = try XCTUnwrap(k.app.kioskState.trainingFolder)
        XCTAssertTrue(FileManager.default.fileExists(atPath: k.app.ctx.db.path))
        XCTAssertTrue(k.app.render().lines[0].contains("培训模式"), k.app.render().lines[0])
        // The banner stays on every frame, a window open or not.
        k.press(.char("?"))
        XCTAssertTrue(k.app.render().lines[0].contains("培训模式"))
        k.press(.escape, .ctrl("t"))
        XCTAssertTrue(k.text.contains("结束培训"), k.text)
        k.press(.char("y"))
        XCTAssertFalse(k.app.ctx.training)
        XCTAssertEqual(k.app.ctx.db.path, real)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path))
        XCTAssertFalse(k.app.render().lines[0].contains("培训模式"))
    }

    func testLeavingDuringTrainingRemovesTheCopy() throws {
        var k = try kiosk()
        defer { k.store.remove() }
        k.press(.ctrl("t"))
        k.type("1234")
        k.press(.enter)
        let folder = try XCTUnwrap(k.app.kioskState.trainingFolder)
        k.press(.char("q"))
        k.type("1234")
        k.press(.enter)
        XCTAssertTrue(k.app.quitRequested)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.path))
    }

    /// Who allowed training and who let the kiosk close stays in the real file's audit log, under 兑换.
    func testTrainingAndLeavingAreInTheRealAuditLog() throws {
        var k = try kiosk()
        defer { k.store.remove() }
        k.press(.ctrl("t"))
        k.type("1234")
        k.press(.enter)
        XCTAssertTrue(k.app.ctx.training)
        k.press(.ctrl("t"), .char("y"))
        XCTAssertFalse(k.app.ctx.training)
        k.press(.char("q"))
        k.type("1234")
        k.press(.enter)
        XCTAssertTrue(k.app.quitRequested)
        let lines = try k.store.db.auditLines(AuditFilter(kind: .redemption), .first(10))
            .filter { $0.entry.action.hasPrefix("kiosk.") }.reversed()
        XCTAssertEqual(lines.map(\.entry.action), ["kiosk.training_start", "kiosk.training_end", "kiosk.leave"])
        XCTAssertEqual(lines.map(\.entry.operatorName), [DemoSeeder.secretaryName, DemoSeeder.kioskName, DemoSeeder.secretaryName])
        XCTAssertEqual(lines.map(\.sentence.zh), ["批准兑换窗口（兑换窗口）进入培训模式", "兑换窗口（兑换窗口）结束培训模式", "批准兑换窗口（兑换窗口）退出"])
        XCTAssertEqual(lines.first?.sentence.en, "allowed training mode at the kiosk (兑换窗口)")
    }

    func testIdleClosesWindowsAndClearsTheScreen() throws {
        var k = try kiosk()
        defer { k.store.remove() }
        k.app.kioskState.idleSeconds = 5
        k.press(.char("q"))
        XCTAssertFalse(k.app.tick(now: Date().addingTimeInterval(2)), "not idle yet")
        XCTAssertFalse(k.app.modals.isEmpty)
        XCTAssertTrue(k.app.tick(now: Date().addingTimeInterval(6)))
        XCTAssertTrue(k.app.modals.isEmpty)
        XCTAssertTrue(k.text.contains("长时间无操作"), k.text)
        XCTAssertFalse(k.app.quitRequested)
    }

    func testEnglishKioskShowsNoChineseButData() throws {
        var k = try kiosk(lang: .en)
        defer { k.store.remove(); Language.current = .zh }
        for keys in [[Key](), [.char("?")], [.escape, .char("q")], [.escape, .ctrl("t")]] {
            for key in keys { k.press(key) }
            let shown = k.text.replacingOccurrences(of: "朝东社区", with: "").replacingOccurrences(of: "兑换窗口", with: "")
                .replacingOccurrences(of: "演示书记", with: "")
            XCTAssertFalse(shown.unicodeScalars.contains { $0.properties.isIdeographic }, shown)
        }
    }
}
