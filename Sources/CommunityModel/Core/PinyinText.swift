import Foundation

/// Mandarin names as Latin letters, for finding people the way a clerk types on a Latin keyboard:
/// 李成 → "licheng" (full) and "lc" (initials). Foundation's transform needs no new dependency and does not
/// depend on the locale. Non-Chinese text passes through lower-cased.
public enum PinyinText {
    /// Syllables as Foundation gives them, without tones, lower-cased: "李成" → ["li", "cheng"].
    public static func syllables(_ text: String) -> [String] {
        let latin = text.applyingTransform(.toLatin, reverse: false) ?? text
        let plain = latin.applyingTransform(.stripDiacritics, reverse: false) ?? latin
        return plain.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }

    /// "李成" → "licheng".
    public static func full(_ text: String) -> String { syllables(text).joined() }

    /// "李成" → "lc"; "Wang Li" → "wl".
    public static func initials(_ text: String) -> String { String(syllables(text).compactMap(\.first)) }

    /// Whether a typed query finds `text`: as written (case-insensitive), by full pinyin, or by initials.
    public static func matches(_ query: String, _ text: String) -> Bool {
        let q = query.lowercased().filter { !$0.isWhitespace }
        guard !q.isEmpty else { return true }
        if text.lowercased().contains(q) { return true }
        return full(text).contains(q) || initials(text).hasPrefix(q)
    }
}
