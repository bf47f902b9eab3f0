import Foundation
import GRDB

/// One line of the audit log. Rows are only ever inserted; triggers refuse UPDATE and DELETE.
public struct AuditEntry: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "audit_log"
    public var id: Int64?
    public var operatorId: Int64?
    public var operatorName: String
    public var at: String
    public var action: String
    public var target: String
    public var detail: String

    enum CodingKeys: String, CodingKey {
        case id, at, action, target, detail
        case operatorId = "operator_id"
        case operatorName = "operator_name"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// Appends an audit line inside the caller's write transaction, so the change and its record commit together.
    static func record(_ db: Database, by actor: Actor?, action: String, target: String, detail: String = "") throws {
        // A cached statement, not record encoding: every write of every capability passes here.
        try db.cachedStatement(sql: "INSERT INTO audit_log (operator_id, operator_name, at, action, target, detail) VALUES (?, ?, ?, ?, ?, ?)")
            .execute(arguments: [actor?.operatorId, actor?.name ?? "system", SeedClock.moment ?? Day.timestamp(), action, target, detail])
    }
}
