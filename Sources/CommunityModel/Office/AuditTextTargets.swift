import Foundation
import GRDB

/// The records an audit text search is about, as audit targets ("member:12", "issue:3", …): members and
/// organisations by name or code, their ledger entries and claims, issues, tasks and operators. The audit
/// list then reads those targets' lines through the target index.
///
/// Worked out once per text and change of the file (with the lines they find, `AuditTextMatches`), not inside
/// each query: a list read asks twice (its count, then its page), and at stress the old inline subqueries read all 20,000 issues' text with LIKE and all
/// 20,000 task titles, twice per key — 30–90 ms a key through the terminal. Issues now come from the
/// consultation search's bigram index (`IssueSearch.plan`), task titles from memory (`TaskTitleIndex`), the
/// rest from one pass each.
enum AuditTextTargets {
    /// The targets for `text` as a JSON array, for `target IN (SELECT value FROM json_each(?))`. Worked out
    /// once per text: the lines they find are kept (`AuditTextMatches`), and the list reads those.
    static func json(_ db: Database, text: String) throws -> String {
        // Targets are "table:id", letters, an underscore, a colon and digits, so quoting is all JSON needs;
        // JSONEncoder took longer than the queries for a few thousand of them.
        "[" + (try targets(db, text: text)).map { "\"\($0)\"" }.joined(separator: ",") + "]"
    }

    /// Ledger entries, and claims, of the holders found that the search looks at.
    static let recordsPerKind = 200

    static func targets(_ db: Database, text: String) throws -> [String] {
        let like = likePattern(contains: text)
        let members = try Int64.fetchAll(db, sql: "SELECT id FROM member WHERE name LIKE ?1 ESCAPE '\\' OR member_code LIKE ?1 ESCAPE '\\' LIMIT 200",
                                         arguments: [like])
        let organisations = try Int64.fetchAll(db, sql: "SELECT id FROM organisation WHERE name LIKE ? ESCAPE '\\' LIMIT 200", arguments: [like])
        var out = members.map { "member:\($0)" } + organisations.map { "organisation:\($0)" }
        // The newest points and claims of the first holders found (a name shared by hundreds is narrowed by
        // typing more, not paged through here). Newest, because the list is newest first: the oldest 2,000 taken
        // before could leave out this month's lines of a common surname.
        for (column, ids) in [("member_id", Array(members.prefix(50))), ("organisation_id", Array(organisations.prefix(20)))] where !ids.isEmpty {
            let list = ids.map(String.init).joined(separator: ",")
            out += try Int64.fetchAll(db, sql: "SELECT id FROM ledger_entry WHERE \(column) IN (\(list)) ORDER BY id DESC LIMIT \(recordsPerKind)")
                .map { "ledger_entry:\($0)" }
            out += try Int64.fetchAll(db, sql: "SELECT id FROM claim WHERE \(column) IN (\(list)) ORDER BY id DESC LIMIT \(recordsPerKind)")
                .map { "claim:\($0)" }
        }
        out += try issues(db, text: text).map { "issue:\($0)" }
        out += try TaskTitleIndex.shared.matches(db, text, limit: 200).map { "task:\($0)" }
        out += try Int64.fetchAll(db, sql: "SELECT id FROM operator WHERE name LIKE ? ESCAPE '\\'", arguments: [like]).map { "operator:\($0)" }
        return out
    }

    /// Up to 200 issues whose number, title, reporter or location holds the text, newest first: the same plan
    /// and source as the issue list's own search.
    static func issues(_ db: Database, text: String) throws -> [Int64] {
        let t = text.consultTrimmed.lowercased()
        let plan = try IssueSearch.plan(db, text: t)
        if plan == .none { return [] }
        let source = CommunityDatabase.issueSource(plan, text: t)
        let conditions = source.sql.isEmpty ? "" : " WHERE " + source.sql.joined(separator: " AND ")
        return try Int64.fetchAll(db, sql: "SELECT \(source.id) FROM \(source.from)\(conditions) ORDER BY \(source.id) DESC LIMIT 200",
                                  arguments: StatementArguments(source.args))
    }
}

/// The lines a text search matches, as their list keys newest first, kept until the file changes: the list's
/// count, its page and its position all read this one answer instead of probing the targets again each time.
/// The targets bound it (a few thousand records, a few lines each).
struct AuditTextMatches {
    let keys: [ListKey]

    static func of(_ db: Database, _ filter: AuditFilter) throws -> AuditTextMatches {
        try FiguresCache.shared.value(db, "audit.text-matches", context: filter) {
            let query = try CommunityDatabase.auditQuery(db, filter, select: "SELECT at, id FROM audit_log")
            let rows: [KeyRow] = try query.fetch(db, .first(Int(Int32.max)))
            return AuditTextMatches(keys: rows.map(\.key))
        }
    }

    private struct KeyRow: FetchableRecord {
        var key: ListKey
        init(row: Row) throws { key = ListKey(sort: row["at"], id: row["id"]) }
    }

    /// True when `a` comes before `b` in the list (newest first: larger time, then larger id).
    static func precedes(_ a: ListKey, _ b: ListKey) -> Bool {
        if a.sort != b.sort { return b.sort.utf8.lexicographicallyPrecedes(a.sort.utf8) }
        return a.id > b.id
    }

    /// How many keys come before `key` in the list.
    func position(of key: ListKey) -> Int {
        var low = 0, high = keys.count
        while low < high {
            let mid = (low + high) / 2
            if Self.precedes(keys[mid], key) { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The keys of one page, in list order, as `KeysetQuery.fetch` would return them.
    func page(_ request: PageRequest) -> ArraySlice<ListKey> {
        switch request {
        case .first(let n): return keys.prefix(max(0, n))
        case .last(let n): return keys.suffix(max(0, n))
        case .after(let key, let n):
            let start = position(of: key)
            let from = start < keys.count && keys[start] == key ? start + 1 : start
            return keys[from...].prefix(max(0, n))
        case .before(let key, let n): return keys[..<position(of: key)].suffix(max(0, n))
        case .from(let key, let n): return keys[position(of: key)...].prefix(max(0, n))
        }
    }
}
