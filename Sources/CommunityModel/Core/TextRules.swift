import Foundation

/// What kind of text a field holds; decides which of `TextRules` apply.
public enum TextFieldKind: Sendable, Equatable {
    /// A person's or an organisation's name: one line, no straight double quotes or backticks, not starting
    /// like a spreadsheet formula. (An apostrophe stays allowed: O'Brien; so do Chinese quotes: 全国“五一”…)
    case name
    /// An identifier such as a member code or an external id: one line, no quotes of any kind, no formula start.
    case code
    /// A single line of free text (a title, a place, a contact, a reason): one line, no formula start.
    case line
    /// A typed value checked further by its own rule (a phone, a date, a level, a state): one line only.
    case value
    /// Free text that may span lines (a description, minutes, a note): line breaks and tabs allowed, other
    /// control characters not. A formula-like start is kept (exports neutralise it, see `spreadsheetSafe`).
    case text
}

/// One shared rule for every text a user can put in a form field or an import column (SPEC §10): nothing
/// that would be stored changed, drawn wrongly on a terminal, or run as a formula by Excel/WPS gets in.
///
/// - A single-line field may not hold control characters (U+0000–U+001F, U+007F–U+009F), NUL, ESC (terminal
///   escape sequences), line breaks (LF, CR, U+2028/2029) or invisible direction and zero-width marks.
/// - A name may not hold double quotes or backticks; a code no quotes at all.
/// - A name, code or single line may not start with `=` `+` `-` `@` (or tab/CR, which are refused anyway):
///   Excel and WPS would run it as a formula (OWASP "CSV injection").
///
/// Forms and imports call `TextRules.check(_:_:field:)`; the error names the character and its position.
public enum TextRules {
    /// Characters a spreadsheet reads as the start of a formula.
    public static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// Trims surrounding spaces and line breaks and applies the rules for `kind`.
    /// - Returns: the trimmed text.
    /// - Throws: `TextRuleError` naming the field, what is wrong and at which character.
    @discardableResult
    public static func check(_ text: String, _ kind: TextFieldKind, field: LocalizedText) throws -> String {
        let trimmed = trimmed(text)
        // Almost every value is plain: one pass over the scalars decides, the careful pass (by character,
        // for the position) runs only when something looks odd.
        if isPlain(trimmed, kind) { return trimmed }
        if let (problem, position) = firstViolation(in: trimmed, kind) {
            throw TextRuleError(field: field, problem: problem, position: position, value: trimmed)
        }
        return trimmed
    }

