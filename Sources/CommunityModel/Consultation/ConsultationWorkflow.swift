import Foundation

/// A move the workflow allows, ready for the store to write as one history row.
public struct PlannedTransition: Sendable, Equatable {
    public var kind: TransitionKind
    public var from: Int
    public var to: Int
    public var outcome: IssueOutcome?
    public var reason: String

    public init(kind: TransitionKind, from: Int, to: Int, outcome: IssueOutcome? = nil, reason: String = "") {
        self.kind = kind
        self.from = from
        self.to = to
        self.outcome = outcome
        self.reason = reason
    }
}

/// The rules of the eight-step method (SPEC §5) as pure functions: given everything about an issue, say
/// whether a move is allowed and what it is, or throw a `ConsultationError` naming the unmet gate.
public enum ConsultationWorkflow {

    // MARK: Gates

    /// What keeps the issue in its current step, or nil when its gate is met.
    public static func unmetGate(_ d: IssueDossier, reference: ConsultationReference = .active) -> ConsultationError? {
        let issue = d.issue
        let here = reference.stepLabel(issue.step)
        switch issue.step {
        case 1:
            var missing: [LocalizedText] = []
            if issue.title.consultTrimmed.isEmpty { missing.append(LocalizedText("标题", "the title")) }
            if reference.categoryInfo(issue.category) == nil { missing.append(LocalizedText("类别", "the category")) }
            if reference.sourceInfo(issue.source) == nil { missing.append(LocalizedText("来源", "the source")) }
            if issue.reporter.consultTrimmed.isEmpty { missing.append(LocalizedText("反映人", "the reporter")) }
            return missing.isEmpty ? nil : .missingBasics(step: here, missing: missing)
        case 2:
            // Advancing from step 2 is itself the Party organisation's acceptance.
            return nil
        case 3:
            let kinds = Set(d.parties.map(\.kind))
            let required = reference.requiredPartyKinds.filter { !kinds.contains($0.key) }
            if kinds.count < reference.minimumPartyKinds {
                let have = reference.partyKinds.filter { kinds.contains($0.key) }.map(\.label)
                return .notEnoughPartyKinds(step: here, have: have, needed: reference.minimumPartyKinds)
            }
            if let first = required.first { return .partyOrganisationMissing(step: here, required: first.label) }
            return nil
        case 4:
            return d.options.isEmpty ? .noOption(step: here) : nil
        case 5:
            if d.meetingsThisRound.isEmpty { return .noMeeting(step: here) }
            if d.decidingVote == nil { return .meetingWithoutVote(step: here) }
            return nil
        case 6:
            guard let vote = d.decidingVote else { return .noMeeting(step: reference.stepLabel(5)) }
            if !vote.passed { return .voteNotPassed(step: here, vote: vote) }
            var missing: [LocalizedText] = []
            if (issue.resolution ?? "").consultTrimmed.isEmpty { missing.append(LocalizedText("决议内容", "the resolution text")) }
            if issue.publishedOn == nil { missing.append(LocalizedText("公示日期", "the publication date")) }
            return missing.isEmpty ? nil : .resolutionMissing(step: here, missing: missing)
        case 7:
            var missing: [LocalizedText] = []
            if (issue.implementationOwner ?? "").consultTrimmed.isEmpty { missing.append(LocalizedText("负责人", "owner")) }
            if issue.implementationDue == nil { missing.append(LocalizedText("完成期限", "due date")) }
            if issue.implementationDone == nil { missing.append(LocalizedText("完成日期", "completion date")) }
            return missing.isEmpty ? nil : .implementationIncomplete(step: here, missing: missing)
        default:
            return issue.survey == nil ? .surveyMissing(step: here) : nil
        }
    }

    // MARK: Moves

    /// One step forward. At step 5 a failed vote sends the issue back to step 4 instead; at step 8 the
    /// issue closes as 已解决 when most respondents were satisfied or fairly satisfied, else 未解决.
    /// - Throws: `ConsultationError` naming the unmet gate, or `.closed` for a closed issue.
    public static func advance(_ d: IssueDossier, reference: ConsultationReference = .active) throws -> PlannedTransition {
        try requireOpen(d.issue)
        if let gate = unmetGate(d, reference: reference) { throw gate }
        let step = d.issue.step
        if step == ConsultationSteps.deliberate, let vote = d.decidingVote, !vote.passed {
            return PlannedTransition(kind: .voteFailed, from: step, to: step - 1,
                                     reason: "表决未通过（赞成 \(vote.inFavour)，反对 \(vote.against)，弃权 \(vote.abstain)），退回调研论证")
        }
        if step == ConsultationSteps.last {
            let rate = d.issue.survey?.rate ?? 0
            return PlannedTransition(kind: .close, from: step, to: step, outcome: rate >= 0.5 ? .resolved : .unresolved)
        }
        return PlannedTransition(kind: .advance, from: step, to: step + 1)
    }

