import Foundation
import XCTest
@testable import CommunityModel

/// The queries rewritten for speed (v5-speed-indexes) must still answer exactly what the plain queries answer.
final class SpeedQueryTests: XCTestCase {
    func testOverdueWithinACategoryCountsAndPagesTheIntersection() throws {
        let f = try ConsultationFixture.make()
        defer { f.remove() }
        // 12 issues, alternating categories; every third walked to step 3 (deadline 7), the rest wait at step 1.
        for i in 1...12 {
            let issue = try f.newIssue("\(i)号楼", category: i % 2 == 0 ? "overhead_wires" : "vegetable_plots", on: "2026-05-01")
            if i % 3 == 0 { try f.walk(issue, to: 3) }
        }
        _ = try f.newIssue("新来的", category: "overhead_wires", on: "2026-05-19")   // not overdue on 05-20
        let today = "2026-05-20"
        let both = IssueFilter(category: "overhead_wires", overdueOnly: true)
        XCTAssertEqual(try f.db.issueCount(both, today: today, reference: f.reference), 6)
        XCTAssertEqual(try f.db.issueCount(IssueFilter(step: 3, category: "overhead_wires", overdueOnly: true), today: today, reference: f.reference), 2)
        let page = try f.db.issues(both, .first(4), today: today, reference: f.reference)
        XCTAssertEqual(page.map(\.title), ["12号楼", "10号楼", "8号楼", "6号楼"])
        XCTAssertTrue(page.allSatisfy { $0.category == "overhead_wires" && $0.overdue })
        let rest = try f.db.issues(both, .after(try XCTUnwrap(page.last).listKey, 4), today: today, reference: f.reference)
        XCTAssertEqual(rest.map(\.title), ["4号楼", "2号楼"])
        XCTAssertEqual(try f.db.issueCount(both, before: try XCTUnwrap(rest.first).listKey, today: today, reference: f.reference), 4)
        // With the category filter on its own, the new issue is counted too.
        XCTAssertEqual(try f.db.issueCount(IssueFilter(category: "overhead_wires"), today: today, reference: f.reference), 7)
        XCTAssertEqual(try f.db.issueCount(IssueFilter(status: .open, category: "vegetable_plots"), today: today, reference: f.reference), 6)
    }

    func testEndedColumnCountsBeforeAKeyMatchTheColumnOrder() throws {
        let f = try VolunteerFixture()
        let now = "2026-06-15 12:00"
        for day in 1...6 {
            try f.task("已过\(day)", starts: "2026-06-0\(day) 08:00", ends: "2026-06-0\(day) 11:00")
        }
        let cancelled = try f.task("取消的", starts: "2026-06-20 08:00", ends: "2026-06-20 11:00")
        try f.db.cancelTask(id: cancelled.id ?? 0, reason: "下雨", by: f.actor, now: "2026-06-10 08:00")
        try f.task("草稿", starts: "2026-06-02 08:00", ends: "2026-06-02 11:00", publish: false)
        try f.task("还没开始", starts: "2026-06-30 08:00", ends: "2026-06-30 11:00")
        // Latest end first: the cancelled task (ends 06-20), then 06-06 … 06-01. Drafts and future tasks are elsewhere.
        let column = try f.db.tasks(in: .ended, now: now, .first(10))
        XCTAssertEqual(column.map(\.task.title), ["取消的", "已过6", "已过5", "已过4", "已过3", "已过2", "已过1"])
        XCTAssertEqual(try f.db.taskCount(in: .ended, now: now), 7)
        for (i, row) in column.enumerated() {
            XCTAssertEqual(try f.db.taskCount(in: .ended, now: now, before: row.listKey), i, row.task.title)
        }
        XCTAssertEqual(try f.db.taskCount(in: .draft, now: now), 1)
        XCTAssertEqual(try f.db.taskCount(in: .open, now: now), 1)
    }

    func testSharedFiguresAreReusedOnlyWhileNothingChanged() throws {
        let f = try ConsultationFixture.make()
        defer { f.remove() }
        let a = try f.newIssue("a", on: "2026-05-01")
        let first = try f.db.sharedConsultationFigures(today: "2026-05-03", reference: f.reference)
        XCTAssertEqual(first.total, 1)
        XCTAssertEqual(first.overdue, 0)
        XCTAssertEqual(try f.db.sharedConsultationFigures(today: "2026-05-03", reference: f.reference), first)
        // Another day: the same issue is now overdue.
        XCTAssertEqual(try f.db.sharedConsultationFigures(today: "2026-05-20", reference: f.reference).overdue, 1)
        // Any write: recomputed, and equal to a fresh computation.
        try f.walk(a, to: 5)
        _ = try f.newIssue("b", on: "2026-05-19")
        let shared = try f.db.sharedConsultationFigures(today: "2026-05-20", reference: f.reference)
        XCTAssertEqual(shared, try f.db.consultationFigures(today: "2026-05-20", reference: f.reference))
        XCTAssertEqual(shared.total, 2)
        XCTAssertEqual(shared.discussed, 1)
        XCTAssertEqual(shared.openByStep, [1, 0, 0, 0, 1, 0, 0, 0])
    }
}
