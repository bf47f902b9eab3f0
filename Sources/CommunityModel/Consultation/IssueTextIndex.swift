import Foundation
import GRDB

/// Every issue's search text (the `search` column: number, title, reporter and location, lower-cased) held in
/// memory as UTF-8 bytes in id order, for counting a common text. When most issues hold the text (2026, 2号楼)
/// the list walks the issues newest first for its page, which stops after a few dozen; but its count read all
/// 20,000 texts through the `issue_search` index, 4 ms of the key warm and far more cold. A byte search here
/// counts the same issues in about a millisecond. An issue's number, title, reporter and location are written
/// once and never edited (the bigram index relies on the same), so the texts are read again only when an
/// issue is added.
final class IssueTextIndex: @unchecked Sendable {
    static let shared = IssueTextIndex()
    private let kept = KeptTexts(changeSQL: "(SELECT COALESCE(MAX(id), 0) FROM issue), (SELECT COUNT(*) FROM issue)",
                                 textSQL: "SELECT id, search FROM issue ORDER BY id", lowercased: false)

    /// How many issues hold `text` as `instr(search, text) > 0` finds them (bytes of the same UTF-8), only
    /// those with an id above `after` when given (the rows before a key in the newest-first list).
    func count(_ db: Database, _ text: String, after: Int64? = nil) throws -> Int {
        let needle = Array(text.utf8)
        let (ids, texts) = try texts(db)
        // Ids ascend: the rows above `after` are a suffix.
        var start = 0
        if let after {
            var low = 0, high = ids.count
            while low < high {
                let mid = (low + high) / 2
                if ids[mid] <= after { low = mid + 1 } else { high = mid }
            }
            start = low
        }
        var n = 0
        for i in start..<texts.count where ByteSearch.contains(texts[i], needle) { n += 1 }
        return n
    }

    /// The ids and texts as of `db`'s snapshot: the kept ones while no issue was added, else read again.
    func texts(_ db: Database) throws -> ([Int64], [[UInt8]]) {
        try kept.texts(db)
    }
}

extension CommunityDatabase {
    /// Reads the issues' search texts on a background reader after the first frame, so the first common search
    /// on screen 2 does not (20,000 issues at stress).
    public func warmIssueSearch() {
        let pool = self.pool
        BackgroundWarmUp.run { _ = try? pool.read { db in try IssueTextIndex.shared.texts(db) } }
    }
}