    /// Back to an earlier step (the previous one unless `to` says otherwise), always with a reason.
    public static func sendBack(_ d: IssueDossier, to target: Int? = nil, reason: String, reference: ConsultationReference = .active) throws -> PlannedTransition {
        try requireOpen(d.issue)
        let from = d.issue.step
        guard from > ConsultationSteps.first else { throw ConsultationError.cannotSendBack(from: reference.stepLabel(from)) }
        let to = target ?? from - 1
        guard to >= ConsultationSteps.first, to < from else { throw ConsultationError.sendBackTarget(from: from, to: to) }
        guard !reason.consultTrimmed.isEmpty else { throw ConsultationError.reasonRequired(LocalizedText("退回", "Sending back")) }
        return PlannedTransition(kind: .sendBack, from: from, to: to, reason: try TextRules.check(reason, .text, field: LocalizedText("理由", "The reason")))
    }

    /// Ends the issue with an outcome where it stands. 已解决/未解决 need step 8's survey; the others a reason.
    public static func close(_ d: IssueDossier, outcome: IssueOutcome, reason: String, reference: ConsultationReference = .active) throws -> PlannedTransition {
        try requireOpen(d.issue)
        let step = d.issue.step
        guard outcome.allowed(atStep: step) else { throw ConsultationError.outcomeNotAllowed(outcome, step: reference.stepLabel(step)) }
        if outcome == .resolved || outcome == .unresolved, let gate = unmetGate(d, reference: reference) { throw gate }
        if outcome.needsReason, reason.consultTrimmed.isEmpty {
            throw ConsultationError.reasonRequired(LocalizedText("以「\(outcome.label.zh)」办结", "Closing as \(outcome.label.en)"))
        }
        return PlannedTransition(kind: .close, from: step, to: step, outcome: outcome, reason: try TextRules.check(reason, .text, field: LocalizedText("理由", "The reason")))
    }

    /// Opens a closed issue again at the step it ended in, with a reason.
    public static func reopen(_ d: IssueDossier, reason: String) throws -> PlannedTransition {
        guard d.issue.isClosed else { throw ConsultationError.notClosed(number: d.issue.number) }
        guard !reason.consultTrimmed.isEmpty else { throw ConsultationError.reasonRequired(LocalizedText("重新打开", "Reopening")) }
        return PlannedTransition(kind: .reopen, from: d.issue.step, to: d.issue.step, reason: try TextRules.check(reason, .text, field: LocalizedText("理由", "The reason")))
    }

    /// A closed issue is read-only.
    public static func requireOpen(_ issue: Issue) throws {
        if let outcome = issue.outcome { throw ConsultationError.closed(number: issue.number, outcome: outcome) }
    }

    /// Meetings, resolutions, implementation and surveys belong to one step each.
    public static func requireStep(_ issue: Issue, _ step: Int, action: LocalizedText, reference: ConsultationReference = .active) throws {
        try requireOpen(issue)
        guard issue.step == step else {
            throw ConsultationError.wrongStep(action: action, needs: reference.stepLabel(step), current: reference.stepLabel(issue.step))
        }
    }

    // MARK: Time

    /// Whole days the issue has been in its current step (0 on the day it entered).
    public static func daysInStep(_ issue: Issue, today: String) -> Int {
        max(0, ConsultationDayMath.days(from: issue.stepSince, to: today) ?? 0)
    }

    /// Open and past its step's deadline. Computed from the data file's deadlines, never stored.
    public static func isOverdue(_ issue: Issue, today: String, reference: ConsultationReference = .active) -> Bool {
        !issue.isClosed && daysInStep(issue, today: today) > reference.deadlineDays(issue.step)
    }

    /// The last day the issue may stay in its current step.
    public static func dueDay(_ issue: Issue, reference: ConsultationReference = .active) -> String? {
        ConsultationDayMath.adding(reference.deadlineDays(issue.step), to: issue.stepSince)
    }

    /// For each step, the latest `step_since` that is still on time: an open issue at step n is overdue
    /// when `step_since < cutoff[n]`. Lets SQL filter overdue issues through an index.
    static func overdueCutoffs(today: String, reference: ConsultationReference) -> [(step: Int, cutoff: String)] {
        ConsultationSteps.all.compactMap { step in
            ConsultationDayMath.adding(-reference.deadlineDays(step), to: today).map { (step, $0) }
        }
    }
}

extension String {
    var consultTrimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}

extension ConsultationWorkflow {
    /// Applies an allowed move to the issue's stored state (step, its date, furthest step, outcome).
    /// The caller writes the matching history row in the same transaction.
    public static func apply(_ plan: PlannedTransition, to issue: inout Issue, on day: String) {
        issue.step = plan.to
        issue.stepSince = day
        issue.furthestStep = max(issue.furthestStep, plan.to)
        switch plan.kind {
        case .close:
            issue.outcome = plan.outcome
            issue.closedOn = day
        case .reopen:
            issue.outcome = nil
            issue.closedOn = nil
        default:
            break
        }
    }
}
