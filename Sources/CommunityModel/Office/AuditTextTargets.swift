import Foundation
import GRDB

/// The records an audit text search is about: members and organisations by name or code (all their lines:
/// the holder itself, points, claims, receipts, vouchers — through `AuditHolders`), issues, tasks and operators.
///
/// Worked out once per text and change of the file (with the lines they find, `AuditTextMatches`), not inside
/// each query: a list read asks twice (its count, then its page). Issues come from the consultation search's
/// bigram index (`IssueSearch.plan`), task titles from memory (`TaskTitleIndex`), the rest from one pass each.
enum AuditTextTargets {
    /// What a text is about: the members and organisations it names (their lines are found through
    /// `audit_holder`), and the other records — issues, tasks, operators — whose lines are found by target.
    struct Found: Equatable {
        var holders: [String] = []
        var targets: [String] = []
    }

    static func find(_ db: Database, text: String) throws -> Found {
        let like = likePattern(contains: text)
        var found = Found()
        found.holders = try holders(db, text: text)
        found.targets = try issues(db, text: text).map { "issue:\($0)" }
        found.targets += try TaskTitleIndex.shared.matches(db, text, limit: 200).map { "task:\($0)" }
        found.targets += try Int64.fetchAll(db, sql: "SELECT id FROM operator WHERE name LIKE ? ESCAPE '\\'", arguments: [like]).map { "operator:\($0)" }
        return found
    }

    /// Up to 200 members whose name or code holds the text and up to 200 organisations whose name does, lowest
    /// ids first, as LIKE over the tables found them; from the desk's roster keys held in memory, so the first
    /// search key does not read the member table back in after the system let it go from its cache.
    static func holders(_ db: Database, text: String) throws -> [String] {
        let needle = HolderSearchIndex.asciiLowered(text)
        var members: [Int64] = [], organisations: [Int64] = []
        for e in try HolderIndexCache.shared.index(db).entries {
            switch e.holder {
            case .member(let id): if ByteSearch.contains(e.nameKey, needle) || ByteSearch.contains(e.code, needle) { members.append(id) }
            case .organisation(let id): if ByteSearch.contains(e.nameKey, needle) { organisations.append(id) }
            }
        }
        return members.sorted().prefix(200).map { "member:\($0)" } + organisations.sorted().prefix(200).map { "organisation:\($0)" }
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

/// The lines a text search matches, newest first, kept until the file changes: the list's count, its page and
/// its position all read this one answer instead of finding the lines again each time.
struct AuditTextMatches {
    let keys: [AuditMatchKey]

    static func of(_ db: Database, _ filter: AuditFilter) throws -> AuditTextMatches {
        try FiguresCache.shared.value(db, "audit.text-matches", context: filter) { try compute(db, filter) }
    }

    static func compute(_ db: Database, _ filter: AuditFilter) throws -> AuditTextMatches {
        let found = try AuditTextTargets.find(db, text: filter.searchText)
        var keys = try AuditHolders.keys(db, holders: found.holders, filter)
        if !found.targets.isEmpty {
            // The rest of the filter, by the target index: a record's lines are one range of it.
            var query = try CommunityDatabase.auditQuery(db, filter.withoutText,
                                                          select: "SELECT \(AuditMatchKey.timeSQL("at")) AS time, id FROM audit_log INDEXED BY audit_log_target")
            query.conditions.append("target IN (SELECT value FROM json_each(?))")
            query.arguments.append(AuditHolders.jsonArray(found.targets))
            let rows: [KeyRow] = try query.fetch(db, .first(Int(Int32.max)))
            keys = merged(keys, rows.map(\.key).sorted(by: <))
        }
        return AuditTextMatches(keys: keys)
    }

    /// Two lists in list order as one. A line has one target, so holders' lines and the others' never overlap.
    static func merged(_ a: [AuditMatchKey], _ b: [AuditMatchKey]) -> [AuditMatchKey] {
        if a.isEmpty { return b }
        if b.isEmpty { return a }
        var out: [AuditMatchKey] = []
        out.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if b[j] < a[i] { out.append(b[j]); j += 1 } else { out.append(a[i]); i += 1 }
        }
        out += a[i...]
        out += b[j...]
        return out
    }

    /// One search run through and thrown away, so the first search a person types does not also pay for what
    /// any first search pays: SQLite finding the holders' and the target index's pages, and the program's own
    /// first run of the code. Nothing is kept, so whatever is typed later is worked out afresh.
    static func rehearse(_ db: Database) throws {
        // A holder's surname: the search goes through every kind of target, as a name typed at the screen does.
        guard let text = try String.fetchOne(db, sql: "SELECT substr(name, 1, 1) FROM member ORDER BY id LIMIT 1") else { return }
        let page = try compute(db, AuditFilter(text: text)).page(.first(60))
        _ = try AuditSentence.lines(db, try AuditEntry.fetchAll(db, keys: Array(page)))
    }

    private struct KeyRow: FetchableRecord {
        var key: AuditMatchKey
        init(row: Row) throws { key = AuditMatchKey(time: row["time"], id: row["id"]) }
    }

    /// How many lines come before `key` in the list.
    func position(of key: ListKey) -> Int {
        let key = AuditMatchKey(key)
        var low = 0, high = keys.count
        while low < high {
            let mid = (low + high) / 2
            if keys[mid] < key { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The ids of one page, in list order, as `KeysetQuery.fetch` would return them.
    func page(_ request: PageRequest) -> [Int64] {
        let slice: ArraySlice<AuditMatchKey>
        switch request {
        case .first(let n): slice = keys.prefix(max(0, n))
        case .last(let n): slice = keys.suffix(max(0, n))
        case .after(let key, let n):
            let start = position(of: key)
            let from = start < keys.count && keys[start] == AuditMatchKey(key) ? start + 1 : start
            slice = keys[from...].prefix(max(0, n))
        case .before(let key, let n): slice = keys[..<position(of: key)].suffix(max(0, n))
        case .from(let key, let n): slice = keys[position(of: key)...].prefix(max(0, n))
        }
        return slice.map(\.id)
    }
}
