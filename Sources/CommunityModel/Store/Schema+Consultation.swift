import GRDB

extension Schema {
    /// The "168" consultation tables (issue 3).
    static func registerConsultation(_ migrator: inout DatabaseMigrator) {
    }
}
