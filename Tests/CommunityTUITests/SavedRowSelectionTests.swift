@testable import CommunityTUI
import CommunityModel
import XCTest

/// After a save the saved row stays selected (issue 12 item 6): a new or published task on the board, an edited
/// member wherever the new code puts it, and a filtered roster row that no longer matches its filter.
final class SavedRowSelectionTests: XCTestCase {
    /// The roster plus two published tasks starting on 12-05 and 12-06 (the fixture's day is 2026-11-30).
    func fixture() throws -> TUIFixture {
        let f = try TUIFixture()
        try f.seedRoster()
        for (title, day) in [("防诈骗宣传进社区", "2026-12-05"), ("小区环境整治", "2026-12-06")] {
            try f.db.createTask(TaskDraft(title: title, category: .antiFraud, audience: .both, startsAt: "\(day) 09:00", endsAt: "\(day) 11:30",
                                          place: "党群服务中心广场", places: 4, points: 10), publish: true, by: f.secretary)
        }
        return f
    }

    /// The line under the board that spells out the selected card.
    func selectedCard(_ f: TUIFixture) -> String { f.lines[21] }

    func testANewTaskIsSelectedOnTheBoardAndStaysSelectedWhenPublished() throws {
        var f = try fixture()
        defer { f.remove() }
        f.press(.char("3"))
        XCTAssertTrue(selectedCard(f).contains("防诈骗宣传进社区"), selectedCard(f))
        // A new task a week from the desk's day (12-07) goes after the two open ones: the cursor follows it there.
        f.press(.char("n"))
        f.type("楼道堆物清理")
        f.press(.tab, .tab, .tab, .tab, .tab)
        f.type("5号楼")
        f.press(.ctrl("s"))
        XCTAssertTrue(f.app.modals.isEmpty, f.text)
        XCTAssertTrue(selectedCard(f).contains("楼道堆物清理"), selectedCard(f))
        // Saved as a draft: the 草稿 column and the draft in it; p then publishes it and the selection goes along.
        f.press(.char("n"))
        f.type("冬季送温暖")
        f.press(.tab, .tab, .tab, .tab, .tab)
        f.type("社区服务站")
        for _ in 0..<4 { f.press(.tab) }
        f.press(.right, .ctrl("s"))
        XCTAssertTrue(selectedCard(f).contains("冬季送温暖"), selectedCard(f))
        XCTAssertEqual((f.app.screens[.tasks] as? TaskScreen)?.column, 0, "the draft column")
        f.press(.char("p"))
        XCTAssertTrue(f.text.contains("已发布任务「冬季送温暖」"), f.text)
        XCTAssertEqual((f.app.screens[.tasks] as? TaskScreen)?.column, 1, "the card moved to 发布中, and the cursor with it")
        XCTAssertTrue(selectedCard(f).contains("冬季送温暖"), selectedCard(f))
    }

    func testANewTaskOutsideTheBoardsSearchClearsTheSearchToShowIt() throws {
        var f = try fixture()
        defer { f.remove() }
        f.press(.char("3"), .char("/"))
        f.type("进社区")
        f.press(.enter)
        XCTAssertFalse(f.text.contains("小区环境整治"))
        f.press(.char("n"))
        f.type("楼道堆物清理")
        f.press(.tab, .tab, .tab, .tab, .tab)
        f.type("5号楼")
        f.press(.ctrl("s"))
        XCTAssertTrue(selectedCard(f).contains("楼道堆物清理"), selectedCard(f))
        XCTAssertTrue(f.text.contains("小区环境整治"), "the whole board again")
        XCTAssertTrue(f.lines[1].contains("已清除筛选以显示刚保存的任务"), f.lines[1])
    }

    func testAnEditedMemberStaysSelectedWhereTheNewCodeSortsIt() throws {
        var f = try fixture()
        defer { f.remove() }
        // More members than a page shows (18 rows at 80×24).
        for n in 100..<125 {
            try f.db.addMember(Member(name: "党员\(n)", phone: "1370000\(n + 1000)", organisationId: nil, level: .city, memberCode: "D0\(n)",
                                      reportedOn: "2026-04-01"), by: f.secretary)
        }
        f.press(.char("7"))
        // 张建华 D0001 is first; given the code Z0001 he sorts last, off this page, and the cursor goes with him.
        f.press(.char("e"), .tab, .tab, .tab, .tab, .ctrl("u"))
        f.type("Z0001")
        f.press(.ctrl("s"))
        XCTAssertTrue(f.app.modals.isEmpty, f.text)
        XCTAssertTrue(f.text.contains("29/29"), f.text)
        let row = try XCTUnwrap(f.lines.firstIndex { $0.contains("Z0001") }, f.text)
        XCTAssertTrue(f.screen.rowHasStyle(row, .selected), f.text)
        XCTAssertEqual((f.app.screens[.roster] as? RosterScreen)?.members.current?.name, "张建华")
    }

    func testAFilteredRowThatNoLongerMatchesClearsTheFilterInsteadOfSelectingSomeoneElse() throws {
        var f = try fixture()
        defer { f.remove() }
        f.press(.char("7"), .char("/"))
        f.type("李娜")
        f.press(.enter)
        XCTAssertTrue(f.text.contains("查找：李娜"), f.text)
        // Renamed 李丽: the search "李娜" no longer finds her. The search is cleared and she stays selected.
        f.press(.char("e"), .ctrl("u"))
        f.type("李丽")
        f.press(.ctrl("s"))
        let screen = try XCTUnwrap(f.app.screens[.roster] as? RosterScreen)
        XCTAssertEqual(screen.filter.text, "")
        XCTAssertEqual(screen.members.current?.name, "李丽")
        let row = try XCTUnwrap(f.lines.firstIndex { $0.contains("李丽") }, f.text)
        XCTAssertTrue(f.screen.rowHasStyle(row, .selected))
        XCTAssertTrue(f.text.contains("张建华"), "the whole roster is shown")
        XCTAssertTrue(f.lines[23].contains("已保存 李丽 的修改"), f.lines[23])
        XCTAssertTrue(f.lines[21].contains("李丽 已不符合查找“李娜”，已清除查找"), "said on the screen, whole: \(f.lines[21])")
        f.press(.char("j"))
        XCTAssertFalse(f.text.contains("已清除查找"), "until the next key")
    }

    func testInEnglishTheNoteIsEnglish() throws {
        var f = try fixture()
        defer { f.remove(); Language.current = .zh }
        Language.current = .en
        f.press(.char("7"), .char("/"))
        f.type("D0002")
        f.press(.enter, .char("e"), .tab, .tab, .tab, .tab, .ctrl("u"))
        f.type("X0002")
        f.press(.ctrl("s"))
        XCTAssertEqual((f.app.screens[.roster] as? RosterScreen)?.members.current?.memberCode, "X0002")
        XCTAssertTrue(f.lines[21].contains("search “D0002” cleared: 李娜 no longer matches it"), f.lines[21])
        XCTAssertTrue(f.lines.allSatisfy { DisplayWidth.of($0) <= 80 })
    }
}