    /// Surrounding spaces and line breaks removed; the common case (none) costs no copy.
    public static func trimmed(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return text }
        if first.properties.isWhitespace || last.properties.isWhitespace { return text.trimmingCharacters(in: .whitespacesAndNewlines) }
        return text
    }

    /// True when no scalar could break a rule: printable, no quotes, no formula start.
    static func isPlain(_ text: String, _ kind: TextFieldKind) -> Bool {
        var first = true
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if first {
                first = false
                if v == 0x3D || v == 0x2B || v == 0x2D || v == 0x40 { return false }
            }
            if v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x22 || v == 0x27 || v == 0x60 { return false }
            if v >= 0x2000 && ((0x2000...0x206F).contains(v) || v == 0xFEFF || (0xFF02...0xFF07).contains(v)) { return false }
        }
        return true
    }

    /// The first rule `text` breaks for `kind`, with its 1-based character position; nil when it is fine.
    public static func firstViolation(in text: String, _ kind: TextFieldKind) -> (TextRuleError.Problem, Int)? {
        if kind != .text && kind != .value, let first = text.first, formulaStarts.contains(first) {
            return (.formulaStart(first), 1)
        }
        for (offset, character) in text.enumerated() {
            if let problem = problem(with: character, kind) { return (problem, offset + 1) }
        }
        return nil
    }

    private static func problem(with character: Character, _ kind: TextFieldKind) -> TextRuleError.Problem? {
        // "\r\n" is one Character; a multi-line text keeps it, a single line does not.
        if character == "\r\n" || character == "\n" || character == "\r" {
            return kind == .text ? nil : .lineBreak
        }
        for scalar in character.unicodeScalars {
            let v = scalar.value
            switch v {
            case 0: return .nul
            case 0x1B: return .escape
            case 0x09: if kind != .text { return .control(v) }
            case 0x2028, 0x2029: if kind != .text { return .lineBreak }
            case 0x01...0x1F, 0x7F...0x9F: return .control(v)
            case 0x200B, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF: return .invisible(v)
            default: break
            }
        }
        switch kind {
        case .name where ["\"", "`", "＂"].contains(character): return .quote(character)
        case .code where ["\"", "'", "`", "“", "”", "‘", "’", "＂", "＇"].contains(character): return .quote(character)
        default: return nil
        }
    }

    /// True when Excel/WPS would read the cell as a formula.
    public static func startsLikeFormula(_ cell: String) -> Bool {
        cell.first.map { formulaStarts.contains($0) } ?? false
    }

    /// A cell made safe for a spreadsheet: a formula-like start gets a leading apostrophe (OWASP's advice),
    /// which Excel and WPS show as nothing and which marks the cell as text. The import takes it off again.
    public static func spreadsheetSafe(_ cell: String) -> String {
        startsLikeFormula(cell) ? "'" + cell : cell
    }

    /// A phone number or code written so Excel/WPS keep it as text (`="13800000001"`): without it Excel shows
    /// 1.38E+10 and drops leading zeros. The wrapper is a constant, not a formula that reads anything.
    /// Only cells Excel would read as a number or date are wrapped; "ZD0001" stays as it is.
    public static func keptAsText(_ cell: String) -> String {
        let numeric = cell.contains { $0.isNumber } && cell.allSatisfy { $0.isASCII && ($0.isNumber || "+-./:eE ".contains($0)) }
        guard numeric else { return spreadsheetSafe(cell) }
        return "=\"" + cell + "\""
    }

    /// Undoes `spreadsheetSafe` and `keptAsText` on a cell read back from a file this program exported.
    public static func unneutralised(_ cell: String) -> String {
        if cell.count >= 3, cell.hasPrefix("=\""), cell.hasSuffix("\"") {
            let inner = cell.dropFirst(2).dropLast()
            if !inner.contains("\"") { return String(inner) }
        }
        if cell.hasPrefix("'"), let second = cell.dropFirst().first, formulaStarts.contains(second) { return String(cell.dropFirst()) }
        return cell
    }

    /// The text with every control or invisible character written as `\u{1B}` etc., so a bad value can be
    /// shown on a terminal or in an error file without the terminal obeying it.
    public static func visible(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            let v = scalar.value
            switch v {
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x00...0x1F, 0x7F...0x9F, 0x200B, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF:
                out += "\\u{" + String(v, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// A text broke one of `TextRules`: which field, what, and where in the value.
public struct TextRuleError: UserFacingError, Equatable {
    public enum Problem: Sendable, Equatable {
        case nul
        case escape
        case control(UInt32)
        case lineBreak
        case invisible(UInt32)
        case quote(Character)
        case formulaStart(Character)
    }

    public var field: LocalizedText
    public var problem: Problem
    /// 1-based character position in the trimmed value.
    public var position: Int
    public var value: String

    public var message: LocalizedText {
        let at = LocalizedText("第 \(position) 个字符", "character \(position)")
        let what: LocalizedText
        switch problem {
        case .nul: what = LocalizedText("是空字符 NUL（U+0000）", " is a NUL (U+0000)")
        case .escape: what = LocalizedText("是转义符 ESC（终端控制序列）", " is an ESC (a terminal escape sequence)")
        case .control(let v): what = LocalizedText("是控制字符 \(Self.code(v))", " is the control character \(Self.code(v))")
        case .lineBreak: what = LocalizedText("是换行：这里只能填一行", " is a line break: this field holds one line")
        case .invisible(let v): what = LocalizedText("是看不见的格式字符 \(Self.code(v))", " is the invisible format character \(Self.code(v))")
        case .quote(let c): what = LocalizedText("是引号 \(c)：这里不能有引号", " is the quote \(c): no quotes here")
        case .formulaStart(let c):
            let shown = c == "\t" ? "Tab" : String(c)
            what = LocalizedText("是 \(shown)：以 = + - @ 开头会被 Excel/WPS 当作公式", " is \(shown): a value starting with = + - @ runs as a formula in Excel/WPS")
        }
        return LocalizedText("\(field.zh)“\(TextRules.visible(value))”", "\(field.en) “\(TextRules.visible(value))”: ")
            + at + what + LocalizedText("，请删掉后重新填写。", "; remove it and try again.")
    }

    static func code(_ v: UInt32) -> String { "U+" + String(format: "%04X", v) }
}
