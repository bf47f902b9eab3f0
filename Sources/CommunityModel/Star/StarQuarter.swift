import Foundation

/// A calendar quarter, written `2026Q4` (the form the commands, exports and history use).
public struct StarQuarter: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    /// 1…4.
    public var number: Int

    public init(year: Int, number: Int) {
        self.year = year
        self.number = min(4, max(1, number))
    }

    /// Parses `2026Q4` (also `2026q4`, `2026-Q4`); nil for anything else.
    public init?(_ text: String) {
        let t = text.trimmingCharacters(in: .whitespaces).uppercased().replacingOccurrences(of: "-", with: "")
        let parts = t.split(separator: "Q", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, let y = Int(parts[0]), let q = Int(parts[1]), (1...4).contains(q), y >= 2000 else { return nil }
        self.init(year: y, number: q)
    }

    /// The quarter a `yyyy-MM-dd` day falls in.
    public init?(day: String) {
        guard Day.parse(day) != nil, let y = Int(day.prefix(4)), let m = Int(day.dropFirst(5).prefix(2)) else { return nil }
        self.init(year: y, number: (m - 1) / 3 + 1)
    }

    public var description: String { "\(year)Q\(number)" }

    /// First day, `yyyy-MM-dd`.
    public var firstDay: String { String(format: "%04d-%02d-01", year, (number - 1) * 3 + 1) }
    /// The day after the last day: ranges are `firstDay <= day < endDay`, so timestamps compare too.
    public var endDay: String { next.firstDay }
    /// Last day, `yyyy-MM-dd`.
    public var lastDay: String { Day.adding(-1, to: endDay) ?? endDay }

    public var next: StarQuarter { number == 4 ? StarQuarter(year: year + 1, number: 1) : StarQuarter(year: year, number: number + 1) }
    public var previous: StarQuarter { number == 1 ? StarQuarter(year: year - 1, number: 4) : StarQuarter(year: year, number: number - 1) }

    /// The four quarters of this quarter's year.
    public var yearQuarters: [StarQuarter] { (1...4).map { StarQuarter(year: year, number: $0) } }

    public var label: LocalizedText { LocalizedText("\(year)年第\(number)季度", "\(year) Q\(number)") }

    public static func < (a: StarQuarter, b: StarQuarter) -> Bool { (a.year, a.number) < (b.year, b.number) }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let q = StarQuarter(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a quarter like 2026Q4: \(text)"))
        }
        self = q
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
