import Foundation

/// The one place star ratings become glyphs: ★★★★☆, or `****.` where the terminal or the user wants
/// ASCII. A later `--glyphs ascii` setting switches `mode`; `COMMUNITY_GLYPHS=ascii` does it today, and the
/// bare `linux`/`vt100` consoles, which often lack the glyphs, get ASCII by default.
enum StarGlyphs {
    enum Mode { case unicode, ascii }

    nonisolated(unsafe) static var mode: Mode = defaultMode()

    static func defaultMode(_ env: [String: String] = ProcessInfo.processInfo.environment) -> Mode {
        if env["COMMUNITY_GLYPHS"]?.lowercased() == "ascii" { return .ascii }
        if let term = env["TERM"], term == "linux" || term.hasPrefix("vt") { return .ascii }
        return .unicode
    }

    /// `filled` of `total` stars, e.g. ★★★★☆ (always `total` columns wide).
    static func stars(_ filled: Int, of total: Int = 5, mode: Mode = mode) -> String {
        let n = max(0, min(total, filled))
        switch mode {
        case .unicode: return String(repeating: "★", count: n) + String(repeating: "☆", count: total - n)
        case .ascii: return String(repeating: "*", count: n) + String(repeating: ".", count: total - n)
        }
    }
}
