import XCTest
@testable import CommunityModel

/// The eight gates and the moves, as pure functions on an in-memory dossier (SPEC §5, issue 3 item 2).
final class ConsultationWorkflowTests: XCTestCase {
    var reference: ConsultationReference!

    override func setUpWithError() throws {
        reference = try ConsultationFixture.loadReference()
    }

    func dossier(at step: Int) -> IssueDossier {
        var issue = Issue(id: 1, number: "2026-0001", title: "5号楼北侧绿地被圈占种菜", category: "vegetable_plots", source: "resident",
                          reporter: "王秀兰", createdOn: "2026-05-01")
        issue.step = step
        issue.furthestStep = step
        var d = IssueDossier(issue: issue)
        d.history = [IssueTransition(issueId: 1, seq: 1, kind: .create, fromStep: nil, toStep: 1, operatorName: "李书记", onDay: "2026-05-01", at: "")]
        for s in stride(from: 1, to: step, by: 1) {
            d.history.append(IssueTransition(issueId: 1, seq: s + 1, kind: .advance, fromStep: s, toStep: s + 1, operatorName: "李书记", onDay: "2026-05-01", at: ""))
        }
        return d
    }

    func label(_ step: Int) -> LocalizedText { reference.stepLabel(step) }

    func testStepOneNeedsTheBasics() throws {
        var d = dossier(at: 1)
        XCTAssertEqual(try ConsultationWorkflow.advance(d, reference: reference), PlannedTransition(kind: .advance, from: 1, to: 2))
        d.issue.reporter = " "
        d.issue.category = "nonsense"
        assertRefused(.missingBasics(step: label(1), missing: [LocalizedText("类别", "the category"), LocalizedText("反映人", "the reporter")])) {
            try ConsultationWorkflow.advance(d, reference: reference)
        }
        XCTAssertTrue(ConsultationError.missingBasics(step: label(1), missing: [LocalizedText("反映人", "the reporter")]).message.zh.contains("反映人"))
    }

    func testStepTwoAcceptingIsTheAdvance() throws {
        XCTAssertEqual(try ConsultationWorkflow.advance(dossier(at: 2), reference: reference).to, 3)
    }

    func testStepThreeNeedsThreeKindsIncludingThePartyOrganisation() throws {
        var d = dossier(at: 3)
        assertRefused(.notEnoughPartyKinds(step: label(3), have: [], needed: 3)) { try ConsultationWorkflow.advance(d, reference: reference) }
        d.parties = [IssueParty(issueId: 1, name: "居委会", kind: "residents_committee", addedOn: "2026-05-01"),
                     IssueParty(issueId: 1, name: "居委会副主任", kind: "residents_committee", addedOn: "2026-05-01"),
                     IssueParty(issueId: 1, name: "宏运物业", kind: "property_company", addedOn: "2026-05-01")]
        // Three parties but only two kinds.
        let twoKinds = ConsultationError.notEnoughPartyKinds(step: label(3), have: [reference.partyKindLabel("residents_committee"), reference.partyKindLabel("property_company")], needed: 3)
        assertRefused(twoKinds) { try ConsultationWorkflow.advance(d, reference: reference) }
        XCTAssertTrue(twoKinds.message.zh.contains("只有 2 类"), twoKinds.message.zh)
        d.parties.append(IssueParty(issueId: 1, name: "业委会", kind: "owners_committee", addedOn: "2026-05-01"))
        // Three kinds, but without the community Party organisation.
        let noParty = ConsultationError.partyOrganisationMissing(step: label(3), required: reference.partyKindLabel("party_org"))
        assertRefused(noParty) { try ConsultationWorkflow.advance(d, reference: reference) }
        XCTAssertTrue(noParty.message.zh.contains("社区党组织"), noParty.message.zh)
        d.parties.append(IssueParty(issueId: 1, name: "朝东社区党委", kind: "party_org", addedOn: "2026-05-01"))
        XCTAssertEqual(try ConsultationWorkflow.advance(d, reference: reference).to, 4)
    }

