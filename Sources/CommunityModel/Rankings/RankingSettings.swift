import Foundation

/// `data/rankings.json`: how many holders get a 感谢信 (top N) and a 提醒函 (bottom N) per audience (SPEC §7,
/// default 10 each). Ties at either boundary are all included, so a period may get more letters than N.
public struct RankingSettings: Sendable, Equatable {
    public struct Letters: Sendable, Equatable {
        public var thanks: Int
        public var reminders: Int
        public init(thanks: Int, reminders: Int) {
            self.thanks = thanks
            self.reminders = reminders
        }
    }

    public static let file = "rankings.json"
    public static let defaults = RankingSettings(members: Letters(thanks: 10, reminders: 10), organisations: Letters(thanks: 10, reminders: 10))

    public var members: Letters
    public var organisations: Letters

    public init(members: Letters, organisations: Letters) {
        self.members = members
        self.organisations = organisations
    }

    public func letters(for audience: RankingAudience) -> Letters {
        audience == .members ? members : organisations
    }

    /// The settings in force: the start-up code sets them from `data/rankings.json`.
    nonisolated(unsafe) public static var active: RankingSettings = defaults

    /// THE one way every screen, command and hook reads the letter counts. Community settings kept in the
    /// database will later take precedence here, without any caller changing.
    public static func current() -> RankingSettings { active }

    /// Loads and validates `rankings.json`; a missing file means the defaults (10 each).
    /// - Throws: `ReferenceDataError` naming the file, the path inside it and what was expected.
    public static func load(from directory: URL) throws -> RankingSettings {
        guard FileManager.default.fileExists(atPath: directory.appendingPathComponent(file).path) else { return defaults }
        return try read(ReferenceJSONReader.open(file, in: directory))
    }

    static func read(_ root: ReferenceJSONReader) throws -> RankingSettings {
        try root.rejectUnknownKeys(["members", "organisations"])
        func letters(_ key: String) throws -> Letters {
            guard let reader = try root.optional(key) else { return defaults.letters(for: key == "members" ? .members : .organisations) }
            try reader.rejectUnknownKeys(["thanks", "reminders"])
            func count(_ name: String) throws -> Int {
                guard try reader.optional(name) != nil else { return 10 }
                let n = try reader.int(name)
                guard (0...1_000).contains(n) else {
                    throw reader.invalid(name, "0 到 1000 之间的封数（0 表示不发）", "a number of letters from 0 to 1000 (0 sends none)")
                }
                return n
            }
            return Letters(thanks: try count("thanks"), reminders: try count("reminders"))
        }
        return RankingSettings(members: try letters("members"), organisations: try letters("organisations"))
    }
}
