@testable import CommunityTUI
import CommunityModel
import XCTest

/// Screen 3 at 80×24 with Chinese: board, detail, review queue, forms, and the entries behind a figure.
final class TaskScreenTests: XCTestCase {
    /// The roster of `TUIFixture.seedRoster` plus tasks in each state around the fixture's day (2026-11-30).
    func fixture() throws -> (TUIFixture, [String: VolunteerTask]) {
        let f = try TUIFixture()
        try f.seedRoster()
        func make(_ title: String, _ audience: TaskAudience, _ starts: String, _ ends: String, places: Int, points: Int, publish: Bool = true) throws -> VolunteerTask {
            try f.db.createTask(TaskDraft(title: title, category: .antiFraud, audience: audience, startsAt: starts, endsAt: ends,
                                          place: "党群服务中心广场", places: places, points: points), publish: publish, by: f.secretary)
        }
        var t: [String: VolunteerTask] = [:]
        t["draft"] = try make("文明城市创建入户宣传", .both, "2026-12-12 09:00", "2026-12-12 12:00", places: 10, points: 10, publish: false)
        t["open"] = try make("防诈骗宣传进社区", .organisations, "2026-12-05 09:00", "2026-12-05 11:30", places: 4, points: 20)
        t["show"] = try make("迎\"七一\"文艺演出秩序维护", .members, "2026-12-06 18:30", "2026-12-06 21:00", places: 6, points: 10)
        t["full"] = try make("小门管控（西门）", .members, "2026-12-03 06:00", "2026-12-03 12:00", places: 1, points: 12)
        t["ended"] = try make("核酸检测（上午班）", .both, "2026-11-20 07:00", "2026-11-20 11:00", places: 5, points: 15)
        let zhang = try XCTUnwrap(f.db.findClaimant("D0001")).holder
        try f.db.claimTask(id: t["full"]!.id!, for: zhang, by: f.secretary)
        return (f, t)
    }

    /// Claims and replies on the ended task, as of the day before it, for the review queue.
    func replied(_ f: TUIFixture, _ task: VolunteerTask, _ who: String, note: String) throws -> Int64 {
        let holder = try XCTUnwrap(f.db.findClaimant(who)).holder
        let c = try f.db.claimTask(id: task.id!, for: holder, by: f.secretary, now: "2026-11-19 10:00")
        try f.db.replyToClaim(id: c.id!, note: note, by: f.secretary)
        return c.id!
    }

    func testBoardShowsAColumnPerStateAt80Columns() throws {
        var (f, _) = try fixture()
        defer { f.remove() }
        f.press(.char("3"))
        let lines = f.lines
        XCTAssertEqual(lines.count, 24)
        let header = try XCTUnwrap(lines.first { $0.contains("发布中") }, f.text)
        for (state, n) in [("草稿", 1), ("发布中", 2), ("已满", 1), ("进行中", 0), ("已结束", 1)] {
            XCTAssertTrue(header.contains("\(state) \(n)"), "\(state) \(n) in \(header)")
        }
        // Columns start at fixed display columns whatever the Chinese titles' widths.
        XCTAssertEqual(displayColumn(of: "发布中", in: header), 16)
        XCTAssertEqual(displayColumn(of: "已满", in: header), 32)
        let titles = try XCTUnwrap(lines.first { $0.contains("防诈骗") }, f.text)
        XCTAssertEqual(displayColumn(of: "防诈骗", in: titles), 16)
        XCTAssertEqual(displayColumn(of: "小门管控", in: titles), 32)
        XCTAssertTrue(lines.allSatisfy { DisplayWidth.of($0) <= 80 })
        XCTAssertTrue(f.text.contains("12-03 06:00 1/1"), f.text)
        // The selected card (first open task) is spelled out under the board.
        XCTAssertTrue(lines[21].contains("防诈骗宣传进社区 · 党群服务中心广场 · 20分/人 · 0/4人"), lines[21])
    }

