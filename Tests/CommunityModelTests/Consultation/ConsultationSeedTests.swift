import GRDB
import XCTest
@testable import CommunityModel

/// 朝东社区's demo half year and generated issues: figures as the reference community, histories `check` accepts.
final class ConsultationSeedTests: XCTestCase {
    var f: ConsultationFixture!

    override func setUpWithError() throws { f = try ConsultationFixture.make() }
    override func tearDown() { f.remove() }

    func seed(_ fixture: ConsultationFixture, today: String = "2026-11-30") throws {
        var context = SeedContext(today: today, actor: fixture.actor, random: SeededRandom(seed: 168))
        try fixture.db.pool.write { db in try ConsultationModule.seedDemo(db, context: &context) }
    }

    func testDemoHalfYearMatchesTheReferenceFigures() throws {
        try seed(f)
        let figures = try f.db.consultationFigures(today: "2026-11-30", reference: f.reference)
        XCTAssertGreaterThanOrEqual(figures.discussed, 127)
        XCTAssertGreaterThanOrEqual(figures.resolved, 118)
        XCTAssertGreaterThanOrEqual(figures.satisfactionRate, 0.98)
        XCTAssertLessThan(figures.satisfactionRate, 1.0)
        XCTAssertGreaterThanOrEqual(figures.overdue, 3)
        XCTAssertEqual(figures.openByStep.filter { $0 > 0 }.count, 8, "open issues at every step: \(figures.openByStep)")
        XCTAssertEqual(try f.db.pool.read { db in try ConsultationModule.check(db) }, [])
        // Nothing happens after today, and everything lies within about half a year.
        let (first, last) = try f.db.pool.read { db in
            (try String.fetchOne(db, sql: "SELECT MIN(created_on) FROM issue") ?? "", try String.fetchOne(db, sql: "SELECT MAX(on_day) FROM issue_transition") ?? "")
        }
        XCTAssertLessThanOrEqual(last, "2026-11-30")
        XCTAssertGreaterThanOrEqual(first, "2026-05-01")
    }

    func testDemoTellsTheFeaturedStoriesWithPartiesMeetingsAndVotes() throws {
        try seed(f)
        for title in ["5号楼北侧公共绿地被圈占种菜", "2号楼与3号楼之间高空飘线", "7号楼一楼住户私搭彩钢房占用公共通道"] {
            let id = try XCTUnwrap(try f.db.pool.read { db in try Int64.fetchOne(db, sql: "SELECT id FROM issue WHERE title = ?", arguments: [title]) }, title)
            let d = try XCTUnwrap(f.db.issueDossier(id: id))
            XCTAssertEqual(d.issue.outcome, .resolved, title)
            XCTAssertGreaterThanOrEqual(Set(d.parties.map(\.kind)).count, 3, title)
            XCTAssertTrue(d.parties.contains { $0.kind == "party_org" }, title)
            XCTAssertFalse(d.meetings.isEmpty, title)
            XCTAssertNotNil(d.meetings.last?.vote, title)
            XCTAssertEqual(d.meetings.last?.place, "居民议事厅")
        }
        let wires = try XCTUnwrap(f.db.issue(number: try f.db.pool.read { db in
            try String.fetchOne(db, sql: "SELECT number FROM issue WHERE title = '2号楼与3号楼之间高空飘线'") ?? "" }))
        let history = try XCTUnwrap(f.db.issueDossier(id: wires.id!)).history
        XCTAssertTrue(history.contains { $0.kind == .voteFailed }, "the wires story has a failed first vote")
    }

    func testDemoIsDeterministic() throws {
        let other = try ConsultationFixture.make()
        defer { other.remove() }
        try seed(f)
        try seed(other)
        let sql = "SELECT number || title || step || COALESCE(outcome, '') || step_since FROM issue ORDER BY id"
        XCTAssertEqual(try f.db.pool.read { db in try String.fetchAll(db, sql: sql) },
                       try other.db.pool.read { db in try String.fetchAll(db, sql: sql) })
    }

    func testGenerateAddsIssuesWithValidHistories() throws {
        try seed(f)
        var context = SeedContext(today: "2026-11-30", actor: nil, random: SeededRandom(seed: 7))
        let before = try f.db.consultationFigures(today: "2026-11-30", reference: f.reference).total
        try ConsultationModule.generate(f.db.pool, scale: .demo, context: &context, progress: nil)
        let after = try f.db.consultationFigures(today: "2026-11-30", reference: f.reference)
        XCTAssertEqual(after.total - before, 200)
        XCTAssertEqual(try f.db.pool.read { db in try ConsultationModule.check(db) }, [])
        let numbers = try f.db.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT number) FROM issue") }
        XCTAssertEqual(numbers, after.total)
    }
}
