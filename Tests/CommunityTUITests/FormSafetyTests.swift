@testable import CommunityTUI
import CommunityModel
import XCTest

/// Forms never lose work: Esc asks when something was typed, q cannot quit a too-small window with an edit
/// open, long text shows its start, typing into a choice or a count does what a clerk expects.
final class FormSafetyTests: XCTestCase {
    func testEscOnAFilledFormAsksAndKeepsTheForm() throws {
        var f = try TUIFixture()
        defer { f.remove() }
        f.press(.char("2"), .char("n"))
        f.type("楼道堆物")
        f.press(.escape)
        XCTAssertTrue(f.text.contains("尚未保存，确定放弃"), f.text)
        f.press(.char("n"))                         // keep it
        XCTAssertTrue(f.text.contains("楼道堆物"), "the typed title is still there\n" + f.text)
        f.press(.escape, .char("y"))                // now discard
        XCTAssertFalse(f.text.contains("楼道堆物"), f.text)
        XCTAssertTrue(f.app.modals.isEmpty)
    }

    func testEscOnAnUntouchedFormClosesAtOnce() throws {
        var f = try TUIFixture()
        defer { f.remove() }
        f.press(.char("2"), .char("n"), .escape)
        XCTAssertTrue(f.app.modals.isEmpty, f.text)
    }

    func testQInATooSmallWindowDoesNotQuitWithAnEditOpen() throws {
        var f = try TUIFixture()
        defer { f.remove() }
        f.press(.char("2"), .char("n"))
        f.type("楼道堆物")
        f.app.resize(width: 70, height: 20)
        f.press(.char("q"))
        XCTAssertFalse(f.app.quitRequested, "a half-filled form is not thrown away by q")
        f.app.resize(width: 80, height: 24)
        XCTAssertTrue(f.text.contains("楼道堆物"), f.text)
    }

    func testACountPresetIsReplacedByTheFirstDigitTyped() {
        var field = FormField(id: "for", label: LocalizedText("赞成", "For"), value: "0", numeric: true)
        for c in "12" { _ = field.edit(.char(c)) }
        XCTAssertEqual(field.value, "12")
        var places = FormField(id: "places", label: LocalizedText("名额", "Places"), value: "10", numeric: true)
        _ = places.edit(.char("5"))
        XCTAssertEqual(places.value, "5", "the preset is replaced, not appended to")
    }

    func testTypingIntoAChoiceMovesToTheMatchingChoice() {
        var field = FormField(id: "level", label: LocalizedText("级别", "Level"), kind: .choice(["市直", "区直"]))
        XCTAssertEqual(field.value, "市直")
        _ = field.edit(.char("q"))                   // 区 = qu
        XCTAssertEqual(field.value, "区直")
        _ = field.edit(.char("s"))
        XCTAssertEqual(field.value, "市直")
        _ = field.edit(.char("x"))                   // nothing starts with x: stays
        XCTAssertEqual(field.value, "市直")
    }

    func testThePartyKindListKeepsItsOrder() throws {
        var f = try TUIFixture()
        defer { f.remove() }
        let reference = f.app.ctx.reference.consultation
        let issue = try f.db.createIssue(IssueDraft(title: "楼道堆物", category: reference.categories[0].key, source: reference.sources[0].key, reporter: "王秀兰"),
                                         on: "2026-11-20", by: f.secretary, reference: reference)
        let id = try XCTUnwrap(issue.id)
        try f.db.advanceIssue(id: id, on: "2026-11-20", by: f.secretary, reference: reference)
        try f.db.advanceIssue(id: id, on: "2026-11-20", by: f.secretary, reference: reference)
        let first = try XCTUnwrap(f.db.issueDossier(id: id))
        let before = ConsultationForms.party(first, f.app.ctx).fields[0]
        try f.db.addIssueParty(issueId: id, name: "朝东社区党委", kind: reference.partyKinds[0].key, on: "2026-11-21", by: f.secretary, reference: reference)
        let second = try XCTUnwrap(f.db.issueDossier(id: id))
        let after = ConsultationForms.party(second, f.app.ctx).fields[0]
        guard case .choice(let a) = before.kind, case .choice(let b) = after.kind else { return XCTFail("not a choice") }
        XCTAssertEqual(a, b, "the same order whatever was added")
        XCTAssertEqual(after.value, reference.partyKinds[1].label.text(), "it starts on the first kind still missing")
    }

    func testALongDescriptionWrapsAndFieldsYouLeftShowTheirStart() throws {
        var f = try TUIFixture()
        defer { f.remove() }
        f.press(.char("2"), .char("n"))
        f.type("七号楼一楼住户私搭彩钢房占用公共通道和消防登高场地需要尽快协商解决")
        f.press(.tab)
        XCTAssertTrue(f.text.contains("七号楼一楼住户"), "the title, left, shows how it starts\n" + f.text)
        for _ in 0..<4 { f.press(.tab) }            // category, source, reporter, location → description
        let text = "住户反映：一楼加建的彩钢房挡住了消防通道，物业多次劝说无果，希望社区组织物业、业委会和住户代表一起商量拆除和恢复方案。"
        f.type(text)
        XCTAssertTrue(f.text.contains("住户反映"), "the start of a 3-line description stays visible\n" + f.text)
        XCTAssertTrue(f.text.contains("方案。"), "and so does its end\n" + f.text)
    }

    func testEnglishWrapsAtWordBoundaries() {
        let lines = TextFit.wrap("Record the meeting first, then advance the issue.", width: 20)
        XCTAssertEqual(lines, ["Record the meeting", "first, then advance", "the issue."])
    }
}
