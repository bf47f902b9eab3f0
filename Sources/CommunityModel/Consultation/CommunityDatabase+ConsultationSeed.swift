import Foundation
import GRDB

extension ConsultationDemo {
    /// One planned issue: its words, its ending and the detours on the way.
    struct Plan {
        var topic: ConsultationTopic
        var draft: IssueDraft?
        var fate: Fate
        var failVoteOnce = false
        var sendBackOnce = false
    }

    /// 朝东社区's half year (SPEC §1): ≥127 issues discussed, ≥118 resolved, satisfaction above 98%, and a
    /// handful still open at different steps, some overdue. Runs inside the seeding transaction.
    static func seed(_ db: Database, context: inout SeedContext, reference: ConsultationReference) throws {
        let community = try String.fetchOne(db, sql: "SELECT name FROM community_profile WHERE id = 1") ?? "朝东社区"
        let cast = try Cast.load(db, community: community)
        let today = context.today
        var rng = SeededRandom(seed: context.random.next())
        let f = ConsultationDemoText.featured
        var plans: [Plan] = [
            Plan(topic: f[0], draft: IssueDraft(title: f[0].title, description: f[0].description, category: f[0].category, source: "resident",
                                                reporter: "王秀兰", location: "5号楼北侧绿地"), fate: .resolved, sendBackOnce: true),
            Plan(topic: f[1], draft: IssueDraft(title: f[1].title, description: f[1].description, category: f[1].category, source: "grid_worker",
                                                reporter: "网格员 李娜", location: "2号楼与3号楼之间"), fate: .resolved, failVoteOnce: true),
            Plan(topic: f[2], draft: IssueDraft(title: f[2].title, description: f[2].description, category: f[2].category, source: "hotline_12345",
                                                reporter: "赵德明", location: "7号楼1单元"), fate: .resolved),
        ]
        func everyday(_ fate: Fate, failVote: Bool = false, sendBack: Bool = false) -> Plan {
            Plan(topic: rng.pick(ConsultationDemoText.topics), draft: nil, fate: fate, failVoteOnce: failVote, sendBackOnce: sendBack)
        }
        for i in 0..<118 { plans.append(everyday(.resolved, failVote: i % 40 == 7, sendBack: i % 30 == 11)) }
        for _ in 0..<3 { plans.append(everyday(.unresolved)) }
        for _ in 0..<3 { plans.append(everyday(.rejected)) }
        plans.append(everyday(.withdrawn(atStep: 3)))
        plans.append(everyday(.referred(atStep: 4)))
        // Still open: one or two at each step, the overdue ones past their step's deadline.
        let open: [(Int, Int, Bool)] = [(1, 2, false), (1, 9, false), (2, 3, false), (3, 12, false), (3, 2, false),
                                         (4, 5, true), (4, 16, false), (5, 3, false), (6, 2, false), (7, 40, false), (8, 1, false)]
        for (step, days, failVote) in open { plans.append(everyday(.open(step: step, daysInStep: days), failVote: failVote)) }

        // Closed issues start across the half year; open ones are placed back from today by `story`.
        let closedCount = plans.filter { if case .open = $0.fate { return false } else { return true } }.count
        var sims: [IssueSimulation] = []
        var closedIndex = 0
        for plan in plans {
            let offset = 182 - (closedIndex * 160) / max(1, closedCount)
            if case .open = plan.fate {} else { closedIndex += 1 }
            let start = ConsultationDayMath.adding(-offset, to: today) ?? today
            let draft = plan.draft ?? Self.draft(plan.topic, rng: &rng, cast: cast)
            sims.append(try story(draft, fate: plan.fate, start: start, today: today, topic: plan.topic, cast: cast, actor: context.actor,
                                  reference: reference, rng: &rng, failVoteOnce: plan.failVoteOnce, sendBackOnce: plan.sendBackOnce))
        }
        // Numbered in the order they were raised, like the paper ledger.
        var numbering = IssueNumbering()
        for sim in sims.sorted(by: { ($0.d.issue.createdOn, $0.d.issue.title) < ($1.d.issue.createdOn, $1.d.issue.title) }) {
            try sim.persist(db, numbering: &numbering)
        }
    }

    /// How many synthetic issues each scale adds.
    static func count(for scale: GenerateScale) -> Int {
        switch scale {
        case .demo: return 200
        case .district: return 2_000
        case .stress: return 20_000
        }
    }

    /// Adds synthetic issues with full histories, committing every 500 so other terminals are never blocked long.
    static func generate(_ pool: DatabasePool, scale: GenerateScale, context: inout SeedContext, reference: ConsultationReference,
                         progress: ProgressHandler?) throws {
        let total = count(for: scale)
        let today = context.today
        var rng = SeededRandom(seed: context.random.next())
        let cast = try pool.read { db in
            try Cast.load(db, community: try String.fetchOne(db, sql: "SELECT name FROM community_profile WHERE id = 1") ?? "朝东社区")
        }
        // Spread over five years at stress scale so a year's numbers stay four digits.
        let spanDays = scale == .stress ? 1_825 : 365
        let label = LocalizedText("议事议题", "consultation issues")
        var numbering = IssueNumbering()
        var done = 0
        while done < total {
            let batch = min(500, total - done)
            var sims: [IssueSimulation] = []
            sims.reserveCapacity(batch)
            for k in 0..<batch {
                let i = done + k
                let r = rng.int(0...99)
                let fate: Fate
                switch r {
                case 0..<78: fate = .resolved
                case 78..<82: fate = .unresolved
                case 82..<86: fate = .rejected
                case 86..<88: fate = .withdrawn(atStep: 3)
                case 88..<90: fate = .referred(atStep: 4)
                default: fate = .open(step: rng.int(1...8), daysInStep: rng.int(0...40))
                }
                let topic = rng.pick(ConsultationDemoText.topics + ConsultationDemoText.featured)
                let start = ConsultationDayMath.adding(-(spanDays - (i * (spanDays - 30)) / total), to: today) ?? today
                let draft = Self.draft(topic, rng: &rng, cast: cast)
                sims.append(try story(draft, fate: fate, start: start, today: today, topic: topic, cast: cast, actor: context.actor,
                                      reference: reference, rng: &rng, failVoteOnce: rng.chance(0.05), sendBackOnce: rng.chance(0.05)))
            }
            try pool.write { db in
                for sim in sims { try sim.persist(db, numbering: &numbering) }
            }
            done += batch
            progress?(label, done, total)
        }
    }
}
