@testable import CommunityModel
import CommunityTestSupport
import XCTest

/// Issue 10 item 1: score = weight − deductions, never below 0; area subtotals and the total add up; the
/// total claims its star by the file's thresholds; measurable cases are proposed, not applied.
final class StarScoringTests: XCTestCase {
    let standard = StarFixture.standard
    let q = StarFixture.q4

    func testAScoreNeverGoesBelowZeroAndTotalsAreSums() throws {
        let store = try TestStore()
        defer { store.remove() }
        // Given a per-occurrence case applied far beyond the weight (4 points, 1 each, 9 times)
        try store.db.applyStarDeduction(q, criterion: "three_meetings_one_lesson", caseIndex: 0, count: 9, note: "9 次未开", standard: standard, by: store.secretary)
        try store.db.applyStarDeduction(q, criterion: "centre_area", caseIndex: 0, note: "面积不足", standard: standard, by: store.secretary)
        let card = try store.db.starAssessment(q, standard: standard).scorecard
        let line = try XCTUnwrap(card.lines.first { $0.criterion.key == "three_meetings_one_lesson" })
        // Then it scores 0, not −5
        XCTAssertEqual(line.deducted, 9)
        XCTAssertEqual(line.score, 0)
        XCTAssertEqual(card.lines.first { $0.criterion.key == "centre_area" }?.score, 2)
        XCTAssertEqual(card.total, card.lines.reduce(0) { $0 + $1.score })
        XCTAssertEqual(card.total, 100 - 4 - 3)
        XCTAssertEqual(card.areas.map(\.score).reduce(0, +), card.total)
        XCTAssertEqual(card.areas.first { $0.area.key == "leadership" }?.score, 16)
        XCTAssertEqual(card.areas.first { $0.area.key == "venue" }?.score, 17)
        XCTAssertEqual(card.claimedStars, 5, "93 claims five stars (≥ 90)")
    }

    func testThresholdsDecideTheClaimedStar() throws {
        let store = try TestStore()
        defer { store.remove() }
        // 10 points off → 90: still five stars; one more → 89: four.
        for (key, index) in [("team_complete", 1), ("secretary_report", 0), ("secretary_report", 1), ("reserve_cadres", 0)] {
            let c = try XCTUnwrap(standard.criterion(key))
            try store.db.applyStarDeduction(q, criterion: key, caseIndex: index, note: c.deductions[index].text, standard: standard, by: store.secretary)
        }
        XCTAssertEqual(try store.db.starAssessment(q, standard: standard).scorecard.total, 90)
        XCTAssertEqual(try store.db.starAssessment(q, standard: standard).scorecard.claimedStars, 5)
        try store.db.applyStarDeduction(q, criterion: "records_in_order", caseIndex: 1, note: "填写不规范", standard: standard, by: store.secretary)
        let card = try store.db.starAssessment(q, standard: standard).scorecard
        XCTAssertEqual(card.total, 89)
        XCTAssertEqual(card.claimedStars, 4)
        XCTAssertEqual(standard.claimableStars(score: 75), 4)
        XCTAssertEqual(standard.claimableStars(score: 74), 3)
    }

    func testRemovingADeductionRestoresTheScoreAndKeepsTheHistory() throws {
        let store = try TestStore()
        defer { store.remove() }
        try store.db.applyStarDeduction(q, criterion: "signage", caseIndex: 0, note: "门牌旧", standard: standard, by: store.secretary)
        try store.db.removeStarDeduction(q, criterion: "signage", caseIndex: 0, standard: standard, by: store.secretary)
        let a = try store.db.starAssessment(q, standard: standard)
        XCTAssertEqual(a.scorecard.total, 100)
        XCTAssertEqual(a.deductionHistory.map(\.action), [.apply, .remove])
        XCTAssertThrowsError(try store.db.removeStarDeduction(q, criterion: "signage", caseIndex: 0, standard: standard, by: store.secretary)) {
            XCTAssertEqual($0 as? StarError, .notApplied)
        }
    }

    func testCountsAndCasesAreChecked() throws {
        let store = try TestStore()
        defer { store.remove() }
        XCTAssertThrowsError(try store.db.applyStarDeduction(q, criterion: "signage", caseIndex: 0, count: 2, note: "", standard: standard, by: store.secretary)) {
            XCTAssertEqual($0 as? StarError, .notPerOccurrence)
        }
        XCTAssertThrowsError(try store.db.applyStarDeduction(q, criterion: "signage", caseIndex: 7, note: "", standard: standard, by: store.secretary)) {
            XCTAssertEqual($0 as? StarError, .unknownCase(criterion: "signage", index: 7))
        }
        XCTAssertThrowsError(try store.db.applyStarDeduction(q, criterion: "nope", caseIndex: 0, note: "", standard: standard, by: store.secretary))
        XCTAssertThrowsError(try store.db.applyStarDeduction(q, criterion: "signage", caseIndex: 0, note: "a\nb", standard: standard, by: store.secretary)) {
            XCTAssertEqual($0 as? StarError, .badText(field: LocalizedText("佐证说明", "evidence note")))
        }
        XCTAssertEqual(try store.db.starAssessment(q, standard: standard).deductionHistory.count, 0, "nothing half-written")
    }

    func testMeasurableCasesAreProposedNotApplied() throws {
        let store = try TestStore()
        defer { store.remove() }
        // An empty community: no issue deliberated, no task published, nothing redeemed; no members, so no
        // participation rate.
        let a = try store.db.starAssessment(q, standard: standard)
        let proposed = Set(a.scorecard.proposals.map { "\($0.criterion)/\($0.caseIndex)" })
        XCTAssertEqual(proposed, ["consultation_168/0", "double_report_mechanism/1", "points_redemption/1"])
        XCTAssertEqual(a.scorecard.total, 100, "a proposal takes nothing off until a person confirms it")
        XCTAssertNil(a.evidence.participationPercent, "no members: the rate is not measured, so nothing is proposed")
        XCTAssertEqual(a.evidence.redemption?.redemptions, 0, "the desk is built: its figure is measured, and it is 0")
        // Confirming one removes it from the proposals.
        try store.db.applyStarDeduction(q, criterion: "consultation_168", caseIndex: 0, note: "本季度协商议事 0 项", proposed: true, standard: standard, by: store.secretary)
        let after = try store.db.starAssessment(q, standard: standard)
        XCTAssertEqual(Set(after.scorecard.proposals.map(\.criterion)), ["double_report_mechanism", "points_redemption"])
        XCTAssertEqual(after.scorecard.total, 98)
    }

    func testOnlyTheStrictestRuleOnOneFigureIsProposed() {
        var evidence = StarEvidence(quarter: q, issuesDeliberated: 5, issuesResolved: 1, issuesClosed: 1, satisfiedResponses: 1, responses: 1,
                                    organisations: 1, members: 10, tasksPublished: 1, services: 1, participants: 4, claims: 0, claimsFromApp: 0, redemption: nil)
        let line = { (e: StarEvidence) in StarScorecard(standard: self.standard, quarter: self.q, history: [], evidence: e).lines.first { $0.criterion.key == "volunteer_participation" } }
        XCTAssertEqual(line(evidence)?.proposals.map(\.caseIndex), [1], "40% is below 50%: the 5-point case, not both")
        evidence.participants = 7
        XCTAssertEqual(line(evidence)?.proposals.map(\.caseIndex), [0], "70%: below 80% only")
        evidence.participants = 8
        XCTAssertEqual(line(evidence)?.proposals.count, 0, "80% meets the rule")
    }
}
