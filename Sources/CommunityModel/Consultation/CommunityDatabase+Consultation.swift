import Foundation
import GRDB

/// The consultation tracker's user actions (issue 3). Each is one write transaction that loads the issue,
/// asks `ConsultationWorkflow` whether the move is allowed, writes it and its audit line together.
extension CommunityDatabase {

    // MARK: Recording an issue

    /// Records a new issue at step 1 (收集议题), numbered "yyyy-NNNN" within its year.
    /// - Throws: `ConsultationError` for missing or unknown fields.
    @discardableResult
    public func createIssue(_ draft: IssueDraft, on day: String = Day.today(), by actor: Actor,
                            reference: ConsultationReference = .active) throws -> Issue {
        let d = try ConsultationValidation.validate(draft, reference: reference)
        return try pool.write { db in
            try Self.insertIssue(db, d, on: day, at: Day.timestamp(), by: actor, audit: true)
        }
    }

    static func insertIssue(_ db: Database, _ d: IssueDraft, on day: String, at: String, by actor: Actor?, audit: Bool) throws -> Issue {
        var issue = Issue(number: try nextIssueNumber(db, on: day), title: d.title, description: d.description,
                          category: d.category, source: d.source, reporter: d.reporter, location: d.location, createdOn: day)
        try issue.insert(db)
        guard let id = issue.id else { throw StoreError.notFound(LocalizedText("新议题", "The new issue")) }
        var t = IssueTransition(issueId: id, seq: 1, kind: .create, fromStep: nil, toStep: 1, operatorId: actor?.operatorId,
                                operatorName: actor?.name ?? "system", onDay: day, at: at)
        try t.insert(db)
        try IssueSearch.index(db, issueId: id, number: issue.number, title: issue.title, reporter: issue.reporter, location: issue.location)
        if audit {
            try AuditEntry.record(db, by: actor, action: "issue.create", target: "issue:\(id)", detail: "\(issue.number) \(issue.title)")
        }
        return issue
    }

    /// The next "yyyy-NNNN" for the year of `day`; numbers are never reused because issues are never deleted.
    static func nextIssueNumber(_ db: Database, on day: String) throws -> String {
        let year = String(day.prefix(4))
        // A range on the UNIQUE index finds the year's rows without a scan.
        let last = try Int.fetchOne(db, sql: """
            SELECT MAX(CAST(substr(number, 6) AS INTEGER)) FROM issue WHERE number >= ? AND number < ?
            """, arguments: [year + "-", year + "."]) ?? 0
        return year + "-" + String(format: "%04d", last + 1)
    }

    // MARK: Moving through the steps

    /// Moves the issue one step forward if its current gate is met (a failed vote goes back to step 4,
    /// step 8 closes it). `expectedStep` guards against acting on a screen another terminal made stale.
    /// - Throws: `ConsultationError` naming the unmet gate; `StoreError.notFound`.
    @discardableResult
    public func advanceIssue(id: Int64, expectedStep: Int? = nil, on day: String = Day.today(), by actor: Actor,
                             reference: ConsultationReference = .active) throws -> IssueTransition {
        try move(id: id, expectedStep: expectedStep, on: day, by: actor, action: "issue.advance") { d in
            try ConsultationWorkflow.advance(d, reference: reference)
        }
    }

    /// Sends the issue back to an earlier step (the previous one by default) with a reason.
    @discardableResult
    public func sendBackIssue(id: Int64, to step: Int? = nil, reason: String, expectedStep: Int? = nil, on day: String = Day.today(),
                              by actor: Actor, reference: ConsultationReference = .active) throws -> IssueTransition {
        try move(id: id, expectedStep: expectedStep, on: day, by: actor, action: "issue.send_back") { d in
            try ConsultationWorkflow.sendBack(d, to: step, reason: reason, reference: reference)
        }
    }

    /// Ends the issue with an outcome (不予立项, 已撤回, 转报街道 need a reason; 已解决/未解决 need step 8's survey).
    @discardableResult
    public func closeIssue(id: Int64, outcome: IssueOutcome, reason: String = "", expectedStep: Int? = nil, on day: String = Day.today(),
                           by actor: Actor, reference: ConsultationReference = .active) throws -> IssueTransition {
        try move(id: id, expectedStep: expectedStep, on: day, by: actor, action: "issue.close") { d in
            try ConsultationWorkflow.close(d, outcome: outcome, reason: reason, reference: reference)
        }
    }

