@testable import CommunityTUI
import XCTest

final class DisplayWidthTests: XCTestCase {
    func testWideAsciiAndMixed() {
        XCTAssertEqual(DisplayWidth.of("中"), 2)
        XCTAssertEqual(DisplayWidth.of("a中b"), 4)
        XCTAssertEqual(DisplayWidth.of("朝东社区"), 8)
        XCTAssertEqual(DisplayWidth.of("Ｊ"), 2, "full-width Latin is two columns")
        XCTAssertEqual(DisplayWidth.of("，"), 2, "Chinese punctuation is two columns")
    }

    func testCombiningMarksAddNothing() {
        XCTAssertEqual(DisplayWidth.of("e\u{301}"), 1)
        XCTAssertEqual(DisplayWidth.of("Cafe\u{301}"), 4)
    }

    /// Plain ASCII and CJK are summed scalar by scalar; everything else goes grapheme by grapheme. Both must agree.
    func testTheFastPathMeasuresAsTheGraphemeRulesDo() {
        let samples = ["朝东社区 2026-11-30 第3号楼", "ａｂｃ（全角）：", "か\u{3099}が", "〇〪〫", "e\u{301}中", "中\u{20DD}",
                       "👨‍👩‍👧 家", "🇨🇳", "Ⅻ ① ─│┌", "\u{1100}\u{1161}\u{11A8}", "한국어", "\r\n", "tab\there", "漢字\u{200B}字"]
        for text in samples {
            XCTAssertEqual(DisplayWidth.of(text), text.reduce(0) { $0 + DisplayWidth.of($1) }, text.debugDescription)
        }
        XCTAssertEqual(DisplayWidth.of("か\u{3099}"), 2, "a combining voiced mark adds nothing")
    }

    func testEmojiAndClustersAreTwoColumns() {
        XCTAssertEqual(DisplayWidth.of("👍"), 2)
        XCTAssertEqual(DisplayWidth.of("👨‍👩‍👧"), 2, "a ZWJ family is one glyph")
        XCTAssertEqual(DisplayWidth.of("🇨🇳"), 2)
    }

    func testTruncateReservesAColumnForEllipsisAndNeverSplitsAWideGlyph() {
        XCTAssertEqual(TextFit.truncate("公交集团党委", to: 7), "公交集…")
        XCTAssertEqual(TextFit.truncate("公交集团党委", to: 8), "公交集…")
        XCTAssertEqual(TextFit.truncate("公交集团党委", to: 12), "公交集团党委")
        XCTAssertEqual(TextFit.truncate("abc", to: 2), "a…")
        for width in 1...13 {
            XCTAssertLessThanOrEqual(DisplayWidth.of(TextFit.truncate("欧阳振华 Wang 李", to: width)), width)
        }
    }

    func testFitPadsToExactColumns() {
        XCTAssertEqual(TextFit.fit("李娜", to: 8), "李娜    ")
        XCTAssertEqual(DisplayWidth.of(TextFit.fit("欧阳振华党员", to: 9)), 9)
        XCTAssertEqual(TextFit.fit("12", to: 5, align: .right), "   12")
    }

    func testWrapBreaksChineseByColumns() {
        XCTAssertEqual(TextFit.wrap("一二三四五", width: 4), ["一二", "三四", "五"])
    }
}