    func testEnterOpensTheTaskWithItsClaimsAndEscGoesBack() throws {
        var (f, t) = try fixture()
        defer { f.remove() }
        _ = try replied(f, t["ended"]!, "公交集团党委", note: "出动 6 人，发放宣传册 300 份")
        f.press(.char("3"), .char("l"), .char("l"), .char("l"), .enter)
        XCTAssertTrue(f.text.contains("核酸检测（上午班）  [已结束"), f.text)
        XCTAssertTrue(f.text.contains("名额 1/5"), f.text)
        let row = try XCTUnwrap(f.lines.first { $0.contains("公交集团党委") }, f.text)
        XCTAssertTrue(row.contains("已回复") && row.contains("出动 6 人"), row)
        f.press(.escape)
        XCTAssertTrue(f.text.contains("已结束 1"), f.text)
    }

    func testReviewQueueApprovesSeveralAtOnceAndCreditsPoints() throws {
        var (f, t) = try fixture()
        defer { f.remove() }
        _ = try replied(f, t["ended"]!, "D0002", note: "按时到岗")
        _ = try replied(f, t["ended"]!, "D0003", note: "完成扫码登记")
        _ = try replied(f, t["ended"]!, "区法院党组", note: "讲解案例")
        f.press(.char("3"), .tab)
        XCTAssertTrue(f.text.contains("审核队列 3"), f.text)
        XCTAssertTrue(f.text.contains("欧阳振华（D0003）"), f.text)
        f.press(.char(" "), .char(" "))
        XCTAssertTrue(f.text.contains("已标记 2 行"), f.text)
        f.press(.char("a"))
        XCTAssertTrue(f.text.contains("等 2 条认领，共发放 30 积分吗？"), "the confirmation names whose claims: \(f.text)")
        f.press(.char("y"))
        XCTAssertTrue(f.text.contains("已通过 2 条认领，发放 30 积分。"), f.text)
        XCTAssertTrue(f.text.contains("审核队列 1"), f.text)
        XCTAssertFalse(f.text.contains("已标记"), "marks leave with the approved claims")
        let li = try XCTUnwrap(f.db.findClaimant("D0002")).holder
        XCTAssertEqual(try f.db.balance(of: li).balance, 15)
    }

    func testEnterOnAClaimOpensTheEntriesBehindTheBalance() throws {
        var (f, t) = try fixture()
        defer { f.remove() }
        let id = try replied(f, t["ended"]!, "D0002", note: "按时到岗")
        try f.db.approveClaims([id], by: f.secretary)
        f.press(.char("3"), .char("l"), .char("l"), .char("l"), .enter, .enter)
        XCTAssertTrue(f.text.contains("李娜（D0002）  积分余额 15 · 共 1 笔记录"), f.text)
        let row = try XCTUnwrap(f.lines.first { $0.contains("入账") }, f.text)
        XCTAssertTrue(row.contains("+15") && row.contains("核酸检测（上午班）"), row)
        // z reverses it with a reason; the claim goes back to review and the balance to 0.
        f.press(.char("z"))
        f.type("误点通过")
        f.press(.enter)
        XCTAssertTrue(f.text.contains("积分余额 0 · 共 2 笔记录"), f.text)
        XCTAssertEqual(try f.db.claim(id: id)?.state, .replied)
    }

    func testPublishingATaskThroughTheForm() throws {
        var (f, _) = try fixture()
        defer { f.remove() }
        f.press(.char("3"), .char("n"))
        XCTAssertTrue(f.text.contains("发布新任务"), f.text)
        f.type("环境整治：清理楼道")
        f.press(.tab, .tab, .tab, .tab, .tab)
        f.type("朝东小区 3 号楼")
        f.press(.ctrl("s"))
        XCTAssertTrue(f.text.contains("已发布任务「环境整治：清理楼道」。"), f.text)
        XCTAssertTrue(f.text.contains("发布中 3"), f.text)
    }

    func testClaimOnBehalfShowsTheRefusalOnTheForm() throws {
        var (f, _) = try fixture()
        defer { f.remove() }
        // The open column's first card is the organisations-only 防诈骗宣传 task.
        f.press(.char("3"), .char("c"))
        f.type("D0001")
        f.press(.enter)
        XCTAssertTrue(f.text.contains("只面向报到单位"), f.text)
        f.press(.ctrl("u"))
        f.type("公交集团党委")
        f.press(.enter)
        XCTAssertTrue(f.text.contains("已为公交集团党委认领「防诈骗宣传进社区」。"), f.text)
        XCTAssertTrue(f.text.contains("12-05 09:00 1/4"), f.text)
    }

