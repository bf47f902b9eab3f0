import Foundation
import GRDB

/// The demo's 双报到 history as dated events — publish, claim, report back, review, revoke — worked out in
/// memory first and then replayed in time order through the store's own functions (see `VolunteerDemo`).
struct VolunteerDemoPlan {
    enum Action {
        case create(task: Int)
        case claim(task: Int, holder: PointsHolder, claim: Int)
        case reply(claim: Int, note: String)
        case approve(claim: Int)
        case reject(claim: Int, reason: String)
        case noShow(claim: Int, reason: String)
        case revoke(claim: Int, reason: String)
    }

    struct Event {
        var at: String
        var seq: Int
        var action: Action
    }

    /// Where a claim's story ends.
    enum Outcome { case open, replied, approved, rejected, noShow }

    var tasks: [(draft: TaskDraft, publish: Bool)] = []
    private(set) var events: [Event] = []
    private(set) var claimCount = 0
    /// Approved claims with the day (serial) they were reviewed: one of them is revoked later.
    private(set) var approvals: [(claim: Int, reviewed: Int)] = []

    /// The events in the order they happened (ties keep the order they were planned in).
    var ordered: [Event] { events.sorted { ($0.at, $0.seq) < ($1.at, $1.seq) } }

    mutating func add(_ at: String, _ action: Action) {
        events.append(Event(at: at, seq: events.count, action: action))
    }

    /// Plans a task published at `published` (a timestamp), or saved as a draft when `publish` is false.
    mutating func task(_ draft: TaskDraft, published: String, publish: Bool = true) -> Int {
        tasks.append((draft, publish))
        add(published, .create(task: tasks.count - 1))
        return tasks.count - 1
    }

    /// Plans one claim on task `task` and what became of it: claimed at `claimed`, reported back at `replied`,
    /// reviewed at `reviewed` (day serial `reviewDay`, for the revocation's choice).
    mutating func claim(_ task: Int, _ holder: PointsHolder, claimed: String, outcome: Outcome, note: String,
                        replied: String, reviewed: String, reviewDay: Int, reason: String = "") {
        let id = claimCount
        claimCount += 1
        add(claimed, .claim(task: task, holder: holder, claim: id))
        if outcome == .open { return }
        if outcome != .noShow { add(replied, .reply(claim: id, note: note)) }
        switch outcome {
        case .approved:
            add(reviewed, .approve(claim: id))
            if holder.isMember { approvals.append((id, reviewDay)) }
        case .rejected: add(reviewed, .reject(claim: id, reason: reason))
        case .noShow: add(reviewed, .noShow(claim: id, reason: reason))
        case .open, .replied: break
        }
    }
}

/// Time arithmetic on day serials (ConsultationDayMath) and minutes, fast enough for thousands of events.
enum DemoTime {
    /// "yyyy-MM-dd HH:mm:ss" for `minutes` after midnight of day `serial` (minutes may run into later days).
    static func stamp(_ serial: Int, _ minutes: Int) -> String {
        let day = ConsultationDayMath.string(serial + minutes / 1440)
        let m = minutes % 1440
        return day + " " + String(format: "%02d:%02d:00", m / 60, m % 60)
    }

    /// "07:30" → 450.
    static func minutes(_ hhmm: String) -> Int {
        let parts = hhmm.split(separator: ":").compactMap { Int($0) }
        return parts.count == 2 ? parts[0] * 60 + parts[1] : 0
    }

    /// (month, day) of a serial.
    static func monthDay(_ serial: Int) -> (Int, Int) {
        let s = Array(ConsultationDayMath.string(serial).utf8)
        func num(_ a: Int, _ b: Int) -> Int { (Int(s[a]) - 48) * 10 + Int(s[b]) - 48 }
        return (num(5, 6), num(8, 9))
    }
}

/// Who volunteers in the demo, and how keenly: a few tireless members, a band of regulars, many who came once
/// or twice, and most who have not come yet — as in life. Drawn from the roster the roster seeder wrote.
struct VolunteerDemoCast {
    /// (holder, chance of claiming any one task open to them), keenest first.
    var members: [(holder: PointsHolder, keenness: Double)]
    var organisations: [(holder: PointsHolder, keenness: Double)]
    private var named: [String: Int64]

    static func load(_ db: Database, rng: inout SeededRandom) throws -> VolunteerDemoCast {
        let memberIds = try Int64.fetchAll(db, sql: "SELECT id FROM member WHERE active = 1 ORDER BY id").shuffled(using: &rng)
        let orgRows = try Row.fetchAll(db, sql: "SELECT id, name FROM organisation WHERE active = 1 ORDER BY id")
        let n = memberIds.count
        let core = max(1, n / 48), regular = max(1, n * 2 / 25), occasional = n * 7 / 25
        var members: [(holder: PointsHolder, keenness: Double)] = []
        for (i, id) in memberIds.enumerated() {
            let keenness: Double
            if i < core { keenness = 0.5 + 0.3 * Double(core - i) / Double(core) }
            else if i < core + regular { keenness = rng.chance(0.5) ? 0.4 : 0.3 }
            else if i < core + regular + occasional { keenness = 0.06 }
            else { break }
            members.append((.member(id), keenness))
        }
        var named: [String: Int64] = [:]
        var orgs: [(holder: PointsHolder, keenness: Double)] = []
        for (i, row) in orgRows.shuffled(using: &rng).enumerated() {
            let id: Int64 = row["id"], name: String = row["name"]
            named[name] = id
            orgs.append((.organisation(id), i < orgRows.count / 3 ? 0.45 : 0.16))
        }
        return VolunteerDemoCast(members: members, organisations: orgs, named: named)
    }

    /// The organisation of that name, or the n-th keenest one on a roster without it.
    func organisation(_ name: String, fallback index: Int) -> PointsHolder? {
        if let id = named[name] { return .organisation(id) }
        return organisations.indices.contains(index) ? organisations[index].holder : nil
    }

    /// The n-th keenest member (wrapping round a small roster).
    func member(_ index: Int) -> PointsHolder? {
        members.isEmpty ? nil : members[index % members.count].holder
    }

    /// Who claims a task with `seats` places: everyone minded to, in the order they phoned in, until it is full.
    /// The tireless few phone first, as soon as a task is published.
    static func draw(_ pool: [(holder: PointsHolder, keenness: Double)], seats: Int, rng: inout SeededRandom) -> [PointsHolder] {
        if seats <= 0 { return [] }
        let keen = pool.filter { rng.chance($0.keenness) }.shuffled(using: &rng)
        let order = keen.filter { $0.keenness >= 0.5 } + keen.filter { $0.keenness < 0.5 }
        return order.prefix(seats).map(\.holder)
    }
}
