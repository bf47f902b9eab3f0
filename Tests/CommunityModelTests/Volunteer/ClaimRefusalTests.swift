import GRDB
import XCTest
@testable import CommunityModel

/// Every way a claim is refused says why (issue 4 item 2).
final class ClaimRefusalTests: XCTestCase {
    func testFullTaskRefusesTheNextClaimant() throws {
        let f = try VolunteerFixture()
        let task = try f.task(places: 1)
        let a = try f.member("张伟", code: "D001", phone: "13800000001")
        let b = try f.member("李娜", code: "D002", phone: "13800000002")
        try f.db.claimTask(id: task.id!, for: a, by: f.actor)
        XCTAssertThrowsError(try f.db.claimTask(id: task.id!, for: b, by: f.actor), equals: ClaimError.taskFull(title: task.title, places: 1))
        XCTAssertEqual(try f.db.task(id: task.id!)?.state(now: "2099-01-01 00:00"), .full)
    }

    func testEndedTaskRefusesClaims() throws {
        let f = try VolunteerFixture()
        // Published before it took place, then over: no more claims.
        let task = try SeedClock.$moment.withValue("2019-12-20 09:00:00") {
            try f.task(starts: "2020-01-01 08:00", ends: "2020-01-01 11:00")
        }
        let a = try f.member("张伟", code: "D001", phone: "13800000001")
        XCTAssertThrowsError(try f.db.claimTask(id: task.id!, for: a, by: f.actor), equals: ClaimError.taskEnded(title: task.title))
    }

    func testATaskPublishedAfterItsTimeIsBackfillAndTakesClaimsAndApprovals() throws {
        let f = try VolunteerFixture()
        let draft = try f.task("迎七一文艺演出秩序维护", starts: "2026-06-30 18:00", ends: "2026-06-30 21:00", publish: false)
        let published = try f.db.publishTask(id: draft.id!, by: f.actor, now: "2026-07-02 10:00")
        XCTAssertTrue(published.isBackfill, "published after it ended: recorded as 补录")
        let a = try f.member("张伟", code: "D001", phone: "13800000001")
        let claim = try f.db.claimTask(id: draft.id!, for: a, by: f.actor, now: "2026-07-02 10:05")
        try f.db.replyToClaim(id: claim.id!, note: "到岗", by: f.actor)
        _ = try f.db.approveClaims([claim.id!], by: f.actor)
        XCTAssertEqual(try f.balance(a), 10)
        XCTAssertEqual(try f.count("SELECT COUNT(*) FROM audit_log WHERE detail LIKE '补录 %'"), 2, "publication and claim are marked 补录")
    }

    func testMembersOnlyTaskRefusesAnOrganisationAndTheReverse() throws {
        let f = try VolunteerFixture()
        let forMembers = try f.task("迎\"七一\"文艺演出秩序维护", audience: .members)
        let forOrgs = try f.task("防诈骗宣传", audience: .organisations)
        let bus = try f.organisation("公交集团党委")
        let zhang = try f.member("张伟", code: "D001", phone: "13800000001")
        XCTAssertThrowsError(try f.db.claimTask(id: forMembers.id!, for: bus, by: f.actor),
                             equals: ClaimError.notAudience(title: forMembers.title, audience: .members, claimant: "公交集团党委"))
        XCTAssertThrowsError(try f.db.claimTask(id: forOrgs.id!, for: zhang, by: f.actor),
                             equals: ClaimError.notAudience(title: forOrgs.title, audience: .organisations, claimant: "张伟（D001）"))
    }

    func testTheSameClaimantCannotClaimTwiceButMayAgainAfterCancelling() throws {
        let f = try VolunteerFixture()
        let task = try f.task()
        let a = try f.member("张伟", code: "D001", phone: "13800000001")
        let first = try f.db.claimTask(id: task.id!, for: a, by: f.actor)
        XCTAssertThrowsError(try f.db.claimTask(id: task.id!, for: a, by: f.actor),
                             equals: ClaimError.alreadyClaimed(title: task.title, claimant: "张伟（D001）"))
        try f.db.cancelClaim(id: first.id!, reason: "临时出差", by: f.actor)
        XCTAssertEqual(try f.db.task(id: task.id!)?.taken, 0, "a cancelled claim frees its place")
        XCTAssertNoThrow(try f.db.claimTask(id: task.id!, for: a, by: f.actor))
    }

    func testInactiveMemberAndOrganisationAreRefused() throws {
        let f = try VolunteerFixture()
        let task = try f.task()
        let gone = try f.member("赵强", code: "D009", phone: "13800000009", active: false)
        let closed = try f.organisation("市图书馆党支部", active: false)
        XCTAssertThrowsError(try f.db.claimTask(id: task.id!, for: gone, by: f.actor), equals: ClaimError.memberInactive(name: "赵强（D009）"))
        XCTAssertThrowsError(try f.db.claimTask(id: task.id!, for: closed, by: f.actor), equals: ClaimError.organisationInactive(name: "市图书馆党支部"))
    }

