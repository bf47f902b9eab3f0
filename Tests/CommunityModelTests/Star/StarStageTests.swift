import CommunityModel
import CommunityTestSupport
import GRDB
import XCTest

/// Issue 10 item 3: stages in order, each recorded (who, when), never rewritten; every refusal.
final class StarStageTests: XCTestCase {
    let standard = StarFixture.standard
    let q = StarFixture.q4
    let allPass = StarFixture.standard.siteChecks.map { SiteCheckResult(key: $0.key, passed: true, note: "好") }

    func testAFiveStarClaimWalksEveryStageAndEachIsRecorded() throws {
        let store = try TestStore()
        defer { store.remove() }
        let (worker, _) = try StarFixture.others(store)
        let signed = try store.db.signOffSelfAssessment(q, standard: standard, by: store.secretary)
        XCTAssertEqual(signed.total, 100)
        XCTAssertEqual(signed.claimedStars, 5)
        XCTAssertEqual(signed.operatorName, "王书记")
        XCTAssertEqual(try store.db.starAssessment(q, standard: standard).stage, .publicDefence)
        try store.db.recordPublicDefence(q, score: 91.5, confirmed: true, standard: standard, by: worker)
        try store.db.recordSiteCheck(q, results: allPass, standard: standard, by: worker)
        try store.db.recordDistrictReview(q, finalStars: 5, standard: standard, by: worker)
        let a = try store.db.starAssessment(q, standard: standard)
        XCTAssertNil(a.stage)
        XCTAssertEqual(a.stageKey, "final")
        XCTAssertEqual(a.finalStars, 5)
        XCTAssertEqual(a.progress.events.map(\.stage), StarStage.allCases)
        XCTAssertEqual(a.progress.events.map(\.operatorName), ["王书记", "李社工", "李社工", "李社工"])
        XCTAssertTrue(a.progress.events.allSatisfy { !$0.at.isEmpty })
        XCTAssertEqual(try store.db.starHistory().map(\.finalStars), [5])
    }

    func testOnlyTheSecretarySignsTheSelfAssessment() throws {
        let store = try TestStore()
        defer { store.remove() }
        let (worker, kiosk) = try StarFixture.others(store)
        for actor in [worker, kiosk] {
            XCTAssertThrowsError(try store.db.signOffSelfAssessment(q, standard: standard, by: actor)) { error in
                guard case .notYourRole = error as? StarError else { return XCTFail("\(error)") }
            }
        }
        XCTAssertThrowsError(try store.db.applyStarDeduction(q, criterion: "signage", caseIndex: 0, note: "", standard: standard, by: kiosk))
        XCTAssertEqual(try store.db.starAssessment(q, standard: standard).progress.events.count, 0)
    }

    func testStagesCannotBeSkippedOrTakenOutOfOrder() throws {
        let store = try TestStore()
        defer { store.remove() }
        XCTAssertThrowsError(try store.db.recordPublicDefence(q, score: 90, confirmed: true, standard: standard, by: store.secretary)) {
            XCTAssertEqual($0 as? StarError, .outOfOrder(stage: .publicDefence, waitingFor: .selfAssessment))
        }
        XCTAssertThrowsError(try store.db.recordSiteCheck(q, results: allPass, standard: standard, by: store.secretary)) {
            XCTAssertEqual($0 as? StarError, .outOfOrder(stage: .siteCheck, waitingFor: .selfAssessment))
        }
        try store.db.signOffSelfAssessment(q, standard: standard, by: store.secretary)
        XCTAssertThrowsError(try store.db.recordDistrictReview(q, finalStars: 5, standard: standard, by: store.secretary)) {
            XCTAssertEqual($0 as? StarError, .outOfOrder(stage: .districtReview, waitingFor: .publicDefence))
        }
        XCTAssertThrowsError(try store.db.recordSiteCheck(q, results: allPass, standard: standard, by: store.secretary)) {
            XCTAssertEqual($0 as? StarError, .outOfOrder(stage: .siteCheck, waitingFor: .publicDefence), "a five-star claim is defended first")
        }
        XCTAssertThrowsError(try store.db.recordSiteCheck(q, results: Array(allPass.prefix(1)), standard: standard, by: store.secretary)) {
            guard case .siteChecksIncomplete = $0 as? StarError else { return XCTFail("\($0)") }
        }
    }

