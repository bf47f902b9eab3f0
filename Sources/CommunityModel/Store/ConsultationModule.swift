import Foundation
import GRDB

extension Schema {
    /// The "168" consultation tables (issue 3).
    static func registerConsultation(_ migrator: inout DatabaseMigrator) {
    }
}

/// The "168" consultation tracker's part of seeding, generation, check and stats (issue 3).
public enum ConsultationModule: ModuleHooks {
    public static func seedDemo(_ db: Database, context: inout SeedContext) throws {}
    public static func generate(_ pool: DatabasePool, scale: GenerateScale, context: inout SeedContext, progress: ProgressHandler?) throws {}
    public static func check(_ db: Database) throws -> [IntegrityProblem] { [] }
    public static func stats(_ db: Database, today: String) throws -> [StatsSection] { [] }
}
