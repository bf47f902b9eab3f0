import Foundation

/// The two interface languages. Chinese is the default whatever `LANG` says (SPEC §2).
public enum Language: String, Sendable, CaseIterable {
    case zh, en

    /// The process-wide interface language, set once at start-up by the command line.
    nonisolated(unsafe) public static var current: Language = .zh

    /// `--lang` wins, then `COMMUNITY_LANG`, else Chinese.
    public static func resolve(flag: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> Language {
        if let flag, let lang = Language(rawValue: flag.lowercased()) { return lang }
        if let env = environment["COMMUNITY_LANG"], let lang = Language(rawValue: env.lowercased()) { return lang }
        return .zh
    }
}

/// A piece of user-facing text in both languages; every string the user sees is one of these.
public struct LocalizedText: Sendable, Hashable, CustomStringConvertible {
    public var zh: String
    public var en: String

    public init(_ zh: String, _ en: String) {
        self.zh = zh
        self.en = en
    }

    public func text(_ language: Language = .current) -> String {
        language == .zh ? zh : en
    }

    public var description: String { text() }

    public static func + (lhs: LocalizedText, rhs: LocalizedText) -> LocalizedText {
        LocalizedText(lhs.zh + rhs.zh, lhs.en + rhs.en)
    }
}
