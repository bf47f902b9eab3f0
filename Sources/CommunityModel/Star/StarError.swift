import Foundation

/// Why a star-assessment action was refused, in words for the secretary (issue 10).
extension String {
    /// "public defence" → "Public defence" (`capitalized` would make it "Public Defence").
    var sentenceCased: String { prefix(1).uppercased() + dropFirst() }
}

public enum StarError: UserFacingError, Equatable {
    case notYourRole(action: LocalizedText, needed: LocalizedText)
    case outOfOrder(stage: StarStage, waitingFor: StarStage)
    case stageLocked(stage: StarStage)
    case notSigned(stage: StarStage)
    case laterStageSigned(stage: StarStage, later: StarStage)
    case defenceNotNeeded(claimed: Int)
    case selfAssessmentLocked
    case reasonRequired
    case unknownCriterion(String)
    case unknownCase(criterion: String, index: Int)
    case badCount(max: Int)
    case notPerOccurrence
    case notApplied
    case badDefenceScore
    case badFinalStars(allowed: ClosedRange<Int>)
    case siteChecksIncomplete(missing: [String])
    case badQuarter(String)
    case badText(field: LocalizedText)

    public var message: LocalizedText {
        switch self {
        case .notYourRole(let action, let needed):
            return LocalizedText("只有\(needed.zh)可以\(action.zh)。请由\(needed.zh)登录后操作。",
                                 "Only the \(needed.en) may \(action.en). Sign in as the \(needed.en) to do it.")
        case .outOfOrder(let stage, let waiting):
            return LocalizedText("还不能签署「\(stage.label.zh)」：请先完成「\(waiting.label.zh)」。",
                                 "\(stage.label.en.sentenceCased) cannot be signed yet: finish the \(waiting.label.en) first.")
        case .stageLocked(let stage):
            return LocalizedText("「\(stage.label.zh)」已签署锁定。如需更正，请书记说明理由后重新打开。",
                                 "The \(stage.label.en) is signed and locked. To correct it, the secretary reopens it with a reason.")
        case .notSigned(let stage):
            return LocalizedText("「\(stage.label.zh)」还没有签署，无需重新打开。", "The \(stage.label.en) is not signed; there is nothing to reopen.")
        case .laterStageSigned(let stage, let later):
            return LocalizedText("「\(later.label.zh)」已在「\(stage.label.zh)」之后签署，请先重新打开「\(later.label.zh)」。",
                                 "The \(later.label.en) was signed after the \(stage.label.en): reopen the \(later.label.en) first.")
        case .defenceNotNeeded(let claimed):
            return LocalizedText("本季度自评申报 \(claimed) 星，只有申报五星才参加公开讲，请直接进行实地看。",
                                 "This quarter claims \(claimed) stars; only a five-star claim is defended in public. Go on to the on-site check.")
        case .selfAssessmentLocked:
            return LocalizedText("自评已签署锁定，不能再增减扣分。如需更正，请书记说明理由后重新打开自评。",
                                 "The self-assessment is signed and locked; deductions cannot change. The secretary may reopen it with a reason.")
        case .reasonRequired:
            return LocalizedText("重新打开必须写明理由。", "Reopening needs a reason.")
        case .unknownCriterion(let key):
            return LocalizedText("评分标准中没有指标「\(key)」。", "The standard has no criterion “\(key)”.")
        case .unknownCase(let criterion, let index):
            return LocalizedText("指标「\(criterion)」没有第 \(index + 1) 种扣分情形。", "Criterion “\(criterion)” has no deduction case \(index + 1).")
        case .badCount(let max):
            return LocalizedText("次数应为 1 到 \(max) 之间的整数。", "The count must be a whole number from 1 to \(max).")
        case .notPerOccurrence:
            return LocalizedText("这种扣分情形不按次计算，次数只能为 1。", "This deduction case is not counted per occurrence; the count must be 1.")
        case .notApplied:
            return LocalizedText("这项扣分目前没有扣，无需取消。", "This deduction is not applied; there is nothing to remove.")
        case .badDefenceScore:
            return LocalizedText("答辩得分应为 0 到 100 之间的数字。", "The defence score must be a number from 0 to 100.")
        case .badFinalStars(let allowed):
            return LocalizedText("最终星级应为 \(allowed.lowerBound) 到 \(allowed.upperBound) 星。",
                                 "The final star must be \(allowed.lowerBound) to \(allowed.upperBound) stars.")
        case .siteChecksIncomplete(let missing):
            return LocalizedText("实地看的每一项都要记录通过与否，还缺：\(missing.joined(separator: "、"))。",
                                 "Every on-site check needs a pass or fail; missing: \(missing.joined(separator: ", ")).")
        case .badQuarter(let text):
            return LocalizedText("“\(text)”不是季度，请写成 2026Q4 这样的形式。", "“\(text)” is not a quarter; write it like 2026Q4.")
        case .badText(let field):
            return LocalizedText("\(field.zh)不能含有换行或控制字符。", "\(field.en.sentenceCased) must not contain line breaks or control characters.")
        }
    }
}