    func testDraftAndCancelledTasksRefuseClaims() throws {
        let f = try VolunteerFixture()
        let draft = try f.task("文明创建入户宣传", publish: false)
        let a = try f.member("张伟", code: "D001", phone: "13800000001")
        XCTAssertThrowsError(try f.db.claimTask(id: draft.id!, for: a, by: f.actor), equals: ClaimError.taskNotPublished(title: draft.title))
        let task = try f.task()
        try f.db.cancelTask(id: task.id!, reason: "天气原因", by: f.actor)
        XCTAssertThrowsError(try f.db.claimTask(id: task.id!, for: a, by: f.actor), equals: ClaimError.taskCancelled(title: task.title))
    }

    func testRefusalsSpeakBothLanguages() {
        let e = ClaimError.taskFull(title: "核酸检测", places: 3)
        XCTAssertTrue(e.message.zh.contains("已满"))
        XCTAssertTrue(e.message.en.contains("full"))
        XCTAssertTrue(ClaimError.memberInactive(name: "赵强").message.en.contains("deactivated"))
    }

    func testCancellingATaskCancelsItsOpenClaimsAndListsTheirClaimants() throws {
        let f = try VolunteerFixture()
        let task = try f.task()
        let a = try f.member("张伟", code: "D001", phone: "13800000001")
        let b = try f.member("李娜", code: "D002", phone: "13800000002")
        let c = try f.member("王芳", code: "D003", phone: "13800000003")
        try f.db.claimTask(id: task.id!, for: a, by: f.actor)
        _ = try f.repliedClaim(task, b)
        let approved = try f.repliedClaim(task, c)
        try f.db.approveClaims([approved], by: f.actor)
        let result = try f.db.cancelTask(id: task.id!, reason: "暴雨预警，活动取消", by: f.actor)
        XCTAssertEqual(Set(result.cancelledClaims.map(\.claimantName)), ["张伟", "李娜"])
        XCTAssertEqual(result.task.state(), .cancelled)
        XCTAssertEqual(result.task.taken, 1, "only the approved claim still holds a place")
        XCTAssertEqual(try f.balance(c), 10, "approved work keeps its points")
        XCTAssertThrowsError(try f.db.cancelTask(id: task.id!, reason: "again", by: f.actor), equals: TaskError.alreadyCancelled(title: task.title))
        XCTAssertThrowsError(try f.db.cancelTask(id: task.id!, reason: " ", by: f.actor), equals: TaskError.reasonRequired)
    }

    func testClaimStatesFollowTheLoop() throws {
        let f = try VolunteerFixture()
        let task = try f.task()
        let a = try f.member("张伟", code: "D001", phone: "13800000001")
        let claim = try f.db.claimTask(id: task.id!, for: a, by: f.actor)
        // Cannot approve before the claimant has reported back.
        XCTAssertThrowsError(try f.db.approveClaims([claim.id!], by: f.actor),
                             equals: ClaimError.wrongState(action: LocalizedText("审核通过", "approved"), state: .claimed, expected: [.replied]))
        try f.db.replyToClaim(id: claim.id!, note: "完成扫码登记 200 人", by: f.actor, now: task.startsAt)
        XCTAssertEqual(try f.db.claimCount(.reviewQueue), 1)
        XCTAssertThrowsError(try f.db.rejectClaims([claim.id!], reason: "", by: f.actor),
                             equals: ClaimError.reasonRequired(action: LocalizedText("驳回", "rejected")))
        try f.db.rejectClaims([claim.id!], reason: "请补充照片", by: f.actor)
        XCTAssertEqual(try f.db.claim(id: claim.id!)?.state, .rejected)
        XCTAssertEqual(try f.db.claimCount(.reviewQueue), 0)
        XCTAssertEqual(try f.balance(a), 0)
    }

