/// Display width of text in terminal columns, independent of the C locale (tests never call setlocale, and libc
/// `wcwidth` returns -1 without it). East Asian Wide/Fullwidth = 2, combining marks = 0, measured per grapheme
/// cluster. The one rule for the program: the terminal (`DisplayWidth`) and 58 mm receipts both use it.
public enum TextWidth {
    public static func of(_ text: String) -> Int {
        // Most text on screen is printable ASCII and common CJK, whose scalars are each a whole grapheme of
        // a known width: summed directly, without grapheme breaking or Unicode property look-ups (which were
        // a third of a frame's time at 160×48). Anything else is measured cluster by cluster.
        var total = 0
        for s in text.unicodeScalars {
            guard let w = plainWidth(s.value) else { return clusterWidth(text) }
            total += w
        }
        return total
    }

    private static func clusterWidth(_ text: String) -> Int {
        var total = 0
        for c in text { total += of(c) }
        return total
    }

    /// The width of a scalar that never combines with its neighbours: printable ASCII (1) and CJK ideographs,
    /// CJK punctuation and fullwidth forms (2). Nil for anything that needs the full rules.
    @inline(__always)
    static func plainWidth(_ v: UInt32) -> Int? {
        if v >= 0x20 && v < 0x7F { return 1 }
        // Ranges without combining marks (U+302A–302F and U+3099–309A are marks, so they stay out).
        if (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) || (0xFF01...0xFF60).contains(v) || (0x3000...0x3029).contains(v) {
            return 2
        }
        return nil
    }

    public static func of(_ c: Character) -> Int {
        let scalars = c.unicodeScalars
        var iterator = scalars.makeIterator()
        guard let first = iterator.next() else { return 0 }
        let single = iterator.next() == nil
        if single, let w = plainWidth(first.value) { return w }
        if !single {
            // Emoji presentation selector or a ZWJ sequence draws as one wide glyph.
            if scalars.contains(where: { $0.value == 0xFE0F || $0.value == 0x200D }) && first.properties.isEmoji { return 2 }
        }
        for s in scalars {
            let w = scalarWidth(s)
            if w != 0 { return w }
        }
        return 0
    }

    static func scalarWidth(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v == 0 { return 0 }
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        if v < 0x300 { return 1 }
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v == 0x200B || (0x1160...0x11FF).contains(v) { return 0 }
        if isWide(v) { return 2 }
        if s.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// East Asian Wide (W) and Fullwidth (F) ranges from Unicode's EastAsianWidth.txt, condensed.
    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
             0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB,
             0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA,
             0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757,
             0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C, 0x2B50, 0x2B55,
             0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF,
             0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251, 0x1F300...0x1F64F,
             0x1F680...0x1F6FF, 0x1F7E0...0x1F7EB, 0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF,
             0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
