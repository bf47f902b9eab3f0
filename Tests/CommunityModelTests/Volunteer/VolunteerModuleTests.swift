import GRDB
import XCTest
@testable import CommunityModel

/// Demo seed, generation, `check` and `stats` for the volunteer module (issue 4 items 6–9).
final class VolunteerModuleTests: XCTestCase {
    /// A small roster like the roster seeder's: the two named organisations plus others, and 20 members.
    func rosterFixture() throws -> VolunteerFixture {
        let f = try VolunteerFixture()
        for (i, name) in ["公交集团党委", "市供电公司党委", "区法院党组", "区教育局党委"].enumerated() {
            try f.organisation(name, phone: String(format: "1390317%04d", i))
        }
        for i in 0..<20 { try f.member("党员\(i)", code: String(format: "CD%04d", i), phone: String(format: "138%08d", i)) }
        return f
    }

    func seed(_ f: VolunteerFixture, today: String = "2026-06-20") throws {
        try f.db.pool.write { db in
            var context = SeedContext(today: today, actor: f.actor, random: SeededRandom(seed: 7))
            try VolunteerModule.seedDemo(db, context: &context)
        }
    }

    func testDemoSeedTellsTheStoryAndPassesCheck() throws {
        let f = try rosterFixture()
        try seed(f)
        // Ten days ago 防诈骗宣传: 公交集团 approved, 区法院 still in the review queue.
        let claimants = try f.db.pool.read { try String.fetchAll($0, sql: """
            SELECT o.name || ' ' || c.state FROM claim c JOIN task t ON t.id = c.task_id JOIN organisation o ON o.id = c.organisation_id
            WHERE t.title = '防诈骗宣传进社区' AND t.starts_at LIKE '2026-06-10%' ORDER BY o.name
            """) }
        XCTAssertEqual(claimants, ["公交集团党委 已通过", "区法院党组 已回复"])
        XCTAssertEqual(try f.count("SELECT COUNT(*) FROM claim c JOIN task t ON t.id = c.task_id WHERE t.title LIKE '迎%七一%' AND t.starts_at LIKE '2026-06-25%' AND c.member_id IS NOT NULL"), 2)
        XCTAssertGreaterThan(try f.db.claimCount(.reviewQueue), 0, "a review queue is waiting")
        XCTAssertGreaterThan(try f.count("SELECT COUNT(*) FROM points_balance WHERE holder_kind = 'member' AND balance > 0"), 3)
        XCTAssertEqual(try f.db.pool.read { try VolunteerModule.check($0) }, [])
        // Entries are stamped when the work was reviewed, over the half year before today, never later.
        XCTAssertEqual(try f.count("SELECT COUNT(*) FROM ledger_entry WHERE at > '2026-06-20 09:00:00' OR day < '2025-12-19'"), 0)
        XCTAssertGreaterThanOrEqual(try f.count("SELECT COUNT(DISTINCT substr(day, 1, 7)) FROM ledger_entry"), 6)
        let now = "2026-06-20 12:00"
        let counts = try f.db.taskBoardCounts(now: now)
        for column in TaskState.boardColumns { XCTAssertGreaterThan(counts.count(column), 0, "demo board has a \(column) task") }
    }

    func testDemoSeedIsTheSameEveryTimeForTheSameToday() throws {
        func rows(_ today: String) throws -> [String] {
            let f = try rosterFixture()
            try seed(f, today: today)
            return try f.db.pool.read { db in
                try ["task", "claim", "ledger_entry"].flatMap { table in
                    try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY id").map { "\(table) \($0)" }
                } + String.fetchAll(db, sql: "SELECT at || action || target || detail FROM audit_log WHERE action LIKE 'claim.%' OR action LIKE 'task.%' ORDER BY id")
            }
        }
        let a = try rows("2026-06-20")
        XCTAssertEqual(a, try rows("2026-06-20"))
        XCTAssertNotEqual(a, try rows("2026-06-21"), "another today, another half year")
    }

    func testStatsFigures() throws {
        let f = try rosterFixture()
        try seed(f)
        let sections = try f.db.pool.read { try VolunteerModule.stats($0, today: "2026-06-20") }
        XCTAssertEqual(sections.map(\.name), ["volunteer", "points"])
        let v = try XCTUnwrap(sections[0].value as? VolunteerFigures)
        XCTAssertEqual(v.organisations, 4)
        XCTAssertEqual(v.members, 20)
        XCTAssertEqual(v.serviceTimes, try f.count("SELECT COUNT(*) FROM claim WHERE state = '已通过' AND member_id IS NOT NULL"))
        XCTAssertEqual(v.claimsPendingReview, try f.db.claimCount(.reviewQueue))
        let p = try XCTUnwrap(sections[1].value as? PointsFigures)
        XCTAssertEqual(p.outstanding, try f.count("SELECT SUM(amount) FROM ledger_entry"))
        // Credits less the revoked approval's reversal.
        XCTAssertEqual(v.pointsIssued, try f.count("SELECT SUM(amount) FROM ledger_entry WHERE kind IN ('credit', 'reversal')"))
        let json = String(decoding: try JSONEncoder().encode(v), as: UTF8.self)
        XCTAssertTrue(json.contains("\"claims_pending_review\""), json)
        XCTAssertTrue(json.contains("\"service_times\""), json)
    }

