import Foundation

/// Who a ranking ranks: in-service members by calendar month, reported organisations by calendar quarter (SPEC §7).
public enum RankingAudience: String, Sendable, Equatable, Hashable, CaseIterable, Codable {
    case members
    case organisations

    public var label: LocalizedText {
        switch self {
        case .members: return LocalizedText("在职党员", "members")
        case .organisations: return LocalizedText("报到单位", "organisations")
        }
    }

    /// The holder kind stored in the tables ("member" / "organisation").
    public var holderKind: String { self == .members ? "member" : "organisation" }
    public var letterAudience: LetterTemplates.Audience { self == .members ? .member : .organisation }
}

/// A ranking period: a calendar month ("2026-11") for members, a calendar quarter ("2026Q4") for organisations.
/// The key is what the tables store and what `--period` takes.
public struct RankingPeriod: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Unit: Sendable, Hashable { case month, quarter }

    public let year: Int
    public let unit: Unit
    /// 1…12 for a month, 1…4 for a quarter.
    public let index: Int

    public init?(year: Int, month: Int) {
        guard (1...12).contains(month), (2000...2999).contains(year) else { return nil }
        self.year = year
        self.unit = .month
        self.index = month
    }

    public init?(year: Int, quarter: Int) {
        guard (1...4).contains(quarter), (2000...2999).contains(year) else { return nil }
        self.year = year
        self.unit = .quarter
        self.index = quarter
    }

    /// Parses "2026-11" or "2026Q4" (also "2026-q4").
    public init?(key: String) {
        let text = key.trimmingCharacters(in: .whitespaces).uppercased()
        if let m = text.wholeMatch(of: /(\d{4})-?Q([1-4])/), let y = Int(m.1), let q = Int(m.2) {
            self.init(year: y, quarter: q)
        } else if let m = text.wholeMatch(of: /(\d{4})-(\d{1,2})/), let y = Int(m.1), let mo = Int(m.2) {
            self.init(year: y, month: mo)
        } else {
            return nil
        }
    }

    /// The period a day ("2026-11-30") falls in, for an audience.
    public static func containing(_ day: String, for audience: RankingAudience) -> RankingPeriod? {
        let parts = day.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return audience == .members ? RankingPeriod(year: parts[0], month: parts[1]) : RankingPeriod(year: parts[0], quarter: (parts[1] + 2) / 3)
    }

    /// The latest period that has ended by `today` (the one before the period today is in).
    public static func lastClosed(for audience: RankingAudience, today: String) -> RankingPeriod? {
        containing(today, for: audience)?.previous
    }

    public var audience: RankingAudience { unit == .month ? .members : .organisations }

    public var key: String {
        unit == .month ? String(format: "%04d-%02d", year, index) : "\(year)Q\(index)"
    }

    public var description: String { key }

    /// First and last day, "2026-10-01" … "2026-12-31".
    public var firstDay: String {
        let month = unit == .month ? index : (index - 1) * 3 + 1
        return String(format: "%04d-%02d-01", year, month)
    }

    public var lastDay: String {
        let endMonth = unit == .month ? index : index * 3
        let nextFirst = endMonth == 12 ? String(format: "%04d-01-01", year + 1) : String(format: "%04d-%02d-01", year, endMonth + 1)
        return Day.adding(-1, to: nextFirst) ?? nextFirst
    }

    /// Whether the period has ended by `today` (its letters may be generated).
    public func isClosed(today: String) -> Bool { lastDay < String(today.prefix(10)) }

    public var previous: RankingPeriod {
        switch unit {
        case .month: return index == 1 ? RankingPeriod(year: year - 1, month: 12) ?? self : RankingPeriod(year: year, month: index - 1) ?? self
        case .quarter: return index == 1 ? RankingPeriod(year: year - 1, quarter: 4) ?? self : RankingPeriod(year: year, quarter: index - 1) ?? self
        }
    }

    public var next: RankingPeriod {
        switch unit {
        case .month: return index == 12 ? RankingPeriod(year: year + 1, month: 1) ?? self : RankingPeriod(year: year, month: index + 1) ?? self
        case .quarter: return index == 4 ? RankingPeriod(year: year + 1, quarter: 1) ?? self : RankingPeriod(year: year, quarter: index + 1) ?? self
        }
    }

    /// "2026年11月" / "November 2026"; "2026年第四季度" / "2026 Q4".
    public var label: LocalizedText {
        switch unit {
        case .month:
            let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
            return LocalizedText("\(year)年\(index)月", "\(months[index - 1]) \(year)")
        case .quarter:
            return LocalizedText("\(year)年第\(["一", "二", "三", "四"][index - 1])季度", "\(year) Q\(index)")
        }
    }

    /// "11月" / "Nov" — the overview's short form.
    public var shortLabel: LocalizedText {
        switch unit {
        case .month:
            let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
            return LocalizedText("\(index)月", months[index - 1])
        case .quarter:
            return LocalizedText("第\(["一", "二", "三", "四"][index - 1])季度", "Q\(index)")
        }
    }

    public static func < (a: RankingPeriod, b: RankingPeriod) -> Bool { a.firstDay < b.firstDay }
}

extension RankingPeriod {
    /// What `--period` takes: "2026-11", "2026Q4", "last-month" or "last-quarter" (the latest closed one).
    /// - Throws: `RankingsError.badPeriod` with the forms it accepts.
    public static func resolve(_ text: String, today: String) throws -> RankingPeriod {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "last-month": if let p = lastClosed(for: .members, today: today) { return p }
        case "last-quarter": if let p = lastClosed(for: .organisations, today: today) { return p }
        default: if let p = RankingPeriod(key: text) { return p }
        }
        throw RankingsError.badPeriod(text)
    }
}
