@testable import CommunityTUI
import CommunityModel
import XCTest

/// Issue 11: every alert on the overview opens its screen already narrowed to the rows behind it, and Esc
/// comes back to the overview.
final class OverviewAlertTests: XCTestCase {
    /// Selects the alert for `target` with j and presses Enter.
    private func openAlert(_ target: OverviewAlert.Target, _ f: inout TUIFixture) throws -> OverviewAlert {
        guard case let dash as DashboardScreen = f.app.screens[.dashboard] else { XCTFail("no overview"); throw XCTSkip() }
        let index = try XCTUnwrap(dash.items.firstIndex { if case .alert(let a) = $0 { return a.target == target } else { return false } },
                                  "the demo has a \(target) alert: \(dash.alerts)")
        for _ in 0..<index { f.press(.char("j")) }
        f.press(.enter)
        guard case .alert(let a) = dash.items[index] else { throw XCTSkip() }
        return a
    }

    func testOverdueAlertOpensOnlyOverdueIssuesAndEscComesBack() throws {
        var f = try TUIFixture(demo: true)
        defer { f.remove() }
        XCTAssertTrue(f.text.contains("个议题超过本步办理期限"), f.text)
        let alert = try openAlert(.overdueIssues, &f)
        XCTAssertEqual(f.app.current, .consultation)
        guard case let screen as ConsultationScreen = f.app.screens[.consultation] else { return XCTFail() }
        XCTAssertTrue(screen.filter.overdueOnly)
        XCTAssertEqual(screen.list.total, alert.count, "the list holds exactly the alert's issues")
        XCTAssertTrue(screen.list.rows.allSatisfy(\.overdue), "only overdue issues are listed")
        f.press(.escape)
        XCTAssertEqual(f.app.current, .dashboard)
        guard case let back as ConsultationScreen = f.app.screens[.consultation] else { return XCTFail() }
        XCTAssertFalse(back.filter.overdueOnly, "pressing 2 later shows every issue again")
    }

