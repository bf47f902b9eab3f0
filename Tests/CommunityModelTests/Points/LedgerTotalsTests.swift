@testable import CommunityModel
import GRDB
import XCTest

/// The dashboard reads "points issued" from totals the ledger keeps itself; they must follow every entry.
final class LedgerTotalsTests: XCTestCase {
    func testApprovalAndRevocationMoveThePointsIssuedFigure() throws {
        let f = try VolunteerFixture()
        let member = try f.member("张建华", code: "CD0001", phone: "13800000001")
        let task = try f.task(points: 10)
        let claim = try f.repliedClaim(task, member)
        XCTAssertEqual(try f.db.volunteerFigures().pointsIssued, 0)
        _ = try f.db.approveClaims([claim], by: f.actor)
        XCTAssertEqual(try f.db.volunteerFigures().pointsIssued, 10)
        _ = try f.db.approveClaims([claim], by: f.actor)   // a retry changes nothing
        XCTAssertEqual(try f.db.volunteerFigures().pointsIssued, 10)
        _ = try f.db.revokeApproval(claimId: claim, reason: "误点通过", by: f.actor)
        XCTAssertEqual(try f.db.volunteerFigures().pointsIssued, 0, "a reversed credit is no longer issued")
        XCTAssertEqual(try f.db.volunteerFigures().serviceTimes, 0)
        XCTAssertTrue(try f.db.pool.read { try VolunteerModule.check($0) }.isEmpty)
    }

    func testCheckReportsTotalsThatDisagreeWithTheEntries() throws {
        let f = try VolunteerFixture()
        let member = try f.member("李娜", code: "CD0002", phone: "13800000002")
        _ = try f.db.approveClaims([try f.repliedClaim(try f.task(points: 8), member)], by: f.actor)
        try f.db.pool.write { try $0.execute(sql: "UPDATE ledger_total SET amount = amount + 3 WHERE kind = 'credit'") }
        let problems = try f.db.pool.read { try VolunteerModule.check($0) }
        XCTAssertEqual(problems.count, 1, "\(problems)")
        XCTAssertTrue(problems.first?.detail.zh.contains("credit") == true)
        XCTAssertThrowsError(try f.db.pool.write { try $0.execute(sql: "DELETE FROM ledger_total") })
    }

    /// The overview's chart reads the monthly totals; they follow each entry by its month, reversals of credits
    /// included, and equal what the entries add up to over the demo's half year.
    func testMonthlyTotalsFollowEveryEntryByItsMonthAndCheckCatchesDrift() throws {
        let f = try VolunteerFixture()
        let member = try f.member("周敏", code: "CD0005", phone: "13800000005")
        let claim = try f.repliedClaim(try f.task(points: 12), member)
        _ = try f.db.approveClaims([claim], by: f.actor)
        _ = try f.db.revokeApproval(claimId: claim, reason: "误点通过", by: f.actor)
        let rows = try f.db.pool.read { try Row.fetchAll($0, sql: "SELECT kind, amount, entries FROM ledger_month_total ORDER BY kind") }
        XCTAssertEqual(rows.map { $0["kind"] as String }, ["credit", "credit_reversal", "reversal"])
        XCTAssertEqual(rows.map { $0["amount"] as Int }, [12, -12, -12])
        XCTAssertTrue(try f.db.pool.read { try MonthlyTotals.problems($0) }.isEmpty)
        try f.db.pool.write { try $0.execute(sql: "UPDATE ledger_month_total SET entries = entries + 1 WHERE kind = 'credit'") }
        XCTAssertEqual(try f.db.pool.read { try VolunteerModule.check($0) }.count, 1)
        XCTAssertThrowsError(try f.db.pool.write { try $0.execute(sql: "DELETE FROM ledger_month_total") })
    }

    func testClaimTallyFollowsEveryStateChangeAndCheckCatchesDrift() throws {
        let f = try VolunteerFixture()
        let a = try f.member("王芳", code: "CD0003", phone: "13800000003")
        let b = try f.member("赵磊", code: "CD0004", phone: "13800000004")
        let task = try f.task(points: 5)
        let first = try f.repliedClaim(task, a)
        _ = try f.repliedClaim(task, b)
        XCTAssertEqual(try f.db.volunteerFigures().claimsPendingReview, 2)
        _ = try f.db.approveClaims([first], by: f.actor)
        XCTAssertEqual(try f.db.volunteerFigures().claimsPendingReview, 1)
        XCTAssertEqual(try f.db.volunteerFigures().serviceTimes, 1)
        XCTAssertTrue(try f.db.pool.read { try VolunteerModule.check($0) }.isEmpty)
        try f.db.pool.write { try $0.execute(sql: "UPDATE claim_tally SET n = n + 1 WHERE state = '已回复'") }
        XCTAssertEqual(try f.db.pool.read { try VolunteerModule.check($0) }.count, 1)
    }
}
