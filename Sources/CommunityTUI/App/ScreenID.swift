import CommunityModel

/// The seven screens, switched with 1–7.
enum ScreenID: Int, CaseIterable {
    case dashboard = 1, consultation, tasks, points, rankings, stars, roster

    var title: LocalizedText {
        switch self {
        case .dashboard: return LocalizedText("总览", "Overview")
        case .consultation: return LocalizedText("议事", "Consult")
        case .tasks: return LocalizedText("任务", "Tasks")
        case .points: return LocalizedText("积分", "Points")
        case .rankings: return LocalizedText("排名", "Ranks")
        case .stars: return LocalizedText("星级", "Stars")
        case .roster: return LocalizedText("名册", "Roster")
        }
    }
}
