import GRDB

extension RankingsModule {
    /// A closed month or quarter whose letters are not generated yet (the same rule as `pendingLetterPeriods`).
    public static func alerts(_ db: Database, today: String) throws -> [OverviewAlert] {
        try CommunityDatabase.pendingLetterPeriods(db, today: today, settings: RankingSettings.current()).map { p in
            OverviewAlert(target: .pendingLetters(period: p.period.key), count: p.thanks + p.reminders,
                          text: LocalizedText("\(p.period.shortLabel.zh)排名信函未生成：感谢信 \(p.thanks) 封 · 提醒函 \(p.reminders) 封",
                                              "\(p.period.shortLabel.en) letters not generated: \(p.thanks) thanks · \(p.reminders) reminders"))
        }
    }
}
