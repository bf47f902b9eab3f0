import CommunityTestSupport
import Foundation
import GRDB
import XCTest
@testable import CommunityModel

/// The audit search's holders and targets, worked out once per text (holders from the roster keys in memory,
/// issues through the bigram index, task titles from memory), find exactly what LIKE over the tables finds, on
/// the demo's whole history; the kept matches page and count as the one-query form of the filter does.
final class AuditTextTargetsTests: XCTestCase {
    /// The subqueries as the audit list ran them inline, kept here as the reference: the holders a text names
    /// (members by name or code, organisations by name, lowest ids first, as LIKE found them), and the issues,
    /// tasks and operators whose lines are found by target.
    func reference(_ db: Database, _ text: String) throws -> (holders: Set<String>, targets: Set<String>) {
        let like = likePattern(contains: text)
        let holders = Set(try String.fetchAll(db, sql: """
            SELECT 'member:' || id FROM (SELECT id FROM member WHERE name LIKE ?1 ESCAPE '\\' OR member_code LIKE ?1 ESCAPE '\\' ORDER BY id LIMIT 200)
            UNION ALL SELECT 'organisation:' || id FROM (SELECT id FROM organisation WHERE name LIKE ?1 ESCAPE '\\' ORDER BY id LIMIT 200)
            """, arguments: [like]))
        let targets = Set(try String.fetchAll(db, sql: """
            SELECT 'issue:' || id FROM (SELECT id FROM issue WHERE search LIKE ?2 ESCAPE '\\' LIMIT 200)
            UNION ALL SELECT 'task:' || id FROM (SELECT id FROM task WHERE title LIKE ?1 ESCAPE '\\' LIMIT 200)
            UNION ALL SELECT 'operator:' || id FROM operator WHERE name LIKE ?1 ESCAPE '\\'
            """, arguments: [like, like.lowercased()]))
        return (holders, targets)
    }

    func testTheSameHoldersAndTargetsAsLikeOverTheTablesForNamesIssuesTasksAndCodes() throws {
        let store = try TestStore.demo()
        defer { store.remove() }
        let words = try store.db.pool.read { db in
            // A member's name and code, an organisation, an issue's title piece and location, a task title
            // piece, an operator, common single characters, and words found nowhere.
            [try String.fetchOne(db, sql: "SELECT m.name FROM member m JOIN claim c ON c.member_id = m.id GROUP BY m.id ORDER BY COUNT(*) DESC, m.id LIMIT 1"),
             try String.fetchOne(db, sql: "SELECT member_code FROM member ORDER BY id LIMIT 1 OFFSET 3"),
             try String.fetchOne(db, sql: "SELECT substr(name, 1, 3) FROM organisation ORDER BY id LIMIT 1"),
             try String.fetchOne(db, sql: "SELECT substr(title, 1, 4) FROM issue ORDER BY id DESC LIMIT 1"),
             try String.fetchOne(db, sql: "SELECT location FROM issue ORDER BY id LIMIT 1"),
             try String.fetchOne(db, sql: "SELECT substr(title, 1, 3) FROM task ORDER BY id LIMIT 1 OFFSET 5"),
             try String.fetchOne(db, sql: "SELECT number FROM issue ORDER BY id LIMIT 1 OFFSET 2"),
             "演示书记", "张", "号", "2026", "cd0", "没有这种内容的文字", "50%"].compactMap { $0 }
        }
        XCTAssertEqual(words.count, 14)
        var nonEmpty = 0
        for word in words {
            let (expected, found) = try store.db.pool.read { db in
                (try reference(db, word), try AuditTextTargets.find(db, text: word))
            }
            for (got, want) in [(Set(found.holders), expected.holders), (Set(found.targets), expected.targets)] {
                XCTAssertEqual(got, want, "“\(word)”: only new \(got.subtracting(want).sorted().prefix(5)), only old \(want.subtracting(got).sorted().prefix(5))")
            }
            if !found.holders.isEmpty || !found.targets.isEmpty { nonEmpty += 1 }
        }
        XCTAssertGreaterThanOrEqual(nonEmpty, 11)
        // The list itself: a holder's lines are found by name, as before.
        let lines = try store.db.auditLines(AuditFilter(text: words[0]), .first(20))
        XCTAssertFalse(lines.isEmpty)
        XCTAssertEqual(try store.db.auditCount(AuditFilter(text: "没有这种内容的文字")), 0)
    }

