import CommunityModel
import CommunityTestSupport
import GRDB
import XCTest

/// Issue 10 items 7–8: the demo's history, `stats --json` → `star`, and `check` over the star tables.
final class StarDemoTests: XCTestCase {
    let standard = StarFixture.standard

    func testTheDemoHasThreeFinalQuartersAndTodaysInSelfAssessment() throws {
        let store = try TestStore.demo()
        defer { store.remove() }
        let history = try store.db.starHistory()
        XCTAssertEqual(history.map(\.quarter.description), ["2026Q1", "2026Q2", "2026Q3"])
        XCTAssertEqual(history.map(\.finalStars), [4, 5, 5])
        let q2 = try store.db.starAssessment(StarQuarter("2026Q2")!, standard: standard)
        XCTAssertEqual(q2.progress.events.map(\.stage), StarStage.allCases, "defended, checked, reviewed")
        let q1 = try store.db.starAssessment(StarQuarter("2026Q1")!, standard: standard)
        XCTAssertEqual(q1.progress.events.map(\.stage), [.selfAssessment, .siteCheck, .districtReview])

        let q4 = try store.db.starAssessment(StarQuarter("2026Q4")!, standard: standard)
        XCTAssertEqual(q4.stage, .selfAssessment)
        XCTAssertEqual(q4.scorecard.proposals.count, 2, "\(q4.scorecard.proposals)")
        XCTAssertGreaterThan(q4.evidence.members, 0)
        XCTAssertEqual(q4.scorecard.lines.filter { !$0.applied.isEmpty }.count, 1)
        XCTAssertEqual(try store.db.starFlags(standard: standard), [], "2026 is not finished and has no three-star quarter")
    }

    func testStatsAndCheckCoverTheStarTables() throws {
        let store = try TestStore.demo()
        defer { store.remove() }
        let json = try JSONSerialization.jsonObject(with: store.db.stats(today: "2026-11-30").json()) as? [String: Any]
        let star = try XCTUnwrap(json?["star"] as? [String: Any])
        XCTAssertEqual(star["quarter"] as? String, "2026Q4")
        XCTAssertEqual(star["stage"] as? String, "self_assessment")
        XCTAssertNotNil(star["claimed_stars"] as? Int)
        XCTAssertTrue(star["final_stars"] is NSNull)
        XCTAssertEqual((star["flags"] as? [Any])?.count, 0)
        XCTAssertEqual(try store.db.pool.read { try StarModule.check($0) }, [])

        // A sign-off whose total no longer equals its criteria (written past the store's rules) is reported.
        try store.db.pool.write { db in
            try db.execute(sql: """
                INSERT INTO star_stage (quarter, stage, action, total, claimed_stars, operator_name, operator_role, at)
                VALUES ('2026Q4', 'self_assessment', 'sign_off', 60, 5, 'x', '书记/管理员', '2026-11-30 10:00:00'),
                       ('2026Q4', 'site_check', 'sign_off', NULL, NULL, 'x', '书记/管理员', '2026-11-30 10:00:00')
                """)
        }
        let problems = try store.db.pool.read { try StarModule.check($0) }.map(\.detail.en)
        XCTAssertTrue(problems.contains { $0.contains("is not the sum of its criteria") }, "\(problems)")
        XCTAssertTrue(problems.contains { $0.contains("claims 5 stars") }, "\(problems)")
        XCTAssertTrue(problems.contains { $0.contains("finish the public defence first") }, "\(problems)")
    }
}
