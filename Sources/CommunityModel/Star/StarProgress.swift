import Foundation

/// Where a quarter's assessment stands: the replay of its stage history, and the rules for the next step.
/// Pure over the rows, so the store, the screen and `check` apply the same rules.
public struct StarProgress: Sendable, Equatable {
    public var quarter: StarQuarter
    /// Every stage row of the quarter, oldest first.
    public var events: [StarStageEvent]
    /// The sign-off in force for each stage (reopening a stage removes it here, never from `events`).
    public private(set) var signed: [StarStage: StarStageEvent] = [:]
    /// Problems found while replaying (a sign-off out of order, a reopen of an unsigned stage…): `check` lists them.
    public private(set) var problems: [LocalizedText] = []

    public init(quarter: StarQuarter, events: [StarStageEvent]) {
        self.quarter = quarter
        self.events = events
        var replay = StarProgress(quarter: quarter)
        for e in events {
            if let refusal = replay.refusal(for: e) { replay.problems.append(refusal.message) }
            switch e.action {
            case .signOff: replay.signed[e.stage] = e
            case .reopen: replay.signed[e.stage] = nil
            }
        }
        signed = replay.signed
        problems = replay.problems
    }

    private init(quarter: StarQuarter) {
        self.quarter = quarter
        self.events = []
    }

    /// The stars the signed self-assessment claims, if it is signed.
    public var claimedStars: Int? { signed[.selfAssessment]?.claimedStars }

    /// The stages this quarter goes through: the public defence only for a five-star claim.
    public var order: [StarStage] {
        if let claimed = claimedStars, claimed < 5 { return [.selfAssessment, .siteCheck, .districtReview] }
        return StarStage.allCases
    }

    /// The first stage not signed yet; nil when the district review is signed (the star is final).
    public var current: StarStage? { order.first { signed[$0] == nil } }

    public var finalStars: Int? { signed[.districtReview]?.finalStars }

    /// The most the district may award after the defence: a five-star claim the street did not confirm stays at four.
    public var starsAfterDefence: Int? {
        guard let claimed = claimedStars else { return nil }
        if claimed == 5, signed[.publicDefence]?.confirmed == false { return 4 }
        return claimed
    }

    /// Why `event` may not follow the history so far (order, lock, reopen rules), or nil. Roles are checked by
    /// `refusal(signing:by:)`, since history rows made by a since-changed operator stay valid.
    func refusal(for event: StarStageEvent) -> StarError? {
        switch event.action {
        case .signOff:
            if signed[event.stage] != nil { return .stageLocked(stage: event.stage) }
            if event.stage == .publicDefence, let claimed = claimedStars, claimed < 5 { return .defenceNotNeeded(claimed: claimed) }
            let stages = order
            guard let index = stages.firstIndex(of: event.stage) else { return nil }
            if let waiting = stages[..<index].first(where: { signed[$0] == nil }) {
                return .outOfOrder(stage: event.stage, waitingFor: waiting)
            }
            return nil
        case .reopen:
            guard signed[event.stage] != nil else { return .notSigned(stage: event.stage) }
            if event.note.trimmingCharacters(in: .whitespaces).isEmpty { return .reasonRequired }
            let stages = StarStage.allCases
            if let index = stages.firstIndex(of: event.stage),
               let later = stages[(index + 1)...].first(where: { signed[$0] != nil }) {
                return .laterStageSigned(stage: event.stage, later: later)
            }
            return nil
        }
    }

    /// The full refusal for someone signing `stage` off now: role first, then order and lock.
    public func refusal(signing stage: StarStage, by role: Operator.Role) -> StarError? {
        if role == .kiosk {
            return .notYourRole(action: LocalizedText("签署评定环节", "sign off an assessment stage"), needed: Operator.Role.worker.label)
        }
        if stage == .selfAssessment, role != .secretary {
            return .notYourRole(action: LocalizedText("签署自评", "sign off the self-assessment"), needed: Operator.Role.secretary.label)
        }
        var probe = StarStageEvent.probe(quarter, stage, .signOff)
        probe.note = ""
        return refusal(for: probe)
    }

    /// The refusal for reopening `stage` now, by `role`, with `reason`.
    public func refusal(reopening stage: StarStage, by role: Operator.Role, reason: String) -> StarError? {
        if role != .secretary {
            return .notYourRole(action: LocalizedText("重新打开已签署的环节", "reopen a signed stage"), needed: Operator.Role.secretary.label)
        }
        var probe = StarStageEvent.probe(quarter, stage, .reopen)
        probe.note = reason
        return refusal(for: probe)
    }
}

extension StarStageEvent {
    static func probe(_ quarter: StarQuarter, _ stage: StarStage, _ action: Action) -> StarStageEvent {
        StarStageEvent(id: nil, quarter: quarter.description, stage: stage, action: action, total: nil, claimedStars: nil,
                       defenceScore: nil, confirmed: nil, siteResults: "", finalStars: nil, note: "", operatorId: nil,
                       operatorName: "", operatorRole: "", at: "")
    }
}