    func testAReportBackOrNoShowWaitsUntilTheTaskHasStarted() throws {
        let f = try VolunteerFixture()
        let task = try f.task(starts: "2099-06-28 08:00", ends: "2099-06-28 11:30")
        let a = try f.member("张伟", code: "D001", phone: "13800000001")
        let b = try f.member("李娜", code: "D002", phone: "13800000002")
        let early = try f.db.claimTask(id: task.id!, for: a, by: f.actor, now: "2099-06-20 10:00").id!
        let other = try f.db.claimTask(id: task.id!, for: b, by: f.actor, now: "2099-06-20 10:00").id!
        // Before the start: both refused, saying when it starts and what to do; nothing changes.
        let reply = ClaimError.taskNotStarted(title: task.title, startsAt: "2099-06-28 08:00", action: ClaimRules.replyAction)
        XCTAssertThrowsError(try f.db.replyToClaim(id: early, note: "到岗", by: f.actor, now: "2099-06-28 07:59"), equals: reply)
        XCTAssertThrowsError(try f.db.markNoShow([early, other], by: f.actor, now: "2099-06-27 18:00"),
                             equals: ClaimError.taskNotStarted(title: task.title, startsAt: "2099-06-28 08:00", action: ClaimRules.noShowAction))
        XCTAssertTrue(reply.message.zh.contains("2099-06-28 08:00 才开始") && reply.message.zh.contains("请先修改任务时间"), reply.message.zh)
        XCTAssertTrue(reply.message.en.contains("starts at 2099-06-28 08:00") && reply.message.en.contains("edit the task"), reply.message.en)
        XCTAssertEqual(try f.db.claims(.task(task.id!), .first(5)).map(\.state), [.claimed, .claimed])
        // From the start on, both are taken.
        try f.db.replyToClaim(id: early, note: "到岗", by: f.actor, now: "2099-06-28 08:00")
        XCTAssertEqual(try f.db.markNoShow([other], by: f.actor, now: "2099-06-28 11:00").changed, [other])
        // A state that could not be marked anyway still says so first.
        try f.db.rejectClaims([early], reason: "无照片", by: f.actor)
        XCTAssertThrowsError(try f.db.markNoShow([early], by: f.actor, now: "2099-06-01 00:00")) { error in
            guard case ClaimError.wrongState = error else { return XCTFail("\(error)") }
        }
    }

    func testNoShowEarnsNothingAndShowsOnTheClaimantsRecord() throws {
        let f = try VolunteerFixture()
        let task = try f.task()
        let a = try f.member("张伟", code: "D001", phone: "13800000001")
        let claim = try f.db.claimTask(id: task.id!, for: a, by: f.actor)
        try f.db.markNoShow([claim.id!], by: f.actor, now: task.endsAt)
        let record = try f.db.claims(.holder(a), .first(10))
        XCTAssertEqual(record.map(\.state), [.noShow])
        XCTAssertEqual(try f.balance(a), 0)
        XCTAssertEqual(try f.count("SELECT COUNT(*) FROM ledger_entry"), 0)
    }

    func testFindClaimantByPhoneCodeOrOrganisationName() throws {
        let f = try VolunteerFixture()
        let a = try f.member("张伟", code: "D001", phone: "13800000001")
        let bus = try f.organisation("公交集团党委", phone: "13903170121")
        XCTAssertEqual(try f.db.findClaimant("13800000001")?.holder, a)
        XCTAssertEqual(try f.db.findClaimant("D001")?.holder, a)
        XCTAssertEqual(try f.db.findClaimant("公交集团党委")?.holder, bus)
        XCTAssertEqual(try f.db.findClaimant("13903170121")?.holder, bus)
        XCTAssertNil(try f.db.findClaimant("13000000000"))
    }

    func testTaskValidationNamesTheField() {
        let good = TaskDraft(title: "核酸检测", category: .nucleicTesting, audience: .both, startsAt: "2099-06-28 8:00",
                             endsAt: "2099-06-28 11:30", place: "卫生站", places: 3, points: 10)
        XCTAssertEqual(try TaskValidation.validate(good).startsAt, "2099-06-28 08:00")
        var bad = good; bad.endsAt = "2099-06-28 07:00"
        XCTAssertThrowsError(try TaskValidation.validate(bad), equals: TaskError.endsBeforeStart)
        bad = good; bad.startsAt = "2099-02-30 08:00"
        XCTAssertThrowsError(try TaskValidation.validate(bad), equals: TaskError.badTime("2099-02-30 08:00"))
        bad = good; bad.places = 0
        XCTAssertThrowsError(try TaskValidation.validate(bad), equals: TaskError.badPlaces(0))
        bad = good; bad.title = "  "
        XCTAssertThrowsError(try TaskValidation.validate(bad), equals: TaskError.emptyTitle)
    }

    func testPlacesCannotDropBelowTaken() throws {
        let f = try VolunteerFixture()
        let task = try f.task(places: 3)
        try f.db.claimTask(id: task.id!, for: try f.member("张伟", code: "D001", phone: "13800000001"), by: f.actor)
        try f.db.claimTask(id: task.id!, for: try f.member("李娜", code: "D002", phone: "13800000002"), by: f.actor)
        var draft = TaskDraft(task)
        draft.places = 1
        XCTAssertThrowsError(try f.db.updateTask(id: task.id!, draft, by: f.actor), equals: TaskError.placesBelowTaken(places: 1, taken: 2))
        draft.places = 2
        XCTAssertEqual(try f.db.updateTask(id: task.id!, draft, by: f.actor).state(now: "2099-01-01 00:00"), .full)
    }
}