    func testLowStockAlertNamesTheItemsAndOpensTheDesk() throws {
        var f = try TUIFixture(demo: true)
        defer { f.remove() }
        XCTAssertTrue(f.text.contains("库存不足"), f.text)
        let alert = try openAlert(.lowStock, &f)
        XCTAssertEqual(alert.count, try f.db.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM redemption_item WHERE active = 1 AND stock <= low_stock") })
        XCTAssertEqual(f.app.current, .points, "the desk, whose catalog shows the stock left")
    }

    func testReviewAlertOpensTheReviewQueue() throws {
        var f = try TUIFixture(demo: true)
        defer { f.remove() }
        let alert = try openAlert(.reviewQueue, &f)
        XCTAssertEqual(f.app.current, .tasks)
        guard case let screen as TaskScreen = f.app.screens[.tasks] else { return XCTFail() }
        XCTAssertEqual(screen.mode, .review)
        XCTAssertEqual(screen.queue.total, alert.count)
        f.press(.escape)
        XCTAssertEqual(f.app.current, .dashboard)
    }

    func testLettersAlertOpensThatPeriodsRanking() throws {
        var f = try TUIFixture(demo: true)
        defer { f.remove() }
        let letters = try f.db.overviewAlerts(today: f.app.ctx.today).compactMap { a -> String? in
            if case .pendingLetters(let p) = a.target { return p } else { return nil }
        }
        guard let period = letters.first else { throw XCTSkip("the demo has every period's letters generated") }
        _ = try openAlert(.pendingLetters(period: period), &f)
        XCTAssertEqual(f.app.current, .rankings)
        guard case let screen as RankingScreen = f.app.screens[.rankings] else { return XCTFail() }
        XCTAssertEqual(screen.period?.key, period)
        f.press(.escape)
        XCTAssertEqual(f.app.current, .dashboard)
    }

    func testSoonAlertOpensExactlyThoseTasksUnderALabelAndEscComesBack() throws {
        var f = try TUIFixture(demo: true)
        defer { f.remove() }
        let window = VolunteerModule.soonWindow(today: "2026-11-30")
        XCTAssertEqual(window.from, "2026-11-30 00:00")
        XCTAssertEqual(window.until, "2026-12-03 00:00")
        let alert = try openAlert(.tasksStartingSoon, &f)
        XCTAssertGreaterThan(alert.count, 0)
        XCTAssertEqual(f.app.current, .tasks)
        guard case let screen as TaskScreen = f.app.screens[.tasks] else { return XCTFail() }
        XCTAssertEqual(screen.mode, .board)
        XCTAssertNotNil(screen.soonOnly)
        XCTAssertEqual(screen.columns.reduce(0) { $0 + $1.total }, alert.count, "the board holds exactly the alert's tasks")
        let expected = try f.db.pool.read { db in
            try Int64.fetchAll(db, sql: """
                SELECT id FROM task WHERE status = '已发布' AND starts_at >= ? AND starts_at < ? AND taken < places ORDER BY id
                """, arguments: [window.from, window.until])
        }
        XCTAssertEqual(screen.columns.flatMap { $0.rows.compactMap(\.task.id) }.sorted(), expected)
        XCTAssertFalse(screen.columns[screen.column].isEmpty, "a column with the alert's tasks is selected")
        XCTAssertTrue(f.text.contains("只看 3 天内开始、名额未满 \(alert.count) 项"), f.text)
        f.press(.escape)
        XCTAssertEqual(f.app.current, .dashboard)
        f.press(.char("3"))
        guard case let plain as TaskScreen = f.app.screens[.tasks] else { return XCTFail() }
        XCTAssertNil(plain.soonOnly, "pressing 3 later shows the whole board")
        XCTAssertFalse(f.text.contains("只看 3 天内开始"), f.text)
        XCTAssertGreaterThan(plain.columns.reduce(0) { $0 + $1.total }, alert.count)
    }

    /// Reached by a number key after the alert (the overview no longer under it), Esc clears the narrowing.
    func testSoonFilterKeptOnAnotherWayInIsClearedByEsc() throws {
        var f = try TUIFixture(demo: true)
        defer { f.remove() }
        _ = try openAlert(.tasksStartingSoon, &f)
        f.press(.char("2"), .char("3"))
        XCTAssertTrue(f.text.contains("Esc 清除"), f.text)
        f.press(.escape)
        XCTAssertEqual(f.app.current, .tasks, "nothing to go back to: Esc stays and clears")
        guard case let screen as TaskScreen = f.app.screens[.tasks] else { return XCTFail() }
        XCTAssertNil(screen.soonOnly)
        XCTAssertFalse(f.text.contains("只看 3 天内开始"), f.text)
    }

    /// The consultation figure line opens the open issues; the points line the ledger entries.
    func testFigureLinesOpenTheirRows() throws {
        var f = try TUIFixture(demo: true)
        defer { f.remove() }
        guard case let dash as DashboardScreen = f.app.screens[.dashboard] else { return XCTFail() }
        let i = try XCTUnwrap(dash.items.firstIndex(of: .consultation))
        for _ in 0..<i { f.press(.char("j")) }
        f.press(.enter)
        guard case let screen as ConsultationScreen = f.app.screens[.consultation] else { return XCTFail() }
        XCTAssertEqual(screen.filter.status, .open)
        f.press(.escape)
        XCTAssertEqual(f.app.current, .dashboard)
        let points = try XCTUnwrap(dash.items.firstIndex(of: .points))
        for _ in 0..<dash.items.count { f.press(.char("k")) }
        for _ in 0..<points { f.press(.char("j")) }
        f.press(.enter)
        XCTAssertTrue(f.text.contains("最新积分流水"), "the points line opens the entries: \(f.text)")
    }
}

extension OverviewAlertTests {
    func testStarAlertOpensTheCurrentQuarter() throws {
        var f = try TUIFixture(demo: true)
        defer { f.remove() }
        guard try f.db.overviewAlerts(today: f.app.ctx.today).contains(where: { $0.target == .starStage }) else {
            throw XCTSkip("the demo's quarter is final")
        }
        _ = try openAlert(.starStage, &f)
        XCTAssertEqual(f.app.current, .stars)
        guard case let screen as StarScreen = f.app.screens[.stars] else { return XCTFail() }
        XCTAssertEqual(screen.quarter, StarQuarter(day: f.app.ctx.today))
        f.press(.escape)
        XCTAssertEqual(f.app.current, .dashboard)
    }
}
