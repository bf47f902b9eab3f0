@testable import CommunityTUI
import CommunityModel
import XCTest

/// Issue 11: the charts at 80×24 and 160×48 in both glyph modes, and at `--glyphs ascii` no cell of any
/// screen holds an East Asian Ambiguous character (Chinese consoles draw those two columns wide).
final class OverviewGlyphTests: XCTestCase {
    override func tearDown() { Glyphs.mode = .unicode }

    private func ambiguousCells(_ buffer: ScreenBuffer) -> [String] {
        buffer.cells.compactMap { cell in
            cell.text.unicodeScalars.contains(where: Glyphs.isAmbiguous) ? String(cell.text) : nil
        }
    }

    func testChartsRenderWithTheirFiguresInBothModesAndSizes() throws {
        for mode in Glyphs.Mode.allCases {
            for (w, h) in [(80, 24), (160, 48)] {
                Glyphs.mode = mode
                var f = try TUIFixture(width: w, height: h, demo: true)
                defer { f.remove() }
                let activity = try f.db.monthlyActivity(today: f.app.ctx.today)
                let text = f.text
                XCTAssertTrue(text.contains("近 12 个月"), "\(mode) \(w)x\(h): \(text)")
                for s in activity.series {
                    let line = try XCTUnwrap(f.lines.first { $0.contains(s.label.zh) && $0.contains("\(s.latest.map(String.init) ?? "-") / \(s.total)") },
                                             "\(s.key) with its figures at \(mode) \(w)x\(h):\n\(text)")
                    XCTAssertTrue(line.contains(Sparkline.glyphs(s.values)) || mode == .ascii, line)
                }
                XCTAssertTrue(f.lines.allSatisfy { DisplayWidth.of($0) <= w })
                if mode == .ascii { XCTAssertEqual(ambiguousCells(f.screen), [], "\(w)x\(h)") }
            }
        }
    }

    /// A month before the records began draws differently from a month of zero, in both modes.
    func testNoDataDiffersFromZero() {
        for mode in Glyphs.Mode.allCases {
            Glyphs.mode = mode
            var buffer = ScreenBuffer(width: 12, height: 1)
            buffer.put(Sparkline.glyphs([nil, 0, 5, 10] + Array(repeating: 0, count: 8)), x: 0, y: 0)
            let line = buffer.lines[0]
            let chars = Array(line)
            XCTAssertNotEqual(chars[0], chars[1], "\(mode): no data vs zero in \(line)")
            XCTAssertNotEqual(chars[1], chars[2], "\(mode): zero vs a small value in \(line)")
        }
    }

    func testNoScreenDrawsAnAmbiguousCellInAsciiMode() throws {
        Glyphs.mode = .ascii
        var f = try TUIFixture(demo: true)
        defer { f.remove() }
        var seen: [String] = []
        for key in ["1", "2", "3", "4", "5", "6", "7"] {
            f.press(.char(Character(key)))
            seen += ambiguousCells(f.screen).map { "\(key): \($0)" }
            f.press(.enter)   // a detail view, where the screen has one
            seen += ambiguousCells(f.screen).map { "\(key) Enter: \($0)" }
            f.press(.escape, .escape)
            f.press(.char("?"))
            seen += ambiguousCells(f.screen).map { "\(key) ?: \($0)" }
            f.press(.escape)
        }
        XCTAssertEqual(seen, [])
    }

    func testGlyphModeResolution() {
        XCTAssertEqual(Glyphs.resolve(flag: "ascii", environment: [:]), .ascii)
        XCTAssertEqual(Glyphs.resolve(flag: nil, environment: ["COMMUNITY_GLYPHS": "ascii"]), .ascii)
        XCTAssertEqual(Glyphs.resolve(flag: "unicode", environment: ["TERM": "linux"]), .unicode)
        XCTAssertEqual(Glyphs.resolve(flag: nil, environment: ["TERM": "vt100"]), .ascii)
        XCTAssertEqual(Glyphs.resolve(flag: nil, environment: ["TERM": "linux"]), .ascii)
        XCTAssertEqual(Glyphs.resolve(flag: nil, environment: ["TERM": "xterm-256color"]), .unicode)
        XCTAssertEqual(Glyphs.ascii("─"), "-")
        XCTAssertEqual(Glyphs.ascii("│"), "|")
        XCTAssertEqual(Glyphs.ascii("┌"), "+")
        XCTAssertEqual(Glyphs.ascii("★"), "*")
        XCTAssertEqual(Glyphs.ascii("…"), "~")
        XCTAssertEqual(Glyphs.ascii("█"), "#")
    }
}
