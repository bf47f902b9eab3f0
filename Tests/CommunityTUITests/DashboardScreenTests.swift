@testable import CommunityTUI
import CommunityModel
import XCTest

final class DashboardScreenTests: XCTestCase {
    /// The overview shows the demo community's real figures, and they move when something is written.
    func testFiguresComeFromTheStoreAndFollowWrites() throws {
        // 30 rows: at 80×24 the demo's six alerts and the charts leave little room for recent changes.
        var f = try TUIFixture(width: 80, height: 30, demo: true)
        defer { f.remove() }
        f.press(.char("7"), .char("1"))
        let text = f.text
        XCTAssertTrue(text.contains("朝东社区  沧州市 · 运河区 · 公园街道"), text)
        let figures = try f.db.dashboardFigures(today: "2026-11-30")
        XCTAssertTrue(text.contains("在职党员 \(figures.roster.membersActive) 人"), text)
        XCTAssertTrue(text.contains("已解决 \(figures.consultation.resolved)"), text)
        XCTAssertTrue(text.contains("待审核 \(figures.volunteer.claimsPendingReview) 条"), text)
        XCTAssertTrue(f.lines.allSatisfy { DisplayWidth.of($0) <= 80 })
        XCTAssertEqual(f.lines.count, 30)

        let actor = try f.db.demoActor()
        _ = try f.db.addMember(Member(name: "新党员", phone: "13800009999", organisationId: nil, level: .city,
                                      memberCode: "ZZ9999", reportedOn: "2026-11-30"), by: actor)
        f.press(.char("7"), .char("1"))
        XCTAssertTrue(f.text.contains("在职党员 \(figures.roster.membersActive + 1) 人"), "a write moves the cached figures: \(f.text)")
        XCTAssertTrue(f.text.contains("新增在职党员 新党员（ZZ9999）"), "the change shows among recent changes, as a sentence")
    }
}

extension DashboardScreenTests {
    /// Issue 4: a points figure opens to the entries behind it.
    func testEnterOpensTheLedgerEntriesBehindThePointsFigures() throws {
        var f = try TUIFixture(demo: true)
        defer { f.remove() }
        f.press(.char("7"), .char("1"))
        XCTAssertTrue(f.lines[22].contains("e 积分流水"), f.lines[22])
        f.press(.char("e"))
        let text = f.text
        XCTAssertTrue(text.contains("最新积分流水"), text)
        let newest = try XCTUnwrap(try f.db.recentLedgerLines(limit: 1).first)
        XCTAssertTrue(text.contains(newest.holderName), text)
        XCTAssertTrue(text.contains("入账") || text.contains("扣减"), text) // the demo desk's debits are the newest lines
        f.press(.escape)
        XCTAssertFalse(f.text.contains("最新积分流水"))
    }
}
