@testable import CommunityTUI
import CommunityModel
import CommunityTestSupport
import XCTest

/// Issue 10 item 5: screen 6 on the demo at 80×24 — scorecard by area with aligned Chinese rows, the stage
/// timeline, the history line, keys that apply a proposal and sign off; the same in English.
final class StarScreenTests: XCTestCase {
    func demoFixture(width: Int = 80, height: Int = 24) throws -> TUIFixture {
        var f = try TUIFixture(width: width, height: height, setUp: false)
        try DemoSeeder.seed(f.db, dataDirectory: TUIFixture.dataDirectory, today: "2026-11-30")
        f.app.ctx.actor = try f.db.demoActor()
        return f
    }

    func testScorecardAt80x24IsAlignedAndScrolls() throws {
        var f = try demoFixture()
        defer { f.remove() }
        f.press(.char("6"))
        let lines = f.lines
        XCTAssertTrue(lines.allSatisfy { DisplayWidth.of($0) <= 80 }, f.text)
        XCTAssertTrue(f.text.contains("2026年第4季度  自评"), f.text)
        XCTAssertTrue(f.text.contains("自评 ◀待签"), f.text)
        XCTAssertTrue(f.text.contains("历史  2026Q1 ★★★★☆ · Q2 ★★★★★ · Q3 ★★★★★"), f.text)
        // The weight column starts at one display column on every criterion row, whatever the name's width.
        let rows = lines.filter { $0.hasPrefix("   ") && $0.contains(where: { $0.isNumber }) }
        XCTAssertGreaterThan(rows.count, 8, f.text)
        let columns = Set(rows.compactMap { row -> Int? in
            guard let r = row.range(of: #" +\d+ +\d+  "#, options: .regularExpression) else { return nil }
            return DisplayWidth.of(String(row[..<r.upperBound]))
        })
        XCTAssertEqual(columns.count, 1, rows.joined(separator: "\n"))
        XCTAssertTrue(lines[22].contains("签署"), lines[22])

        // G goes to the last criterion: the list scrolls to show it.
        f.press(.char("G"))
        XCTAssertTrue(f.text.contains("特色亮点品牌"), f.text)
        XCTAssertFalse(f.text.contains("班子配备齐全"), "the first rows scrolled away: \(f.text)")
        f.press(.char("g"))
        XCTAssertTrue(f.text.contains("班子配备齐全"), f.text)
    }

    func testAcceptAProposalThenSignOffMovesTheStage() throws {
        var f = try demoFixture()
        defer { f.remove() }
        f.press(.char("6"))
        let standard = f.app.ctx.reference.starStandard
        let before = try f.db.starAssessment(StarFixtureQ.q4, standard: standard)
        XCTAssertEqual(before.scorecard.proposals.count, 2)
        f.press(.char("a"))
        XCTAssertTrue(f.text.contains("确认建议扣分"), f.text)
        f.press(.char("y"))
        let after = try f.db.starAssessment(StarFixtureQ.q4, standard: standard)
        XCTAssertEqual(after.scorecard.proposals.count, 1)
        XCTAssertLessThan(after.scorecard.total, before.scorecard.total)
        f.press(.char("s"))
        XCTAssertTrue(f.text.contains("签署后锁定"), f.text)
        f.press(.char("y"))
        XCTAssertTrue(f.text.contains("自评已签署"), f.text)
        XCTAssertTrue(f.text.contains("自评 ✓演示书记"), f.text)
        XCTAssertFalse(f.text.contains("自评 ◀待签"), f.text)
        f.press(.char("d"))
        XCTAssertTrue(f.text.contains("自评已签署锁定"), f.text)
        f.press(.char("?"))
        XCTAssertTrue(f.text.contains("上一季度"), f.text)
        f.press(.escape, .char("【"))   // "[" as a Chinese input method sends it
        XCTAssertTrue(f.text.contains("2026年第3季度"), f.text)
        XCTAssertTrue(f.text.contains("最终 ★★★★★"), f.text)
    }

    func testEnglishShowsNoChineseButUserData() throws {
        var f = try demoFixture()
        defer { f.remove() }
        Language.current = .en
        defer { Language.current = .zh }
        f.press(.char("6"))
        XCTAssertTrue(f.text.contains("2026 Q4  Self-assessment"), f.text)
        XCTAssertTrue(f.lines.allSatisfy { DisplayWidth.of($0) <= 80 })
        // The last line is the app's status line (operator and file), not this screen's.
        var text = f.lines.dropLast().joined(separator: "\n")
        for data in ["朝东社区", "演示书记", "沧州市", "运河区", "公园街道"] { text = text.replacingOccurrences(of: data, with: "") }
        let chinese = text.unicodeScalars.filter { (0x4E00...0x9FFF).contains($0.value) || (0x3000...0x303F).contains($0.value) || (0xFF00...0xFF60).contains($0.value) }
        XCTAssertTrue(chinese.isEmpty, "Chinese in English mode: \(String(String.UnicodeScalarView(chinese)))\n\(f.text)")
        f.press(.char("["), .char("t"))
        XCTAssertTrue(f.text.contains("signed"), f.text)
    }

    func testDeductFormRemoveAndReopenFromTheKeyboard() throws {
        var f = try demoFixture()
        defer { f.remove() }
        let standard = f.app.ctx.reference.starStandard
        f.press(.char("6"), .char("j"))   // 分工明确履职到位: its second case counts per member
        f.press(.char("d"))
        XCTAssertTrue(f.text.contains("扣分 · 分工明确履职到位"), f.text)
        f.press(.right, .tab)              // case 2, "每人次"
        f.press(.ctrl("u"))
        f.type("2")
        f.press(.tab)
        f.type("2 名委员未联系网格")
        f.press(.ctrl("s"))
        XCTAssertTrue(f.text.contains("已扣分：分工明确履职到位 −2"), f.text)
        XCTAssertTrue(f.text.contains("−2 ×2 班子成员未联系网格"), f.text)
        var line = try XCTUnwrap(try f.db.starAssessment(StarFixtureQ.q4, standard: standard).scorecard.lines.first { $0.criterion.key == "duties_clear" })
        XCTAssertEqual(line.score, 2)
        f.press(.char("x"), .ctrl("s"))
        line = try XCTUnwrap(try f.db.starAssessment(StarFixtureQ.q4, standard: standard).scorecard.lines.first { $0.criterion.key == "duties_clear" })
        XCTAssertEqual(line.score, 4)

        // Sign off, then reopen with a reason: the stage is due again and both rows stay in the history.
        f.press(.char("s"), .char("y"), .char("o"))
        XCTAssertTrue(f.text.contains("重新打开「自评」"), f.text)
        f.type("补记扣分")
        f.press(.enter)
        XCTAssertTrue(f.text.contains("自评 ◀待签"), f.text)
        let events = try f.db.starAssessment(StarFixtureQ.q4, standard: standard).progress.events
        XCTAssertEqual(events.map(\.action), [.signOff, .reopen])
        XCTAssertEqual(events.last?.note, "补记扣分")
    }

    func testGlyphsHaveOneSwitch() {
        XCTAssertEqual(StarGlyphs.stars(4, mode: .unicode), "★★★★☆")
        XCTAssertEqual(StarGlyphs.stars(4, mode: .ascii), "****.")
        XCTAssertEqual(StarGlyphs.defaultMode(["TERM": "linux"]), .ascii)
        XCTAssertEqual(StarGlyphs.defaultMode(["TERM": "xterm-256color"]), .unicode)
        XCTAssertEqual(StarGlyphs.defaultMode(["COMMUNITY_GLYPHS": "ascii"]), .ascii)
    }
}

enum StarFixtureQ {
    static let q4 = StarQuarter(year: 2026, number: 4)
}
