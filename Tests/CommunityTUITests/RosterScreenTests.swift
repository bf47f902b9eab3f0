@testable import CommunityTUI
import CommunityModel
import XCTest

final class RosterScreenTests: XCTestCase {
    func testMembersTableAlignsChineseAndLatinNamesAt80Columns() throws {
        var f = try TUIFixture()
        defer { f.remove() }
        try f.seedRoster()
        f.press(.char("7"))
        let lines = f.lines
        XCTAssertEqual(lines.count, 24)
        let header = try XCTUnwrap(lines.first { $0.contains("党员编号") })
        XCTAssertTrue(header.contains("姓名") && header.contains("手机") && header.contains("报到单位"), header)
        let rows = lines.filter { $0.contains("D000") }
        XCTAssertEqual(rows.count, 4, f.text)
        // The phone, level and date columns start at the same display column on every row.
        for needle in [["13912345678", "13800001111", "15031700022", "18631700033"], ["区直"], ["2026-04-01"]] {
            let columns = rows.compactMap { row in needle.compactMap { displayColumn(of: $0, in: row) }.first }
            XCTAssertEqual(columns.count, 4, "\(needle) missing in \(rows)")
            XCTAssertEqual(Set(columns).count, 1, "misaligned \(needle): \(columns)\n" + rows.joined(separator: "\n"))
        }
        XCTAssertTrue(rows.allSatisfy { DisplayWidth.of($0) <= 80 })
        XCTAssertEqual(rows[0], "  D0001    张建华   13912345678 公交集团党委              区直 2026-04-01 在册")
    }

    func testSelectionMovesWithJAndFullWidthJ() throws {
        var f = try TUIFixture()
        defer { f.remove() }
        try f.seedRoster()
        f.press(.char("7"))
        let first = try XCTUnwrap(f.lines.firstIndex { $0.contains("D0001") })
        XCTAssertTrue(f.screen.rowHasStyle(first, .selected))
        f.press(.char("ｊ"))
        XCTAssertFalse(f.screen.rowHasStyle(first, .selected))
        XCTAssertTrue(f.screen.rowHasStyle(first + 1, .selected))
        f.press(.char("G"))
        XCTAssertTrue(f.screen.rowHasStyle(first + 3, .selected))
        XCTAssertTrue(f.text.contains("4/4"))
    }

    func testSlashFiltersByPhoneTailAndEscClears() throws {
        var f = try TUIFixture()
        defer { f.remove() }
        try f.seedRoster()
        f.press(.char("7"), .char("/"))
        f.type("1111")
        XCTAssertTrue(f.text.contains("李娜"))
        XCTAssertFalse(f.text.contains("张建华"))
        XCTAssertTrue(f.lines[22].hasPrefix("/ 1111"), "the prompt shows what is typed: \(f.lines[22])")
        f.press(.enter)
        XCTAssertTrue(f.text.contains("查找：1111"))
        f.press(.char("/"), .escape)
        XCTAssertTrue(f.text.contains("张建华"))
        f.press(.char("/"))
        f.type("无此人")
        XCTAssertTrue(f.text.contains("没有找到“无此人”"), f.text)
    }

    func testSlashFindsByPinyinInitialsFullPinyinAndCodeInAnyCase() throws {
        var f = try TUIFixture()
        defer { f.remove() }
        try f.seedRoster()
        f.press(.char("7"), .char("/"))
        f.type("ln")
        XCTAssertTrue(f.text.contains("李娜"), f.text)
        XCTAssertFalse(f.text.contains("张建华"))
        f.press(.escape, .char("/"))
        f.type("ouyang")
        XCTAssertTrue(f.text.contains("欧阳振华"), f.text)
        XCTAssertFalse(f.text.contains("李娜"))
        f.press(.escape, .char("/"))
        f.type("d0002")
        XCTAssertTrue(f.text.contains("李娜"), "member code in lower case: \(f.text)")
        XCTAssertFalse(f.text.contains("欧阳振华"))
        f.press(.escape, .char("/"))
        f.type("xyz")
        XCTAssertTrue(f.text.contains("拼音或首字母"), "the refusal says what can be searched: \(f.text)")
    }

    func testOrganisationsTabShowsCountsAndTable() throws {
        var f = try TUIFixture()
        defer { f.remove() }
        try f.seedRoster()
        f.press(.char("7"), .tab)
        XCTAssertTrue(f.text.contains("单位党组织"))
        XCTAssertTrue(f.text.contains("共 2 个，在册 2（市级 1 · 区级 1）"), f.text)
        XCTAssertTrue(f.text.contains("区法院党组"))
    }

    func testAddMemberThroughTheFormWithValidation() throws {
        var f = try TUIFixture()
        defer { f.remove() }
        try f.seedRoster()
        f.press(.char("7"), .char("a"))
        XCTAssertTrue(f.text.contains("新增在职党员"))
        f.type("赵六")
        f.press(.tab)
        f.type("1380000")            // too short
        f.press(.tab)
        XCTAssertTrue(f.text.contains("↳"), "the phone field shows its problem: \(f.text)")
        f.press(.ctrl("s"))
        XCTAssertTrue(f.text.contains("未保存任何内容"), f.text)
        // Back to the phone field (focus moved there), fix it, fill the code and save.
        f.type("0000")
        f.press(.tab, .tab, .tab)
        f.type("D0002")              // a duplicate code: the store refuses it on the field
        f.press(.ctrl("s"))
        XCTAssertTrue(f.text.contains("D0002"), f.text)
        XCTAssertEqual(try f.db.memberCount(RosterFilter()), 4)
        f.press(.ctrl("u"))
        f.type("D0009")
        f.press(.ctrl("s"))
        XCTAssertEqual(try f.db.memberCount(RosterFilter()), 5)
        XCTAssertTrue(f.text.contains("已新增党员 赵六"), f.text)
        XCTAssertTrue(f.text.contains("赵六"))
    }

    func testMarkSeveralAndDeactivateThemTogether() throws {
        var f = try TUIFixture()
        defer { f.remove() }
        try f.seedRoster()
        f.press(.char("7"), .char(" "), .char(" "))
        XCTAssertTrue(f.text.contains("已标记 2 行"), f.text)
        XCTAssertEqual(f.lines.filter { $0.hasPrefix("✓") }.count, 2)
        f.press(.char("d"))
        XCTAssertTrue(f.text.contains("等 2 名党员"), "the confirmation names the first of them: \(f.text)")
        XCTAssertTrue(f.text.contains("（D0001）") || f.text.contains("（D0002）"), f.text)
        f.press(.char("y"))
        XCTAssertEqual(try f.db.rosterCounts().membersActive, 2)
        XCTAssertEqual(f.lines.filter { $0.contains("D000") && $0.hasSuffix("已停用") }.count, 2, f.text)
    }

    func testEnglishHeaders() throws {
        var f = try TUIFixture()
        defer { f.remove(); Language.current = .zh }
        try f.seedRoster()
        Language.current = .en
        f.press(.char("7"))
        XCTAssertTrue(f.text.contains("Code"), f.text)
        XCTAssertTrue(f.text.contains("Organisation"))
        XCTAssertTrue(f.lines[0].contains("7 Roster"))
    }
}
