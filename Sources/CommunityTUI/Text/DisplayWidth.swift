import CommunityModel
/// Display width of text in terminal columns, independent of the C locale (tests never call setlocale,
/// and libc `wcwidth` returns -1 without it). East Asian Wide/Fullwidth = 2, combining marks = 0,
/// measured per grapheme cluster so "é" written as e + ◌́ is one column and an emoji sequence is two.
enum DisplayWidth {
    // One rule for the whole program: the model measures receipts with the same function the terminal uses.
    static func of(_ text: String) -> Int { TextWidth.of(text) }
    static func of(_ c: Character) -> Int { TextWidth.of(c) }
}

/// Fitting text into a number of columns.
enum TextFit {
    /// Cuts `text` to at most `width` columns, ending in "…" when cut; never splits a wide glyph.
    static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        var out = ""
        var used = 0
        for c in text {
            let w = DisplayWidth.of(c)
            if used + w > width - 1 { break }
            out.append(c)
            used += w
        }
        return out + "…"
    }

    enum Alignment { case left, right, center }

    /// Truncates then pads with spaces to exactly `width` columns.
    static func fit(_ text: String, to width: Int, align: Alignment = .left) -> String {
        let cut = truncate(text, to: width)
        let gap = max(0, width - DisplayWidth.of(cut))
        switch align {
        case .left: return cut + String(repeating: " ", count: gap)
        case .right: return String(repeating: " ", count: gap) + cut
        case .center:
            let l = gap / 2
            return String(repeating: " ", count: l) + cut + String(repeating: " ", count: gap - l)
        }
    }

    /// Splits text into lines of at most `width` columns (by character, as Chinese has no spaces).
    /// Lines of at most `width` columns. English breaks at the last space that fits ("Record the meeting" /
    /// "first."), Chinese between any two characters; a word longer than the line is cut where it must be.
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line: [Character] = []
            var used = 0
            for c in paragraph {
                let w = DisplayWidth.of(c)
                if used + w > width {
                    if c == " " { lines.append(String(line)); line = []; used = 0; continue }
                    if let space = line.lastIndex(of: " "), space > 0, line.allSatisfy({ DisplayWidth.of($0) == 1 }) || line[space...].allSatisfy({ DisplayWidth.of($0) == 1 }) {
                        lines.append(String(line[..<space]))
                        line = Array(line[(space + 1)...])
                    } else {
                        lines.append(String(line))
                        line = []
                    }
                    used = line.reduce(0) { $0 + DisplayWidth.of($1) }
                }
                line.append(c)
                used += w
            }
            lines.append(String(line))
        }
        return lines
    }

    /// Character-exact wrapping for text being edited: each line with the offset of its first character, so
    /// the cursor can be placed. Never drops a character.
    static func wrapForEditing(_ text: String, width: Int) -> [(start: Int, text: String)] {
        guard width > 0 else { return [(0, text)] }
        var lines: [(Int, String)] = []
        var line = ""
        var used = 0
        var start = 0
        for (i, c) in text.enumerated() {
            let w = DisplayWidth.of(c)
            if used + w > width {
                lines.append((start, line))
                line = ""
                used = 0
                start = i
            }
            line.append(c)
            used += w
        }
        lines.append((start, line))
        return lines
    }
}