    /// Pages, positions and counts read from the kept matches agree with the keyset query over the same filter.
    func testPagesAndCountsFromTheKeptMatchesAgreeWithTheKeysetQuery() throws {
        let store = try TestStore.demo()
        defer { store.remove() }
        let name = try XCTUnwrap(try store.db.pool.read { db in
            try String.fetchOne(db, sql: "SELECT m.name FROM member m JOIN claim c ON c.member_id = m.id GROUP BY m.id ORDER BY COUNT(*) DESC, m.id LIMIT 1")
        })
        let task = try XCTUnwrap(try store.db.pool.read { db in
            try String.fetchOne(db, sql: "SELECT substr(t.title, 1, 2) FROM task t JOIN audit_log a ON a.target = 'task:' || t.id GROUP BY 1 ORDER BY COUNT(*) DESC LIMIT 1")
        })
        let operatorName = try XCTUnwrap(try store.db.pool.read { db in
            try String.fetchOne(db, sql: "SELECT operator_name FROM audit_log GROUP BY 1 ORDER BY COUNT(*) DESC LIMIT 1")
        })
        let (from, to) = try store.db.pool.read { db in
            (try String.fetchOne(db, sql: "SELECT substr(MIN(at), 1, 10) FROM audit_log WHERE at > (SELECT MIN(at) FROM audit_log)") ?? "",
             try String.fetchOne(db, sql: "SELECT substr(MAX(at), 1, 10) FROM audit_log") ?? "")
        }
        // The name alone reads the holders' kept lines; with an operator, kind or dates it joins the lines.
        for filter in [AuditFilter(text: name), AuditFilter(kind: .tasks, text: name), AuditFilter(operatorName: operatorName, text: name),
                       AuditFilter(from: from, to: to, text: name), AuditFilter(text: task), AuditFilter(kind: .points, from: from, text: "CD0")] {
            let ids: (PageRequest) throws -> ([Int64], [Int64]) = { request in
                let kept = try store.db.auditLines(filter, request).compactMap(\.entry.id)
                let sql: [AuditEntry] = try store.db.pool.read { db in try CommunityDatabase.auditQuery(db, filter).fetch(db, request) }
                return (kept, sql.compactMap(\.id))
            }
            let all: [AuditEntry] = try store.db.pool.read { db in try CommunityDatabase.auditQuery(db, filter).fetch(db, .first(100_000)) }
            XCTAssertGreaterThan(all.count, 10, "\(filter)")
            XCTAssertEqual(try store.db.auditCount(filter), all.count)
            let keys = all.map { ListKey(sort: $0.at, id: $0.id ?? 0) }
            for (i, key) in keys.enumerated() where i % 3 == 0 || i == keys.count - 1 {
                for request in [PageRequest.after(key, 7), .before(key, 7), .from(key, 7)] {
                    let (kept, sql) = try ids(request)
                    XCTAssertEqual(kept, sql, "\(request)")
                }
                XCTAssertEqual(try store.db.auditCount(filter, before: key), i)
            }
            for request in [PageRequest.first(7), .last(7), .first(0)] {
                let (kept, sql) = try ids(request)
                XCTAssertEqual(kept, sql, "\(request)")
            }
        }
    }

    /// Task titles kept in memory follow a new task and an edited title at once.
    func testTaskTitlesKeptInMemoryFollowNewTasksAndEdits() throws {
        let store = try TestStore()
        defer { store.remove() }
        let draft = TaskDraft(title: "楼道清扫", category: .nucleicTesting, audience: .both, startsAt: "2099-06-28 8:00",
                              endsAt: "2099-06-28 11:30", place: "卫生站", places: 3, points: 10)
        let first = try store.db.createTask(draft, publish: true, by: store.secretary)
        let id = try XCTUnwrap(first.id)
        func found(_ text: String) throws -> [String] {
            try store.db.pool.read { db in try AuditTextTargets.find(db, text: text).targets }.filter { $0.hasPrefix("task:") }
        }
        XCTAssertEqual(try found("清扫"), ["task:\(id)"])
        XCTAssertEqual(try found("义诊"), [])
        var edited = draft
        edited.title = "Free Clinic 义诊"
        try store.db.updateTask(id: id, edited, by: store.secretary)
        XCTAssertEqual(try found("义诊"), ["task:\(id)"])
        XCTAssertEqual(try found("clinic"), ["task:\(id)"], "letters without case, as LIKE did")
        XCTAssertEqual(try found("清扫"), [])
        let second = try store.db.createTask(draft, publish: true, by: store.secretary)
        XCTAssertEqual(try found("清扫"), ["task:\(try XCTUnwrap(second.id))"])
    }
}
