import Foundation
import GRDB

/// The star assessment's store methods (issue 10): each one write transaction that replays the quarter's
/// history, checks the rule, appends one row and an audit line.
extension CommunityDatabase {
    // MARK: Reading

    /// The quarter's scorecard, live figures and stages.
    public func starAssessment(_ quarter: StarQuarter, standard: StarStandard) throws -> StarAssessment {
        try pool.read { db in try StarAssessment.read(db, quarter: quarter, standard: standard) }
    }

    /// Computes and keeps the evidence of `quarters` on a background reader, so that moving to one of them on
    /// screen 6 finds it ready. A reader of its own: it never blocks the caller or a writer.
    public func warmStarEvidence(_ quarters: [StarQuarter]) {
        let db = self
        BackgroundWarmUp.run {
            for quarter in quarters {
                _ = try? db.pool.read { d in
                    try FiguresCache.shared.value(d, "star.evidence.\(quarter)", context: quarter) { try StarEvidence.read(d, quarter: quarter) }
                }
            }
        }
    }

    /// Every quarter with a recorded stage, oldest first, with its claimed and final stars.
    public func starHistory() throws -> [StarQuarterSummary] {
        try pool.read { db in try Self.starHistory(db) }
    }

    static func starHistory(_ db: Database) throws -> [StarQuarterSummary] {
        let events = try StarStageEvent.fetchAll(db, sql: "SELECT * FROM star_stage ORDER BY quarter, id")
        let byQuarter = Dictionary(grouping: events, by: \.quarter)
        return byQuarter.keys.compactMap { StarQuarter($0) }.sorted().map { q in
            let p = StarProgress(quarter: q, events: byQuarter[q.description] ?? [])
            return StarQuarterSummary(quarter: q, stage: p.current, claimedStars: p.claimedStars, finalStars: p.finalStars)
        }
    }

    /// The consequence flags over every final star so far.
    public func starFlags(standard: StarStandard) throws -> [StarFlag] {
        try Self.flags(starHistory(), reading: standard.fiveStarYear)
    }

    static func flags(_ history: [StarQuarterSummary], reading: StarStandard.YearReading) -> [StarFlag] {
        var finals: [StarQuarter: Int] = [:]
        for s in history { if let f = s.finalStars { finals[s.quarter] = f } }
        return StarFlags.flags(finals: finals, reading: reading)
    }

    // MARK: Deductions

    /// Applies a deduction case to a criterion for the quarter, `count` times for a per-occurrence case, with a
    /// note of the evidence. Applying a case already in force replaces its count and note (a new row).
    /// - Throws: `StarError` when the self-assessment is signed, the case or count is wrong, or the role may not.
    @discardableResult
    public func applyStarDeduction(_ quarter: StarQuarter, criterion key: String, caseIndex: Int, count: Int = 1, note: String,
                                   proposed: Bool = false, standard: StarStandard, by actor: Actor) throws -> StarDeductionEvent {
        let note = try Self.starText(note, LocalizedText("佐证说明", "evidence note"))
        return try pool.write { db in
            let (criterion, deduction) = try Self.starCase(standard, key, caseIndex)
            try Self.requireOpenSelfAssessment(db, quarter, actor)
            guard count >= 1, count <= 99 else { throw StarError.badCount(max: 99) }
            if !deduction.perOccurrence, count != 1 { throw StarError.notPerOccurrence }
            var event = StarDeductionEvent(id: nil, quarter: quarter.description, criterion: key, caseIndex: caseIndex, action: .apply,
                                           count: count, note: note, proposed: proposed, operatorId: actor.operatorId,
                                           operatorName: actor.name, at: Self.starTimestamp())
            try event.insert(db)
            try AuditEntry.record(db, by: actor, action: "star.deduct", target: "\(quarter) \(key)",
                                  detail: "\(criterion.name)：\(deduction.text) ×\(count) −\(deduction.points * count)")
            return event
        }
    }

