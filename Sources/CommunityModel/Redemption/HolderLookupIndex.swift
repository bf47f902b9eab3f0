import Foundation
import GRDB

/// Pinyin for the desk's lookup (Core's `PinyinText`: 李成 → "licheng", "lc"), kept in `member_lookup`.
enum HolderLookupIndex {
    /// Fills every stale row (new or renamed members); cheap when nothing changed (a partial index).
    static func refreshStale(_ db: Database) throws {
        let rows = try Row.fetchAll(db, sql: """
            SELECT m.id, m.name, m.phone FROM member_lookup l JOIN member m ON m.id = l.member_id WHERE l.pinyin IS NULL
            """)
        guard !rows.isEmpty else { return }
        let update = try db.makeStatement(sql: "UPDATE member_lookup SET initials = ?, pinyin = ?, phone_reversed = ? WHERE member_id = ?")
        for row in rows {
            let id: Int64 = row["id"]
            let name: String = row["name"]
            let phone: String = row["phone"]
            try update.execute(arguments: [PinyinText.initials(name), PinyinText.full(name), String(phone.reversed()), id])
        }
    }

    /// Whether any row waits for its pinyin (a reader cannot fill it; the lookup then writes first).
    static func hasStale(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM member_lookup WHERE pinyin IS NULL)") ?? false
    }
}