    func testStepFourNeedsAnOption() throws {
        var d = dossier(at: 4)
        assertRefused(.noOption(step: label(4))) { try ConsultationWorkflow.advance(d, reference: reference) }
        d.options = [IssueOption(issueId: 1, title: "恢复绿化", addedOn: "2026-05-02")]
        XCTAssertEqual(try ConsultationWorkflow.advance(d, reference: reference).to, 5)
    }

    func testStepFiveNeedsAMeetingWithAVoteAndAFailedVoteGoesBackToResearch() throws {
        var d = dossier(at: 5)
        let round = d.roundSeq(enteringStep: 5)
        assertRefused(.noMeeting(step: label(5))) { try ConsultationWorkflow.advance(d, reference: reference) }
        let people = [MeetingAttendee(name: "李书记", kind: "party_org")]
        d.meetings = [IssueMeeting(issueId: 1, roundSeq: round, heldOn: "2026-05-03", place: "居民议事厅", attendees: people, minutes: "讨论", vote: nil)]
        assertRefused(.meetingWithoutVote(step: label(5))) { try ConsultationWorkflow.advance(d, reference: reference) }
        d.meetings.append(IssueMeeting(issueId: 1, roundSeq: round, heldOn: "2026-05-04", place: "居民议事厅", attendees: people, minutes: "表决",
                                       vote: Vote(inFavour: 2, against: 2, abstain: 1)))
        let back = try ConsultationWorkflow.advance(d, reference: reference)
        XCTAssertEqual(back.kind, .voteFailed)
        XCTAssertEqual(back.to, 4)
        XCTAssertTrue(back.reason.contains("表决未通过"))
        d.meetings.append(IssueMeeting(issueId: 1, roundSeq: round, heldOn: "2026-05-05", place: "居民议事厅", attendees: people, minutes: "再表决",
                                       vote: Vote(inFavour: 3, against: 2, abstain: 4)))
        XCTAssertEqual(try ConsultationWorkflow.advance(d, reference: reference), PlannedTransition(kind: .advance, from: 5, to: 6))
    }

    func testAMeetingFromAnEarlierRoundDoesNotOpenStepFiveAgain() throws {
        var d = dossier(at: 5)
        let people = [MeetingAttendee(name: "李书记", kind: "party_org")]
        d.meetings = [IssueMeeting(issueId: 1, roundSeq: d.roundSeq(enteringStep: 5), heldOn: "2026-05-04", place: "居民议事厅", attendees: people,
                                   minutes: "表决", vote: Vote(inFavour: 0, against: 1, abstain: 0))]
        // The failed vote sent it to 4; back at 5 the old meeting is history, not this round's.
        d.history.append(IssueTransition(issueId: 1, seq: 6, kind: .voteFailed, fromStep: 5, toStep: 4, operatorName: "x", onDay: "2026-05-04", at: ""))
        d.history.append(IssueTransition(issueId: 1, seq: 7, kind: .advance, fromStep: 4, toStep: 5, operatorName: "x", onDay: "2026-05-06", at: ""))
        assertRefused(.noMeeting(step: label(5))) { try ConsultationWorkflow.advance(d, reference: reference) }
    }

    func testStepSixNeedsAPassedVoteResolutionAndPublicationDate() throws {
        var d = dossier(at: 6)
        d.meetings = [IssueMeeting(issueId: 1, roundSeq: 5, heldOn: "2026-05-04", place: "居民议事厅", attendees: [MeetingAttendee(name: "a", kind: "party_org")],
                                   minutes: "表决", vote: Vote(inFavour: 3, against: 1, abstain: 0))]
        let missing = ConsultationError.resolutionMissing(step: label(6), missing: [LocalizedText("决议内容", "the resolution text"), LocalizedText("公示日期", "the publication date")])
        assertRefused(missing) { try ConsultationWorkflow.advance(d, reference: reference) }
        d.issue.resolution = "拆除围挡"
        assertRefused(.resolutionMissing(step: label(6), missing: [LocalizedText("公示日期", "the publication date")])) { try ConsultationWorkflow.advance(d, reference: reference) }
        d.issue.publishedOn = "2026-05-05"
        XCTAssertEqual(try ConsultationWorkflow.advance(d, reference: reference).to, 7)
    }

