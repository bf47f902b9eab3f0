import Foundation
import GRDB

/// Where a row sits in a list's order: a sort text (may be "" when the order is by id alone) and the row id.
public struct ListKey: Sendable, Hashable {
    public var sort: String
    public var id: Int64
    public init(sort: String = "", id: Int64) {
        self.sort = sort
        self.id = id
    }
}

/// A page of a list asked for by key, never by loading the whole table (SPEC §2, STYLE 6).
public enum PageRequest: Sendable, Equatable {
    case first(Int)
    case last(Int)
    case after(ListKey, Int)
    case before(ListKey, Int)
    /// The page that starts at this key (inclusive); used to refresh a window in place.
    case from(ListKey, Int)
}

/// Rows that know their place in the list order.
public protocol KeyedRow: Sendable {
    var listKey: ListKey { get }
}

/// Builds keyset queries: `sortExpression` and `idExpression` name the ordering columns; both must be indexed.
struct KeysetQuery {
    var select: String          // "SELECT … FROM … " without WHERE/ORDER
    var sortExpression: String  // e.g. "m.member_code" or "''"
    var idExpression: String    // e.g. "m.id"
    var conditions: [String] = []
    var arguments: [(any DatabaseValueConvertible)?] = []
    /// Lists newest-first set this, so "first" means the largest key.
    var descending = false

    /// Lists ordered by id alone (sort "''") compare the id by itself, so SQLite walks a (filter, id) index
    /// instead of evaluating a row value for every row.
    private var byIdOnly: Bool { sortExpression == "''" }

    private func keyCondition(_ op: String, _ key: ListKey) -> (String, [(any DatabaseValueConvertible)?]) {
        byIdOnly ? ("\(idExpression) \(op) ?", [key.id]) : ("(\(sortExpression), \(idExpression)) \(op) (?, ?)", [key.sort, key.id])
    }

    func fetch<Row: FetchableRecord>(_ db: Database, _ request: PageRequest) throws -> [Row] {
        var where_ = conditions
        var args = arguments
        var backwards = false
        let limit: Int
        let (gt, lt) = descending ? ("<", ">") : (">", "<")
        switch request {
        case .first(let n):
            limit = n
        case .last(let n):
            limit = n
            backwards = true
        case .after(let key, let n):
            limit = n
            let (condition, values) = keyCondition(gt, key)
            where_.append(condition)
            args += values
        case .before(let key, let n):
            limit = n
            backwards = true
            let (condition, values) = keyCondition(lt, key)
            where_.append(condition)
            args += values
        case .from(let key, let n):
            limit = n
            let (condition, values) = keyCondition(gt + "=", key)
            where_.append(condition)
            args += values
        }
        let ascending = descending == backwards
        let dir = ascending ? "ASC" : "DESC"
        var sql = select
        if !where_.isEmpty { sql += " WHERE " + where_.joined(separator: " AND ") }
        let order = byIdOnly ? "\(idExpression) \(dir)" : "\(sortExpression) \(dir), \(idExpression) \(dir)"
        sql += " ORDER BY \(order) LIMIT \(max(0, limit))"
        let rows = try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args.map { $0?.databaseValue ?? .null }))
        return backwards ? rows.reversed() : rows
    }

    /// How many rows match, and how many come before `key` (for "row 37 of 5,000"). With `cap`, counting stops
    /// there, so a list of a million rows answers "10,000+" inside one frame instead of counting them all.
    func count(_ db: Database, before key: ListKey? = nil, cap: Int? = nil) throws -> Int {
        var where_ = conditions
        var args = arguments
        if let key {
            let (condition, values) = keyCondition(descending ? ">" : "<", key)
            where_.append(condition)
            args += values
        }
        // Counting over the same SELECT keeps joins and filters identical to what the page shows.
        var sql = "SELECT COUNT(*) FROM (" + select
        if !where_.isEmpty { sql += " WHERE " + where_.joined(separator: " AND ") }
        if let cap { sql += " LIMIT \(max(0, cap))" }
        sql += ")"
        return try Int.fetchOne(db, sql: sql, arguments: StatementArguments(args.map { $0?.databaseValue ?? .null })) ?? 0
    }
}

/// Escapes `%`, `_` and `\` so a user's search text matches literally in LIKE.
func likePattern(contains text: String) -> String {
    "%" + escapeLike(text) + "%"
}

func escapeLike(_ text: String) -> String {
    var out = ""
    for c in text {
        if c == "%" || c == "_" || c == "\\" { out.append("\\") }
        out.append(c)
    }
    return out
}