    /// Opens a closed issue again, at the step it ended in, with a reason.
    @discardableResult
    public func reopenIssue(id: Int64, reason: String, on day: String = Day.today(), by actor: Actor) throws -> IssueTransition {
        try move(id: id, expectedStep: nil, on: day, by: actor, action: "issue.reopen") { d in
            try ConsultationWorkflow.reopen(d, reason: reason)
        }
    }

    private func move(id: Int64, expectedStep: Int?, on day: String, by actor: Actor, action: String,
                      plan: @escaping (IssueDossier) throws -> PlannedTransition) throws -> IssueTransition {
        guard Day.parse(day) != nil else { throw ConsultationError.invalidDate(field: LocalizedText("日期", "The date"), value: day) }
        return try pool.write { db in
            var d = try Self.requireDossier(db, id: id)
            if let expectedStep, expectedStep != d.issue.step {
                throw ConsultationError.staleStep(number: d.issue.number, expected: expectedStep, actual: d.issue.step)
            }
            let p = try plan(d)
            let t = try Self.write(p, to: &d, db, on: day, at: Day.timestamp(), by: actor)
            let outcome = p.outcome.map { " \($0.rawValue)" } ?? ""
            try AuditEntry.record(db, by: actor, action: action, target: "issue:\(id)",
                                  detail: "\(d.issue.number) \(p.from)→\(p.to)\(outcome) \(p.reason)".consultTrimmed)
            return t
        }
    }

    /// Appends the history row for an allowed move and updates the issue to match.
    static func write(_ p: PlannedTransition, to d: inout IssueDossier, _ db: Database, on day: String, at: String, by actor: Actor?) throws -> IssueTransition {
        guard let id = d.issue.id else { throw StoreError.notFound(LocalizedText("该议题", "That issue")) }
        var t = IssueTransition(issueId: id, seq: (d.history.last?.seq ?? 0) + 1, kind: p.kind, fromStep: p.from, toStep: p.to,
                                outcome: p.outcome, reason: p.reason, operatorId: actor?.operatorId,
                                operatorName: actor?.name ?? "system", onDay: day, at: at)
        try t.insert(db)
        ConsultationWorkflow.apply(p, to: &d.issue, on: day)
        try d.issue.update(db)
        d.history.append(t)
        return t
    }

    // MARK: What each step records

    /// Names a consulting party (any open step; step 3 needs them).
    @discardableResult
    public func addIssueParty(issueId: Int64, name: String, kind: String, contact: String = "", on day: String = Day.today(),
                              by actor: Actor, reference: ConsultationReference = .active) throws -> IssueParty {
        let v = try ConsultationValidation.validateParty(name: name, kind: kind, contact: contact, reference: reference)
        return try pool.write { db in
            let issue = try Self.requireIssue(db, id: issueId)
            try ConsultationWorkflow.requireOpen(issue)
            var p = IssueParty(issueId: issueId, name: v.name, kind: v.kind, contact: v.contact, addedOn: day)
            try p.insert(db)
            try AuditEntry.record(db, by: actor, action: "issue.party", target: "issue:\(issueId)",
                                  detail: "\(issue.number) \(v.name)（\(reference.partyKindLabel(v.kind).zh)）")
            return p
        }
    }

    /// Writes down an option or plan (step 4 needs at least one).
    @discardableResult
    public func addIssueOption(issueId: Int64, title: String, detail: String = "", on day: String = Day.today(), by actor: Actor) throws -> IssueOption {
        let t = try ConsultationValidation.required(title, LocalizedText("方案名称", "The option's title"))
        let detail = try ConsultationValidation.optional(detail, LocalizedText("方案内容", "The option's detail"), kind: .text)
        return try pool.write { db in
            let issue = try Self.requireIssue(db, id: issueId)
            try ConsultationWorkflow.requireOpen(issue)
            var o = IssueOption(issueId: issueId, title: t, detail: detail, addedOn: day)
            try o.insert(db)
            try AuditEntry.record(db, by: actor, action: "issue.option", target: "issue:\(issueId)", detail: "\(issue.number) \(t)")
            return o
        }
    }