    func testStepSevenNeedsOwnerDueDateAndCompletion() throws {
        var d = dossier(at: 7)
        assertRefused(.implementationIncomplete(step: label(7), missing: [LocalizedText("负责人", "owner"), LocalizedText("完成期限", "due date"), LocalizedText("完成日期", "completion date")])) {
            try ConsultationWorkflow.advance(d, reference: reference)
        }
        d.issue.implementationOwner = "宏运物业"
        d.issue.implementationDue = "2026-06-01"
        let notDone = ConsultationError.implementationIncomplete(step: label(7), missing: [LocalizedText("完成日期", "completion date")])
        assertRefused(notDone) { try ConsultationWorkflow.advance(d, reference: reference) }
        XCTAssertTrue(notDone.message.zh.contains("完成日期"))
        d.issue.implementationDone = "2026-05-20"
        XCTAssertEqual(try ConsultationWorkflow.advance(d, reference: reference).to, 8)
    }

    func testStepEightNeedsASurveyAndClosesByItsResult() throws {
        var d = dossier(at: 8)
        assertRefused(.surveyMissing(step: label(8))) { try ConsultationWorkflow.advance(d, reference: reference) }
        assertRefused(.surveyMissing(step: label(8))) { try ConsultationWorkflow.close(d, outcome: .resolved, reason: "", reference: reference) }
        d.issue.surveySatisfied = 20; d.issue.surveyBasic = 3; d.issue.surveyDissatisfied = 1; d.issue.surveyedOn = "2026-05-25"
        XCTAssertEqual(try ConsultationWorkflow.advance(d, reference: reference), PlannedTransition(kind: .close, from: 8, to: 8, outcome: .resolved))
        d.issue.surveySatisfied = 1; d.issue.surveyBasic = 1; d.issue.surveyDissatisfied = 9
        XCTAssertEqual(try ConsultationWorkflow.advance(d, reference: reference).outcome, .unresolved)
    }

    func testSendingBackNeedsAReasonAndAnEarlierStep() throws {
        let d = dossier(at: 4)
        assertRefused(.reasonRequired(LocalizedText("退回", "Sending back"))) { try ConsultationWorkflow.sendBack(d, reason: "  ", reference: reference) }
        assertRefused(.sendBackTarget(from: 4, to: 4)) { try ConsultationWorkflow.sendBack(d, to: 4, reason: "x", reference: reference) }
        assertRefused(.cannotSendBack(from: label(1))) { try ConsultationWorkflow.sendBack(dossier(at: 1), reason: "x", reference: reference) }
        XCTAssertEqual(try ConsultationWorkflow.sendBack(d, reason: " 缺物业代表 ", reference: reference),
                       PlannedTransition(kind: .sendBack, from: 4, to: 3, reason: "缺物业代表"))
        XCTAssertEqual(try ConsultationWorkflow.sendBack(d, to: 2, reason: "重新审核", reference: reference).to, 2)
    }

    func testClosingRulesPerOutcome() throws {
        assertRefused(.outcomeNotAllowed(.rejected, step: label(4))) { try ConsultationWorkflow.close(dossier(at: 4), outcome: .rejected, reason: "x", reference: reference) }
        assertRefused(.outcomeNotAllowed(.resolved, step: label(4))) { try ConsultationWorkflow.close(dossier(at: 4), outcome: .resolved, reason: "", reference: reference) }
        assertRefused(.reasonRequired(LocalizedText("以「不予立项」办结", "Closing as not accepted"))) {
            try ConsultationWorkflow.close(dossier(at: 2), outcome: .rejected, reason: "", reference: reference)
        }
        XCTAssertEqual(try ConsultationWorkflow.close(dossier(at: 2), outcome: .rejected, reason: "民事纠纷", reference: reference).outcome, .rejected)
        XCTAssertEqual(try ConsultationWorkflow.close(dossier(at: 5), outcome: .referred, reason: "超出社区范围", reference: reference).to, 5)
    }

