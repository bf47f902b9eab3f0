@testable import CommunityTUI
import CommunityModel
import XCTest

/// Screen 4's key table and lookup rule, which need no store: every key is in the help, the footer holds the
/// most used ones within 80 columns, full-width twins dispatch, and the kiosk's lookup rule.
final class RedemptionKeysTests: XCTestCase {
    func testEveryKeyIsInTheHelpAndFullWidthTwinsMatch() throws {
        let f = try TUIFixture()
        defer { f.remove() }
        var screen = RedemptionScreen()
        let desk = screen.bindings(f.app.ctx)
        let deskKeys = Set(desk.flatMap(\.keys))
        for key: Key in [.char("+"), .char("-"), .char("c"), .char("x"), .char("n"), .char("r"), .char("t"), .char("X"), .char("Z"), .tab, .enter] {
            XCTAssertTrue(deskKeys.contains(key), "\(key) missing from the desk's keys")
        }
        XCTAssertTrue(desk.contains { $0.matches(.char("＋")) && $0.keys.contains(.char("+")) }, "full-width ＋ adds")
        XCTAssertTrue(desk.contains { $0.matches(.char("Ｘ")) && $0.keys.contains(.char("X")) })
        screen.mode = .today
        let today = Set(screen.bindings(f.app.ctx).flatMap(\.keys))
        for key: Key in [.char("v"), .char("r"), .enter, .char("t")] {
            XCTAssertTrue(today.contains(key), "\(key) missing from today's keys")
        }
        XCTAssertTrue(RedemptionScreen().helpLines(f.app.ctx).allSatisfy { !$0.text.zh.isEmpty && !$0.text.en.isEmpty })
    }

    func testKioskLookupNeedsTwoCharactersOrAFourDigitTail() {
        XCTAssertNotNil(RedemptionScreen.kioskRefusal("张"))
        XCTAssertNotNil(RedemptionScreen.kioskRefusal("13"))
        XCTAssertNotNil(RedemptionScreen.kioskRefusal("567"))
        XCTAssertNil(RedemptionScreen.kioskRefusal("5678"))
        XCTAssertNil(RedemptionScreen.kioskRefusal("张建"))
        XCTAssertNil(RedemptionScreen.kioskRefusal("zj"))
    }

    func testFooterFitsAt80ColumnsAtTheKioskInBothLanguages() throws {
        for lang in [Language.zh, .en] {
            var f = try TUIFixture()
            defer { f.remove(); Language.current = .zh }
            Language.current = lang
            var ctx = f.app.ctx
            ctx.kiosk = true
            f.app = App(ctx: ctx, width: 80, height: 24)
            let footer = f.app.render().lines[22]
            XCTAssertTrue(footer.contains("Ctrl-T"), "the training key is in the footer: \(footer)")
            XCTAssertTrue(footer.contains("q "), footer)
            XCTAssertLessThanOrEqual(DisplayWidth.of(footer), 80)
        }
    }
}
