import GRDB

extension Schema {
    /// The "双报到" tasks, claims and points ledger (issue 4).
    static func registerVolunteer(_ migrator: inout DatabaseMigrator) {
    }
}