    func testAClosedIssueIsReadOnlyUntilReopenedWithAReason() throws {
        var d = dossier(at: 2)
        d.issue.outcome = .rejected
        d.issue.closedOn = "2026-05-02"
        let closed = ConsultationError.closed(number: "2026-0001", outcome: .rejected)
        assertRefused(closed) { try ConsultationWorkflow.advance(d, reference: reference) }
        assertRefused(closed) { try ConsultationWorkflow.sendBack(d, reason: "x", reference: reference) }
        assertRefused(closed) { try ConsultationWorkflow.requireStep(d.issue, 2, action: LocalizedText("a", "a"), reference: reference) }
        assertRefused(.reasonRequired(LocalizedText("重新打开", "Reopening"))) { try ConsultationWorkflow.reopen(d, reason: "") }
        XCTAssertEqual(try ConsultationWorkflow.reopen(d, reason: "居民再次反映"), PlannedTransition(kind: .reopen, from: 2, to: 2, reason: "居民再次反映"))
        assertRefused(.notClosed(number: "2026-0001")) { try ConsultationWorkflow.reopen(dossier(at: 3), reason: "x") }
    }

    func testOverdueIsComputedFromTheStepDeadline() {
        var issue = dossier(at: 4).issue
        issue.stepSince = "2026-05-01"
        // Step 4's deadline in the data file is 14 days.
        XCTAssertEqual(reference.deadlineDays(4), 14)
        XCTAssertFalse(ConsultationWorkflow.isOverdue(issue, today: "2026-05-15", reference: reference))
        XCTAssertTrue(ConsultationWorkflow.isOverdue(issue, today: "2026-05-16", reference: reference))
        XCTAssertEqual(ConsultationWorkflow.daysInStep(issue, today: "2026-05-16"), 15)
        issue.outcome = .withdrawn
        XCTAssertFalse(ConsultationWorkflow.isOverdue(issue, today: "2026-09-01", reference: reference))
    }

    func testWalkValidationFindsABrokenHistory() {
        var d = dossier(at: 3)
        XCTAssertEqual(ConsultationWorkflow.walkProblems(issue: d.issue, history: d.history), [])
        // A jump from step 3 to step 5.
        d.history.append(IssueTransition(issueId: 1, seq: 4, kind: .advance, fromStep: 3, toStep: 5, operatorName: "x", onDay: "2026-05-01", at: ""))
        d.issue.step = 5
        d.issue.furthestStep = 5
        let problems = ConsultationWorkflow.walkProblems(issue: d.issue, history: d.history)
        XCTAssertEqual(problems.count, 1, "\(problems)")
        XCTAssertTrue(problems[0].zh.contains("只能逐步推进"), problems[0].zh)
        // Stored step disagreeing with the history.
        var e = dossier(at: 3)
        e.issue.step = 6
        e.issue.furthestStep = 6
        XCTAssertTrue(ConsultationWorkflow.walkProblems(issue: e.issue, history: e.history).contains { $0.en.contains("stored at step 6") })
    }

    func testBuiltInReferenceMatchesTheDataFile() {
        XCTAssertEqual(ConsultationReference.builtIn, reference)
    }

    func testVoteNeedsSimpleMajorityOfThoseVoting() {
        XCTAssertTrue(Vote(inFavour: 3, against: 2, abstain: 10).passed)
        XCTAssertFalse(Vote(inFavour: 2, against: 2, abstain: 0).passed)
    }
}

final class ConsultationDayMathTests: XCTestCase {
    func testIntegerDayArithmeticAgreesWithTheCalendar() {
        var day = "2023-12-25"
        for step in [1, 30, 59, 366, 1, 400] {
            XCTAssertEqual(ConsultationDayMath.adding(step, to: day), Day.adding(step, to: day), day)
            XCTAssertEqual(ConsultationDayMath.adding(-step, to: day), Day.adding(-step, to: day), day)
            let next = Day.adding(step, to: day) ?? day
            XCTAssertEqual(ConsultationDayMath.days(from: day, to: next), Day.days(from: day, to: next))
            day = next
        }
        XCTAssertEqual(ConsultationDayMath.adding(1, to: "2024-02-28"), "2024-02-29")
        XCTAssertEqual(ConsultationDayMath.adding(1, to: "2026-12-31"), "2027-01-01")
        XCTAssertNil(ConsultationDayMath.serial("2026-13-01"))
    }
}
