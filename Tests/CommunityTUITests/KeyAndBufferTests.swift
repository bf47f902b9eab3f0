@testable import CommunityTUI
import XCTest

final class KeyAndBufferTests: XCTestCase {
    func testFullWidthKeysMapToAsciiTwins() {
        XCTAssertEqual(Key.char("ｊ").normalized, .char("j"))
        XCTAssertEqual(Key.char("ｋ").normalized, .char("k"))
        XCTAssertEqual(Key.char("／").normalized, .char("/"))
        XCTAssertEqual(Key.char("？").normalized, .char("?"))
        XCTAssertEqual(Key.char("：").normalized, .char(":"))
        XCTAssertEqual(Key.char("、").normalized, .char("/"), "Chinese IMEs type 、 for /")
        XCTAssertEqual(Key.char("中").normalized, .char("中"))
    }

    func testControlBytesDecode() {
        XCTAssertEqual(Key.fromCharacter(3), .ctrl("c"))
        XCTAssertEqual(Key.fromCharacter(127), .backspace)
        XCTAssertEqual(Key.fromCharacter(13), .enter)
        XCTAssertEqual(Key.fromCharacter(27), .escape)
        XCTAssertEqual(Key.fromCharacter(0x4E2D), .char("中"))
    }

    func testWideGlyphTakesTwoCellsAndOverwritingHalfBlanksTheOther() {
        var buffer = ScreenBuffer(width: 6, height: 1)
        XCTAssertEqual(buffer.put("中文", x: 0, y: 0), 4)
        XCTAssertEqual(buffer[0, 0].width, 2)
        XCTAssertEqual(buffer[1, 0].width, 0)
        buffer.put("x", x: 1, y: 0)
        XCTAssertEqual(buffer.line(0), " x文")
    }

    func testWideGlyphThatDoesNotFitLeavesABlank() {
        var buffer = ScreenBuffer(width: 3, height: 1)
        buffer.put("a中文", x: 0, y: 0)
        XCTAssertEqual(buffer.line(0), "a中")
        var narrow = ScreenBuffer(width: 4, height: 1)
        narrow.put("ab中", x: 1, y: 0)
        XCTAssertEqual(narrow.line(0), " ab")
    }
}
