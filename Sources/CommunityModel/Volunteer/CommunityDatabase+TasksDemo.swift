import Foundation
import GRDB

/// The 双报到 part of the demo 朝东社区 (issue 4 item 7), built on the roster the roster seeder already wrote:
/// organisations and members are looked up by SQL, never created here. Everything goes through the same
/// in-transaction functions the screens use, so the demo obeys every rule (places, audience, ledger).
enum VolunteerDemo {
    static func seed(_ db: Database, context: inout SeedContext) throws {
        // Reviews and ledger entries are stamped at a fixed hour of the seeding day: the same demo every time.
        try VolunteerClock.$pinned.withValue(context.today + " 09:00:00") {
            try seedRows(db, context: context)
        }
    }

    private static func seedRows(_ db: Database, context: SeedContext) throws {
        let today = context.today
        let actor = context.actor
        let members = try Int64.fetchAll(db, sql: "SELECT id FROM member WHERE active = 1 ORDER BY id LIMIT 24")
        let orgs = try Int64.fetchAll(db, sql: "SELECT id FROM organisation WHERE active = 1 ORDER BY id")
        func org(_ name: String, fallback index: Int) throws -> Int64? {
            if let id = try Int64.fetchOne(db, sql: "SELECT id FROM organisation WHERE name = ? AND active = 1", arguments: [name]) { return id }
            return orgs.indices.contains(index) ? orgs[index] : nil
        }
        func day(_ offset: Int) -> String { Day.adding(offset, to: today) ?? today }
        func task(_ title: String, _ category: TaskCategory, _ audience: TaskAudience, dayOffset: Int, _ from: String, _ to: String,
                  place: String, places: Int, points: Int, _ description: String, publish: Bool = true) throws -> VolunteerTask {
            let d = day(dayOffset)
            // Published before the work happened, as the office would have done.
            return try CommunityDatabase.insertTask(db, TaskDraft(title: title, category: category, audience: audience,
                                                                  startsAt: "\(d) \(from)", endsAt: "\(d) \(to)", place: place,
                                                                  places: places, points: points, description: description),
                                                   publish: publish, by: actor)
        }
        /// Claims as of the day before the task, then replies and reviews as the script says.
        func claim(_ t: VolunteerTask, _ holder: PointsHolder, reply: String? = nil, then review: ClaimState? = nil) throws {
            guard let taskId = t.id else { return }
            let before = String(t.startsAt.prefix(10))
            let claimedOn = (Day.adding(-1, to: before) ?? before) + " 10:00"
            let c = try CommunityDatabase.insertClaim(db, taskId: taskId, holder: holder, now: claimedOn,
                                                      claimedAt: claimedOn + ":00", by: actor)
            guard let id = c.id else { return }
            if let note = reply, review != .noShow {
                _ = try CommunityDatabase.reply(db, id: id, note: note, at: String(t.endsAt.prefix(10)) + " 18:00:00", by: actor)
            }
            switch review {
            case .approved?: _ = try CommunityDatabase.approve(db, claimId: id, by: actor)
            case .noShow?, .rejected?:
                guard var row = try Claim.fetchOne(db, key: id) else { return }
                row.state = review ?? .rejected
                row.reviewedBy = actor?.name ?? "system"
                row.reviewedAt = String(t.endsAt.prefix(10)) + " 19:00:00"
                row.reviewReason = review == .noShow ? "当天未到岗" : "回复内容与任务不符，请补充照片"
                try row.update(db)
            default: break
            }
        }
        let m = members.map { PointsHolder.member($0) }
        func member(_ i: Int) -> PointsHolder? { m.isEmpty ? nil : m[i % m.count] }

        // 防诈骗宣传: organisations, ten days ago — 公交集团 approved, 区法院 waiting in the review queue.
        let fraud = try task("防诈骗宣传进社区", .antiFraud, .organisations, dayOffset: -10, "09:00", "11:30",
                             place: "朝东社区党群服务中心广场", places: 4, points: 20, "发放宣传册，现场讲解电信诈骗常见手法。")
        if let bus = try org("公交集团党委", fallback: 0) {
            try claim(fraud, .organisation(bus), reply: "出动 6 人，发放宣传册 300 份。", then: .approved)
        }
        if let court = try org("区法院党组", fallback: 1) {
            try claim(fraud, .organisation(court), reply: "法官现场讲解典型案例，解答群众咨询 40 余人次。")
        }

        // 迎"七一"文艺演出: members, in five days — two members have claimed.
        let show = try task("迎\"七一\"文艺演出秩序维护", .performanceOrder, .members, dayOffset: 5, "18:30", "21:00",
                            place: "朝东社区文化广场", places: 6, points: 10, "引导观众入场、维持现场秩序、散场疏导。")
        for i in 0..<2 { if let h = member(i) { try claim(show, h) } }

        // 核酸检测 shifts: three days ago (approved, one no-show), today (in progress), in two days (open).
        let swabPast = try task("核酸检测（上午班）", .nucleicTesting, .both, dayOffset: -3, "07:00", "11:00",
                                place: "朝东社区卫生服务站", places: 5, points: 15, "扫码登记、维持排队秩序。")
        for i in 2..<6 { if let h = member(i) { try claim(swabPast, h, reply: "按时到岗，完成扫码登记。", then: .approved) } }
        if let h = member(6) { try claim(swabPast, h, then: .noShow) }
        let swabToday = try task("核酸检测（全天班）", .nucleicTesting, .both, dayOffset: 0, "07:00", "23:00",
                                 place: "朝东社区卫生服务站", places: 4, points: 15, "扫码登记、维持排队秩序。")
        for i in 7..<9 { if let h = member(i) { try claim(swabToday, h) } }
        _ = try task("核酸检测（下午班）", .nucleicTesting, .both, dayOffset: 2, "14:00", "18:00",
                     place: "朝东社区卫生服务站", places: 5, points: 15, "扫码登记、维持排队秩序。")

        // 小门管控: a past shift (approved, one waiting for review) and a future shift already full.
        let gatePast = try task("小门管控（东门）", .gateControl, .members, dayOffset: -6, "06:00", "12:00",
                                place: "朝东小区东门", places: 3, points: 12, "测温、查验通行证。")
        if let h = member(9) { try claim(gatePast, h, reply: "按要求完成测温登记。", then: .approved) }
        if let h = member(2) { try claim(gatePast, h, reply: "测温 120 人次。", then: .approved) }
        if let h = member(10) { try claim(gatePast, h, reply: "值守 6 小时，劝返无证车辆 3 辆。") }
        let gateNext = try task("小门管控（西门）", .gateControl, .members, dayOffset: 3, "06:00", "12:00",
                                place: "朝东小区西门", places: 2, points: 12, "测温、查验通行证。")
        for i in 11..<13 { if let h = member(i) { try claim(gateNext, h) } }

        // 环境整治: last week, both kinds of claimant, waiting for review.
        let clean = try task("楼道杂物清理", .environment, .both, dayOffset: -2, "14:00", "17:00",
                             place: "朝东小区 3 号楼", places: 8, points: 8, "清理楼道堆放杂物，消除消防隐患。")
        if let h = member(13) { try claim(clean, h, reply: "清理 1–3 单元楼道。") }
        if let h = member(3) { try claim(clean, h, reply: "清理 4–6 单元楼道。", then: .rejected) }
        if let o = try org("市供电公司党委", fallback: 2) { try claim(clean, .organisation(o), reply: "出动 5 人，清运杂物两车。") }

        // 文明创建: still a draft.
        _ = try task("文明城市创建入户宣传", .civility, .both, dayOffset: 12, "09:00", "12:00",
                     place: "朝东社区各楼栋", places: 10, points: 10, "入户发放《文明市民手册》。", publish: false)
    }
}
