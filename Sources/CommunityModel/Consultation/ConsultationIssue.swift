import Foundation
import GRDB

/// How a closed issue (议题) ended (issue 3). An open issue has no outcome.
public enum IssueOutcome: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    case resolved = "已解决"
    case unresolved = "未解决"
    case rejected = "不予立项"
    case withdrawn = "已撤回"
    case referred = "转报街道"

    public var label: LocalizedText {
        switch self {
        case .resolved: return LocalizedText("已解决", "resolved")
        case .unresolved: return LocalizedText("未解决", "unresolved")
        case .rejected: return LocalizedText("不予立项", "not accepted")
        case .withdrawn: return LocalizedText("已撤回", "withdrawn")
        case .referred: return LocalizedText("转报街道", "referred to the street")
        }
    }

    /// 已解决 and 未解决 only end step 8; 不予立项 only steps 1–2; the others may end any step.
    public func allowed(atStep step: Int) -> Bool {
        switch self {
        case .resolved, .unresolved: return step == ConsultationSteps.last
        case .rejected: return step <= 2
        case .withdrawn, .referred: return true
        }
    }

    /// Only evaluation ends an issue without a written reason; every other ending says why.
    public var needsReason: Bool { self != .resolved && self != .unresolved }
}

/// The fixed shape of the "168" method: eight steps, numbered 1…8 (names and deadlines come from the data file).
public enum ConsultationSteps {
    public static let first = 1
    public static let last = 8
    public static let all = 1...8
    /// The step whose leaving makes an issue "discussed" (SPEC §5 headline figures).
    public static let deliberate = 5

    /// ①…⑧ for lists and timelines.
    public static func circled(_ step: Int) -> String {
        guard all.contains(step), let scalar = UnicodeScalar(0x2460 + step - 1) else { return "\(step)" }
        return String(Character(scalar))
    }
}

/// An issue raised by residents and taken through the eight steps. Its current step, outcome and the day it
/// entered the step follow from its history (`IssueTransition`), which `community check` verifies.
public struct Issue: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "issue"

    public var id: Int64?
    /// "2026-0007": year of creation and order within it; what people write in the ledger.
    public var number: String
    public var title: String
    public var description: String
    /// A category key from `data/consultation.json` (vegetable_plots, overhead_wires, …).
    public var category: String
    /// A source key (resident, grid_worker, hotline_12345, party_member, other).
    public var source: String
    public var reporter: String
    /// 楼/单元, e.g. "3号楼2单元".
    public var location: String
    public var createdOn: String
    public var step: Int
    /// The day the issue entered its current step (or was reopened); deadlines count from here.
    public var stepSince: String
    /// The furthest step ever reached ("discussed" = reached step 5).
    public var furthestStep: Int
    public var outcome: IssueOutcome?
    public var closedOn: String?
    /// Step 6: the resolution and the day it was published.
    public var resolution: String?
    public var publishedOn: String?
    /// Step 7: who carries it out, by when, when it was done.
    public var implementationOwner: String?
    public var implementationDue: String?
    public var implementationDone: String?
    public var implementationNote: String?
    /// Step 8: residents' satisfaction survey.
    public var surveySatisfied: Int?
    public var surveyBasic: Int?
    public var surveyDissatisfied: Int?
    public var surveyedOn: String?

    public init(id: Int64? = nil, number: String, title: String, description: String = "", category: String, source: String,
                reporter: String, location: String = "", createdOn: String) {
        self.id = id
        self.number = number
        self.title = title
        self.description = description
        self.category = category
        self.source = source
        self.reporter = reporter
        self.location = location
        self.createdOn = createdOn
        self.step = ConsultationSteps.first
        self.stepSince = createdOn
        self.furthestStep = ConsultationSteps.first
    }

    enum CodingKeys: String, CodingKey {
        case id, number, title, description, category, source, reporter, location, step, outcome, resolution
        case createdOn = "created_on"
        case stepSince = "step_since"
        case furthestStep = "furthest_step"
        case closedOn = "closed_on"
        case publishedOn = "published_on"
        case implementationOwner = "implementation_owner"
        case implementationDue = "implementation_due"
        case implementationDone = "implementation_done"
        case implementationNote = "implementation_note"
        case surveySatisfied = "survey_satisfied"
        case surveyBasic = "survey_basic"
        case surveyDissatisfied = "survey_dissatisfied"
        case surveyedOn = "surveyed_on"
    }

    public enum Columns {
        public static let id = Column("id")
        public static let number = Column("number")
        public static let step = Column("step")
        public static let outcome = Column("outcome")
        public static let category = Column("category")
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    public var isClosed: Bool { outcome != nil }

    public var survey: IssueSurvey? {
        guard let s = surveySatisfied, let b = surveyBasic, let d = surveyDissatisfied, let on = surveyedOn else { return nil }
        return IssueSurvey(satisfied: s, basic: b, dissatisfied: d, surveyedOn: on)
    }
}

/// 满意 / 基本满意 / 不满意 counts from the step-8 evaluation.
public struct IssueSurvey: Sendable, Equatable, Codable {
    public var satisfied: Int
    public var basic: Int
    public var dissatisfied: Int
    public var surveyedOn: String

    public init(satisfied: Int, basic: Int, dissatisfied: Int, surveyedOn: String) {
        self.satisfied = satisfied
        self.basic = basic
        self.dissatisfied = dissatisfied
        self.surveyedOn = surveyedOn
    }

    public var responses: Int { satisfied + basic + dissatisfied }
    /// (满意 + 基本满意) / all responses; nil when nobody answered.
    public var rate: Double? { responses == 0 ? nil : Double(satisfied + basic) / Double(responses) }
}
