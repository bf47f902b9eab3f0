import Foundation

/// Why a ranking, a letter or an exclusion was refused, in words for the office (issue 9).
public enum RankingsError: UserFacingError, Equatable {
    case badPeriod(String)
    case periodNotClosed(String)
    case unknownLetter
    case wrongLetterState(recipient: String, state: LetterState)
    case reasonRequired
    case unknownHolder
    case alreadyExcluded(String)
    case notExcluded(String)
    case badChannel(String)
    case badDate(String)
    case nothingToExport(String)

    public var message: LocalizedText {
        switch self {
        case .badPeriod(let text):
            return LocalizedText("“\(text)”不是排名期间。党员按月写 2026-11，单位按季度写 2026Q4，也可写 last-month 或 last-quarter。",
                                 "“\(text)” is not a ranking period. Members: a month like 2026-11; organisations: a quarter like 2026Q4; or last-month / last-quarter.")
        case .periodNotClosed(let period):
            return LocalizedText("\(period)还没有结束，结束后才能生成信函。", "\(period) has not ended yet; letters can be generated once it has.")
        case .unknownLetter:
            return LocalizedText("找不到这封信函。", "That letter does not exist.")
        case .wrongLetterState(let recipient, let state):
            return LocalizedText("致\(recipient)的信函已是“\(state.label.zh)”，只有待发送的信函可以标记已发送或撤回。",
                                 "The letter to \(recipient) is already \(state.label.en); only letters waiting to be sent can be marked sent or withdrawn.")
        case .reasonRequired:
            return LocalizedText("请填写原因。", "Please give a reason.")
        case .unknownHolder:
            return LocalizedText("名册中没有这个党员或单位。", "No such member or organisation on the roster.")
        case .alreadyExcluded(let name):
            return LocalizedText("\(name)已免发提醒函。", "\(name) is already excluded from reminder letters.")
        case .notExcluded(let name):
            return LocalizedText("\(name)没有被免发提醒函。", "\(name) is not excluded from reminder letters.")
        case .badChannel(let text):
            return LocalizedText("发送方式“\(text)”不认识：请选 纸质、微信 或 短信。", "Unknown channel “\(text)”: choose 纸质 (paper), 微信 (WeChat) or 短信 (SMS).")
        case .badDate(let text):
            return LocalizedText("日期“\(text)”不对：请写成 2026-12-01。", "The date “\(text)” is not valid: write it as 2026-12-01.")
        case .nothingToExport(let period):
            return LocalizedText("\(period)还没有信函可导出：请先生成。", "There are no letters for \(period) to export: generate them first.")
        }
    }
}
