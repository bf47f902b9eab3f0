import Foundation
import GRDB

/// What kind of move a history row records.
public enum TransitionKind: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    /// The issue was recorded (from nothing to step 1).
    case create
    /// One step forward after its gate was met.
    case advance
    /// The vote at step 5 failed: back to step 4 (research) for a better plan.
    case voteFailed = "vote_failed"
    /// Back to an earlier step, with a reason.
    case sendBack = "send_back"
    /// The issue ended with an outcome (stays at its step).
    case close
    /// A closed issue opened again, with a reason (stays at its step).
    case reopen

    public var label: LocalizedText {
        switch self {
        case .create: return LocalizedText("登记", "recorded")
        case .advance: return LocalizedText("推进", "advanced")
        case .voteFailed: return LocalizedText("表决未通过退回", "vote failed, back")
        case .sendBack: return LocalizedText("退回", "sent back")
        case .close: return LocalizedText("办结", "closed")
        case .reopen: return LocalizedText("重新打开", "reopened")
        }
    }
}

/// One row of an issue's history: who moved it from where to where, when and why. Never updated or deleted.
public struct IssueTransition: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "issue_transition"
    public var id: Int64?
    public var issueId: Int64
    /// 1, 2, 3… within the issue, without gaps.
    public var seq: Int
    public var kind: TransitionKind
    /// nil only for `create`.
    public var fromStep: Int?
    public var toStep: Int
    public var outcome: IssueOutcome?
    public var reason: String
    public var operatorId: Int64?
    public var operatorName: String
    /// The business day the move counts on (deadlines) and the wall-clock time it was recorded.
    public var onDay: String
    public var at: String

    enum CodingKeys: String, CodingKey {
        case id, seq, kind, outcome, reason, at
        case issueId = "issue_id"
        case fromStep = "from_step"
        case toStep = "to_step"
        case operatorId = "operator_id"
        case operatorName = "operator_name"
        case onDay = "on_day"
    }

    public init(id: Int64? = nil, issueId: Int64, seq: Int, kind: TransitionKind, fromStep: Int?, toStep: Int, outcome: IssueOutcome? = nil,
                reason: String = "", operatorId: Int64? = nil, operatorName: String, onDay: String, at: String) {
        self.id = id
        self.issueId = issueId
        self.seq = seq
        self.kind = kind
        self.fromStep = fromStep
        self.toStep = toStep
        self.outcome = outcome
        self.reason = reason
        self.operatorId = operatorId
        self.operatorName = operatorName
        self.onDay = onDay
        self.at = at
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A consulting party named for an issue (step 3): a person or body of one of the six kinds.
public struct IssueParty: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "issue_party"
    public var id: Int64?
    public var issueId: Int64
    public var name: String
    /// A party-kind key from the data file (party_org, residents_committee, …).
    public var kind: String
    public var contact: String
    public var addedOn: String

    enum CodingKeys: String, CodingKey {
        case id, name, kind, contact
        case issueId = "issue_id"
        case addedOn = "added_on"
    }

    public init(id: Int64? = nil, issueId: Int64, name: String, kind: String, contact: String = "", addedOn: String) {
        self.id = id
        self.issueId = issueId
        self.name = name
        self.kind = kind
        self.contact = contact
        self.addedOn = addedOn
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// An option or plan written during research (step 4).
public struct IssueOption: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "issue_option"
    public var id: Int64?
    public var issueId: Int64
    public var title: String
    public var detail: String
    public var addedOn: String

    enum CodingKeys: String, CodingKey {
        case id, title, detail
        case issueId = "issue_id"
        case addedOn = "added_on"
    }

    public init(id: Int64? = nil, issueId: Int64, title: String, detail: String = "", addedOn: String) {
        self.id = id
        self.issueId = issueId
        self.title = title
        self.detail = detail
        self.addedOn = addedOn
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// For / against / abstain at a council meeting. Passing needs a simple majority of those voting (for > against).
public struct Vote: Sendable, Equatable, Codable {
    public var inFavour: Int
    public var against: Int
    public var abstain: Int

    public init(inFavour: Int, against: Int, abstain: Int) {
        self.inFavour = inFavour
        self.against = against
        self.abstain = abstain
    }

    public var total: Int { inFavour + against + abstain }
    /// Abstentions are not votes cast; a tie fails.
    public var passed: Bool { inFavour > against }
}

/// Someone at a meeting, with which of the six kinds they came for.
public struct MeetingAttendee: Codable, Sendable, Equatable {
    public var name: String
    public var kind: String

    public init(name: String, kind: String) {
        self.name = name
        self.kind = kind
    }
}

/// A deliberation meeting (step 5), normally in the 居民议事厅, with its minutes and vote.
public struct IssueMeeting: Sendable, Equatable {
    public var id: Int64?
    public var issueId: Int64
    /// The history row that put the issue into step 5 when this meeting was held: a meeting from an
    /// earlier round (before a failed vote sent it back) does not open the gate again.
    public var roundSeq: Int
    public var heldOn: String
    public var place: String
    public var attendees: [MeetingAttendee]
    public var minutes: String
    public var vote: Vote?

    public init(id: Int64? = nil, issueId: Int64, roundSeq: Int = 0, heldOn: String, place: String, attendees: [MeetingAttendee], minutes: String, vote: Vote?) {
        self.id = id
        self.issueId = issueId
        self.roundSeq = roundSeq
        self.heldOn = heldOn
        self.place = place
        self.attendees = attendees
        self.minutes = minutes
        self.vote = vote
    }
}

/// Everything about one issue, as the detail view shows it and the workflow rules judge it.
public struct IssueDossier: Sendable, Equatable {
    public var issue: Issue
    public var parties: [IssueParty]
    public var options: [IssueOption]
    public var meetings: [IssueMeeting]
    /// Oldest first.
    public var history: [IssueTransition]

    public init(issue: Issue, parties: [IssueParty] = [], options: [IssueOption] = [], meetings: [IssueMeeting] = [], history: [IssueTransition] = []) {
        self.issue = issue
        self.parties = parties
        self.options = options
        self.meetings = meetings
        self.history = history
    }

    /// The history row that last brought the issue into `step` (its latest "round" of that step), 0 if never.
    public func roundSeq(enteringStep step: Int) -> Int {
        history.last(where: { $0.toStep == step && $0.kind != .close && $0.kind != .reopen })?.seq ?? 0
    }

    /// Meetings held in the latest visit to step 5, oldest first; earlier rounds ended in a failed vote.
    public var meetingsThisRound: [IssueMeeting] {
        let round = roundSeq(enteringStep: ConsultationSteps.deliberate)
        return meetings.filter { $0.roundSeq == round }
    }

    /// The vote that decides step 5: the latest one recorded in the latest round.
    public var decidingVote: Vote? {
        meetingsThisRound.last(where: { $0.vote != nil })?.vote
    }

    /// The day each step was last entered, for the timeline (nil if never reached).
    public var enteredOn: [Int: String] {
        var days: [Int: String] = [:]
        for t in history where t.kind != .close && t.kind != .reopen { days[t.toStep] = t.onDay }
        return days
    }
}