    func testGenerateMakesValidDataDeterministically() throws {
        func run() throws -> (Int, Int, Int, Int) {
            let f = try rosterFixture()
            var context = SeedContext(today: "2026-06-20", actor: f.actor, random: SeededRandom(seed: 42))
            try VolunteerModule.generate(f.db.pool, scale: .demo, context: &context, progress: nil)
            XCTAssertEqual(try f.db.pool.read { try VolunteerModule.check($0) }, [])
            return (try f.count("SELECT COUNT(*) FROM task"), try f.count("SELECT COUNT(*) FROM claim"),
                    try f.count("SELECT COUNT(*) FROM ledger_entry"), try f.count("SELECT SUM(balance) FROM points_balance"))
        }
        let a = try run(), b = try run()
        XCTAssertEqual(a.0, 60)
        XCTAssertGreaterThan(a.1, 400)
        XCTAssertGreaterThan(a.2, 1_000)
        XCTAssertTrue(a == b, "same seed, same data: \(a) vs \(b)")
    }

    func testCheckFindsABalanceThatDisagreesWithTheLedger() throws {
        let f = try rosterFixture()
        try seed(f)
        try f.db.pool.write { try $0.execute(sql: "UPDATE points_balance SET balance = balance + 5 WHERE (holder_kind, holder_id) IN (SELECT holder_kind, holder_id FROM points_balance LIMIT 1)") }
        let problems = try f.db.pool.read { try VolunteerModule.check($0) }
        XCTAssertEqual(problems.count, 1, "\(problems)")
        XCTAssertEqual(problems.first?.area, "ledger")
    }

    func testBoardColumnsPageAndCount() throws {
        let f = try VolunteerFixture()
        for i in 0..<12 { try f.task("任务\(i)", starts: String(format: "2099-06-%02d 08:00", i + 1), ends: String(format: "2099-06-%02d 11:00", i + 1)) }
        try f.task("草稿", publish: false)
        try f.task("已过", starts: "2020-01-01 08:00", ends: "2020-01-01 09:00")
        let now = "2026-06-20 12:00"
        let first = try f.db.tasks(in: .open, now: now, .first(5))
        XCTAssertEqual(first.map(\.task.title), ["任务0", "任务1", "任务2", "任务3", "任务4"])
        let next = try f.db.tasks(in: .open, now: now, .after(first.last!.listKey, 5))
        XCTAssertEqual(next.first?.task.title, "任务5")
        XCTAssertEqual(try f.db.taskCount(in: .open, now: now), 12)
        XCTAssertEqual(try f.db.taskCount(in: .open, now: now, before: next.first!.listKey), 5)
        XCTAssertEqual(try f.db.tasks(in: .ended, now: now, .first(5)).map(\.task.title), ["已过"])
        XCTAssertEqual(try f.db.tasks(in: .draft, now: now, .first(5)).map(\.state), [.draft])
        XCTAssertEqual(try f.db.taskCount(in: .open, text: "任务1", now: now), 3)
    }
}

final class VolunteerFiguresTests: XCTestCase {
    func testPointsFlowNetsReversalsAndAlertsListUnfilledTasksStartingSoon() throws {
        let f = try VolunteerFixture()
        let a = try f.member("张伟", code: "D001", phone: "13800000001")
        let task = try f.task(points: 20)
        let id = try f.repliedClaim(task, a)
        try f.db.approveClaims([id], by: f.actor)
        try f.db.debitPoints(a, amount: 5, reason: "兑换 毛巾", reference: "R-1", by: f.actor)
        let today = VolunteerClock.timestamp().prefix(10)
        XCTAssertEqual(try f.db.pointsFlow(from: String(today), to: String(today)), PointsFlow(issued: 20, redeemed: 5))
        try f.db.reverseEntry(id: try f.db.ledgerEntries(of: a, .first(1))[0].id!, reason: "误扣", by: f.actor)
        XCTAssertEqual(try f.db.pointsFlow(from: String(today), to: String(today)), PointsFlow(issued: 20, redeemed: 0))

        try f.task("明天缺人", places: 3, starts: "2026-06-21 08:00", ends: "2026-06-21 10:00")
        try f.task("下月", places: 3, starts: "2026-07-30 08:00", ends: "2026-07-30 10:00")
        XCTAssertEqual(try f.db.tasksNeedingPeople(within: 3, now: "2026-06-20 12:00").map(\.title), ["明天缺人"])
    }
}

final class VolunteerExportTests: XCTestCase {
    func testTasksClaimsAndLedgerExportEveryRow() throws {
        let f = try VolunteerFixture()
        let a = try f.member("张伟", code: "D001", phone: "13800000001")
        let task = try f.task("防诈骗宣传", points: 20)
        let id = try f.repliedClaim(task, a)
        try f.db.approveClaims([id], by: f.actor)
        try f.db.revokeApproval(claimId: id, reason: "误点", by: f.actor)
        for (kind, rows, needle) in [(ExportKind.tasks, 1, "防诈骗宣传"), (.claims, 1, "D001"), (.ledger, 2, "冲正")] {
            let url = f.dir.appendingPathComponent("\(kind.rawValue).csv")
            FileManager.default.createFile(atPath: url.path, contents: nil)
            let handle = try FileHandle(forWritingTo: url)
            XCTAssertEqual(try kind.write(from: f.db, as: .csv, to: handle), rows, "\(kind)")
            try handle.close()
            let text = try String(contentsOf: url, encoding: .utf8)
            XCTAssertTrue(text.contains(needle), text)
        }
    }
}
