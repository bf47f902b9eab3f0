import CommunityTestSupport
import Foundation
import XCTest
@testable import CommunityModel

/// Issue 11: the street's monthly report has the same figures as `stats --json` (its `monthly` section) for
/// the same month, and the twelve-month series tell "no data" from zero.
final class MonthlyReportTests: XCTestCase {
    func testReportFiguresEqualTheStatsMonthlySection() throws {
        let store = try TestStore.demo()
        defer { store.remove() }
        let data = try store.db.stats(today: TestStore.demoToday).json()
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let series = try XCTUnwrap((object["monthly"] as? [String: Any])?["series"] as? [[String: Any]])
        func stat(_ key: String, _ month: String) throws -> Int? {
            let s = try XCTUnwrap(series.first { $0["key"] as? String == key })
            let months = try XCTUnwrap(s["months"] as? [String]), values = try XCTUnwrap(s["values"] as? [Any])
            let i = try XCTUnwrap(months.firstIndex(of: month))
            return values[i] as? Int
        }
        for month in ["2026-11", "2026-10", "2026-07"] {
            let r = try store.db.monthlyReport(month: month)
            XCTAssertEqual(try stat("issues_raised", month), r.consultation.raised, month)
            XCTAssertEqual(try stat("issues_resolved", month), r.consultation.resolved, month)
            XCTAssertEqual(try stat("services", month), r.volunteer.services, month)
            XCTAssertEqual(try stat("points_issued", month), r.volunteer.pointsIssued, month)
            XCTAssertEqual(try stat("points_redeemed", month), r.volunteer.pointsRedeemed, month)
        }
        let nov = try store.db.monthlyReport(month: "2026-11")
        XCTAssertGreaterThan(nov.consultation.raised, 0)
        XCTAssertGreaterThan(nov.volunteer.services, 0)
        XCTAssertEqual(nov.volunteer.membersActive, (object["roster"] as? [String: Any])?["members_active"] as? Int)
        XCTAssertFalse(nov.consultation.categories.isEmpty)
        let md = nov.markdown(today: TestStore.demoToday)
        XCTAssertTrue(md.contains("公园街道党工委："), md)
        XCTAssertTrue(md.contains("| 收集议题（件） | \(nov.consultation.raised) |"), md)
        XCTAssertTrue(nov.csv().hasPrefix("\u{FEFF}"))
    }

    /// The chart's "points issued" is net of reversed credits, as the figure line beside it: over the demo's
    /// half year (which holds reversals) the months add up to the figure, and each month equals the report.
    func testPointsIssuedIsNetOfReversalsInChartReportAndFigure() throws {
        let store = try TestStore.demo()
        defer { store.remove() }
        let reversed = try store.db.pool.read { db in
            try Int.fetchOne(db, sql: """
                SELECT COALESCE(-SUM(r.amount), 0) FROM ledger_entry r JOIN ledger_entry t ON t.id = r.reverses_id
                WHERE r.kind = 'reversal' AND t.kind = 'credit'
                """) ?? 0
        }
        XCTAssertGreaterThan(reversed, 0, "the demo should hold a reversed credit")
        let data = try store.db.stats(today: TestStore.demoToday).json()
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let figure = try XCTUnwrap((object["volunteer"] as? [String: Any])?["points_issued"] as? Int)
        let series = try XCTUnwrap((object["monthly"] as? [String: Any])?["series"] as? [[String: Any]])
        let issued = try XCTUnwrap(series.first { $0["key"] as? String == "points_issued" })
        let months = try XCTUnwrap(issued["months"] as? [String]), values = try XCTUnwrap(issued["values"] as? [Any])
        XCTAssertEqual(values.compactMap { $0 as? Int }.reduce(0, +), figure)
        for (month, value) in zip(months, values) {
            guard let value = value as? Int else { continue }
            XCTAssertEqual(try store.db.monthlyReport(month: month).volunteer.pointsIssued, value, month)
        }
    }

    func testMonthsBeforeTheRecordsHaveNoDataNotZero() throws {
        let store = try TestStore.demo()
        defer { store.remove() }
        let a = try store.db.monthlyActivity(today: TestStore.demoToday)
        let raised = try XCTUnwrap(a["issues_raised"])
        XCTAssertEqual(raised.months.count, 12)
        XCTAssertEqual(raised.months.last, "2026-11")
        XCTAssertEqual(raised.months.first, "2025-12")
        XCTAssertNil(raised.values.first ?? 0, "the demo's records start mid-2026: December 2025 has no data")
        XCTAssertNotNil(raised.values.last ?? nil)
        XCTAssertEqual(CommunityDatabase.lastTwelveMonths(endingIn: "2026-01-15").first, "2025-02")
    }
}
