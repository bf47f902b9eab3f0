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
        /// Walk `issue_gram` for this bigram in id order, checking the full text on each issue.
        case gram(String)
        /// Scan the narrow `issue_search` index (only very common pieces, such as 号楼 or 2026).
        case scan
        /// Some bigram of the text occurs nowhere: nothing can match.
        case nothing
    }

    /// Picks the rarest bigram of the text (counting postings reads only the index).
    static func plan(_ db: Database, text: String, postingLimit: Int = postingLimit) throws -> Plan {
        let t = text.consultTrimmed.lowercased()
        if t.isEmpty { return .none }
        let candidates = queryGrams(t)
        if candidates.isEmpty { return .scan }
        var best: (gram: String, count: Int)?
        let count = try db.cachedStatement(sql: "SELECT COUNT(*) FROM issue_gram WHERE gram = ?")
        for gram in candidates.sorted().prefix(12) {
            let n = try Int.fetchOne(count, arguments: [gram]) ?? 0
            if n == 0 { return .nothing }
            if n < (best?.count ?? Int.max) { best = (gram, n) }
        }
        guard let best, best.count <= postingLimit else { return .scan }
        return .gram(best.gram)
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
