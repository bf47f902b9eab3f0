@testable import CommunityTUI
import CommunityModel
import XCTest

/// Screen 2's parties (step ③) and a meeting's attendees (step ⑤) are picked from the roster as you type —
/// name, pinyin initials, member code in any case — with a last row that keeps a name not on the roster.
final class ConsultationPickerTests: XCTestCase {
    /// A new issue taken to ③ with keys, on the fixture's roster (张建华, 李娜, 欧阳振华, Wang Li; 公交集团党委, 区法院党组).
    func atPartiesStep() throws -> TUIFixture {
        var f = try TUIFixture()
        try f.seedRoster()
        f.press(.char("2"), .char("n"))
        f.type("3号楼楼道堆放杂物")
        f.press(.tab, .tab, .tab)
        f.type("周志刚")
        f.press(.ctrl("s"), .char("a"), .char("a"), .char("y"))
        XCTAssertTrue(f.text.contains("确定议事主体"), f.text)
        return f
    }

    func dossier(_ f: TUIFixture) throws -> IssueDossier {
        let issue = try XCTUnwrap(f.db.issue(number: "2026-0001"))
        return try XCTUnwrap(f.db.issueDossier(id: issue.id ?? 0))
    }

    func testAPartyIsPickedByInitialsCodeOrUnitPinyinAndANameOffTheRosterIsKeptAsTyped() throws {
        var f = try atPartiesStep()
        defer { f.remove() }
        // Initials: 李娜 first, told apart by code, unit and masked phone; the last row keeps "ln" as typed.
        f.press(.char("p"), .tab)
        f.type("ln")
        let text = f.text
        XCTAssertTrue(text.contains("▸ 李娜  D0002 · 区法院党组 · 138****1111"), text)
        XCTAssertTrue(text.contains("「ln」  名册外，按输入添加"), text)
        f.press(.enter)
        XCTAssertEqual(f.app.modals.count, 1)
        f.press(.ctrl("s"))
        // A member code in lower case, and an organisation by the initials of its name.
        f.press(.char("p"), .tab)
        f.type("d0003")
        f.press(.enter, .ctrl("s"))
        f.press(.char("p"), .right, .right, .right, .tab)   // from 居民代表 to 驻区单位及社会组织
        f.type("gjjt")
        XCTAssertTrue(f.text.contains("▸ 公交集团党委  报到单位"), f.text)
        f.press(.enter, .ctrl("s"))
        // Not on the roster: the only row keeps it as typed, and Enter takes it.
        f.press(.char("p"), .tab)
        f.type("鑫安物业")
        XCTAssertTrue(f.text.contains("▸ 「鑫安物业」  名册外，按输入添加"), f.text)
        f.press(.enter, .ctrl("s"))
        XCTAssertTrue(f.app.modals.isEmpty, f.text)
        XCTAssertEqual(try dossier(f).parties.map(\.name), ["李娜", "欧阳振华", "公交集团党委", "鑫安物业"])
        XCTAssertEqual(try dossier(f).parties.map(\.kind), ["party_org", "residents_committee", "units_and_orgs", "resident_reps"])
    }

    func testAMeetingsAttendeesArePickedOneAfterAnother() throws {
        var f = try atPartiesStep()
        defer { f.remove() }
        for name in ["朝东社区党委", "朝东社区居委会", "楼门长 吴凤霞"] {
            f.press(.char("p"), .tab)
            f.type(name)
            f.press(.ctrl("s"))
        }
        f.press(.char("a"), .char("f"))
        f.type("组织楼道清理日")
        f.press(.ctrl("s"), .char("a"))                      // ③→④→⑤
        f.press(.char("m"), .tab, .tab)
        // Arriving in the list: the parties are there, and a separator is ready for the next name.
        let form = { () -> FormState? in if case .form(let form)? = f.app.modals.last { return form }; return nil }
        XCTAssertEqual(form()?.fields[2].value, "朝东社区党委、朝东社区居委会、楼门长 吴凤霞、")
        f.type("wufeng")
        XCTAssertFalse(f.text.contains("▸ 楼门长 吴凤霞"), "a name already listed is not offered again: \(f.text)")
        f.press(.ctrl("u"))
        f.type("wufeng")
        XCTAssertTrue(f.text.contains("▸ 楼门长 吴凤霞  居民代表"), "the issue's own parties come first, by pinyin: \(f.text)")
        f.press(.enter)
        XCTAssertEqual(form()?.focus, 2, "the field waits for the next name")
        f.type("cdsq")                                       // 朝东社区党委 and 朝东社区居委会, by initials
        f.press(.down, .enter)
        f.type("cdsq")
        f.press(.enter)
        f.type("zjh")
        f.press(.enter)                                      // 张建华 from the roster
        f.type("D0004")
        f.press(.tab)                                        // Wang Li, by code
        f.type("王阿姨")
        f.press(.enter)                                      // not on the roster: kept as typed
        XCTAssertEqual(form()?.fields[2].value, "楼门长 吴凤霞、朝东社区居委会、朝东社区党委、张建华、Wang Li、王阿姨、")
        f.press(.tab)                                        // leaving the list trims the last separator
        XCTAssertEqual(form()?.fields[2].value, "楼门长 吴凤霞、朝东社区居委会、朝东社区党委、张建华、Wang Li、王阿姨")
        f.type("一致同意清理")
        f.press(.tab, .ctrl("u"))
        f.type("3")
        f.press(.ctrl("s"))
        XCTAssertTrue(f.text.contains("表决通过"), f.text)
        let attendees = try XCTUnwrap(dossier(f).meetings.first).attendees
        XCTAssertEqual(attendees.map(\.name), ["楼门长 吴凤霞", "朝东社区居委会", "朝东社区党委", "张建华", "Wang Li", "王阿姨"])
        XCTAssertEqual(attendees.map(\.kind), ["resident_reps", "residents_committee", "party_org", "resident_reps", "resident_reps", "resident_reps"],
                       "a party comes as its kind, anyone else as a resident representative")
    }

    func testInEnglishThePickerRowsAreEnglish() throws {
        var f = try atPartiesStep()
        defer { f.remove(); Language.current = .zh }
        Language.current = .en
        f.press(.char("p"), .tab)
        f.type("ln")
        XCTAssertTrue(f.text.contains("“ln”  not on the roster: add as typed"), f.text)
        f.press(.ctrl("u"))
        f.type("gjjt")
        XCTAssertTrue(f.text.contains("公交集团党委  organisation"), f.text)
        f.press(.enter, .ctrl("s"))
        // The attendees list is separated by commas in English, as the program writes it.
        for name in ["朝东社区党委", "朝东社区居委会"] {
            f.press(.char("p"), .tab)
            f.type(name)
            f.press(.ctrl("s"))
        }
        f.press(.char("a"), .char("f"))
        f.type("clear the stairs")
        f.press(.ctrl("s"), .char("a"), .char("m"), .tab, .tab)
        f.type("ln")
        f.press(.enter)
        let form = { () -> FormState? in if case .form(let form)? = f.app.modals.last { return form }; return nil }
        XCTAssertEqual(form()?.fields[2].value, "公交集团党委, 朝东社区党委, 朝东社区居委会, 李娜, ")
        let stray = f.text.unicodeScalars.filter { [0x3001, 0x300C, 0x300D, 0xFF0C].contains($0.value) }
        XCTAssertTrue(stray.isEmpty, "no 、「」， built by the program in English: \(f.text)")
    }
}
