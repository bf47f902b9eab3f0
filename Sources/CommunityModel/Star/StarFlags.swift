import Foundation

/// A consequence of the assessment history (SPEC §6), with the rule in words and the quarters behind it.
public struct StarFlag: Sendable, Equatable, Encodable {
    public enum Kind: String, Sendable, Encodable {
        case commendation
        case reviewNotExcellent = "review_not_excellent"
        case payDeduction = "pay_deduction"
    }

    public var kind: Kind
    /// The year the flag is about; nil for the all-time rule.
    public var year: Int?
    public var quarters: [StarQuarter]
    public var rule: LocalizedText
    /// How "five stars for the year" was read (the commendation flag only).
    public var reading: StarStandard.YearReading?

    enum CodingKeys: String, CodingKey { case kind, year, quarters, rule, ruleEn = "rule_en", reading }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encodeIfPresent(year, forKey: .year)
        try c.encode(quarters, forKey: .quarters)
        try c.encode(rule.zh, forKey: .rule)
        try c.encode(rule.en, forKey: .ruleEn)
        try c.encodeIfPresent(reading, forKey: .reading)
    }

    /// "2026Q1、2026Q2" for the screen.
    public var quartersText: String { quarters.map(\.description).joined(separator: ", ") }
}

/// The three consequence rules over the final stars of past quarters.
public enum StarFlags {
    /// - Parameters:
    ///   - finals: the final star of every quarter whose district review is signed.
    ///   - reading: how "five stars for the year" is read (from the standard file).
    public static func flags(finals: [StarQuarter: Int], reading: StarStandard.YearReading) -> [StarFlag] {
        var out: [StarFlag] = []
        let years = Set(finals.keys.map(\.year)).sorted()
        for year in years {
            let quarters = finals.keys.filter { $0.year == year }.sorted()
            let threes = quarters.filter { finals[$0] == 3 }
            let q4 = StarQuarter(year: year, number: 4)
            let eligible: Bool
            switch reading {
            case .everyQuarter: eligible = quarters.count == 4 && quarters.allSatisfy { finals[$0] == 5 }
            case .finalQuarter: eligible = finals[q4] == 5 && threes.isEmpty
            }
            if eligible {
                out.append(StarFlag(kind: .commendation, year: year, quarters: quarters, rule: LocalizedText(
                    "\(year) 年度五星且无三星季度：可推荐区级及以上表彰", "five stars for \(year) and no three-star quarter: eligible for district-or-higher commendation"),
                    reading: reading))
            }
            if threes.count >= 2 {
                out.append(StarFlag(kind: .reviewNotExcellent, year: year, quarters: threes, rule: LocalizedText(
                    "\(year) 年内三星 \(threes.count) 次（两次及以上）：书记和班子年度考核不能评为优秀",
                    "three stars \(threes.count) times in \(year) (twice or more): the secretary's and committee's annual review cannot be rated excellent")))
            }
        }
        let allThrees = finals.keys.filter { finals[$0] == 3 }.sorted()
        if allThrees.count >= 3 {
            out.append(StarFlag(kind: .payDeduction, year: nil, quarters: allThrees, rule: LocalizedText(
                "累计三星 \(allThrees.count) 次（三次及以上）：街道可扣减绩效工资",
                "three stars \(allThrees.count) times in total (three or more): the street may deduct performance pay")))
        }
        return out
    }
}
