import Foundation

/// Why a claim, a reply or a review was refused, in words for the office (issue 4 item 2).
public enum ClaimError: UserFacingError, Equatable {
    case taskFull(title: String, places: Int)
    case taskEnded(title: String)
    case taskNotPublished(title: String)
    case taskCancelled(title: String)
    case notAudience(title: String, audience: TaskAudience, claimant: String)
    case alreadyClaimed(title: String, claimant: String)
    case memberInactive(name: String)
    case organisationInactive(name: String)
    case unknownTask
    case unknownClaimant(String)
    case unknownClaim
    case wrongState(action: LocalizedText, state: ClaimState, expected: [ClaimState])
    case reasonRequired(action: LocalizedText)
    case nothingSelected
    /// A report-back or no-show before the task's start: what happened cannot be known yet.
    case taskNotStarted(title: String, startsAt: String, action: LocalizedText)

    public var message: LocalizedText {
        switch self {
        case .taskFull(let title, let places):
            return LocalizedText("任务「\(title)」的 \(places) 个名额已满，不能再认领。可请其他认领人取消，或增加名额。",
                                 "The task “\(title)” is full (\(places) places). Ask a claimant to cancel, or add places.")
        case .taskEnded(let title):
            return LocalizedText("任务「\(title)」已结束，不能再认领。", "The task “\(title)” has ended and can no longer be claimed.")
        case .taskNotPublished(let title):
            return LocalizedText("任务「\(title)」还是草稿，请先发布再认领。", "The task “\(title)” is still a draft: publish it before claiming.")
        case .taskCancelled(let title):
            return LocalizedText("任务「\(title)」已取消，不能认领。", "The task “\(title)” was cancelled and cannot be claimed.")
        case .notAudience(let title, let audience, let claimant):
            return LocalizedText("任务「\(title)」只面向\(audience.label.zh)，\(claimant)不能认领。",
                                 "The task “\(title)” is for \(audience.label.en) only; \(claimant) cannot claim it.")
        case .alreadyClaimed(let title, let claimant):
            return LocalizedText("\(claimant)已认领过任务「\(title)」，不能重复认领。",
                                 "\(claimant) has already claimed “\(title)”.")
        case .memberInactive(let name):
            return LocalizedText("党员\(name)已停用，不能认领任务。请先在名册中恢复。",
                                 "The member \(name) is deactivated and cannot claim tasks. Reactivate them in the roster first.")
        case .organisationInactive(let name):
            return LocalizedText("单位\(name)已停用，不能认领任务。请先在名册中恢复。",
                                 "The organisation \(name) is deactivated and cannot claim tasks. Reactivate it in the roster first.")
        case .unknownTask:
            return LocalizedText("找不到该任务，可能已被删除或编号有误。", "That task was not found; check the number.")
        case .unknownClaimant(let what):
            return LocalizedText("找不到认领人「\(what)」：请输入名册中的手机号、党员编号或单位名称。",
                                 "No claimant “\(what)”: enter a phone number, member code or organisation name from the roster.")
        case .unknownClaim:
            return LocalizedText("找不到该认领记录。", "That claim was not found.")
        case .wrongState(let action, let state, let expected):
            let zh = expected.map(\.rawValue).joined(separator: "或")
            let en = expected.map { $0.label.en }.joined(separator: " or ")
            return LocalizedText("该认领当前为「\(state.rawValue)」，只有「\(zh)」的认领才能\(action.zh)。",
                                 "This claim is \(state.label.en); only \(en) claims can be \(action.en).")
        case .reasonRequired(let action):
            return LocalizedText("\(action.zh)需要填写原因。", "Give a reason to \(action.en).")
        case .nothingSelected:
            return LocalizedText("没有选中任何认领：用空格标记后再操作。", "No claims selected: mark them with space first.")
        case .taskNotStarted(let title, let startsAt, let action):
            return LocalizedText("任务「\(title)」\(startsAt) 才开始，开始后才能\(action.zh)。如果任务时间填错了，请先修改任务时间。",
                                 "The task “\(title)” starts at \(startsAt): \(action.en) can be recorded only once it has started. If the task's time is wrong, edit the task first.")
        }
    }
}

