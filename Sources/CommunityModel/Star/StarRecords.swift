import Foundation
import GRDB

/// The four recorded stages of a quarter's assessment, in order (SPEC §6); the final star follows the last.
public enum StarStage: String, Sendable, Codable, CaseIterable, DatabaseValueConvertible {
    case selfAssessment = "self_assessment"
    case publicDefence = "public_defence"
    case siteCheck = "site_check"
    case districtReview = "district_review"

    public var label: LocalizedText {
        switch self {
        case .selfAssessment: return LocalizedText("自评", "self-assessment")
        case .publicDefence: return LocalizedText("公开讲", "public defence")
        case .siteCheck: return LocalizedText("实地看", "on-site check")
        case .districtReview: return LocalizedText("复评", "district review")
        }
    }
}

/// One row of the deduction history: a case applied (with a count and a note of the evidence) or removed.
public struct StarDeductionEvent: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "star_deduction"
    public enum Action: String, Codable, Sendable { case apply, remove }

    public var id: Int64?
    public var quarter: String
    public var criterion: String
    public var caseIndex: Int
    public var action: Action
    public var count: Int
    public var note: String
    /// Applied by confirming the store's proposal.
    public var proposed: Bool
    public var operatorId: Int64?
    public var operatorName: String
    public var at: String

    enum CodingKeys: String, CodingKey {
        case id, quarter, criterion, action, count, note, proposed, at
        case caseIndex = "case_index"
        case operatorId = "operator_id"
        case operatorName = "operator_name"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// One of the on-site checks (三查三看) as recorded: passed or not, with a note.
public struct SiteCheckResult: Codable, Sendable, Equatable {
    public var key: String
    public var passed: Bool
    public var note: String
    public init(key: String, passed: Bool, note: String) {
        self.key = key
        self.passed = passed
        self.note = note
    }
}

/// One row of the stage history: a stage signed off with its results, or reopened with a reason.
public struct StarStageEvent: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "star_stage"
    public enum Action: String, Codable, Sendable {
        case signOff = "sign_off"
        case reopen
    }

    public var id: Int64?
    public var quarter: String
    public var stage: StarStage
    public var action: Action
    /// Self-assessment: the total signed and the stars it claims.
    public var total: Int?
    public var claimedStars: Int?
    /// Public defence: the street's score and whether the street confirmed five stars.
    public var defenceScore: Double?
    public var confirmed: Bool?
    /// On-site check: JSON of `[SiteCheckResult]`.
    public var siteResults: String
    /// District review: the final star.
    public var finalStars: Int?
    /// The reason of a reopening, or a remark.
    public var note: String
    public var operatorId: Int64?
    public var operatorName: String
    public var operatorRole: String
    public var at: String

    enum CodingKeys: String, CodingKey {
        case id, quarter, stage, action, total, confirmed, note, at
        case claimedStars = "claimed_stars"
        case defenceScore = "defence_score"
        case siteResults = "site_results"
        case finalStars = "final_stars"
        case operatorId = "operator_id"
        case operatorName = "operator_name"
        case operatorRole = "operator_role"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    public var siteChecks: [SiteCheckResult] {
        guard !siteResults.isEmpty, let data = siteResults.data(using: .utf8) else { return [] }
        return (try? JSONDecoder().decode([SiteCheckResult].self, from: data)) ?? []
    }

    static func encode(_ results: [SiteCheckResult]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(results)).flatMap { String(data: $0, encoding: .utf8) } ?? "[]"
    }
}
