import Foundation

/// Dates in this product are calendar days in China Standard Time; a day string is `yyyy-MM-dd`.
public enum Day {
    public static let timeZone = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600)!

    public static var calendar: Calendar {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = timeZone
        return c
    }

    /// Today, or `COMMUNITY_TODAY` (yyyy-MM-dd) so demos and tests can pin the date.
    public static func today(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let pinned = environment["COMMUNITY_TODAY"], parse(pinned) != nil { return pinned }
        return string(from: Date())
    }

    public static func string(from date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0)
    }

    /// Parses `yyyy-MM-dd` strictly (real calendar dates only).
    public static func parse(_ text: String) -> Date? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        let comps = DateComponents(year: y, month: m, day: d, hour: 12)
        guard let date = calendar.date(from: comps) else { return nil }
        let back = calendar.dateComponents([.year, .month, .day], from: date)
        guard back.year == y, back.month == m, back.day == d else { return nil }
        return date
    }

    /// Whole days from `from` to `to` (both `yyyy-MM-dd`); nil if either is not a date.
    public static func days(from: String, to: String) -> Int? {
        guard let a = parse(from), let b = parse(to) else { return nil }
        return calendar.dateComponents([.day], from: a, to: b).day
    }

    public static func adding(_ days: Int, to day: String) -> String? {
        guard let d = parse(day), let r = calendar.date(byAdding: .day, value: days, to: d) else { return nil }
        return string(from: r)
    }

    /// A timestamp for audit and history rows: `yyyy-MM-dd HH:mm:ss` in China Standard Time.
    public static func timestamp(_ date: Date = Date()) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0,
                      c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
    }
}

/// The moment a demo seeding is replaying, "yyyy-MM-dd HH:mm:ss": while set (only inside the seeding
/// transaction), rows and audit lines carry the time the demo's history happened instead of the real clock.
public enum SeedClock {
    @TaskLocal public static var moment: String?
}
