/// Which screen type serves each number key. Capabilities register their screen here.
enum ScreenRegistry {
    static func make(_ id: ScreenID) -> any Screen {
        switch id {
        case .dashboard: return DashboardScreen()
        case .consultation: return ConsultationScreen()
        case .roster: return RosterScreen()
        case .tasks: return TaskScreen()
        case .points: return RedemptionScreen()
        case .audit: return AuditScreen()
        case .rankings: return RankingScreen()
        case .stars: return StarScreen()
        }
    }
}
