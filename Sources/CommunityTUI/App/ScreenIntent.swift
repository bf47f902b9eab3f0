import CommunityModel

/// What another screen (the overview's alerts and figures) asks a screen to show on arrival: the rows
/// behind an alert or figure, already filtered. A screen that has no such view ignores the intent.
enum ScreenIntent: Equatable {
    /// 议事: only the issues past their step's deadline.
    case overdueIssues
    /// 议事: the open issues.
    case openIssues
    /// 任务: the review queue.
    case reviewQueue
    /// 任务: the board narrowed to the published tasks starting within 3 days with places unfilled.
    case tasksStartingSoon
    /// 排名: the audience and period whose letters are pending (`RankingPeriod.key`).
    case pendingLetters(period: String)
    /// 星级: the current quarter (where the stage waiting to be signed is).
    case starStage
    /// 积分: the desk, whose catalog marks the items running low.
    case lowStock
    /// 积分: today's receipts (the overview's "today's redemptions" figure).
    case todayReceipts

    init(_ target: OverviewAlert.Target) {
        switch target {
        case .overdueIssues: self = .overdueIssues
        case .reviewQueue: self = .reviewQueue
        case .tasksStartingSoon: self = .tasksStartingSoon
        case .pendingLetters(let period): self = .pendingLetters(period: period)
        case .starStage: self = .starStage
        case .lowStock: self = .lowStock
        }
    }

    /// The screen an alert's rows are on.
    static func screen(for target: OverviewAlert.Target) -> ScreenID {
        switch target {
        case .overdueIssues: return .consultation
        case .reviewQueue, .tasksStartingSoon: return .tasks
        case .pendingLetters: return .rankings
        case .starStage: return .stars
        case .lowStock: return .points
        }
    }
}
