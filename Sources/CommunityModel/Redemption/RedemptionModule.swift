import Foundation
import GRDB

/// The redemption desk's part of seeding, generation, check and stats (issue 8).
public enum RedemptionModule: ModuleHooks {
    public static func seedDemo(_ db: Database, context: inout SeedContext) throws {
        try RedemptionDemo.seed(db, context: &context)
    }

    public static func generate(_ pool: DatabasePool, scale: GenerateScale, context: inout SeedContext, progress: ProgressHandler?) throws {
        try RedemptionGenerator.generate(pool, count: RedemptionGenerator.count(scale), context: &context, progress: progress)
    }

    public static func check(_ db: Database) throws -> [IntegrityProblem] {
        try RedemptionCheck.problems(db)
    }

    public static func stats(_ db: Database, today: String) throws -> [StatsSection] {
        let f = try CommunityDatabase.redemptionFigures(db, today: today)
        return [StatsSection(name: "redemption", value: RedemptionStats(todayCount: f.todayCount, todayPoints: f.todayPoints, monthPoints: f.monthPoints,
                                                                        lowStock: f.lowStock,
                                                                        vouchersOutstanding: try CommunityDatabase.vouchersOutstanding(db, today: today)))]
    }
}
