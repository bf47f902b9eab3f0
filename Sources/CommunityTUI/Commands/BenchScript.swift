import Foundation

/// The key scenarios of `tests/bench/scenarios.txt`, shared by the terminal harness (which types them into
/// the real binary through a pty) and `community bench --script` (which feeds them to the app headless),
/// so both report the same keys and a gap between the two is visible.
///
/// One scenario per line: `name | setup keys | measured keys`. Keys are separated by spaces; `<Esc>`,
/// `<Enter>`, `<Tab>`, `<S-Tab>`, `<BS>`, `<Up>` `<Down>` `<Left>` `<Right>`, `<PgUp>` `<PgDn>`, `<Home>`
/// `<End>`, `<Space>` and `<C-x>` name keys; any other word is typed one character at a time. `<WaitN>`
/// in the setup is a pause of N seconds in the terminal harness, long enough for a machine that reclaims idle
/// memory to drop the file's pages, as a secretary's pause would; headless it is skipped (there is no
/// terminal to wait on, and the headless column is the app's own work).
struct BenchScenario {
    var name: String
    var setup: [Key]
    var keys: [Key]

    struct ParseError: Error, CustomStringConvertible {
        var line: Int
        var text: String
        var description: String { "scenario line \(line): \(text)" }
    }

    static func parse(_ text: String) throws -> [BenchScenario] {
        var result: [BenchScenario] = []
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 3, !parts[0].isEmpty else {
                throw ParseError(line: n + 1, text: "expected `name | setup keys | measured keys`")
            }
            result.append(BenchScenario(name: parts[0], setup: try keys(parts[1], line: n + 1), keys: try keys(parts[2], line: n + 1)))
        }
        return result
    }

    static func keys(_ text: String, line: Int) throws -> [Key] {
        var keys: [Key] = []
        for word in text.split(separator: " ") {
            if word.hasPrefix("<"), word.hasSuffix(">"), word.count > 2 {
                if pauseSeconds(String(word.dropFirst().dropLast())) != nil { continue }
                guard let key = named(String(word.dropFirst().dropLast())) else {
                    throw ParseError(line: line, text: "unknown key \(word)")
                }
                keys.append(key)
            } else {
                keys += word.map { Key.char($0) }
            }
        }
        return keys
    }

    /// The N of `<WaitN>`, or nil when the word is not a pause.
    static func pauseSeconds(_ name: String) -> Int? {
        guard name.hasPrefix("Wait") else { return nil }
        return Int(name.dropFirst(4)).flatMap { $0 > 0 ? $0 : nil }
    }

    private static func named(_ name: String) -> Key? {
        switch name {
        case "Esc": return .escape
        case "Enter": return .enter
        case "Tab": return .tab
        case "S-Tab": return .backTab
        case "BS": return .backspace
        case "Up": return .up
        case "Down": return .down
        case "Left": return .left
        case "Right": return .right
        case "PgUp": return .pageUp
        case "PgDn": return .pageDown
        case "Home": return .home
        case "End": return .end
        case "Space": return .char(" ")
        default:
            if name.hasPrefix("C-"), name.count == 3, let c = name.last { return .ctrl(c) }
            return nil
        }
    }
}
