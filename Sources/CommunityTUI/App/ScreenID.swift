import CommunityModel

/// The seven screens, switched with 1–7, and the audit log on 8 (no tab: the tab bar is full at 80 columns).
enum ScreenID: Int, CaseIterable {
    case dashboard = 1, consultation, tasks, points, rankings, stars, roster
    case audit = 8

    /// The screens that have a tab in the tab bar.
    static var tabs: [ScreenID] { allCases.filter { $0.rawValue <= 7 } }

    var title: LocalizedText {
        switch self {
        case .dashboard: return LocalizedText("总览", "Overview")
        case .consultation: return LocalizedText("议事", "Consult")
        case .tasks: return LocalizedText("任务", "Tasks")
        case .points: return LocalizedText("积分", "Points")
        case .rankings: return LocalizedText("排名", "Ranks")
        case .stars: return LocalizedText("星级", "Stars")
        case .roster: return LocalizedText("名册", "Roster")
        case .audit: return LocalizedText("审计日志", "Audit log")
        }
    }
}