    /// Takes an applied deduction off again (a new `remove` row; the applying row stays in the history).
    /// - Throws: `StarError.notApplied`, `.selfAssessmentLocked`, or a role refusal.
    public func removeStarDeduction(_ quarter: StarQuarter, criterion key: String, caseIndex: Int, standard: StarStandard, by actor: Actor) throws {
        try pool.write { db in
            let (criterion, deduction) = try Self.starCase(standard, key, caseIndex)
            try Self.requireOpenSelfAssessment(db, quarter, actor)
            let history = try StarDeductionEvent.fetchAll(db, sql: "SELECT * FROM star_deduction WHERE quarter = ? AND criterion = ? AND case_index = ? ORDER BY id",
                                                          arguments: [quarter.description, key, caseIndex])
            guard history.last?.action == .apply else { throw StarError.notApplied }
            var event = StarDeductionEvent(id: nil, quarter: quarter.description, criterion: key, caseIndex: caseIndex, action: .remove,
                                           count: 0, note: "", proposed: false, operatorId: actor.operatorId, operatorName: actor.name, at: Self.starTimestamp())
            try event.insert(db)
            try AuditEntry.record(db, by: actor, action: "star.undeduct", target: "\(quarter) \(key)", detail: "\(criterion.name)：\(deduction.text)")
        }
    }

    // MARK: Stages

    /// 自评: the 书记 signs the self-assessment; the total and the stars it claims are fixed in the row.
    @discardableResult
    public func signOffSelfAssessment(_ quarter: StarQuarter, standard: StarStandard, note: String = "", by actor: Actor) throws -> StarStageEvent {
        try appendStage(quarter, .selfAssessment, standard: standard, by: actor) { event, assessment in
            event.total = assessment.scorecard.total
            event.claimedStars = assessment.scorecard.claimedStars
            event.note = try Self.starText(note, LocalizedText("备注", "remark"))
            return "\(assessment.scorecard.total) 分，申报 \(assessment.scorecard.claimedStars) 星"
        }
    }

    /// 公开讲: the street's defence score and whether the street confirmed the five-star claim.
    @discardableResult
    public func recordPublicDefence(_ quarter: StarQuarter, score: Double, confirmed: Bool, note: String = "", standard: StarStandard, by actor: Actor) throws -> StarStageEvent {
        guard score.isFinite, (0...100).contains(score) else { throw StarError.badDefenceScore }
        return try appendStage(quarter, .publicDefence, standard: standard, by: actor) { event, _ in
            event.defenceScore = (score * 10).rounded() / 10
            event.confirmed = confirmed
            event.note = try Self.starText(note, LocalizedText("备注", "remark"))
            return "答辩 \(score) 分，\(confirmed ? "街道确认五星" : "街道未确认五星")"
        }
    }

    /// 实地看 (三查三看): pass or fail with a note for every on-site check of the standard.
    @discardableResult
    public func recordSiteCheck(_ quarter: StarQuarter, results: [SiteCheckResult], standard: StarStandard, by actor: Actor) throws -> StarStageEvent {
        let missing = standard.siteChecks.filter { c in !results.contains { $0.key == c.key } }
        guard missing.isEmpty else { throw StarError.siteChecksIncomplete(missing: missing.map { $0.label.text() }) }
        let ordered = try standard.siteChecks.compactMap { c -> SiteCheckResult? in
            guard let r = results.first(where: { $0.key == c.key }) else { return nil }
            return SiteCheckResult(key: c.key, passed: r.passed, note: try Self.starText(r.note, LocalizedText("检查说明", "check note")))
        }
        return try appendStage(quarter, .siteCheck, standard: standard, by: actor) { event, _ in
            event.siteResults = StarStageEvent.encode(ordered)
            return ordered.map { "\($0.key) \($0.passed ? "通过" : "未通过")" }.joined(separator: "，")
        }
    }