    /// Records a council meeting with attendees, minutes and the vote; only at step 5 (协商议事).
    @discardableResult
    public func recordIssueMeeting(issueId: Int64, _ input: MeetingInput, by actor: Actor, reference: ConsultationReference = .active) throws -> IssueMeeting {
        let m = try ConsultationValidation.validate(input, reference: reference)
        return try pool.write { db in
            let d = try Self.requireDossier(db, id: issueId)
            try ConsultationWorkflow.requireStep(d.issue, ConsultationSteps.deliberate, action: LocalizedText("记录议事会议", "Recording a meeting"), reference: reference)
            let meeting = try Self.insertMeeting(db, m, issueId: issueId, round: d.roundSeq(enteringStep: ConsultationSteps.deliberate))
            let vote = m.vote.map { " 赞成\($0.inFavour) 反对\($0.against) 弃权\($0.abstain)" } ?? " 未表决"
            try AuditEntry.record(db, by: actor, action: "issue.meeting", target: "issue:\(issueId)", detail: "\(d.issue.number) \(m.heldOn)\(vote)")
            return meeting
        }
    }

    static func insertMeeting(_ db: Database, _ m: MeetingInput, issueId: Int64, round: Int) throws -> IssueMeeting {
        try db.execute(sql: """
            INSERT INTO issue_meeting (issue_id, round_seq, held_on, place, minutes, vote_for, vote_against, vote_abstain)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [issueId, round, m.heldOn, m.place, m.minutes, m.vote?.inFavour, m.vote?.against, m.vote?.abstain])
        let id = db.lastInsertedRowID
        for a in m.attendees {
            try db.execute(sql: "INSERT INTO issue_meeting_attendee (meeting_id, name, kind) VALUES (?, ?, ?)", arguments: [id, a.name, a.kind])
        }
        return IssueMeeting(id: id, issueId: issueId, roundSeq: round, heldOn: m.heldOn, place: m.place, attendees: m.attendees, minutes: m.minutes, vote: m.vote)
    }

    /// Writes the resolution and its publication date; only at step 6. A later call replaces the draft text.
    public func recordIssueResolution(issueId: Int64, text: String, publishedOn: String, by actor: Actor,
                                      reference: ConsultationReference = .active) throws {
        let (t, p) = try ConsultationValidation.validateResolution(text: text, publishedOn: publishedOn)
        try pool.write { db in
            var issue = try Self.requireIssue(db, id: issueId)
            try ConsultationWorkflow.requireStep(issue, 6, action: LocalizedText("记录决议", "Recording the resolution"), reference: reference)
            let lastMeeting = try String.fetchOne(db, sql: "SELECT MAX(held_on) FROM issue_meeting WHERE issue_id = ?", arguments: [issueId])
            try ConsultationValidation.requireOrder(p, LocalizedText("公示日期", "The publication date"),
                                                    notBefore: lastMeeting, LocalizedText("议事会议日期", "the meeting date"))
            issue.resolution = t
            issue.publishedOn = p
            try issue.update(db)
            try AuditEntry.record(db, by: actor, action: "issue.resolution", target: "issue:\(issueId)", detail: "\(issue.number) 公示 \(p)")
        }
    }

    /// Sets the owner, due date and (when done) completion date; only at step 7.
    public func recordIssueImplementation(issueId: Int64, _ input: ImplementationInput, by actor: Actor,
                                          reference: ConsultationReference = .active) throws {
        let i = try ConsultationValidation.validate(input)
        try pool.write { db in
            var issue = try Self.requireIssue(db, id: issueId)
            try ConsultationWorkflow.requireStep(issue, 7, action: LocalizedText("记录组织实施", "Recording the implementation"), reference: reference)
            if let done = i.done {
                try ConsultationValidation.requireOrder(done, LocalizedText("完成日期", "The completion date"),
                                                        notBefore: issue.publishedOn, LocalizedText("决议公示日期", "the publication date"))
            }
            issue.implementationOwner = i.owner
            issue.implementationDue = i.due
            issue.implementationDone = i.done
            issue.implementationNote = i.note
            try issue.update(db)
            try AuditEntry.record(db, by: actor, action: "issue.implementation", target: "issue:\(issueId)",
                                  detail: "\(issue.number) \(i.owner) 期限 \(i.due ?? "-") 完成 \(i.done ?? "-")")
        }
    }

    /// Records the residents' satisfaction counts; only at step 8.
    public func recordIssueSurvey(issueId: Int64, _ survey: IssueSurvey, by actor: Actor, reference: ConsultationReference = .active) throws {
        let s = try ConsultationValidation.validate(survey)
        try pool.write { db in
            var issue = try Self.requireIssue(db, id: issueId)
            try ConsultationWorkflow.requireStep(issue, ConsultationSteps.last, action: LocalizedText("记录满意度", "Recording satisfaction"), reference: reference)
            try ConsultationValidation.requireOrder(s.surveyedOn, LocalizedText("测评日期", "The survey date"),
                                                    notBefore: issue.implementationDone, LocalizedText("实施完成日期", "the completion date"))
            issue.surveySatisfied = s.satisfied
            issue.surveyBasic = s.basic
            issue.surveyDissatisfied = s.dissatisfied
            issue.surveyedOn = s.surveyedOn
            try issue.update(db)
            try AuditEntry.record(db, by: actor, action: "issue.survey", target: "issue:\(issueId)",
                                  detail: "\(issue.number) 满意\(s.satisfied) 基本满意\(s.basic) 不满意\(s.dissatisfied)")
        }
    }

    // MARK: Loading inside a transaction

    static func requireIssue(_ db: Database, id: Int64) throws -> Issue {
        guard let issue = try Issue.fetchOne(db, key: id) else { throw StoreError.notFound(LocalizedText("该议题", "That issue")) }
        return issue
    }

    static func requireDossier(_ db: Database, id: Int64) throws -> IssueDossier {
        guard let d = try dossier(db, id: id) else { throw StoreError.notFound(LocalizedText("该议题", "That issue")) }
        return d
    }

    static func dossier(_ db: Database, id: Int64) throws -> IssueDossier? {
        guard let issue = try Issue.fetchOne(db, key: id) else { return nil }
        let parties = try IssueParty.fetchAll(db, sql: "SELECT * FROM issue_party WHERE issue_id = ? ORDER BY id", arguments: [id])
        let options = try IssueOption.fetchAll(db, sql: "SELECT * FROM issue_option WHERE issue_id = ? ORDER BY id", arguments: [id])
        let history = try IssueTransition.fetchAll(db, sql: "SELECT * FROM issue_transition WHERE issue_id = ? ORDER BY seq", arguments: [id])
        var attendees: [Int64: [MeetingAttendee]] = [:]
        for row in try Row.fetchAll(db, sql: """
            SELECT a.meeting_id, a.name, a.kind FROM issue_meeting_attendee a JOIN issue_meeting m ON m.id = a.meeting_id
            WHERE m.issue_id = ? ORDER BY a.id
            """, arguments: [id]) {
            attendees[row["meeting_id"], default: []].append(MeetingAttendee(name: row["name"], kind: row["kind"]))
        }
        let meetings = try Row.fetchAll(db, sql: "SELECT * FROM issue_meeting WHERE issue_id = ? ORDER BY id", arguments: [id]).map { row -> IssueMeeting in
            let mid: Int64 = row["id"]
            let f: Int? = row["vote_for"], a: Int? = row["vote_against"], x: Int? = row["vote_abstain"]
            var vote: Vote? = nil
            if let f, let a, let x { vote = Vote(inFavour: f, against: a, abstain: x) }
            return IssueMeeting(id: mid, issueId: id, roundSeq: row["round_seq"], heldOn: row["held_on"], place: row["place"],
                                attendees: attendees[mid] ?? [], minutes: row["minutes"], vote: vote)
        }
        return IssueDossier(issue: issue, parties: parties, options: options, meetings: meetings, history: history)
    }
}
