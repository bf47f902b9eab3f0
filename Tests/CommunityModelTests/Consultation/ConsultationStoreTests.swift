import GRDB
import XCTest
@testable import CommunityModel

/// The consultation store: one transaction per action, history that cannot be rewritten, figures and check.
final class ConsultationStoreTests: XCTestCase {
    var f: ConsultationFixture!

    override func setUpWithError() throws { f = try ConsultationFixture.make() }
    override func tearDown() { f.remove() }

    func testAnIssueGoesFromCollectToResolvedAndEveryMoveIsHistory() throws {
        let issue = try f.newIssue()
        XCTAssertEqual(issue.number, "2026-0001")
        try f.walk(issue, to: 9)
        let d = try XCTUnwrap(f.db.issueDossier(id: try XCTUnwrap(issue.id)))
        XCTAssertEqual(d.issue.outcome, .resolved)
        XCTAssertEqual(d.issue.step, 8)
        XCTAssertEqual(d.history.map(\.kind), [.create] + Array(repeating: .advance, count: 7) + [.close])
        XCTAssertEqual(d.history.map(\.seq), Array(1...9))
        XCTAssertEqual(d.history.last?.operatorName, "李书记")
        XCTAssertEqual(ConsultationWorkflow.walkProblems(issue: d.issue, history: d.history), [])
        let audit = try f.db.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_log WHERE target = ?", arguments: ["issue:\(issue.id!)"]) }
        XCTAssertEqual(audit, 1 + 3 + 1 + 1 + 1 + 1 + 1 + 8, "create, 3 parties, option, meeting, resolution, implementation, survey, 8 moves")
        // Closed: read-only until reopened with a reason.
        XCTAssertThrowsError(try f.db.addIssueOption(issueId: issue.id!, title: "再加一个", by: f.actor)) { error in
            XCTAssertEqual(error as? ConsultationError, .closed(number: "2026-0001", outcome: .resolved))
        }
        XCTAssertThrowsError(try f.db.reopenIssue(id: issue.id!, reason: " ", by: f.actor))
        try f.db.reopenIssue(id: issue.id!, reason: "居民反映菜地又被圈占", on: "2026-06-01", by: f.actor)
        let reopened = try XCTUnwrap(f.db.issueDossier(id: issue.id!))
        XCTAssertNil(reopened.issue.outcome)
        XCTAssertEqual(reopened.issue.stepSince, "2026-06-01")
        XCTAssertEqual(ConsultationWorkflow.walkProblems(issue: reopened.issue, history: reopened.history), [])
    }

    func testARefusedAdvanceWritesNothing() throws {
        let issue = try f.newIssue()
        try f.walk(issue, to: 3)
        XCTAssertThrowsError(try f.db.advanceIssue(id: issue.id!, by: f.actor, reference: f.reference)) { error in
            guard case .notEnoughPartyKinds = error as? ConsultationError else { return XCTFail("\(error)") }
            XCTAssertTrue(userMessage(for: error).zh.contains("至少要有 3 类"))
        }
        let d = try XCTUnwrap(f.db.issueDossier(id: issue.id!))
        XCTAssertEqual(d.issue.step, 3)
        XCTAssertEqual(d.history.count, 3)
    }

    func testAFailedVoteSendsTheIssueBackToResearchAndANewMeetingIsNeeded() throws {
        let issue = try f.newIssue()
        try f.walk(issue, to: 6, votePasses: false)
        var d = try XCTUnwrap(f.db.issueDossier(id: issue.id!))
        XCTAssertEqual(d.issue.step, 4)
        XCTAssertEqual(d.history.last?.kind, .voteFailed)
        try f.db.advanceIssue(id: issue.id!, on: "2026-05-03", by: f.actor, reference: f.reference)
        XCTAssertThrowsError(try f.db.advanceIssue(id: issue.id!, by: f.actor, reference: f.reference)) { error in
            XCTAssertEqual(error as? ConsultationError, .noMeeting(step: f.reference.stepLabel(5)))
        }
        try f.walk(issue, to: 6)
        d = try XCTUnwrap(f.db.issueDossier(id: issue.id!))
        XCTAssertEqual(d.issue.step, 6)
        XCTAssertEqual(d.meetings.count, 2)
        XCTAssertEqual(ConsultationWorkflow.walkProblems(issue: d.issue, history: d.history), [])
    }

