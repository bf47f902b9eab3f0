import Foundation
import GRDB

/// The 双报到 part of the demo 朝东社区: half a year of service up to "today" (issue 7 item 4), built on the
/// roster the roster seeder already wrote. About sixty tasks are published, claimed, reported back and reviewed
/// at the dates it happened, through the same in-transaction functions the screens use, so the demo obeys every
/// rule (places, audience, ledger) and `check` accepts it. Around today a few tasks are still open and a few
/// claims wait for review, so screen 3 has work. The same roster and "today" always give the same rows.
enum VolunteerDemo {
    static func seed(_ db: Database, context: inout SeedContext) throws {
        var rng = context.random
        let cast = try VolunteerDemoCast.load(db, rng: &rng)
        guard let today = ConsultationDayMath.serial(context.today) else { return }
        var plan = VolunteerDemoPlan()
        history(&plan, today: today, cast: cast, rng: &rng)
        current(&plan, today: today, cast: cast, rng: &rng)
        try replay(plan, db, actor: context.actor)
        context.random = rng
    }

    // MARK: The half year behind today

    /// A task every three or four days from six months ago until twelve days ago, every claim reviewed.
    static func history(_ plan: inout VolunteerDemoPlan, today: Int, cast: VolunteerDemoCast, rng: inout SeededRandom) {
        var days: [Int] = []
        var d = today - 182 + rng.int(0...2)
        while d <= today - 12 {
            days.append(d)
            d += rng.int(3...4)
        }
        // Performances on the eves of 七一 and 国庆 take the place of the nearest ordinary task.
        for s in (today - 182)...(today - 12) where VolunteerDemoText.festival(month: DemoTime.monthDay(s).0, day: DemoTime.monthDay(s).1) != nil {
            days.removeAll { abs($0 - s) <= 1 }
            days.append(s)
        }
        days.sort()
        let totalWeight = { (kinds: [DemoTaskKind]) in kinds.reduce(0) { $0 + $1.weight } }
        for day in days {
            let (month, date) = DemoTime.monthDay(day)
            var kind: DemoTaskKind
            if let festival = VolunteerDemoText.festival(month: month, day: date) {
                kind = festival
            } else {
                let season = VolunteerDemoText.kinds.filter { $0.months.isEmpty || $0.months.contains(month) }
                var r = rng.int(0...(totalWeight(season) - 1))
                kind = season.first { r -= $0.weight; return r < 0 } ?? season[0]
            }
            let choice = rng.int(0...(kind.titles.count - 1))
            kind.titles = [kind.titles[choice]]
            let place = kind.places[min(choice, kind.places.count - 1)]
            let seats = rng.int(kind.seats)
            let task = plan.task(draft(kind, day: day, place: place, seats: seats),
                                 published: DemoTime.stamp(day - rng.int(4...9), 9 * 60 + rng.int(0...50)))
            var orgSeats = 0
            switch kind.audience {
            case .organisations: orgSeats = seats
            case .both: orgSeats = rng.chance(0.6) ? rng.int(1...2) : 0
            case .members: break
            }
            let claimants = VolunteerDemoCast.draw(cast.organisations, seats: orgSeats, rng: &rng)
                + VolunteerDemoCast.draw(cast.members, seats: kind.audience == .organisations ? 0 : seats - orgSeats, rng: &rng)
            let reviewDay = day + rng.int(1...3)
            for (i, holder) in claimants.enumerated() {
                let r = rng.int(0...99)
                let outcome: VolunteerDemoPlan.Outcome = r < 6 ? .noShow : (r < 10 ? .rejected : .approved)
                let reason = outcome == .noShow ? rng.pick(VolunteerDemoText.noShowReasons)
                    : (outcome == .rejected ? rng.pick(VolunteerDemoText.rejectReasons) : "")
                plan.claim(task, holder, claimed: claimTime(day, rng: &rng), outcome: outcome, note: VolunteerDemoText.reply(kind, rng: &rng),
                           replied: DemoTime.stamp(day, DemoTime.minutes(kind.to) + rng.int(20...180)),
                           reviewed: DemoTime.stamp(reviewDay, 9 * 60 + 2 * i), reviewDay: reviewDay, reason: reason)
            }
        }
        // One approval made by mistake, revoked the next day and marked 未到: the correction stays on record.
        if let slip = plan.approvals.last(where: { $0.reviewed <= today - 20 }) {
            plan.add(DemoTime.stamp(slip.reviewed + 1, 10 * 60), .revoke(claim: slip.claim, reason: VolunteerDemoText.revokeReason))
            plan.add(DemoTime.stamp(slip.reviewed + 1, 10 * 60 + 5), .noShow(claim: slip.claim, reason: "当天未到岗"))
        }
    }

    /// A claim phoned in between publication and the day before the task, in office hours.
    static func claimTime(_ day: Int, rng: inout SeededRandom) -> String {
        DemoTime.stamp(day - rng.int(1...3), 8 * 60 + rng.int(0...600))
    }

    static func draft(_ kind: DemoTaskKind, day: Int, place: String, seats: Int, from: String? = nil, to: String? = nil) -> TaskDraft {
        let d = ConsultationDayMath.string(day)
        return TaskDraft(title: kind.titles[0], category: kind.category, audience: kind.audience,
                         startsAt: "\(d) \(from ?? kind.from)", endsAt: "\(d) \(to ?? kind.to)", place: place,
                         places: seats, points: kind.points, description: kind.description)
    }

