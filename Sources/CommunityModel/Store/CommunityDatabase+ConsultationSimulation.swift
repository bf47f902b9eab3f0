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
        day = Day.adding(days, to: day) ?? day
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

    /// Inserts the issue and everything recorded about it; returns its id.
    @discardableResult
    func persist(_ db: Database, numbering: inout IssueNumbering) throws -> Int64 {
        var issue = d.issue
        issue.id = nil
        issue.number = try numbering.next(db, on: issue.createdOn)
        try issue.insert(db)
        let id = db.lastInsertedRowID
        for var t in d.history {
            t.id = nil
            t.issueId = id
            try t.insert(db)
        }
        for var p in d.parties {
            p.id = nil
            p.issueId = id
            try p.insert(db)
        }
        for var o in d.options {
            o.id = nil
            o.issueId = id
            try o.insert(db)
        }
        for m in d.meetings {
            _ = try CommunityDatabase.insertMeeting(db, MeetingInput(heldOn: m.heldOn, place: m.place, attendees: m.attendees, minutes: m.minutes, vote: m.vote),
                                                    issueId: id, round: m.roundSeq)
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
