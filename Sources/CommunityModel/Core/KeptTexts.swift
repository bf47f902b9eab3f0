import Foundation
import GRDB

/// One column of short texts held in memory as UTF-8 bytes, with their row ids in id order, for a byte search
/// over all of them as a search key is typed (the task titles the audit search reads, the issue texts screen 2
/// counts). Read again when `changeSQL` — one or more numbers that move whenever a text could have changed —
/// reads differently, and kept per file.
final class KeptTexts: @unchecked Sendable {
    private let changeSQL: String
    private let textSQL: String
    private let lowercased: Bool
    private let kept = KeptByStamp<([Int64], [[UInt8]])>()

    /// - Parameters:
    ///   - changeSQL: the numbers to compare, as scalar subqueries separated by commas.
    ///   - textSQL: `SELECT id, text FROM … ORDER BY id`.
    ///   - lowercased: whether the texts are lower-cased here (letters beyond ASCII too) before they are kept.
    init(changeSQL: String, textSQL: String, lowercased: Bool) {
        self.changeSQL = changeSQL
        self.textSQL = textSQL
        self.lowercased = lowercased
    }

    /// The ids and texts as of `db`'s snapshot: the kept ones while nothing moved, else read again.
    func texts(_ db: Database) throws -> (ids: [Int64], texts: [[UInt8]]) {
        let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT (SELECT file FROM pragma_database_list WHERE name = 'main'), " + changeSQL))
        let stamp = row.map { r in r.databaseValues.map { "\($0)" }.joined(separator: " ") } ?? ""
        return try kept.value(db, stamp: stamp) {
            var ids: [Int64] = [], texts: [[UInt8]] = []
            let rows = try Row.fetchCursor(db, sql: textSQL)
            while let r = try rows.next() {
                ids.append(r[0])
                let text: String = r[1]
                texts.append(Array((lowercased ? text.lowercased() : text).utf8))
            }
            return (ids, texts)
        }
    }
}
