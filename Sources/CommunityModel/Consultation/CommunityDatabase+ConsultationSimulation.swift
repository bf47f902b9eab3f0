import Foundation
import GRDB

/// Builds one issue's life in memory through the real workflow rules, then writes it in one go.
/// Demo and generated histories therefore pass the same gates a secretary's would, and `check` accepts them.
struct IssueSimulation {
    var d: IssueDossier
    var actor: Actor?
    let reference: ConsultationReference
    /// The business day the simulation has reached.
    var day: String

    init(_ draft: IssueDraft, on day: String, actor: Actor?, reference: ConsultationReference) {
        var issue = Issue(number: "", title: draft.title, description: draft.description, category: draft.category,
                          source: draft.source, reporter: draft.reporter, location: draft.location, createdOn: day)
        issue.id = 0
        self.d = IssueDossier(issue: issue)
        self.actor = actor
        self.reference = reference
        self.day = day
        d.history.append(IssueTransition(issueId: 0, seq: 1, kind: .create, fromStep: nil, toStep: 1, operatorId: actor?.operatorId,
                                         operatorName: actor?.name ?? "system", onDay: day, at: Self.at(day, seq: 1)))
    }

    /// A plausible office-hours time for the n-th move of the day.
    static func at(_ day: String, seq: Int) -> String {
        "\(day) \(String(format: "%02d:%02d:00", 9 + seq % 8, (seq * 17) % 60))"
    }

    mutating func wait(_ days: Int) {
        day = ConsultationDayMath.adding(days, to: day) ?? day
    }

    mutating func party(_ name: String, _ kind: String, contact: String = "") {
        d.parties.append(IssueParty(issueId: 0, name: name, kind: kind, contact: contact, addedOn: day))
    }

    mutating func option(_ title: String, _ detail: String = "") {
        d.options.append(IssueOption(issueId: 0, title: title, detail: detail, addedOn: day))
    }

    mutating func meeting(attendees: [MeetingAttendee], minutes: String, vote: Vote?) {
        d.meetings.append(IssueMeeting(issueId: 0, roundSeq: d.roundSeq(enteringStep: ConsultationSteps.deliberate), heldOn: day,
                                       place: reference.councilHall, attendees: attendees, minutes: minutes, vote: vote))
    }

    mutating func move(_ plan: PlannedTransition) {
        let seq = d.history.count + 1
        d.history.append(IssueTransition(issueId: 0, seq: seq, kind: plan.kind, fromStep: plan.from, toStep: plan.to, outcome: plan.outcome,
                                         reason: plan.reason, operatorId: actor?.operatorId, operatorName: actor?.name ?? "system",
                                         onDay: day, at: Self.at(day, seq: seq)))
        ConsultationWorkflow.apply(plan, to: &d.issue, on: day)
    }

    /// Advances through the real gate; a refusal here is a bug in the script, reported as the gate's words.
    mutating func advance() throws { move(try ConsultationWorkflow.advance(d, reference: reference)) }
    mutating func sendBack(to step: Int? = nil, reason: String) throws { move(try ConsultationWorkflow.sendBack(d, to: step, reason: reason, reference: reference)) }
    mutating func close(_ outcome: IssueOutcome, reason: String) throws { move(try ConsultationWorkflow.close(d, outcome: outcome, reason: reason, reference: reference)) }

    /// Inserts the issue and everything recorded about it; returns its id. Plain cached statements rather
    /// than record encoding: `generate --scale stress` writes half a million rows this way.
    @discardableResult
    func persist(_ db: Database, numbering: inout IssueNumbering) throws -> Int64 {
        let i = d.issue
        let number = try numbering.next(db, on: i.createdOn)
        try db.cachedStatement(sql: """
            INSERT INTO issue (number, title, description, category, source, reporter, location, created_on, step, step_since,
                furthest_step, outcome, closed_on, resolution, published_on, implementation_owner, implementation_due,
                implementation_done, implementation_note, survey_satisfied, survey_basic, survey_dissatisfied, surveyed_on)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [number, i.title, i.description, i.category, i.source, i.reporter, i.location, i.createdOn,
                                     i.step, i.stepSince, i.furthestStep, i.outcome?.rawValue, i.closedOn, i.resolution, i.publishedOn,
                                     i.implementationOwner, i.implementationDue, i.implementationDone, i.implementationNote,
                                     i.surveySatisfied, i.surveyBasic, i.surveyDissatisfied, i.surveyedOn])
        let id = db.lastInsertedRowID
        try IssueSearch.index(db, issueId: id, number: number, title: i.title, reporter: i.reporter, location: i.location)
        let transition = try db.cachedStatement(sql: """
            INSERT INTO issue_transition (issue_id, seq, kind, from_step, to_step, outcome, reason, operator_id, operator_name, on_day, at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for t in d.history {
            try transition.execute(arguments: [id, t.seq, t.kind.rawValue, t.fromStep, t.toStep, t.outcome?.rawValue, t.reason,
                                               t.operatorId, t.operatorName, t.onDay, t.at])
        }
        let party = try db.cachedStatement(sql: "INSERT INTO issue_party (issue_id, name, kind, contact, added_on) VALUES (?, ?, ?, ?, ?)")
        for p in d.parties { try party.execute(arguments: [id, p.name, p.kind, p.contact, p.addedOn]) }
        let option = try db.cachedStatement(sql: "INSERT INTO issue_option (issue_id, title, detail, added_on) VALUES (?, ?, ?, ?)")
        for o in d.options { try option.execute(arguments: [id, o.title, o.detail, o.addedOn]) }
        let meeting = try db.cachedStatement(sql: """
            INSERT INTO issue_meeting (issue_id, round_seq, held_on, place, minutes, vote_for, vote_against, vote_abstain)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let attendee = try db.cachedStatement(sql: "INSERT INTO issue_meeting_attendee (meeting_id, name, kind) VALUES (?, ?, ?)")
        for m in d.meetings {
            try meeting.execute(arguments: [id, m.roundSeq, m.heldOn, m.place, m.minutes, m.vote?.inFavour, m.vote?.against, m.vote?.abstain])
            let mid = db.lastInsertedRowID
            for a in m.attendees { try attendee.execute(arguments: [mid, a.name, a.kind]) }
        }
        return id
    }
}

/// Hands out "yyyy-NNNN" numbers during a bulk insert, asking the database once per year instead of per issue.
struct IssueNumbering {
    private var last: [String: Int] = [:]

    mutating func next(_ db: Database, on day: String) throws -> String {
        let year = String(day.prefix(4))
        let n: Int
        if let known = last[year] {
            n = known + 1
        } else {
            let number = try CommunityDatabase.nextIssueNumber(db, on: day)
            n = Int(number.dropFirst(5)) ?? 1
        }
        last[year] = n
        return year + "-" + String(format: "%04d", n)
    }
}
