import Foundation
import GRDB

/// 朝东社区's half year of consultation for `seed-demo`, and synthetic issues for `generate` (issue 3 items 5, 6).
enum ConsultationDemo {
    /// Where an issue's story ends.
    enum Fate: Equatable {
        case open(step: Int, daysInStep: Int)
        case resolved
        case unresolved
        case rejected
        case withdrawn(atStep: Int)
        case referred(atStep: Int)

        var stopStep: Int {
            switch self {
            case .open(let s, _): return s
            case .resolved, .unresolved: return ConsultationSteps.last
            case .rejected: return 2
            case .withdrawn(let s), .referred(let s): return s
            }
        }
    }

    /// The people and bodies the stories use: the roster's members and organisations where there are any.
    struct Cast {
        var partyOrg: String
        var committee: String
        var reps: [String]
        var units: [String]
        var secretary: String

        static func load(_ db: Database, community: String) throws -> Cast {
            let members = try String.fetchAll(db, sql: "SELECT name FROM member WHERE active = 1 ORDER BY id LIMIT 40")
            let orgs = try String.fetchAll(db, sql: "SELECT name FROM organisation WHERE active = 1 ORDER BY id LIMIT 10")
            return Cast(partyOrg: "\(community)党委", committee: "\(community)居民委员会",
                        reps: (members.isEmpty ? ConsultationDemoText.residents : members).map { $0 + "（党员楼门长）" },
                        units: orgs + ConsultationDemoText.units, secretary: "\(community)党委书记")
        }
    }

    // MARK: One issue's story

    /// Takes the simulation through the real gates until `fate`; `failVoteOnce` adds a failed vote and a
    /// second round of research, `sendBackOnce` a return from step 4 to step 3.
    static func live(_ sim: inout IssueSimulation, fate: Fate, topic: ConsultationTopic, cast: Cast, rng: inout SeededRandom,
                     failVoteOnce: Bool, sendBackOnce: Bool) throws {
        let stop = fate.stopStep
        let isOpen: Bool = { if case .open = fate { return true } else { return false } }()
        func pause(_ step: Int) -> Int { rng.int(1...max(1, min(sim.reference.deadlineDays(step), step == 7 ? 25 : 5))) }

        // ① collected → ② accepted.
        if stop == 1 && isOpen { return }
        sim.wait(pause(1)); try sim.advance()
        if fate == .rejected { sim.wait(pause(2)); try sim.close(.rejected, reason: rng.pick(ConsultationDemoText.rejectReasons)); return }
        if stop == 2 && isOpen { return }
        sim.wait(pause(2)); try sim.advance()

        // ③ parties: the Party organisation, the residents' committee, and one to three more kinds.
        sim.party(cast.partyOrg, "party_org", contact: cast.secretary)
        sim.party(cast.committee, "residents_committee")
        let rep = rng.pick(cast.reps)
        let property = rng.pick(ConsultationDemoText.propertyCompanies)
        let unit = rng.pick(cast.units)
        if case .open(3, _) = fate {
            // Still gathering parties: shows the gate "at least 3 kinds" unmet in the demo.
            return
        }
        sim.party(rep, "resident_reps")
        if sendBackOnce == false || rng.chance(0.5) { sim.party(property, "property_company") }
        if rng.chance(0.4) { sim.party(rng.pick(ConsultationDemoText.ownersCommittees), "owners_committee") }
        if topic.category == "overhead_wires" || topic.category == "illegal_structures" || rng.chance(0.3) { sim.party(unit, "units_and_orgs") }
        if fate == .withdrawn(atStep: 3) { sim.wait(pause(3)); try sim.close(.withdrawn, reason: rng.pick(ConsultationDemoText.withdrawReasons)); return }
        sim.wait(pause(3)); try sim.advance()

        // ④ research.
        if sendBackOnce {
            sim.wait(rng.int(2...4))
            try sim.sendBack(reason: ConsultationDemoText.sendBackReasons[0])
            if !sim.d.parties.contains(where: { $0.kind == "property_company" }) { sim.party(property, "property_company") }
            sim.wait(rng.int(1...3)); try sim.advance()
        }
        sim.option(topic.options[0])
        if topic.options.count > 1, rng.chance(0.7) { sim.option(topic.options[1]) }
        if case .referred = fate { sim.wait(pause(4)); try sim.close(.referred, reason: rng.pick(ConsultationDemoText.referReasons)); return }
        if stop == 4 && isOpen && !failVoteOnce { return }
        sim.wait(rng.int(3...10)); try sim.advance()

        // ⑤ deliberation in the council hall.
        func attendees() -> [MeetingAttendee] {
            var list = sim.d.parties.map { MeetingAttendee(name: $0.name, kind: $0.kind) }
            for name in cast.reps.shuffled(using: &rng).prefix(rng.int(3...7)) where !list.contains(where: { $0.name == name }) {
                list.append(MeetingAttendee(name: name, kind: "resident_reps"))
            }
            return list
        }
        if failVoteOnce {
            let people = attendees()
            let n = people.count
            let against = n / 2 + 1
            sim.wait(pause(5))
            sim.meeting(attendees: people, minutes: "方案费用分摊意见分歧较大，多数代表要求重新论证。", vote: Vote(inFavour: n - against - 1, against: against, abstain: 1))
            try sim.advance()   // the failed vote sends it back to ④
            sim.wait(rng.int(3...8))
            sim.option("修订方案：" + topic.options[0], "根据第一次议事会意见调整费用分摊和实施范围")
            if stop == 4 && isOpen { return }
            try sim.advance()
        }
        if stop == 5 && isOpen { return }
        let people = attendees()
        let against = rng.chance(0.3) ? 1 : 0
        let abstain = rng.chance(0.4) ? 1 : 0
        sim.wait(pause(5))
        sim.meeting(attendees: people, minutes: topic.minutes,
                    vote: Vote(inFavour: people.count - against - abstain, against: against, abstain: abstain))
        try sim.advance()

        // ⑥ resolution, published on the notice board.
        if stop == 6 && isOpen { return }
        sim.wait(rng.int(1...3))
        sim.d.issue.resolution = topic.resolution
        sim.d.issue.publishedOn = sim.day
        sim.wait(rng.int(3...7)); try sim.advance()

        // ⑦ implementation.
        sim.d.issue.implementationOwner = topic.category == "overhead_wires" ? unit : (rng.chance(0.6) ? property : cast.committee)
        sim.d.issue.implementationDue = ConsultationDayMath.adding(20, to: sim.day)
        sim.d.issue.implementationNote = topic.implementation
        if stop == 7 && isOpen { return }
        sim.wait(pause(7))
        sim.d.issue.implementationDone = sim.day
        sim.wait(rng.int(1...3)); try sim.advance()

        // ⑧ evaluation: residents in the buildings concerned are asked.
        if stop == 8 && isOpen { return }
        sim.wait(rng.int(2...5))
        if fate == .unresolved {
            sim.d.issue.surveySatisfied = rng.int(1...2)
            sim.d.issue.surveyBasic = rng.int(1...2)
            sim.d.issue.surveyDissatisfied = rng.int(5...7)
        } else {
            sim.d.issue.surveySatisfied = rng.int(22...45)
            sim.d.issue.surveyBasic = rng.int(0...4)
            sim.d.issue.surveyDissatisfied = rng.chance(0.15) ? 1 : 0
        }
        sim.d.issue.surveyedOn = sim.day
        try sim.advance()   // closes as 已解决 / 未解决 from the survey
    }

