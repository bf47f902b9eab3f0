import Foundation
import GRDB

extension Schema {
    /// The "双报到" tasks, claims and points ledger (issue 4).
    static func registerVolunteer(_ migrator: inout DatabaseMigrator) {
    }
}

/// The "双报到" volunteer service and points ledger's part of seeding, generation, check and stats (issue 4).
public enum VolunteerModule: ModuleHooks {
    public static func seedDemo(_ db: Database, context: inout SeedContext) throws {}
    public static func generate(_ pool: DatabasePool, scale: GenerateScale, context: inout SeedContext, progress: ProgressHandler?) throws {}
    public static func check(_ db: Database) throws -> [IntegrityProblem] { [] }
    public static func stats(_ db: Database, today: String) throws -> [StatsSection] { [] }
}