    func testStepBoundRecordsAreRefusedAtOtherSteps() throws {
        let issue = try f.newIssue()
        let people = [MeetingAttendee(name: "李书记", kind: "party_org")]
        XCTAssertThrowsError(try f.db.recordIssueMeeting(issueId: issue.id!, MeetingInput(heldOn: "2026-05-01", attendees: people, minutes: "x",
                                                                                         vote: Vote(inFavour: 1, against: 0, abstain: 0)), by: f.actor, reference: f.reference)) { error in
            XCTAssertEqual(error as? ConsultationError, .wrongStep(action: LocalizedText("记录议事会议", "Recording a meeting"),
                                                                   needs: f.reference.stepLabel(5), current: f.reference.stepLabel(1)))
        }
        XCTAssertThrowsError(try f.db.recordIssueSurvey(issueId: issue.id!, IssueSurvey(satisfied: 1, basic: 0, dissatisfied: 0, surveyedOn: "2026-05-01"), by: f.actor, reference: f.reference))
    }

    func testStaleScreensAreRefused() throws {
        let issue = try f.newIssue()
        try f.db.advanceIssue(id: issue.id!, expectedStep: 1, by: f.actor, reference: f.reference)
        XCTAssertThrowsError(try f.db.advanceIssue(id: issue.id!, expectedStep: 1, by: f.actor, reference: f.reference)) { error in
            XCTAssertEqual(error as? ConsultationError, .staleStep(number: "2026-0001", expected: 1, actual: 2))
        }
    }

    func testInputIsValidatedBeforeAnythingIsWritten() throws {
        XCTAssertThrowsError(try f.db.createIssue(IssueDraft(title: " ", category: "vegetable_plots", source: "resident", reporter: "王"), by: f.actor, reference: f.reference)) { error in
            XCTAssertEqual(error as? ConsultationError, .fieldRequired(LocalizedText("议题标题", "The title")))
        }
        XCTAssertThrowsError(try f.db.createIssue(IssueDraft(title: "t", category: "cats", source: "resident", reporter: "王"), by: f.actor, reference: f.reference))
        let issue = try f.newIssue()
        XCTAssertThrowsError(try f.db.addIssueParty(issueId: issue.id!, name: "x", kind: "aliens", by: f.actor, reference: f.reference))
        XCTAssertEqual(try f.db.issueCount(IssueFilter(), today: "2026-05-01", reference: f.reference), 1)
    }

    func testHistoryCannotBeRewritten() throws {
        let issue = try f.newIssue()
        try f.walk(issue, to: 6)
        for sql in ["UPDATE issue_transition SET to_step = 8", "DELETE FROM issue_transition",
                    "UPDATE issue_meeting SET vote_for = 99", "DELETE FROM issue_meeting_attendee"] {
            XCTAssertThrowsError(try f.db.pool.write { db in try db.execute(sql: sql) }, sql) { error in
                XCTAssertTrue("\(error)".contains("不可修改"), "\(error)")
            }
        }
    }

