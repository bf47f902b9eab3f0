import Foundation
import GRDB

/// Search for `/` on the issue list: every character and every two-character piece ("bigram") of an
/// issue's number, title, reporter and location is indexed in `issue_gram`, so a search walks one short
/// posting list in id order and stops after a page, instead of reading all 20,000 issues. Chinese has no
/// spaces, so words cannot be the unit; single characters are kept because the search runs as the
/// secretary types, and the first key is one character (菜, 飘).
enum IssueSearch {
    /// The searchable text, lower-cased; the same expression as the generated `issue.search` column.
    static func text(number: String, title: String, reporter: String, location: String) -> String {
        "\(number) \(title) \(reporter) \(location)".lowercased()
    }

    /// Distinct characters and bigrams, without whitespace.
    static func grams(_ text: String) -> Set<String> {
        let chars = Array(text)
        var out = Set<String>()
        for (i, c) in chars.enumerated() where !c.isWhitespace {
            out.insert(String(c))
            if i + 1 < chars.count, !chars[i + 1].isWhitespace { out.insert(String(c) + String(chars[i + 1])) }
        }
        return out
    }

    /// The pieces of a search text worth looking up: its bigrams, or its one character.
    static func queryGrams(_ text: String) -> Set<String> {
        let all = grams(text)
        let pairs = all.filter { $0.count == 2 }
        return pairs.isEmpty ? all : pairs
    }

    static func index(_ db: Database, issueId: Int64, number: String, title: String, reporter: String, location: String) throws {
        let statement = try db.cachedStatement(sql: "INSERT OR IGNORE INTO issue_gram (gram, issue_id) VALUES (?, ?)")
        for gram in grams(text(number: number, title: title, reporter: reporter, location: location)) {
            try statement.execute(arguments: [gram, issueId])
        }
    }

    /// Above this many postings the narrow index scan is cheaper than walking the posting list.
    static let postingLimit = 6_000

    /// How the list query reads issues for a search text.
    enum Plan: Equatable {
        /// No search text.
        case none
        /// Walk `issue_gram` for this piece in id order. When the piece is the whole search text (one
        /// character, or two), every posting is a match; otherwise each issue's full text is checked too.
        case gram(String)
        /// Walk the issues newest first, checking the text (only very common pieces of a longer text, such as
        /// 2号楼 or 2026, where most issues match and a page is found after a few dozen rows).
        case scan
        /// Some bigram of the text occurs nowhere: nothing can match.
        case nothing
    }

    /// Picks the rarest bigram of the text. Postings are counted only up to the limit, from the index alone,
    /// so a piece in every issue (号) costs no more to weigh than a rare one.
    static func plan(_ db: Database, text: String, postingLimit: Int = postingLimit) throws -> Plan {
        let t = text.consultTrimmed.lowercased()
        if t.isEmpty { return .none }
        // A list read asks twice for the same text (its count, then its page): the second reuses the first
        // plan while no issue was added (postings change only then; titles are never edited).
        // Readers only: a writer's snapshot may hold an issue that rolls back.
        guard db.configuration.readonly, let row = try Row.fetchOne(db, sql: """
            SELECT (SELECT file FROM pragma_database_list WHERE name = 'main') AS file, (SELECT COALESCE(MAX(id), 0) FROM issue) AS newest
            """), let file = row["file"] as String?, !file.isEmpty else {
            return try freshPlan(db, text: t, postingLimit: postingLimit)
        }
        let newest: Int64 = row["newest"]
        let stamp = "\(file) \(newest) \(postingLimit) " + t
        if let kept = PlanMemo.shared.plan(for: stamp) { return kept }
        let plan = try freshPlan(db, text: t, postingLimit: postingLimit)
        PlanMemo.shared.keep(plan, for: stamp)
        return plan
    }

    private static func freshPlan(_ db: Database, text t: String, postingLimit: Int) throws -> Plan {
        let candidates = queryGrams(t)
        if candidates.isEmpty { return .scan }
        if candidates == [t] {
            // The text is one piece: its posting list is exactly the answer, however long.
            let any = try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM issue_gram WHERE gram = ?)"), arguments: [t]) ?? false
            return any ? .gram(t) : .nothing
        }
        var best: (gram: String, count: Int)?
        let count = try db.cachedStatement(sql: "SELECT COUNT(*) FROM (SELECT 1 FROM issue_gram WHERE gram = ? LIMIT ?)")
        for gram in candidates.sorted().prefix(12) {
            let n = try Int.fetchOne(count, arguments: [gram, postingLimit + 1]) ?? 0
            if n == 0 { return .nothing }
            if n < (best?.count ?? Int.max) { best = (gram, n) }
        }
        guard let best, best.count <= postingLimit else { return .scan }
        return .gram(best.gram)
    }
}

/// The last search plan made, with the file, newest issue and text it holds for.
final class PlanMemo: @unchecked Sendable {
    static let shared = PlanMemo()
    private let lock = NSLock()
    private var last: (stamp: String, plan: IssueSearch.Plan)?

    func plan(for stamp: String) -> IssueSearch.Plan? {
        lock.lock()
        defer { lock.unlock() }
        return last?.stamp == stamp ? last?.plan : nil
    }

    func keep(_ plan: IssueSearch.Plan, for stamp: String) {
        lock.lock()
        defer { lock.unlock() }
        last = (stamp, plan)
    }
}

extension Schema {
    /// v3: the bigram index behind `/` on the issue list, filled for issues already recorded.
    static func registerConsultationSearch(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v3-consultation-search") { db in
            try db.execute(sql: """
            CREATE TABLE issue_gram (
                gram TEXT NOT NULL,
                issue_id INTEGER NOT NULL REFERENCES issue(id) ON DELETE RESTRICT,
                PRIMARY KEY (gram, issue_id)
            ) STRICT, WITHOUT ROWID;
            """)
            let rows = try Row.fetchCursor(db, sql: "SELECT id, number, title, reporter, location FROM issue")
            while let r = try rows.next() {
                try IssueSearch.index(db, issueId: r[0], number: r[1], title: r[2], reporter: r[3], location: r[4])
            }
        }
    }
}