    // MARK: Around today

    /// The tasks of the last ten days and the next two weeks: claims waiting for review, a task in progress,
    /// open and full tasks, a draft.
    static func current(_ plan: inout VolunteerDemoPlan, today: Int, cast: VolunteerDemoCast, rng: inout SeededRandom) {
        let k = VolunteerDemoText.kinds
        typealias Planned = (holder: PointsHolder?, outcome: VolunteerDemoPlan.Outcome)
        func add(_ kind: DemoTaskKind, _ title: String, offset: Int, seats: Int, place: String? = nil, from: String? = nil, to: String? = nil,
                 publish: Bool = true, _ claims: [Planned]) {
            var kind = kind
            kind.titles = [title]
            let day = today + offset
            let draft = draft(kind, day: day, place: place ?? kind.places[0], seats: seats, from: from, to: to)
            let task = plan.task(draft, published: DemoTime.stamp(publish ? day - 7 : today - 1, 9 * 60 + 30), publish: publish)
            var seen = Set<PointsHolder>()
            for (i, c) in claims.enumerated() {
                guard let holder = c.holder, seen.insert(holder).inserted else { continue }
                let reason = c.outcome == .rejected ? VolunteerDemoText.rejectReasons[0] : VolunteerDemoText.noShowReasons[0]
                plan.claim(task, holder, claimed: DemoTime.stamp(min(day, today) - 1 - i % 2, 10 * 60 + 7 * i), outcome: c.outcome,
                           note: VolunteerDemoText.reply(kind, rng: &rng), replied: DemoTime.stamp(day, DemoTime.minutes(to ?? kind.to) + 60),
                           reviewed: DemoTime.stamp(day + 1, 10 * 60 + i), reviewDay: day + 1, reason: reason)
            }
        }
        let m = cast.member
        add(k[4], "防诈骗宣传进社区", offset: -10, seats: 4, [(cast.organisation("公交集团党委", fallback: 0), .approved),
                                                         (cast.organisation("区法院党组", fallback: 1), .replied)])
        add(k[2], "小门管控（东门）", offset: -6, seats: 3, [(m(0), .approved), (m(1), .approved), (m(2), .replied)])
        add(k[0], "核酸检测（上午班）", offset: -3, seats: 5, [(m(3), .approved), (m(4), .approved), (m(5), .approved), (m(6), .approved), (m(7), .noShow)])
        add(k[6], "楼道杂物清理", offset: -2, seats: 8, [(m(8), .replied), (m(1), .rejected), (cast.organisation("市供电公司党委", fallback: 2), .replied)])
        add(k[0], "核酸检测（全天班）", offset: 0, seats: 4, from: "07:00", to: "23:00", [(m(9), .open), (m(10), .open)])
        add(k[1], "核酸检测（下午班）", offset: 2, seats: 5, [])
        add(k[2], "小门管控（西门）", offset: 3, seats: 2, place: k[2].places[1], [(m(11), .open), (m(12), .open)])
        add(k[7], VolunteerDemoText.showTitle(month: DemoTime.monthDay(today + 5).0), offset: 5, seats: 6,
            [(m(13), .open), (m(14), .open)])
        add(k[3], "文明城市创建入户宣传", offset: 12, seats: 10, publish: false, [])
    }

    // MARK: Replaying

    /// Performs the plan in time order, each step at its own moment (`SeedClock`), through the store's functions.
    static func replay(_ plan: VolunteerDemoPlan, _ db: Database, actor: Actor?) throws {
        var tasks = [Int64?](repeating: nil, count: plan.tasks.count)
        var claims = [Int64?](repeating: nil, count: plan.claimCount)
        for event in plan.ordered {
            try SeedClock.$moment.withValue(event.at) {
                switch event.action {
                case .create(let t):
                    let planned = plan.tasks[t]
                    tasks[t] = try CommunityDatabase.insertTask(db, planned.draft, publish: planned.publish, by: actor).id
                case .claim(let t, let holder, let c):
                    guard let taskId = tasks[t] else { return }
                    claims[c] = try CommunityDatabase.insertClaim(db, taskId: taskId, holder: holder, now: String(event.at.prefix(16)),
                                                                  claimedAt: event.at, by: actor).id
                case .reply(let c, let note):
                    guard let id = claims[c] else { return }
                    _ = try CommunityDatabase.reply(db, id: id, note: note, at: event.at, by: actor)
                case .approve(let c):
                    guard let id = claims[c] else { return }
                    _ = try CommunityDatabase.approve(db, claimId: id, by: actor)
                case .reject(let c, let reason):
                    guard let id = claims[c] else { return }
                    try CommunityDatabase.reject(db, claimId: id, reason: reason, by: actor)
                case .noShow(let c, let reason):
                    guard let id = claims[c] else { return }
                    try CommunityDatabase.markNoShow(db, claimId: id, reason: reason, by: actor)
                case .revoke(let c, let reason):
                    guard let id = claims[c] else { return }
                    try CommunityDatabase.revokeApproval(db, claimId: id, reason: reason, idempotencyKey: "revoke:demo-\(c)", by: actor)
                }
            }
        }
    }
}