    func testFiguresOnAKnownSmallSet() throws {
        // Resolved (30 + 5 satisfied out of 36), rejected at step 2, one open at step 3 since 2026-05-02, one new at step 1.
        let a = try f.newIssue("a")
        try f.walk(a, to: 9)
        let b = try f.newIssue("b")
        try f.walk(b, to: 2)
        try f.db.closeIssue(id: b.id!, outcome: .rejected, reason: "民事纠纷", on: "2026-05-02", by: f.actor, reference: f.reference)
        let c = try f.newIssue("c")
        try f.walk(c, to: 3)
        _ = try f.newIssue("d", on: "2026-05-20")
        let figures = try f.db.consultationFigures(today: "2026-05-21", reference: f.reference)
        XCTAssertEqual(figures.openByStep, [1, 0, 1, 0, 0, 0, 0, 0])
        XCTAssertEqual(figures.discussed, 1)
        XCTAssertEqual(figures.resolved, 1)
        XCTAssertEqual(figures.satisfactionRate, 0.9722)   // 35 / 36
        XCTAssertEqual(figures.overdue, 1)                  // c: 19 days at step 3 (deadline 7)
        XCTAssertEqual(figures.total, 4)
        let json = String(decoding: try JSONEncoder().encode(figures), as: UTF8.self)
        for key in ["\"open_by_step\"", "\"discussed\"", "\"resolved\"", "\"satisfaction_rate\"", "\"overdue\""] {
            XCTAssertTrue(json.contains(key), json)
        }
        let section = try f.db.pool.read { db in try ConsultationModule.stats(db, today: "2026-05-21") }
        XCTAssertEqual(section.first?.name, "consultation")
    }

    func testListPagesFiltersAndSearches() throws {
        for i in 1...30 {
            let issue = try f.newIssue(i % 3 == 0 ? "\(i)号楼高空飘线" : "\(i)号楼圈地种菜", category: i % 3 == 0 ? "overhead_wires" : "vegetable_plots", on: "2026-05-01")
            if i % 5 == 0 { try f.walk(issue, to: 3) }
        }
        let today = "2026-05-03"
        let first = try f.db.issues(IssueFilter(), .first(10), today: today, reference: f.reference)
        XCTAssertEqual(first.map(\.number).first, "2026-0030")
        XCTAssertEqual(first.count, 10)
        let next = try f.db.issues(IssueFilter(), .after(try XCTUnwrap(first.last).listKey, 10), today: today, reference: f.reference)
        XCTAssertEqual(next.first?.number, "2026-0020")
        let back = try f.db.issues(IssueFilter(), .before(try XCTUnwrap(next.first).listKey, 3), today: today, reference: f.reference)
        XCTAssertEqual(back.map(\.number), ["2026-0023", "2026-0022", "2026-0021"])
        XCTAssertEqual(try f.db.issues(IssueFilter(), .last(2), today: today, reference: f.reference).map(\.number), ["2026-0002", "2026-0001"])
        XCTAssertEqual(try f.db.issueCount(IssueFilter(), before: try XCTUnwrap(next.first).listKey, today: today, reference: f.reference), 10)
        XCTAssertEqual(try f.db.issueCount(IssueFilter(step: 3), today: today, reference: f.reference), 6)
        XCTAssertEqual(try f.db.issueCount(IssueFilter(category: "overhead_wires"), today: today, reference: f.reference), 10)
        XCTAssertEqual(try f.db.issueCount(IssueFilter(text: "飘线"), today: today, reference: f.reference), 10)
        XCTAssertEqual(try f.db.issueCount(IssueFilter(text: "100%"), today: today, reference: f.reference), 0)
        // One character walks its own postings; two or more the rarest bigram's.
        XCTAssertEqual(try f.db.issueCount(IssueFilter(text: "飘"), today: today, reference: f.reference), 10)
        XCTAssertEqual(try f.db.issueCount(IssueFilter(text: "3号楼高空"), today: today, reference: f.reference), 1)   // not 13号楼 or 30号楼
        try f.db.pool.read { db in
            XCTAssertEqual(try IssueSearch.plan(db, text: "飘线"), .gram("飘线"))
            XCTAssertEqual(try IssueSearch.plan(db, text: "飘"), .gram("飘"))
            XCTAssertEqual(try IssueSearch.plan(db, text: "雨棚"), .nothing)
            XCTAssertEqual(try IssueSearch.plan(db, text: "号楼圈", postingLimit: 5), .scan, "pieces in most issues: cheaper to walk the issues")
            XCTAssertEqual(try IssueSearch.plan(db, text: "号楼", postingLimit: 5), .gram("号楼"), "the text is one piece: its postings are the answer")
        }
        let searched = try f.db.issues(IssueFilter(text: "飘线"), .first(3), today: today, reference: f.reference)
        XCTAssertEqual(searched.map(\.number), ["2026-0030", "2026-0027", "2026-0024"])
        let more = try f.db.issues(IssueFilter(text: "飘线"), .after(try XCTUnwrap(searched.last).listKey, 3), today: today, reference: f.reference)
        XCTAssertEqual(more.map(\.number), ["2026-0021", "2026-0018", "2026-0015"])
        XCTAssertEqual(try f.db.issueCount(IssueFilter(text: "飘线"), before: try XCTUnwrap(more.first).listKey, today: today, reference: f.reference), 3)
        XCTAssertEqual(try f.db.issueCount(IssueFilter(category: "overhead_wires", text: "2026-002"), today: today, reference: f.reference), 3)
        // Step 1 issues have waited 2 days (deadline 7): not overdue yet; at 2026-05-20 they are.
        XCTAssertEqual(try f.db.issueCount(IssueFilter(overdueOnly: true), today: today, reference: f.reference), 0)
        XCTAssertEqual(try f.db.issueCount(IssueFilter(overdueOnly: true), today: "2026-05-20", reference: f.reference), 30)
        XCTAssertEqual(try f.db.issueCount(IssueFilter(step: 3, overdueOnly: true), today: "2026-05-20", reference: f.reference), 6)
        let rows = try f.db.issues(IssueFilter(step: 1), .first(1), today: "2026-05-20", reference: f.reference)
        XCTAssertEqual(rows.first?.daysUsed, 19)
        XCTAssertEqual(rows.first?.overdue, true)
    }