    func testHelpListsEveryReviewKey() throws {
        var (f, _) = try fixture()
        defer { f.remove() }
        f.press(.char("3"), .tab, .char("?"))
        for text in ["审核通过", "驳回", "标记未到", "标记/取消标记"] { XCTAssertTrue(f.text.contains(text), "\(text) in help\n\(f.text)") }
    }

    func testBoardAndReviewQueueInEnglish() throws {
        var (f, _) = try fixture()
        defer { f.remove(); Language.current = .zh }
        Language.current = .en
        f.press(.char("3"))
        for text in ["Task board", "Draft 1", "Open 2", "Full 1", "In progress 0", "Ended 1"] { XCTAssertTrue(f.text.contains(text), "\(text)\n\(f.text)") }
        XCTAssertTrue(f.lines.allSatisfy { DisplayWidth.of($0) <= 80 })
        f.press(.tab)
        XCTAssertTrue(f.text.contains("The review queue is empty."), f.text)
    }

    func testReplyAndNoShowKeysWaitUntilTheTaskHasStarted() throws {
        var (f, t) = try fixture()
        defer { f.remove() }
        let bus = try XCTUnwrap(f.db.findClaimant("公交集团党委")).holder
        try f.db.claimTask(id: t["open"]!.id!, for: bus, by: f.secretary, now: "2026-11-30 08:00")
        // 发布中 → 防诈骗宣传进社区 (starts 2026-12-05 09:00; the desk's day is 2026-11-30) → its claim.
        f.press(.char("3"), .enter)
        XCTAssertTrue(f.text.contains("公交集团党委"), f.text)
        f.press(.char("r"))
        // No form to type a report into only to have it refused: the whole reason, in a box, and in short below.
        guard case .text = f.app.modals.last else { return XCTFail("\(f.app.modals)") }
        XCTAssertEqual(f.app.modals.count, 1)
        XCTAssertTrue(f.text.contains("2026-12-05 09:00 才开始"), f.text)
        XCTAssertTrue(f.text.contains("请先修改任务时间"), f.text)
        XCTAssertTrue(f.lines[23].contains("任务尚未开始，还不能登记回复"), f.lines[23])
        f.press(.escape, .char("w"))
        guard case .text = f.app.modals.last else { return XCTFail("\(f.app.modals)") }
        XCTAssertTrue(f.lines[23].contains("任务尚未开始，还不能标记未到"), f.lines[23])
        f.press(.escape)
        XCTAssertTrue(f.app.modals.isEmpty)
        XCTAssertEqual(try f.db.claims(.task(t["open"]!.id!), .first(5)).map(\.state), [.claimed])
    }

    func testTheClaimantsRecordShowsANoShow() throws {
        var (f, t) = try fixture()
        defer { f.remove() }
        let zhang = try XCTUnwrap(f.db.findClaimant("D0001")).holder
        let c = try f.db.claimTask(id: t["ended"]!.id!, for: zhang, by: f.secretary, now: "2026-11-19 10:00")
        try f.db.markNoShow([c.id!], reason: "当天未到岗", by: f.secretary)
        // Board → 已结束 column → the task → Enter on 张建华's claim → Tab for his claim record.
        f.press(.char("3"), .char("l"), .char("l"), .char("l"), .enter, .enter, .tab)
        XCTAssertTrue(f.text.contains("认领记录"), f.text)
        let row = try XCTUnwrap(f.lines.first { $0.contains("核酸检测（上午班）") }, f.text)
        XCTAssertTrue(row.contains("未到") && row.contains("当天未到岗"), row)
        XCTAssertTrue(f.text.contains("小门管控（西门）"), "his other claim is listed too")
        f.press(.tab)
        XCTAssertTrue(f.text.contains("还没有积分记录"), f.text)
    }
}
