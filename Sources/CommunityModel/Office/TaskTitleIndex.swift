import Foundation
import GRDB

/// Task titles held in memory for the audit search, as lower-cased UTF-8 bytes in id order. Reading all 20,000
/// titles with LIKE was the largest part of each audit search key at stress (4–7 ms); a byte search here is a
/// fraction of a millisecond. Titles change only by a task's own audited edit, and tasks are only added, so the
/// titles are read again when the newest task or the number of lines about tasks moves (an index range count).
final class TaskTitleIndex: @unchecked Sendable {
    static let shared = TaskTitleIndex()
    private let kept = KeptTexts(
        changeSQL: "(SELECT COALESCE(MAX(id), 0) FROM task), (SELECT COUNT(*) FROM audit_log WHERE target >= 'task:' AND target < 'task;')",
        textSQL: "SELECT id, title FROM task ORDER BY id", lowercased: true)

    /// Ids of tasks whose title holds `text` (letters compared without case), the first `limit` by id.
    func matches(_ db: Database, _ text: String, limit: Int) throws -> [Int64] {
        let needle = Array(text.lowercased().utf8)
        guard !needle.isEmpty else { return [] }
        let (ids, titles) = try titles(db)
        var out: [Int64] = []
        for (i, title) in titles.enumerated() where ByteSearch.contains(title, needle) {
            out.append(ids[i])
            if out.count == limit { break }
        }
        return out
    }

    /// The ids and titles as of `db`'s snapshot: the kept ones while the stamp holds, else read again.
    func titles(_ db: Database) throws -> ([Int64], [[UInt8]]) {
        try kept.texts(db)
    }
}

extension CommunityDatabase {
    /// Reads the task titles the audit search holds in memory on a background reader, so the first search key
    /// on the audit screen does not (20,000 titles at stress, ≈40 ms), and runs one search through and throws
    /// it away (`AuditTextMatches.rehearse`): a fresh session's first key was 19 ms against 8 for the next.
    /// After the first frame, and again when the audit search prompt opens.
    public func warmAuditSearch() {
        let pool = self.pool
        BackgroundWarmUp.run {
            _ = try? pool.read { db in
                _ = try TaskTitleIndex.shared.titles(db)
                try AuditTextMatches.rehearse(db)
            }
        }
    }
}