    /// 复评: the district's final star, at most what the claim stands at after the defence.
    @discardableResult
    public func recordDistrictReview(_ quarter: StarQuarter, finalStars: Int, note: String = "", standard: StarStandard, by actor: Actor) throws -> StarStageEvent {
        try appendStage(quarter, .districtReview, standard: standard, by: actor) { event, assessment in
            let most = assessment.progress.starsAfterDefence ?? 5
            guard (3...most).contains(finalStars) else { throw StarError.badFinalStars(allowed: 3...most) }
            event.finalStars = finalStars
            event.note = try Self.starText(note, LocalizedText("备注", "remark"))
            return "最终 \(finalStars) 星"
        }
    }

    /// A correction: the 书记 reopens the latest signed stage with a reason; the sign-off stays in the history.
    public func reopenStarStage(_ quarter: StarQuarter, _ stage: StarStage, reason: String, standard: StarStandard, by actor: Actor) throws {
        let reason = try Self.starText(reason, LocalizedText("理由", "reason"))
        try pool.write { db in
            let progress = try Self.progress(db, quarter)
            if let refusal = progress.refusal(reopening: stage, by: actor.role, reason: reason) { throw refusal }
            var event = StarStageEvent.probe(quarter, stage, .reopen)
            event.note = reason
            Self.stamp(&event, actor)
            try event.insert(db)
            try AuditEntry.record(db, by: actor, action: "star.reopen", target: "\(quarter) \(stage.rawValue)", detail: reason)
        }
    }

    // MARK: Helpers

    private func appendStage(_ quarter: StarQuarter, _ stage: StarStage, standard: StarStandard, by actor: Actor,
                             fill: (inout StarStageEvent, StarAssessment) throws -> String) throws -> StarStageEvent {
        try pool.write { db in
            let assessment = try StarAssessment.read(db, quarter: quarter, standard: standard)
            if let refusal = assessment.progress.refusal(signing: stage, by: actor.role) { throw refusal }
            var event = StarStageEvent.probe(quarter, stage, .signOff)
            let detail = try fill(&event, assessment)
            Self.stamp(&event, actor)
            try event.insert(db)
            try AuditEntry.record(db, by: actor, action: "star.sign", target: "\(quarter) \(stage.rawValue)", detail: detail)
            return event
        }
    }

    private static func stamp(_ event: inout StarStageEvent, _ actor: Actor) {
        event.operatorId = actor.operatorId
        event.operatorName = actor.name
        event.operatorRole = actor.role.rawValue
        event.at = Self.starTimestamp()
    }

    static func progress(_ db: Database, _ quarter: StarQuarter) throws -> StarProgress {
        StarProgress(quarter: quarter, events: try StarStageEvent.fetchAll(db, sql: "SELECT * FROM star_stage WHERE quarter = ? ORDER BY id",
                                                                           arguments: [quarter.description]))
    }

    private static func requireOpenSelfAssessment(_ db: Database, _ quarter: StarQuarter, _ actor: Actor) throws {
        if actor.role == .kiosk {
            throw StarError.notYourRole(action: LocalizedText("增减扣分", "change deductions"), needed: Operator.Role.worker.label)
        }
        if try progress(db, quarter).signed[.selfAssessment] != nil { throw StarError.selfAssessmentLocked }
    }

    private static func starCase(_ standard: StarStandard, _ key: String, _ index: Int) throws -> (StarStandard.Criterion, StarStandard.Deduction) {
        guard let criterion = standard.criterion(key) else { throw StarError.unknownCriterion(key) }
        guard criterion.deductions.indices.contains(index) else { throw StarError.unknownCase(criterion: key, index: index) }
        return (criterion, criterion.deductions[index])
    }

    /// Now, on the pinned day when `COMMUNITY_TODAY` is set, so demo and test histories line up with "today".
    static func starTimestamp() -> String {
        Day.today() + " " + Day.timestamp().dropFirst(11)
    }

    /// One line of free text: trimmed, no control characters or line breaks (refused, never changed).
    static func starText(_ text: String, _ field: LocalizedText) throws -> String {
        if text.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) || CharacterSet.newlines.contains($0) }) {
            throw StarError.badText(field: field)
        }
        return text.trimmingCharacters(in: .whitespaces)
    }
}