/// Why a task could not be saved, published or cancelled.
public enum TaskError: UserFacingError, Equatable {
    case emptyTitle
    case titleTooLong(Int)
    case emptyPlace
    case badTime(String)
    case endsBeforeStart
    case badPlaces(Int)
    case badPoints(Int)
    case placesBelowTaken(places: Int, taken: Int)
    case notDraft(title: String)
    case alreadyCancelled(title: String)
    case ended(title: String)
    case reasonRequired

    public var message: LocalizedText {
        switch self {
        case .emptyTitle: return LocalizedText("请填写任务名称。", "Enter a task title.")
        case .titleTooLong(let n): return LocalizedText("任务名称不能超过 \(n) 个字。", "The title may be at most \(n) characters.")
        case .emptyPlace: return LocalizedText("请填写服务地点。", "Enter where the task takes place.")
        case .badTime(let text):
            return LocalizedText("时间「\(text)」格式不对，应为 2026-06-28 08:30。", "The time “\(text)” is not valid; write it as 2026-06-28 08:30.")
        case .endsBeforeStart: return LocalizedText("结束时间必须晚于开始时间。", "The end time must be after the start time.")
        case .badPlaces(let n): return LocalizedText("名额须为 1 到 10000 之间的整数（现为 \(n)）。", "Places must be a whole number from 1 to 10000 (got \(n)).")
        case .badPoints(let n): return LocalizedText("积分须为 0 到 1000 之间的整数（现为 \(n)）。", "Points must be a whole number from 0 to 1000 (got \(n)).")
        case .placesBelowTaken(let places, let taken):
            return LocalizedText("已有 \(taken) 人认领，名额不能减到 \(places)。", "\(taken) places are already taken; places cannot go down to \(places).")
        case .notDraft(let title): return LocalizedText("任务「\(title)」已发布，不能再次发布。", "The task “\(title)” is already published.")
        case .alreadyCancelled(let title): return LocalizedText("任务「\(title)」已取消。", "The task “\(title)” is already cancelled.")
        case .ended(let title): return LocalizedText("任务「\(title)」已结束，不能再修改或取消。", "The task “\(title)” has ended and can no longer be changed or cancelled.")
        case .reasonRequired: return LocalizedText("取消任务需要填写原因（认领人会看到）。", "Give a reason to cancel the task (claimants will see it).")
        }
    }
}

/// Why the ledger refused an entry. Points are money-like: every refusal says what to do instead.
public enum LedgerError: UserFacingError, Equatable {
    case wouldGoNegative(holder: String, balance: Int, amount: Int)
    case zeroAmount
    case wrongSign(LedgerKind)
    case reasonRequired
    case unknownEntry
    case alreadyReversed(entryId: Int64)
    case cannotReverseReversal(entryId: Int64)
    case unknownHolder(String)
    case idempotencyKeyReused(String)

    public var message: LocalizedText {
        switch self {
        case .wouldGoNegative(let holder, let balance, let amount):
            return LocalizedText("\(holder)的积分余额为 \(balance)，不够扣减 \(-amount)；积分不能为负。",
                                 "\(holder) has \(balance) points, not enough for \(-amount); a balance cannot go below zero.")
        case .zeroAmount: return LocalizedText("积分数不能为 0。", "The number of points cannot be 0.")
        case .wrongSign(let kind):
            return LocalizedText("\(kind.label.zh)的积分方向不对（入账为正，扣减为负）。", "A \(kind.label.en) has the wrong sign (credits are positive, debits negative).")
        case .reasonRequired: return LocalizedText("积分调整必须写明原因。", "An adjustment needs a reason.")
        case .unknownEntry: return LocalizedText("找不到要冲正的积分记录。", "The entry to reverse was not found.")
        case .alreadyReversed(let id): return LocalizedText("积分记录 #\(id) 已冲正过，不能再次冲正。", "Entry #\(id) has already been reversed.")
        case .cannotReverseReversal(let id):
            return LocalizedText("记录 #\(id) 本身是冲正，不能再冲正；如需更正请做一笔调整。", "Entry #\(id) is itself a reversal; post an adjustment instead.")
        case .unknownHolder(let what): return LocalizedText("找不到积分账户「\(what)」。", "No points holder “\(what)”.")
        case .idempotencyKeyReused(let key):
            return LocalizedText("操作编号 \(key) 已用于另一笔不同的积分记录。", "The operation key \(key) was already used for a different entry.")
        }
    }
}
