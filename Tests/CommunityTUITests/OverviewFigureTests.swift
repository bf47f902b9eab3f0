@testable import CommunityTUI
import CommunityModel
import CommunityTestSupport
import Foundation
import XCTest

/// Issue 11 §2: the overview's figure lines for today's redemptions and the current star equal `stats --json`,
/// and each opens the rows behind it; the desk opened from the overview lets Esc go back when it has nothing
/// to clear (issue 11 §1), while the kiosk's Esc never leaves.
final class OverviewFigureTests: XCTestCase {
    private func select(_ item: DashboardScreen.Item, _ f: inout TUIFixture) throws {
        guard case let dash as DashboardScreen = f.app.screens[.dashboard] else { XCTFail("no overview"); throw XCTSkip() }
        let index = try XCTUnwrap(dash.items.firstIndex(of: item), "\(dash.items)")
        for _ in 0..<index { f.press(.char("j")) }
    }

    private func statsSection(_ name: String, _ f: TUIFixture) throws -> [String: Any] {
        let json = try f.db.stats(today: f.app.ctx.today).json()
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: json) as? [String: Any])
        return try XCTUnwrap(document[name] as? [String: Any])
    }

    func testRedemptionAndStarLinesEqualStats() throws {
        var f = try TUIFixture(width: 160, height: 48, demo: true)
        defer { f.remove() }
        let redemption = try statsSection("redemption", f)
        let star = try statsSection("star", f)
        let count = try XCTUnwrap(redemption["today_count"] as? Int), points = try XCTUnwrap(redemption["today_points"] as? Int)
        let month = try XCTUnwrap(redemption["month_points"] as? Int)
        XCTAssertGreaterThan(count, 0, "the demo has receipts today")
        XCTAssertEqual(points, try f.db.pool.read {
            try Int.fetchOne($0, sql: "SELECT SUM(points) FROM redemption WHERE day = ? AND state = '有效' AND series = ?",
                             arguments: [f.app.ctx.today, ReceiptSeries.live.rawValue])
        })
        XCTAssertTrue(f.text.contains("兑换  今日 \(count) 单 \(points) 分 · 本月 \(month) 分"), f.text)
        XCTAssertEqual(star["quarter"] as? String, "2026Q4")
        XCTAssertEqual(star["stage"] as? String, "self_assessment")
        let claimed = try XCTUnwrap(star["claimed_stars"] as? Int)
        XCTAssertTrue(star["final_stars"] is NSNull)
        XCTAssertTrue(f.text.contains("星级  2026年第4季度 · 待「自评」 · 申报 \(claimed) 星 · 终评未定"), f.text)

        Language.current = .en
        defer { Language.current = .zh }
        XCTAssertTrue(f.text.contains("Redeem  today \(count) receipts, \(points) pts · month \(month) pts"), f.text)
        XCTAssertTrue(f.text.contains("Stars  2026 Q4 · due: self-assessment · claimed \(claimed) · final not yet"), f.text)
    }

    func testBothLinesShowAt80x24() throws {
        var f = try TUIFixture(demo: true)
        defer { f.remove() }
        XCTAssertTrue(f.text.contains("兑换  今日"), f.text)
        XCTAssertTrue(f.text.contains("星级  2026年第4季度"), f.text)
        XCTAssertTrue(f.text.contains("兑换积分"), "all five charts still fit: \(f.text)")
    }

    func testTodaysRedemptionsOpenTodaysReceiptsAndEscComesBack() throws {
        var f = try TUIFixture(demo: true)
        defer { f.remove() }
        try select(.redemption, &f)
        f.press(.enter)
        XCTAssertEqual(f.app.current, .points)
        guard case let desk as RedemptionScreen = f.app.screens[.points] else { return XCTFail() }
        XCTAssertEqual(desk.mode, .today)
        let count = try f.db.redemptionFigures(today: f.app.ctx.today).todayCount
        XCTAssertEqual(desk.todayList.rows.filter { $0.state == .valid }.count, count, "today's receipts behind the figure")
        XCTAssertTrue(f.text.contains("今日兑换单"), f.text)
        f.press(.escape)
        XCTAssertEqual(f.app.current, .dashboard)
        f.press(.char("4"))
        guard case let later as RedemptionScreen = f.app.screens[.points] else { return XCTFail() }
        XCTAssertEqual(later.mode, .desk, "pressing 4 later shows the desk")
    }

    func testStarLineOpensThatQuarter() throws {
        var f = try TUIFixture(demo: true)
        defer { f.remove() }
        try select(.star, &f)
        f.press(.enter)
        XCTAssertEqual(f.app.current, .stars)
        guard case let screen as StarScreen = f.app.screens[.stars] else { return XCTFail() }
        XCTAssertEqual(screen.quarter?.description, "2026Q4", "the quarter of stats' star section")
        f.press(.escape)
        XCTAssertEqual(f.app.current, .dashboard)
    }

    /// From the low-stock alert: Esc first clears what is on the desk (the desk's "next resident"), then,
    /// with nothing left, goes back to the overview.
    func testDeskFromTheOverviewClearsFirstThenGoesBack() throws {
        var f = try TUIFixture(demo: true)
        defer { f.remove() }
        guard case let dash as DashboardScreen = f.app.screens[.dashboard] else { return XCTFail() }
        let alert = try XCTUnwrap(dash.items.first { if case .alert(let a) = $0 { return a.target == .lowStock } else { return false } })
        try select(alert, &f)
        f.press(.enter)
        XCTAssertEqual(f.app.current, .points)
        f.press(.char("/"))
        f.type("龙")
        f.press(.enter)
        guard case let typed as RedemptionScreen = f.app.screens[.points] else { return XCTFail() }
        XCTAssertEqual(typed.query, "龙")
        f.press(.escape)
        XCTAssertEqual(f.app.current, .points, "something to clear: Esc clears it")
        guard case let cleared as RedemptionScreen = f.app.screens[.points] else { return XCTFail() }
        XCTAssertTrue(cleared.isPristine)
        f.press(.escape)
        XCTAssertEqual(f.app.current, .dashboard, "nothing left: Esc goes back to the overview")
    }

    /// Reached with 4, the desk's Esc stays "next resident": nothing leaves the screen.
    func testDeskReachedByKeyKeepsEscOnTheDesk() throws {
        var f = try TUIFixture(demo: true)
        defer { f.remove() }
        f.press(.char("4"))
        f.press(.escape)
        XCTAssertEqual(f.app.current, .points)
        f.press(.char("t"), .escape)
        guard case let desk as RedemptionScreen = f.app.screens[.points] else { return XCTFail() }
        XCTAssertEqual(desk.mode, .desk, "Esc on today's receipts goes back to the desk")
        XCTAssertEqual(f.app.current, .points)
    }

    /// Opened on today's receipts, `t` goes to the desk; Esc there (nothing on it) goes back to the overview.
    func testTodayThenDeskThenBack() throws {
        var f = try TUIFixture(demo: true)
        defer { f.remove() }
        try select(.redemption, &f)
        f.press(.enter, .char("t"))
        guard case let desk as RedemptionScreen = f.app.screens[.points] else { return XCTFail() }
        XCTAssertEqual(desk.mode, .desk)
        f.press(.escape)
        XCTAssertEqual(f.app.current, .dashboard)
    }

    /// The kiosk has no overview; even were an `openedFrom` left over, its Esc stays on the desk.
    func testKioskEscNeverLeaves() throws {
        Language.current = .zh
        let store = try TestStore.demo()
        defer { store.remove() }
        let reference = try ReferenceData.load(from: TestStore.dataDirectory)
        let clerk = try store.db.login(name: DemoSeeder.kioskName, pin: DemoSeeder.pin)
        var ctx = AppContext(db: store.db, actor: clerk, today: TestStore.demoToday, reference: reference, bodyHeight: 21, bodyWidth: 80)
        ctx.kiosk = true
        var app = App(ctx: ctx, width: 80, height: 24)
        app.openedFrom = .dashboard
        app.handle(.escape)
        app.handle(.escape)
        XCTAssertEqual(app.current, .points)
        XCTAssertFalse(app.quitRequested)
    }
}
