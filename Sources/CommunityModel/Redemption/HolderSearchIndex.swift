import Foundation
import GRDB

/// The lookup keys of every member and organisation (name, code, pinyin, initials, reversed phone, unit),
/// held in memory while the roster stands still. The desk's lookup runs as the clerk types, and a short text
/// ("cd", "zh", "13") matches most of the 5,000 members at stress: ranking and sorting them in SQL, joined to
/// units and balances, took 12–20 ms a key. Here a key is one pass over a compact array already in name
/// order, and only the page shown is read from the store (balance, masked phone). The keys take about
/// 100 bytes a holder; they are reloaded only when the roster changes (`roster_stamp`), not when points move.
struct HolderSearchIndex: Sendable {
    struct Entry: Sendable {
        var holder: PointsHolder
        var name: String
        /// Byte strings, ASCII lower-cased: what SQLite's LIKE compared before (case-insensitive for ASCII).
        var nameKey: [UInt8]
        var code: [UInt8]
        var initials: [UInt8]
        var pinyin: [UInt8]
        var phoneReversed: [UInt8]
        var unit: [UInt8]
        var sortKey: String
    }

    /// Ordered by name (bytes, as SQLite's BINARY collation), then members before organisations, then id.
    let entries: [Entry]

    static func load(_ db: Database) throws -> HolderSearchIndex {
        let rows = try Row.fetchCursor(db, sql: """
            SELECT 'm' AS kind, m.id, m.name, m.member_code AS code, COALESCE(l.initials, '') AS initials,
                   COALESCE(l.pinyin, '') AS pinyin, COALESCE(l.phone_reversed, '') AS phone_reversed, COALESCE(o.name, '') AS unit
            FROM member m LEFT JOIN member_lookup l ON l.member_id = m.id LEFT JOIN organisation o ON o.id = m.organisation_id
            UNION ALL
            SELECT 'o', o.id, o.name, '', '', '', '', '' FROM organisation o
            ORDER BY 3, 1, 2
            """)
        var entries: [Entry] = []
        while let row = try rows.next() {
            let kind: String = row["kind"]
            let id: Int64 = row["id"]
            let name: String = row["name"]
            entries.append(Entry(holder: kind == "m" ? .member(id) : .organisation(id), name: name,
                                 nameKey: asciiLowered(name), code: asciiLowered(row["code"]),
                                 initials: asciiLowered(row["initials"]), pinyin: asciiLowered(row["pinyin"]),
                                 phoneReversed: Array((row["phone_reversed"] as String).utf8), unit: asciiLowered(row["unit"]),
                                 sortKey: HolderQueries.sortKey(kind, id)))
        }
        return HolderSearchIndex(entries: entries)
    }

    /// The place of each match in the result order (`HolderMatch.Cursor`'s rank), or nil for no match:
    /// 0 exact member code or phone tail, 1 name starts with it, 2 pinyin or initials, 3 contains it or the
    /// code starts with it, 4 the member's organisation contains it.
    struct Query {
        var text: [UInt8]
        var compact: [UInt8]
        var reversedPhone: [UInt8]?

        func rank(_ e: Entry) -> Int? {
            let isMember: Bool
            if case .member = e.holder { isMember = true } else { isMember = false }
            guard isMember else {
                if e.nameKey.starts(with: text) { return 1 }
                return ByteSearch.contains(e.nameKey, text) ? 3 : nil
            }
            if e.code == text { return 0 }
            if let reversedPhone, e.phoneReversed.starts(with: reversedPhone) { return 0 }
            if e.nameKey.starts(with: text) { return 1 }
            if !compact.isEmpty, e.initials.starts(with: compact) || e.pinyin.starts(with: compact) { return 2 }
            if ByteSearch.contains(e.nameKey, text) || e.code.starts(with: text) { return 3 }
            return ByteSearch.contains(e.unit, text) ? 4 : nil
        }
    }

    /// The holders matching `query` (already trimmed and lower-cased), in result order after `cursor`, at most `limit`.
    func find(_ query: Query, limit: Int, after cursor: HolderMatch.Cursor?) -> [(holder: PointsHolder, cursor: HolderMatch.Cursor)] {
        var buckets: [[Int]] = Array(repeating: [], count: 5)
        let afterName = cursor.map { Array($0.name.utf8) }
        for (i, e) in entries.enumerated() {
            guard let rank = query.rank(e) else { continue }
            if let cursor, let afterName, !Self.isAfter(rank: rank, name: e.name, key: e.sortKey, cursor, afterName) { continue }
            buckets[rank].append(i)
        }
        var out: [(holder: PointsHolder, cursor: HolderMatch.Cursor)] = []
        for (rank, bucket) in buckets.enumerated() {
            for i in bucket {
                guard out.count < limit else { return out }
                let e = entries[i]
                out.append((e.holder, HolderMatch.Cursor(rank: rank, name: e.name, key: e.sortKey)))
            }
        }
        return out
    }

    /// (rank, name, key) > cursor, names compared by their bytes as SQLite does.
    private static func isAfter(rank: Int, name: String, key: String, _ cursor: HolderMatch.Cursor, _ cursorName: [UInt8]) -> Bool {
        if rank != cursor.rank { return rank > cursor.rank }
        let bytes = Array(name.utf8)
        if bytes != cursorName { return cursorName.lexicographicallyPrecedes(bytes) }
        return cursor.key < key
    }

    static func asciiLowered(_ text: String) -> [UInt8] {
        text.utf8.map { (65...90).contains($0) ? $0 + 32 : $0 }
    }
}

/// The index of the last file asked about, kept until its roster stamp moves.
final class HolderIndexCache: @unchecked Sendable {
    static let shared = HolderIndexCache()
    private let kept = KeptByStamp<HolderSearchIndex>()

    /// The index for `db`'s snapshot: the kept one while the file's roster has not changed.
    func index(_ db: Database) throws -> HolderSearchIndex {
        let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT (SELECT file FROM pragma_database_list WHERE name = 'main') AS file, (SELECT n FROM roster_stamp) AS stamp
            """))
        var stamp: String?
        if let file = row?["file"] as String?, !file.isEmpty, let n = row?["stamp"] as Int64? { stamp = "\(file) \(n)" }
        return try kept.value(db, stamp: stamp) { try HolderSearchIndex.load(db) }
    }
}
