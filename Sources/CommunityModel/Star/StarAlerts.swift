import GRDB

extension StarModule {
    /// This quarter's assessment while it is not final: the stage waiting to be signed (screen 6).
    public static func alerts(_ db: Database, today: String) throws -> [OverviewAlert] {
        guard try db.tableExists("star_stage"), let quarter = StarQuarter(day: today), let standard = try? StarStandard.inForce() else { return [] }
        let a = try StarAssessment.read(db, quarter: quarter, standard: standard)
        guard let stage = a.progress.current else { return [] }
        return [OverviewAlert(target: .starStage, count: 1,
                              text: LocalizedText("本季度星级评定待「\(stage.label.zh)」", "This quarter's star rating waits for its \(stage.label.en)"))]
    }
}
