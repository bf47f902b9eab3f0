import CommunityTestSupport
import XCTest
@testable import CommunityModel

final class TextRulesTests: XCTestCase {
    let field = LocalizedText("姓名", "Name")

    func problem(_ text: String, _ kind: TextFieldKind) -> TextRuleError.Problem? {
        TextRules.firstViolation(in: text, kind)?.0
    }

    func testEveryBadKindIsNamedWithItsPosition() {
        XCTAssertEqual(problem("张\u{0}明", .name), .nul)
        XCTAssertEqual(problem("张\u{1}明", .name), .control(1))
        XCTAssertEqual(problem("张\u{1B}[31m明", .name), .escape)
        XCTAssertEqual(problem("张\n明", .name), .lineBreak)
        XCTAssertEqual(problem("张\r\n明", .code), .lineBreak)
        XCTAssertEqual(problem("张\u{2028}明", .line), .lineBreak)
        XCTAssertEqual(problem("张\t明", .name), .control(9))
        XCTAssertEqual(problem("张\u{7F}明", .name), .control(0x7F))
        XCTAssertEqual(problem("张\u{85}明", .text), .control(0x85))
        XCTAssertEqual(problem("abc\u{202E}fed", .name), .invisible(0x202E))
        XCTAssertEqual(problem("王\"五", .name), .quote("\""))
        XCTAssertEqual(problem("GJ'01", .code), .quote("'"))
        XCTAssertEqual(problem("=HYPERLINK(\"x\")", .name), .formulaStart("="))
        for start in ["+", "-", "@"] { XCTAssertEqual(problem(start + "1", .line), .formulaStart(Character(start))) }
        XCTAssertEqual(TextRules.firstViolation(in: "张三\u{0}", .name)?.1, 3)
    }

    func testWhatIsAllowedStaysAllowed() {
        XCTAssertNil(problem("Maria O'Brien", .name), "an apostrophe is part of some names")
        XCTAssertNil(problem("王芳", .name))
        XCTAssertNil(problem("第一段\n第二段\t续", .text), "free text keeps its line breaks and tabs")
        XCTAssertNil(problem("-5 分的说明", .text), "free text may start with a minus; exports neutralise it")
        XCTAssertNil(problem("+86 138", .value), "a phone's own rule decides about +86")
        XCTAssertNil(problem("公交集团“红色驿站”", .line))
    }

    func testCheckTrimsAndTheMessageShowsTheBadCharacterSpelledOut() throws {
        XCTAssertEqual(try TextRules.check("  王芳 \n", .name, field: field), "王芳")
        XCTAssertThrowsError(try TextRules.check("张\u{1B}[31m明", .name, field: field)) { error in
            let message = (error as? TextRuleError)?.message
            XCTAssertEqual(message?.zh.contains("第 2 个字符"), true)
            XCTAssertEqual(message?.en.contains("\\u{1B}[31m"), true, "the escape is shown, not sent to the terminal")
            XCTAssertEqual(message?.en.contains("\u{1B}"), false)
        }
    }

    func testSpreadsheetNeutralisingRoundTrips() {
        for cell in ["=1+2", "+86", "-3", "@SUM(A1)", "\tx", "\rx"] {
            let safe = TextRules.spreadsheetSafe(cell)
            XCTAssertTrue(safe.hasPrefix("'"), cell)
            XCTAssertEqual(TextRules.unneutralised(safe), cell)
        }
        XCTAssertEqual(TextRules.spreadsheetSafe("王芳"), "王芳")
        XCTAssertEqual(TextRules.keptAsText("13800000001"), "=\"13800000001\"")
        XCTAssertEqual(TextRules.unneutralised("=\"00123\""), "00123")
        XCTAssertEqual(TextRules.unneutralised("'王芳"), "'王芳", "an apostrophe not before a formula start is data")
    }

    func testFormsRefuseTheSameCharacters() throws {
        // Given the forms' validators (roster, consultation, tasks)
        let member = Member(name: "张\u{0}明", phone: "13800000001", organisationId: 1, level: .city, memberCode: "A1", reportedOn: "2024-01-01")
        XCTAssertThrowsError(try RosterValidation.validate(member)) { XCTAssertEqual(($0 as? TextRuleError)?.problem, .nul) }
        var code = member
        code.name = "张明"
        code.memberCode = "=A1"
        XCTAssertThrowsError(try RosterValidation.validate(code)) { XCTAssertEqual(($0 as? TextRuleError)?.problem, .formulaStart("=")) }
        let issue = IssueDraft(title: "路灯\u{1B}[2J", category: "", source: "", reporter: "李")
        XCTAssertThrowsError(try ConsultationValidation.validate(issue)) { XCTAssertEqual(($0 as? TextRuleError)?.problem, .escape) }
        let task = TaskDraft(title: "清扫\n楼道", category: .civility, audience: .members, startsAt: "2026-06-28 08:30",
                             endsAt: "2026-06-28 10:30", place: "3号楼", places: 5, points: 2)
        XCTAssertThrowsError(try TaskValidation.validate(task)) { XCTAssertEqual(($0 as? TextRuleError)?.problem, .lineBreak) }
    }
}
