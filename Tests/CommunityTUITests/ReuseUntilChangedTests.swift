@testable import CommunityTUI
import CommunityModel
import XCTest

/// Screens 2 and 3 reuse figures and board columns while the audit mark stands still; any write, here or at
/// another terminal, must still show on the next reload.
final class ReuseUntilChangedTests: XCTestCase {
    func testTaskBoardShowsAnotherTerminalsTaskAfterReuse() throws {
        var f = try TUIFixture()
        defer { f.remove() }
        func publish(_ title: String) throws {
            try f.db.createTask(TaskDraft(title: title, category: .antiFraud, audience: .both, startsAt: "2026-12-05 09:00", endsAt: "2026-12-05 11:30",
                                          place: "党群服务中心广场", places: 4, points: 20), publish: true, by: f.secretary)
        }
        try publish("防诈骗宣传进社区")
        f.press(.char("3"), .enter, .escape)
        var header = try XCTUnwrap(f.lines.first { $0.contains("发布中") }, f.text)
        XCTAssertTrue(header.contains("发布中 1"), header)
        // Another terminal publishes a task: the next visit to the board counts it.
        try publish("小门管控（西门）")
        f.press(.char("1"), .char("3"))
        header = try XCTUnwrap(f.lines.first { $0.contains("发布中") }, f.text)
        XCTAssertTrue(header.contains("发布中 2"), header)
        XCTAssertTrue(f.text.contains("小门管控"), f.text)
    }

    func testConsultationFiguresFollowANewIssue() throws {
        var f = try TUIFixture()
        defer { f.remove() }
        let draft = IssueDraft(title: "5号楼北侧绿地被圈占种菜", category: "vegetable_plots", source: "resident", reporter: "王秀兰")
        try f.db.createIssue(draft, on: "2026-11-29", by: f.secretary, reference: f.app.ctx.reference.consultation)
        f.press(.char("2"))
        XCTAssertTrue(f.lines[1].contains("办理中 1"), f.lines[1])
        f.press(.char("1"), .char("2"))
        XCTAssertTrue(f.lines[1].contains("办理中 1"), f.lines[1])
        try f.db.createIssue(draft, on: "2026-11-30", by: f.secretary, reference: f.app.ctx.reference.consultation)
        f.press(.char("1"), .char("2"))
        XCTAssertTrue(f.text.contains("办理中 2"), f.text)
    }

    func testOverviewShowsAnotherTerminalsWriteAfterReuse() throws {
        var f = try TUIFixture()
        defer { f.remove() }
        f.press(.char("1"))
        XCTAssertTrue(f.text.contains("在职党员 0 人"), f.text)
        f.press(.char("7"), .char("1"))
        XCTAssertTrue(f.text.contains("在职党员 0 人"), f.text)
        // Another terminal, with its own connections to the same file, adds a member.
        let other = try CommunityDatabase.open(path: f.store.path)
        _ = try other.addMember(Member(name: "张建华", phone: "13912345678", organisationId: nil, level: .district, memberCode: "D0001",
                                       reportedOn: "2026-11-30"), by: f.secretary)
        f.press(.char("7"), .char("1"))
        XCTAssertTrue(f.text.contains("在职党员 1 人"), f.text)
    }
}
