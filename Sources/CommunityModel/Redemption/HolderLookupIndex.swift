import Foundation
import GRDB

/// Pinyin for the desk's lookup, computed with Foundation's transliteration (李成 → "li cheng" → "lc").
enum HolderLookupIndex {
    /// "li cheng" (lower case, no tone marks), or the name lower-cased when it has no Han characters.
    static func pinyin(_ name: String) -> String {
        let latin = name.applyingTransform(.toLatin, reverse: false)?.applyingTransform(.stripDiacritics, reverse: false) ?? name
        return latin.lowercased()
    }

    /// "lc" for 李成: the first letter of each syllable.
    static func initials(_ pinyin: String) -> String {
        String(pinyin.split(whereSeparator: { $0 == " " || $0 == "-" }).compactMap { $0.first })
    }

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
            let full = pinyin(name)
            try update.execute(arguments: [initials(full), full.replacingOccurrences(of: " ", with: ""), String(phone.reversed()), id])
        }
    }

    /// Whether any row waits for its pinyin (a reader cannot fill it; the lookup then writes first).
    static func hasStale(_ db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM member_lookup WHERE pinyin IS NULL)") ?? false
    }
}