    func testOnlyAFiveStarClaimIsDefendedAndAnUnconfirmedClaimEndsAtFour() throws {
        let store = try TestStore()
        defer { store.remove() }
        for (key, i) in [("team_complete", 1), ("secretary_report", 0), ("secretary_report", 1), ("reserve_cadres", 0), ("signage", 0)] {
            try store.db.applyStarDeduction(q, criterion: key, caseIndex: i, note: "x", standard: standard, by: store.secretary)
        }
        try store.db.signOffSelfAssessment(q, standard: standard, by: store.secretary)
        XCTAssertThrowsError(try store.db.recordPublicDefence(q, score: 95, confirmed: true, standard: standard, by: store.secretary)) {
            XCTAssertEqual($0 as? StarError, .defenceNotNeeded(claimed: 4))
        }
        XCTAssertEqual(try store.db.starAssessment(q, standard: standard).stage, .siteCheck, "a four-star claim goes straight to the on-site check")

        let other = StarQuarter(year: 2026, number: 3)
        try store.db.signOffSelfAssessment(other, standard: standard, by: store.secretary)
        try store.db.recordPublicDefence(other, score: 70, confirmed: false, standard: standard, by: store.secretary)
        try store.db.recordSiteCheck(other, results: allPass, standard: standard, by: store.secretary)
        XCTAssertThrowsError(try store.db.recordDistrictReview(other, finalStars: 5, standard: standard, by: store.secretary)) {
            XCTAssertEqual($0 as? StarError, .badFinalStars(allowed: 3...4))
        }
        XCTAssertThrowsError(try store.db.recordPublicDefence(other, score: 101, confirmed: true, standard: standard, by: store.secretary))
    }

    func testASignedStageIsLockedAndOnlyTheSecretaryReopensItWithAReason() throws {
        let store = try TestStore()
        defer { store.remove() }
        let (worker, _) = try StarFixture.others(store)
        try store.db.signOffSelfAssessment(q, standard: standard, by: store.secretary)
        XCTAssertThrowsError(try store.db.signOffSelfAssessment(q, standard: standard, by: store.secretary)) {
            XCTAssertEqual($0 as? StarError, .stageLocked(stage: .selfAssessment))
        }
        XCTAssertThrowsError(try store.db.applyStarDeduction(q, criterion: "signage", caseIndex: 0, note: "", standard: standard, by: store.secretary)) {
            XCTAssertEqual($0 as? StarError, .selfAssessmentLocked)
        }
        XCTAssertThrowsError(try store.db.reopenStarStage(q, .selfAssessment, reason: "补扣分", standard: standard, by: worker)) {
            guard case .notYourRole = $0 as? StarError else { return XCTFail("\($0)") }
        }
        XCTAssertThrowsError(try store.db.reopenStarStage(q, .selfAssessment, reason: "  ", standard: standard, by: store.secretary)) {
            XCTAssertEqual($0 as? StarError, .reasonRequired)
        }
        XCTAssertThrowsError(try store.db.reopenStarStage(q, .publicDefence, reason: "x", standard: standard, by: store.secretary)) {
            XCTAssertEqual($0 as? StarError, .notSigned(stage: .publicDefence))
        }
        try store.db.recordPublicDefence(q, score: 92, confirmed: true, standard: standard, by: worker)
        XCTAssertThrowsError(try store.db.reopenStarStage(q, .selfAssessment, reason: "补扣分", standard: standard, by: store.secretary)) {
            XCTAssertEqual($0 as? StarError, .laterStageSigned(stage: .selfAssessment, later: .publicDefence))
        }
        try store.db.reopenStarStage(q, .publicDefence, reason: "答辩分录错", standard: standard, by: store.secretary)
        try store.db.reopenStarStage(q, .selfAssessment, reason: "补扣分", standard: standard, by: store.secretary)
        try store.db.applyStarDeduction(q, criterion: "signage", caseIndex: 0, note: "标识旧", standard: standard, by: store.secretary)
        let again = try store.db.signOffSelfAssessment(q, standard: standard, by: store.secretary)
        XCTAssertEqual(again.total, 98)
        let events = try store.db.starAssessment(q, standard: standard).progress.events
        XCTAssertEqual(events.map(\.action), [.signOff, .signOff, .reopen, .reopen, .signOff], "the history keeps every row")
        XCTAssertEqual(events[2].note, "答辩分录错")
    }

    func testHistoryRowsCannotBeRewritten() throws {
        let store = try TestStore()
        defer { store.remove() }
        try store.db.applyStarDeduction(q, criterion: "signage", caseIndex: 0, note: "x", standard: standard, by: store.secretary)
        try store.db.signOffSelfAssessment(q, standard: standard, by: store.secretary)
        try store.db.pool.write { db in
            XCTAssertThrowsError(try db.execute(sql: "UPDATE star_stage SET total = 100"))
            XCTAssertThrowsError(try db.execute(sql: "DELETE FROM star_stage"))
            XCTAssertThrowsError(try db.execute(sql: "UPDATE star_deduction SET count = 0"))
            XCTAssertThrowsError(try db.execute(sql: "DELETE FROM star_deduction"))
        }
    }
}
