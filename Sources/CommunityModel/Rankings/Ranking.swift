import Foundation

/// One holder's place in a period's ranking, with everything the screen and the letters need to explain it.
public struct RankingRow: Sendable, Equatable {
    public var holder: PointsHolder
    public var name: String
    /// Member code for members, "" for organisations.
    public var code: String
    /// The member's organisation, "" when none (and for organisations).
    public var unit: String
    public var points: Int
    /// Approved services in the period (credits less reversed credits).
    public var services: Int
    /// Competition rank: 1, 2, 2, 4.
    public var rank: Int
    /// Rank in the previous period; nil when the holder was not registered then (新).
    public var previousRank: Int?
    /// The letter this row gets under the settings in force (nil: none).
    public var letter: LetterTemplates.Kind?
    /// Why this holder is left out of reminder letters, if they are.
    public var excludedReason: String?
    /// The letter already issued for this period, if any.
    public var issued: IssuedLetter?

    public var displayName: String { code.isEmpty ? name : LocalizedText("\(name)（\(code)）", "\(name) (\(code))").text() }

    /// "↑3", "↓1", "–" (same), "新" (new this period).
    public var change: LocalizedText {
        guard let previousRank else { return LocalizedText("新", "new") }
        let d = previousRank - rank
        if d > 0 { return LocalizedText("↑\(d)", "↑\(d)") }
        if d < 0 { return LocalizedText("↓\(-d)", "↓\(-d)") }
        return LocalizedText("–", "–")
    }
}

/// The letter issued for a row, with its figures as they were when it was generated.
public struct IssuedLetter: Sendable, Equatable {
    public var id: Int64
    public var kind: LetterTemplates.Kind
    public var state: LetterState
    public var points: Int
    public var rank: Int
}

/// A period's whole ranking: every active holder registered by the period's end, zero points included.
/// The counts are worked out once here, not on every frame (a ranking can hold 5,000 rows).
public struct Ranking: Sendable, Equatable {
    public let period: RankingPeriod
    public let rows: [RankingRow]
    public let thanks: Int
    public let reminders: Int
    /// Letters in the outbox for this period, whatever their state.
    public let issuedCount: Int
    /// Rows whose current figure differs from the one printed in their letter (a later reversal or approval).
    public let changedSinceIssued: Int
    private let positions: [PointsHolder: Int]

    public init(period: RankingPeriod, rows: [RankingRow]) {
        self.period = period
        self.rows = rows
        var thanks = 0, reminders = 0, issued = 0, changed = 0
        var positions: [PointsHolder: Int] = [:]
        positions.reserveCapacity(rows.count)
        for (i, r) in rows.enumerated() {
            if r.letter == .thanks { thanks += 1 }
            if r.letter == .reminder { reminders += 1 }
            if let letter = r.issued {
                issued += 1
                if letter.points != r.points { changed += 1 }
            }
            positions[r.holder] = i
        }
        self.thanks = thanks
        self.reminders = reminders
        self.issuedCount = issued
        self.changedSinceIssued = changed
        self.positions = positions
    }

    public var audience: RankingAudience { period.audience }

    /// The holder's row, if they are ranked in this period.
    public func row(for holder: PointsHolder) -> RankingRow? {
        positions[holder].map { rows[$0] }
    }

    /// Competition ranks over points already sorted high to low: equal points share a rank, the next rank skips.
    public static func competitionRanks(_ points: [Int]) -> [Int] {
        var ranks: [Int] = []
        ranks.reserveCapacity(points.count)
        for (i, p) in points.enumerated() {
            if i > 0, points[i - 1] == p { ranks.append(ranks[i - 1]) } else { ranks.append(i + 1) }
        }
        return ranks
    }

    /// Who gets which letter. `points` sorted high to low. Top N (rank ≤ N, with points) get 感谢信; among the
    /// rest who are not excluded, the bottom N get 提醒函 — counted from the bottom, so everyone tied at either
    /// boundary is included and a period may get more than N letters of a kind.
    public static func letters(points: [Int], excluded: [Bool], settings: RankingSettings.Letters) -> [LetterTemplates.Kind?] {
        let ranks = competitionRanks(points)
        var out = [LetterTemplates.Kind?](repeating: nil, count: points.count)
        for i in points.indices where settings.thanks > 0 && ranks[i] <= settings.thanks && points[i] > 0 {
            out[i] = .thanks
        }
        guard settings.reminders > 0 else { return out }
        let pool = points.indices.filter { out[$0] == nil && !excluded[$0] }
        // Bottom rank = 1 + how many in the pool have fewer points; pool is in descending order.
        var fewer = 0
        var index = pool.count - 1
        while index >= 0 {
            let p = points[pool[index]]
            var j = index
            while j >= 0 && points[pool[j]] == p { j -= 1 }
            let bottomRank = fewer + 1
            if bottomRank > settings.reminders { break }
            for k in (j + 1)...index { out[pool[k]] = .reminder }
            fewer += index - j
            index = j
        }
        return out
    }
}
