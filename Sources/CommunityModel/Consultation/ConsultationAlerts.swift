import GRDB

extension ConsultationModule {
    /// Issues past their step's deadline (the data file's deadlines, as the list's overdue filter uses).
    public static func alerts(_ db: Database, today: String) throws -> [OverviewAlert] {
        let overdue = try CommunityDatabase.issueCount(db, IssueFilter(overdueOnly: true), before: nil, today: today, reference: .active)
        guard overdue > 0 else { return [] }
        return [OverviewAlert(target: .overdueIssues, count: overdue,
                              text: LocalizedText("\(overdue) 个议题超过本步办理期限", "\(overdue) issue(s) past their step's deadline"))]
    }
}