    /// Runs `live` so that an open issue entered its current step exactly `daysInStep` days before `today`
    /// and a closed one starts at `start` (earlier if it would otherwise end after today). The same random
    /// draws are first replayed on a copy to measure the story's length.
    static func story(_ draft: IssueDraft, fate: Fate, start: String, today: String, topic: ConsultationTopic, cast: Cast,
                      actor: Actor?, reference: ConsultationReference, rng: inout SeededRandom,
                      failVoteOnce: Bool = false, sendBackOnce: Bool = false) throws -> IssueSimulation {
        var probe = rng
        var trial = IssueSimulation(draft, on: start, actor: actor, reference: reference)
        try live(&trial, fate: fate, topic: topic, cast: cast, rng: &probe, failVoteOnce: failVoteOnce, sendBackOnce: sendBackOnce)
        let span = ConsultationDayMath.days(from: start, to: trial.day) ?? 0
        var created = start
        if case .open(_, let daysInStep) = fate {
            created = ConsultationDayMath.adding(-(span + daysInStep), to: today) ?? start
        } else if let latest = ConsultationDayMath.adding(-(span + 1), to: today), latest < start {
            // A story that would end after today starts earlier instead.
            created = latest
        }
        var sim = IssueSimulation(draft, on: created, actor: actor, reference: reference)
        try live(&sim, fate: fate, topic: topic, cast: cast, rng: &rng, failVoteOnce: failVoteOnce, sendBackOnce: sendBackOnce)
        return sim
    }

    static func draft(_ topic: ConsultationTopic, rng: inout SeededRandom, cast: Cast) -> IssueDraft {
        let b = rng.int(1...12), b2 = b % 12 + 1
        let sources = ["resident", "resident", "grid_worker", "hotline_12345", "party_member"]
        return IssueDraft(title: ConsultationDemoText.fill(topic.title, b, b2), description: ConsultationDemoText.fill(topic.description, b, b2),
                          category: topic.category, source: rng.pick(sources), reporter: rng.pick(ConsultationDemoText.residents),
                          location: "\(b)号楼\(rng.int(1...4))单元")
    }
}
