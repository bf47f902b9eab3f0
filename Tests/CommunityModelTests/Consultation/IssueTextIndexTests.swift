import CommunityTestSupport
import Foundation
import GRDB
import XCTest
@testable import CommunityModel

/// The issue texts held in memory count what `instr(search, text)` counted over the table, before a key too.
final class IssueTextIndexTests: XCTestCase {
    func testCountsMatchInstrOverTheTableAndFollowANewIssue() throws {
        let f = try ConsultationFixture.make()
        defer { f.store.remove() }
        for (title, location) in [("2号楼飞线充电", "2号楼"), ("12号楼电梯", "12号楼1单元"), ("Parking 停车", "西门"), ("路灯不亮", "2026路口")] {
            _ = try f.db.createIssue(IssueDraft(title: title, category: "vegetable_plots", source: "resident", reporter: "王秀兰", location: location),
                                     by: f.actor, reference: f.reference)
        }
        func sql(_ text: String, after: Int64?) throws -> Int {
            try f.db.pool.read { db in
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM issue WHERE instr(search, ?) > 0 AND id > ?", arguments: [text, after ?? 0]) ?? 0
            }
        }
        let ids = try f.db.pool.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM issue ORDER BY id") }
        XCTAssertEqual(ids.count, 4)
        for text in ["2号楼", "号楼", "楼", "2026", "parking", "Parking", "没有", "", "2号楼1单元"] {
            for after in [nil] + ids.map(Optional.some) {
                let got = try f.db.pool.read { db in try IssueTextIndex.shared.count(db, text, after: after) }
                XCTAssertEqual(got, try sql(text, after: after), "“\(text)” after \(after.map(String.init) ?? "-")")
            }
        }
        XCTAssertEqual(try f.db.pool.read { db in try IssueTextIndex.shared.count(db, "号楼") }, 2)
        // A new issue is counted at once.
        _ = try f.db.createIssue(IssueDraft(title: "3号楼漏水", category: "vegetable_plots", source: "resident", reporter: "李", location: "3号楼"),
                                 by: f.actor, reference: f.reference)
        XCTAssertEqual(try f.db.pool.read { db in try IssueTextIndex.shared.count(db, "号楼") }, 3)
    }

    /// On the demo, where 2026 is in every issue's number (at stress the list walks the issues for it and counts
    /// it here), the count in memory agrees with the rows the list pages through and with the list's count.
    func testTheListCountOfACommonTextAgreesWithItsPages() throws {
        let store = try TestStore.demo()
        defer { store.remove() }
        let text = "2026"
        let plan = try store.db.pool.read { db in try IssueSearch.plan(db, text: text, postingLimit: 10) }
        XCTAssertEqual(plan, .scan)
        let count = try store.db.pool.read { db in
            try IssueTextIndex.shared.count(db, text)
        }
        let all = try store.db.issues(IssueFilter(text: text), .first(10_000))
        XCTAssertGreaterThan(all.count, 20)
        XCTAssertEqual(count, all.count)
        XCTAssertEqual(try store.db.issueCount(IssueFilter(text: text)), all.count)
        let key = try XCTUnwrap(all.dropFirst(7).first).listKey
        XCTAssertEqual(try store.db.issueCount(IssueFilter(text: text), before: key), 7)
    }
}
