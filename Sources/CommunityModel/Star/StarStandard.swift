import Foundation

/// `data/star-standard.json`: the quarterly star-rating standard (SPEC §6) — 5 areas, 22 weighted criteria
/// totalling 100 points, each with a scoring standard and deduction cases, plus the star thresholds and the
/// on-site checks (三查三看).
public struct StarStandard: Sendable, Equatable, Codable {
    public struct Area: Sendable, Equatable, Codable {
        public var key: String
        public var name: String
        public var nameEn: String
        /// Points this area is worth; equals the sum of its criteria's weights.
        public var weight: Int

        public var label: LocalizedText { LocalizedText(name, nameEn) }
    }

    public struct Deduction: Sendable, Equatable, Codable {
        public var text: String
        public var textEn: String
        /// Points taken off each time the case applies (1…the criterion's weight).
        public var points: Int

        public var label: LocalizedText { LocalizedText(text, textEn) }
    }

    /// What the store can measure for a criterion and show beside its score.
    public enum Evidence: String, Sendable, Equatable, Codable, CaseIterable {
        case consultationUse = "consultation_use"
        case doubleReportParticipation = "double_report_participation"
        case volunteerParticipation = "volunteer_participation"
        case platformUse = "platform_use"
        case redemption
        case resolutionSatisfaction = "resolution_satisfaction"
    }

    public struct Criterion: Sendable, Equatable, Codable {
        public var key: String
        /// The `Area.key` this criterion belongs to.
        public var area: String
        public var name: String
        public var nameEn: String
        public var weight: Int
        /// The scoring standard in words.
        public var standard: String
        public var standardEn: String
        public var deductions: [Deduction]
        /// Live figures from the store shown beside the score, when there are any.
        public var evidence: Evidence?

        public var label: LocalizedText { LocalizedText(name, nameEn) }
        public var standardText: LocalizedText { LocalizedText(standard, standardEn) }

        /// A criterion's score is its weight minus the deductions applied, never below 0 (SPEC §6).
        public func score(deducting points: Int) -> Int { max(0, weight - max(0, points)) }
    }

    /// One of the on-site checks (三查三看), each passed or failed.
    public struct SiteCheck: Sendable, Equatable, Codable {
        public var key: String
        public var name: String
        public var nameEn: String

        public var label: LocalizedText { LocalizedText(name, nameEn) }
    }

    public static let areaCount = 5
    public static let criterionCount = 22

    /// The full score: the criteria's weights add up to it (100, checked on load).
    public var total: Int { criteria.reduce(0) { $0 + $1.weight } }
    /// Self-assessment score from which five stars may be claimed (90).
    public var fiveStarThreshold: Int
    /// Self-assessment score from which four stars may be claimed (75); below it, three.
    public var fourStarThreshold: Int
    public var areas: [Area]
    /// In file order, grouped by area.
    public var criteria: [Criterion]
    public var siteChecks: [SiteCheck]

    public func criteria(in area: Area) -> [Criterion] { criteria.filter { $0.area == area.key } }

    public func criterion(_ key: String) -> Criterion? { criteria.first { $0.key == key } }

    /// The stars a self-assessment score may claim: 5, 4 or 3.
    public func claimableStars(score: Int) -> Int {
        if score >= fiveStarThreshold { return 5 }
        if score >= fourStarThreshold { return 4 }
        return 3
    }
}
