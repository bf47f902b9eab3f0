/// A key press, decoded once in the backend; nothing above it sees raw key codes.
enum Key: Hashable {
    case char(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, backspace, delete, tab, backTab
    case f(Int)
    case ctrl(Character)
    case resize

    /// With a Chinese input method on, letters arrive full-width (ｊ ／ ？ ：); commands answer to their
    /// ASCII twins. Text fields keep what was typed; only command lookup uses this.
    var normalized: Key {
        guard case .char(let c) = self, let s = c.unicodeScalars.first, c.unicodeScalars.count == 1 else { return self }
        switch s.value {
        case 0xFF01...0xFF5E: return .char(Character(Unicode.Scalar(s.value - 0xFEE0)!))
        case 0x3000: return .char(" ")
        case 0x3001: return .char("/")   // Chinese IMEs turn "/" into "、"
        case 0x3002: return .char(".")
        case 0x3010: return .char("[")   // and "[" "]" into "【" "】"
        case 0x3011: return .char("]")
        case 0x00B7: return .char("`")
        default: return self
        }
    }

    /// How the key is written in the footer and the help.
    var label: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .f(let n): return "F\(n)"
        case .ctrl(let c): return "Ctrl-\(String(c).uppercased())"
        case .resize: return "resize"
        }
    }

    /// Decodes a character read by `get_wch` (not a function key).
    static func fromCharacter(_ value: UInt32) -> Key {
        switch value {
        case 3: return .ctrl("c")
        case 8, 127: return .backspace
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 1...26: return .ctrl(Character(Unicode.Scalar(value + 96)!))
        default:
            guard let scalar = Unicode.Scalar(value) else { return .char("?") }
            return .char(Character(scalar))
        }
    }
}
