import Foundation

/// Why the consultation workflow refused something, in words that name the unmet gate (issue 3).
/// `step` values carry the step's label ("④调研论证") so the message needs no lookup.
public enum ConsultationError: UserFacingError, Equatable {
    // Gates: leaving a step.
    case missingBasics(step: LocalizedText, missing: [LocalizedText])
    case notEnoughPartyKinds(step: LocalizedText, have: [LocalizedText], needed: Int)
    case partyOrganisationMissing(step: LocalizedText, required: LocalizedText)
    case noOption(step: LocalizedText)
    case noMeeting(step: LocalizedText)
    case meetingWithoutVote(step: LocalizedText)
    case voteNotPassed(step: LocalizedText, vote: Vote)
    case resolutionMissing(step: LocalizedText, missing: [LocalizedText])
    case implementationIncomplete(step: LocalizedText, missing: [LocalizedText])
    case surveyMissing(step: LocalizedText)
    // Moves.
    case closed(number: String, outcome: IssueOutcome)
    case notClosed(number: String)
    case reasonRequired(LocalizedText)
    case cannotSendBack(from: LocalizedText)
    case sendBackTarget(from: Int, to: Int)
    case outcomeNotAllowed(IssueOutcome, step: LocalizedText)
    case wrongStep(action: LocalizedText, needs: LocalizedText, current: LocalizedText)
    case staleStep(number: String, expected: Int, actual: Int)
    // Input.
    case fieldRequired(LocalizedText)
    case unknownChoice(field: LocalizedText, value: String)
    case invalidDate(field: LocalizedText, value: String)
    case negativeCount(LocalizedText)
    case inconsistent(LocalizedText)

    private static func list(_ items: [LocalizedText], _ sepZh: String = "、", _ sepEn: String = ", ") -> LocalizedText {
        LocalizedText(items.map(\.zh).joined(separator: sepZh), items.map(\.en).joined(separator: sepEn))
    }

