import Foundation

/// What the secretary types to record a new issue (step 1).
public struct IssueDraft: Sendable, Equatable {
    public var title: String
    public var description: String
    public var category: String
    public var source: String
    public var reporter: String
    public var location: String

    public init(title: String, description: String = "", category: String, source: String, reporter: String, location: String = "") {
        self.title = title
        self.description = description
        self.category = category
        self.source = source
        self.reporter = reporter
        self.location = location
    }
}

/// A meeting as entered: date, place (居民议事厅 when empty), attendees, minutes and the vote.
public struct MeetingInput: Sendable, Equatable {
    public var heldOn: String
    public var place: String
    public var attendees: [MeetingAttendee]
    public var minutes: String
    public var vote: Vote?

    public init(heldOn: String, place: String = "", attendees: [MeetingAttendee], minutes: String, vote: Vote?) {
        self.heldOn = heldOn
        self.place = place
        self.attendees = attendees
        self.minutes = minutes
        self.vote = vote
    }
}

/// Step 7's record: any of the fields may be filled in as the work goes on.
public struct ImplementationInput: Sendable, Equatable {
    public var owner: String
    public var due: String?
    public var done: String?
    public var note: String

    public init(owner: String, due: String?, done: String? = nil, note: String = "") {
        self.owner = owner
        self.due = due
        self.done = done
        self.note = note
    }
}

/// Checks typed input before anything is written; each failure names the field (SPEC §10).
public enum ConsultationValidation {
    static func required(_ text: String, _ field: LocalizedText, kind: TextFieldKind = .line) throws -> String {
        let t = try TextRules.check(text, kind, field: field).consultTrimmed
        if t.isEmpty { throw ConsultationError.fieldRequired(field) }
        return t
    }

    /// Optional text: empty is fine, but what is there follows the shared `TextRules`.
    static func optional(_ text: String, _ field: LocalizedText, kind: TextFieldKind = .line) throws -> String {
        try TextRules.check(text, kind, field: field).consultTrimmed
    }

    static func date(_ text: String, _ field: LocalizedText) throws -> String {
        let t = try TextRules.check(text, .value, field: field).consultTrimmed
        if t.isEmpty { throw ConsultationError.fieldRequired(field) }
        guard Day.parse(t) != nil else { throw ConsultationError.invalidDate(field: field, value: t) }
        return t
    }

    /// Dates that must agree: meeting ≤ publication ≤ completion ≤ survey (days compare as text).
    static func requireOrder(_ day: String, _ field: LocalizedText, notBefore earlier: String?, _ earlierField: LocalizedText) throws {
        guard let earlier, !earlier.isEmpty, day < earlier else { return }
        throw ConsultationError.inconsistent(LocalizedText("\(field.zh) \(day) 早于\(earlierField.zh) \(earlier)，请核对日期。",
                                                           "\(field.en) \(day) is before \(earlierField.en) \(earlier); check the dates."))
    }

    static func count(_ n: Int, _ field: LocalizedText) throws -> Int {
        if n < 0 { throw ConsultationError.negativeCount(field) }
        return n
    }

    public static func validate(_ draft: IssueDraft, reference: ConsultationReference = .active) throws -> IssueDraft {
        var d = draft
        d.title = try required(draft.title, LocalizedText("议题标题", "The title"))
        d.reporter = try required(draft.reporter, LocalizedText("反映人", "The reporter"), kind: .name)
        guard reference.categoryInfo(draft.category) != nil else {
            throw ConsultationError.unknownChoice(field: LocalizedText("类别", "Category"), value: draft.category)
        }
        guard reference.sourceInfo(draft.source) != nil else {
            throw ConsultationError.unknownChoice(field: LocalizedText("来源", "Source"), value: draft.source)
        }
        d.description = try optional(draft.description, LocalizedText("议题描述", "The description"), kind: .text)
        d.location = try optional(draft.location, LocalizedText("地点", "The location"))
        return d
    }