    func testCheckFindsABrokenHistory() throws {
        let issue = try f.newIssue()
        try f.walk(issue, to: 4)
        XCTAssertEqual(try f.db.pool.read { db in try ConsultationModule.check(db) }, [])
        // Someone edits the stored step behind the workflow's back.
        try f.db.pool.write { db in try db.execute(sql: "UPDATE issue SET step = 7, furthest_step = 7 WHERE id = ?", arguments: [issue.id!]) }
        let problems = try f.db.pool.read { db in try ConsultationModule.check(db) }
        XCTAssertFalse(problems.isEmpty)
        XCTAssertTrue(problems.contains { $0.detail.zh.contains("当前步骤记为第 7 步") }, "\(problems)")
    }

    func testExportWritesCSVWithBOMAndJSON() throws {
        let issue = try f.newIssue("5号楼北侧绿地被圈占种菜, \"急\"")
        try f.walk(issue, to: 9)
        let csv = OutputStream.toMemory()
        XCTAssertEqual(try ConsultationExport.write(f.db, format: .csv, to: csv, today: "2026-06-01", reference: f.reference), 1)
        let data = try XCTUnwrap(csv.property(forKey: .dataWrittenToMemoryStreamKey) as? Data)
        XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF])
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("编号,议题,"), text)
        XCTAssertTrue(text.contains("\"5号楼北侧绿地被圈占种菜, \"\"急\"\"\""), text)
        XCTAssertTrue(text.contains("已解决"), text)
        let json = OutputStream.toMemory()
        try ConsultationExport.write(f.db, format: .json, to: json, today: "2026-06-01", reference: f.reference)
        let jdata = try XCTUnwrap(json.property(forKey: .dataWrittenToMemoryStreamKey) as? Data)
        let array = try XCTUnwrap(JSONSerialization.jsonObject(with: jdata) as? [[String: Any]])
        XCTAssertEqual(array.first?["step"] as? Int, 8)
        XCTAssertEqual(array.first?["outcome"] as? String, "已解决")
    }
}
