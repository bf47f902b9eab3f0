import Foundation
import GRDB

extension FetchableRecord where Self: TableRecord {
    /// The row with this id, through a statement prepared once per connection. The query interface compiles
    /// its SQL on every call; the paths that touch hundreds of rows in one transaction (a bulk approval, the
    /// demo's half year of reviews) would spend most of their time preparing the same statement.
    static func fetchCached(_ db: Database, id: Int64) throws -> Self? {
        try fetchOne(db.cachedStatement(sql: "SELECT * FROM \(databaseTableName) WHERE id = ?"), arguments: [id])
    }
}

extension DatabaseValueConvertible where Self: StatementColumnConvertible {
    /// One value from `sql` through a cached statement (see `fetchCached`).
    static func fetchCached(_ db: Database, sql: String, arguments: StatementArguments) throws -> Self? {
        try fetchOne(db.cachedStatement(sql: sql), arguments: arguments)
    }
}