    public static func validateParty(name: String, kind: String, contact: String, reference: ConsultationReference = .active) throws -> (name: String, kind: String, contact: String) {
        let n = try required(name, LocalizedText("议事主体名称", "The party's name"))
        guard reference.partyKindInfo(kind) != nil else {
            throw ConsultationError.unknownChoice(field: LocalizedText("主体类别", "Party kind"), value: kind)
        }
        return (n, kind, try optional(contact, LocalizedText("联系方式", "The contact")))
    }

    public static func validate(_ m: MeetingInput, reference: ConsultationReference = .active) throws -> MeetingInput {
        var out = m
        out.heldOn = try date(m.heldOn, LocalizedText("会议日期", "The meeting date"))
        let place = try optional(m.place, LocalizedText("会议地点", "The place"))
        out.place = place.isEmpty ? reference.councilHall : place
        out.minutes = try required(m.minutes, LocalizedText("会议纪要", "The minutes"), kind: .text)
        out.attendees = try m.attendees.map { a in
            let name = try required(a.name, LocalizedText("参会人姓名", "An attendee's name"), kind: .name)
            guard reference.partyKindInfo(a.kind) != nil else {
                throw ConsultationError.unknownChoice(field: LocalizedText("参会人类别", "Attendee kind"), value: a.kind)
            }
            return MeetingAttendee(name: name, kind: a.kind)
        }
        if out.attendees.isEmpty { throw ConsultationError.fieldRequired(LocalizedText("参会人", "At least one attendee")) }
        if let v = m.vote {
            _ = try count(v.inFavour, LocalizedText("赞成票", "Votes for"))
            _ = try count(v.against, LocalizedText("反对票", "Votes against"))
            _ = try count(v.abstain, LocalizedText("弃权票", "Abstentions"))
            if v.total == 0 { throw ConsultationError.fieldRequired(LocalizedText("表决票数（赞成/反对/弃权不能都是 0）", "Vote counts (for/against/abstain cannot all be 0)")) }
            if v.total > out.attendees.count {
                throw ConsultationError.inconsistent(LocalizedText("表决票数 \(v.total) 多于参会人数 \(out.attendees.count)，请核对。",
                                                                "\(v.total) votes but only \(out.attendees.count) attendees; check the counts."))
            }
        }
        return out
    }

    public static func validateResolution(text: String, publishedOn: String) throws -> (String, String) {
        (try required(text, LocalizedText("决议内容", "The resolution text"), kind: .text), try date(publishedOn, LocalizedText("公示日期", "The publication date")))
    }

    public static func validate(_ i: ImplementationInput) throws -> ImplementationInput {
        var out = i
        out.owner = try required(i.owner, LocalizedText("实施负责人", "The owner"), kind: .name)
        out.due = try i.due.map { try date($0, LocalizedText("完成期限", "The due date")) }
        out.done = try i.done.flatMap { $0.consultTrimmed.isEmpty ? nil : try date($0, LocalizedText("完成日期", "The completion date")) }
        out.note = try optional(i.note, LocalizedText("备注", "The note"), kind: .text)
        return out
    }

    public static func validate(_ s: IssueSurvey) throws -> IssueSurvey {
        var out = s
        out.satisfied = try count(s.satisfied, LocalizedText("满意人数", "Satisfied"))
        out.basic = try count(s.basic, LocalizedText("基本满意人数", "Fairly satisfied"))
        out.dissatisfied = try count(s.dissatisfied, LocalizedText("不满意人数", "Dissatisfied"))
        out.surveyedOn = try date(s.surveyedOn, LocalizedText("测评日期", "The survey date"))
        if out.responses == 0 { throw ConsultationError.fieldRequired(LocalizedText("满意度人数（不能都是 0）", "Survey counts (cannot all be 0)")) }
        return out
    }
}