    public var message: LocalizedText {
        switch self {
        case .missingBasics(let step, let missing):
            let m = Self.list(missing)
            return LocalizedText("不能离开「\(step.zh)」：还没有填写\(m.zh)。", "Cannot leave \"\(step.en)\": \(m.en) not recorded yet.")
        case .notEnoughPartyKinds(let step, let have, let needed):
            let h = Self.list(have)
            let zhHave = have.isEmpty ? "目前一类也没有" : "目前只有 \(have.count) 类（\(h.zh)）"
            let enHave = have.isEmpty ? "none named yet" : "only \(have.count) so far (\(h.en))"
            return LocalizedText("不能离开「\(step.zh)」：议事主体至少要有 \(needed) 类，\(zhHave)。请添加议事主体。",
                                 "Cannot leave \"\(step.en)\": parties of at least \(needed) kinds are needed, \(enHave). Add parties.")
        case .partyOrganisationMissing(let step, let required):
            return LocalizedText("不能离开「\(step.zh)」：议事主体中必须有\(required.zh)。请先添加\(required.zh)。",
                                 "Cannot leave \"\(step.en)\": the parties must include the \(required.en). Add it first.")
        case .noOption(let step):
            return LocalizedText("不能离开「\(step.zh)」：还没有形成任何方案。请至少写一个方案。",
                                 "Cannot leave \"\(step.en)\": no option or plan written yet. Write at least one.")
        case .noMeeting(let step):
            return LocalizedText("不能离开「\(step.zh)」：还没有记录议事会议（参会人、纪要和表决）。请先记录会议。",
                                 "Cannot leave \"\(step.en)\": no meeting recorded yet (attendees, minutes and vote). Record the meeting first.")
        case .meetingWithoutVote(let step):
            return LocalizedText("不能离开「\(step.zh)」：会议已记录，但还没有表决结果（赞成/反对/弃权）。",
                                 "Cannot leave \"\(step.en)\": the meeting is recorded but has no vote (for/against/abstain) yet.")
        case .voteNotPassed(let step, let v):
            return LocalizedText("不能离开「\(step.zh)」：表决未过半数通过（赞成 \(v.inFavour)，反对 \(v.against)，弃权 \(v.abstain)）。应退回调研论证。",
                                 "Cannot leave \"\(step.en)\": the vote did not pass (for \(v.inFavour), against \(v.against), abstain \(v.abstain)). Send it back to research.")
        case .resolutionMissing(let step, let missing):
            let m = Self.list(missing)
            return LocalizedText("不能离开「\(step.zh)」：还没有记录\(m.zh)。", "Cannot leave \"\(step.en)\": \(m.en) not recorded yet.")
        case .implementationIncomplete(let step, let missing):
            let m = Self.list(missing)
            return LocalizedText("不能离开「\(step.zh)」：还没有记录实施的\(m.zh)。", "Cannot leave \"\(step.en)\": the implementation's \(m.en) not recorded yet.")
        case .surveyMissing(let step):
            return LocalizedText("不能离开「\(step.zh)」：还没有记录居民满意度（满意/基本满意/不满意）。",
                                 "Cannot leave \"\(step.en)\": residents' satisfaction (satisfied/fairly/dissatisfied) not recorded yet.")
        case .closed(let number, let outcome):
            return LocalizedText("议题 \(number) 已办结（\(outcome.label.zh)），只能查看；如需继续办理，请先说明理由重新打开。",
                                 "Issue \(number) is closed (\(outcome.label.en)) and read-only; reopen it with a reason to continue.")
        case .notClosed(let number):
            return LocalizedText("议题 \(number) 还在办理中，无需重新打开。", "Issue \(number) is still open; there is nothing to reopen.")
        case .reasonRequired(let what):
            return LocalizedText("\(what.zh)必须说明理由。请填写理由。", "\(what.en) needs a reason. Enter one.")
        case .cannotSendBack(let from):
            return LocalizedText("「\(from.zh)」是第一步，不能再退回。", "\"\(from.en)\" is the first step; there is nowhere to send it back to.")
        case .sendBackTarget(let from, let to):
            return LocalizedText("只能退回到第 \(from) 步之前的步骤（1–\(max(1, from - 1))），不能退回到第 \(to) 步。",
                                 "It can only go back to a step before \(from) (1–\(max(1, from - 1))), not to step \(to).")
        case .outcomeNotAllowed(let outcome, let step):
            let rule: LocalizedText
            switch outcome {
            case .resolved, .unresolved: rule = LocalizedText("只有在评议反馈（第⑧步）记录满意度后才能以\(outcome.label.zh)办结", "only evaluation (step 8) with a survey may end as \(outcome.label.en)")
            case .rejected: rule = LocalizedText("只有在收集或审核立项阶段才能不予立项", "only steps 1–2 may end as not accepted")
            case .withdrawn, .referred: rule = LocalizedText("需要说明理由", "a reason is needed")
            }
            return LocalizedText("当前在「\(step.zh)」，不能以\(outcome.label.zh)办结：\(rule.zh)。",
                                 "The issue is at \"\(step.en)\" and cannot end as \(outcome.label.en): \(rule.en).")
        case .wrongStep(let action, let needs, let current):
            return LocalizedText("\(action.zh)要在「\(needs.zh)」阶段进行，议题当前在「\(current.zh)」。",
                                 "\(action.en) belongs to \"\(needs.en)\"; the issue is at \"\(current.en)\".")
        case .staleStep(let number, let expected, let actual):
            return LocalizedText("议题 \(number) 刚被他人从第 \(expected) 步改到第 \(actual) 步，请查看后再操作。",
                                 "Issue \(number) was just moved from step \(expected) to step \(actual) by someone else; look again before acting.")
        case .fieldRequired(let field):
            return LocalizedText("请填写\(field.zh)。", "\(field.en) is required.")
        case .unknownChoice(let field, let value):
            return LocalizedText("\(field.zh)「\(value)」不在可选范围内，请从列表中选择。", "\(field.en) \"\(value)\" is not one of the choices; pick one from the list.")
        case .invalidDate(let field, let value):
            return LocalizedText("\(field.zh)「\(value)」不是有效日期，请按 2026-05-01 的格式填写。",
                                 "\(field.en) \"\(value)\" is not a date; write it like 2026-05-01.")
        case .negativeCount(let field):
            return LocalizedText("\(field.zh)不能是负数。", "\(field.en) cannot be negative.")
        case .inconsistent(let text):
            return text
        }
    }
}
