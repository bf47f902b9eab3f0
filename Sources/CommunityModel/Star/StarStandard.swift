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
        /// "每人次", "每个": the case may apply several times in a quarter, each taking `points` off.
        public var perOccurrence: Bool = false
        /// When the store can tell whether the case applies (e.g. fewer than 3 issues deliberated), the
        /// rule; the screen then proposes the deduction and a person confirms it.
        public var measure: Measure? = nil

        public var label: LocalizedText { LocalizedText(text, textEn) }
    }

    /// A deduction case the store can measure: it applies when `figure` is below `below` for the quarter.
    public struct Measure: Sendable, Equatable, Codable {
        public var figure: MeasuredFigure
        public var below: Int
    }

    /// The quarter's figures a deduction rule may name (rates as whole percents).
    public enum MeasuredFigure: String, Sendable, Equatable, Codable, CaseIterable {
        case issuesDeliberated = "issues_deliberated"
        case tasksPublished = "tasks_published"
        case participationPercent = "participation_percent"
        case redemptions
        case resolutionPercent = "resolution_percent"
        case satisfactionPercent = "satisfaction_percent"
        /// Share of the quarter's claims made through the mini-program ("码上到") import.
        case platformPercent = "platform_percent"
    }

    /// How "five stars for the year" is read for the commendation flag (SPEC §6): five stars in every quarter
    /// of the year, or five stars in the year's final quarter (with no three-star quarter either way).
    public enum YearReading: String, Sendable, Equatable, Codable, CaseIterable {
        case everyQuarter = "every_quarter"
        case finalQuarter = "final_quarter"

        public var label: LocalizedText {
            switch self {
            case .everyQuarter: return LocalizedText("按“每个季度均为五星”认定", "read as: five stars in every quarter")
            case .finalQuarter: return LocalizedText("按“年末季度为五星”认定", "read as: five stars in the final quarter")
            }
        }
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
        /// "查阵地硬件，看服务中心建设" → "阵地硬件", for narrow forms and history lines.
        public var shortLabel: LocalizedText {
            guard name.hasPrefix("查"), let comma = name.firstIndex(of: "，") else { return label }
            return LocalizedText(String(name[name.index(after: name.startIndex)..<comma]), nameEn)
        }
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
    /// `five_stars_for_the_year` in the file; `every_quarter` when the file does not say.
    public var fiveStarYear: YearReading = .everyQuarter

    public func criteria(in area: Area) -> [Criterion] { criteria.filter { $0.area == area.key } }

    public func criterion(_ key: String) -> Criterion? { criteria.first { $0.key == key } }

    /// The stars a self-assessment score may claim: 5, 4 or 3.
    public func claimableStars(score: Int) -> Int {
        if score >= fiveStarThreshold { return 5 }
        if score >= fourStarThreshold { return 4 }
        return 3
    }
}
