import Foundation
import GRDB

/// Synthetic tasks, claims and ledger entries for demos and `make bench` (issue 4 item 8).
/// Fast by construction: prepared statements, one transaction per ~10,000 claims, balances tracked in memory
/// so every entry is valid (never below zero, reversals exact) and `check` passes on the result.
enum VolunteerGenerator {
    struct Size {
        var tasks: Int
        var claims: Int
        var entries: Int
    }

    static func size(_ scale: GenerateScale) -> Size {
        switch scale {
        case .demo: return Size(tasks: 60, claims: 600, entries: 1_500)
        case .district: return Size(tasks: 250, claims: 2_500, entries: 6_000)
        case .stress: return Size(tasks: 20_000, claims: 200_000, entries: 500_000)
        }
    }

    static let titles: [(TaskCategory, String, String)] = [
        (.nucleicTesting, "核酸检测", "朝东社区卫生服务站"), (.gateControl, "小门管控", "朝东小区东门"),
        (.civility, "文明创建入户宣传", "朝东社区各楼栋"), (.antiFraud, "防诈骗宣传", "党群服务中心广场"),
        (.performanceOrder, "文艺演出秩序维护", "社区文化广场"), (.environment, "环境整治", "朝东小区"),
        (.other, "敬老院探访", "运河区敬老院"),
    ]

    static func generate(_ pool: DatabasePool, scale: GenerateScale, context: inout SeedContext, progress: ProgressHandler?) throws {
        try generate(pool, size: size(scale), label: scale.rawValue, context: &context, progress: progress)
    }

    static func generate(_ pool: DatabasePool, size: Size, label: String, context: inout SeedContext, progress: ProgressHandler?) throws {
        let (members, orgs, startBalances, startKey) = try pool.read { db in
            (try Int64.fetchAll(db, sql: "SELECT id FROM member WHERE active = 1 ORDER BY id"),
             try Int64.fetchAll(db, sql: "SELECT id FROM organisation WHERE active = 1 ORDER BY id"),
             try Row.fetchAll(db, sql: "SELECT holder_kind, holder_id, balance FROM points_balance"),
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM ledger_entry") ?? 0)
        }
        if members.isEmpty && orgs.isEmpty { return }
        var balances: [PointsHolder: Int] = [:]
        for r in startBalances {
            let kind: String = r[0], id: Int64 = r[1]
            balances[kind == "member" ? .member(id) : .organisation(id)] = r[2]
        }
        var rng = context.random
        let today = context.today
        let operatorName = context.actor?.name ?? "generate"
        // Tasks run from two years ago to a month ahead, in time order, so ledger ids follow time.
        let firstDay = Day.adding(-730, to: today) ?? today
        let span = 760
        let claimsPerTask = max(1, size.claims / max(1, size.tasks))
        let extraPerTask = Double(max(0, size.entries - size.claims * 3 / 4)) / Double(max(1, size.tasks))
        var claimsLeft = size.claims
        var entriesLeft = size.entries
        var keySeq = startKey
        var lastAdjustment: [PointsHolder: (id: Int64, amount: Int)] = [:]
        let batchTasks = max(1, 10_000 / max(1, claimsPerTask))
        var done = 0
        var extraCarry = 0.0

        while done < size.tasks {
            let upTo = min(size.tasks, done + batchTasks)
            try pool.write { db in
                // A bigger page cache for the writer while indexes grow by hundreds of thousands of rows.
                try db.execute(sql: "PRAGMA cache_size = -65536")
                let insertTask = try db.makeStatement(sql: """
                    INSERT INTO task (title, category, audience, starts_at, ends_at, place, places, points, description, status, created_at, published_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?)
                    """)
                let insertClaim = try db.makeStatement(sql: """
                    INSERT INTO claim (task_id, member_id, organisation_id, state, claimed_at, reply_note, replied_at, reviewed_at, reviewed_by, source)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                let insertEntry = try db.makeStatement(sql: """
                    INSERT INTO ledger_entry (member_id, organisation_id, kind, amount, balance_after, reason, claim_id, reverses_id,
                                              idempotency_key, reference, at, day, operator_name)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                func post(_ h: PointsHolder, _ kind: LedgerKind, _ amount: Int, _ reason: String, claim: Int64?, reverses: Int64?, at: String) throws -> Int64 {
                    let after = (balances[h] ?? 0) + amount
                    balances[h] = after
                    keySeq += 1
                    entriesLeft -= 1
                    try insertEntry.execute(arguments: [h.memberId, h.organisationId, kind.rawValue, amount, after, reason, claim, reverses,
                                                        "gen:\(keySeq)", "", at, String(at.prefix(10)), operatorName])
                    return db.lastInsertedRowID
                }
                for n in done..<upTo {
                    let (category, name, place) = rng.pick(titles)
                    let offset = n * span / max(1, size.tasks)
                    let day = Day.adding(offset, to: firstDay) ?? today
                    let hour = rng.int(7...16)
                    let startsAt = day + String(format: " %02d:00", hour)
                    let endsAt = day + String(format: " %02d:00", hour + rng.int(2...5))
                    let past = day < today
                    let audience: TaskAudience = orgs.isEmpty ? .members : (members.isEmpty ? .organisations : rng.pick([.members, .members, .both, .organisations]))
                    // Spread what is left of the claim budget over the tasks still to come, so the total is exact.
                    let base = Int((Double(claimsLeft) / Double(size.tasks - n)).rounded())
                    let wanted = n == size.tasks - 1 ? claimsLeft : min(claimsLeft, max(0, base + rng.int(-3...3)))
                    let places = max(1, wanted + rng.int(0...3))
                    let points = rng.pick([5, 8, 10, 12, 15, 20])
                    let last = n == size.tasks - 1
                    let status: TaskStatus = !last && rng.chance(0.02) ? (past ? .cancelled : .draft) : .published
                    try insertTask.execute(arguments: ["\(name)（第\(n + 1)期）", category.rawValue, audience.rawValue, startsAt, endsAt, place,
                                                       places, points, status.rawValue, day + " 08:00:00", status == .draft ? nil : day + " 08:00:00"])
                    let taskId = db.lastInsertedRowID
                    if status != .published { continue }
                    var used = Set<PointsHolder>()
                    var holders: [PointsHolder] = []  // in claim order: a Set's order differs between runs
                    var attempts = 0
                    while holders.count < wanted && attempts < wanted * 4 {
                        attempts += 1
                        let h: PointsHolder
                        switch audience {
                        case .members: h = .member(rng.pick(members))
                        case .organisations: h = .organisation(rng.pick(orgs))
                        case .both: h = (rng.chance(0.8) && !members.isEmpty) || orgs.isEmpty ? .member(rng.pick(members)) : .organisation(rng.pick(orgs))
                        }
                        if !used.insert(h).inserted { continue }
                        holders.append(h)
                        let roll = rng.int(0...99)
                        let state: ClaimState = !past ? (roll < 70 ? .claimed : .replied)
                            : roll < 75 ? .approved : roll < 80 ? .rejected : roll < 85 ? .noShow : roll < 90 ? .replied : roll < 95 ? .cancelled : .approved
                        let replied = state == .claimed || state == .cancelled || state == .noShow ? nil : endsAt + ":00"
                        let reviewed = state == .approved || state == .rejected || state == .noShow || state == .cancelled ? day + " 20:00:00" : nil
                        try insertClaim.execute(arguments: [taskId, h.memberId, h.organisationId, state.rawValue, (Day.adding(-1, to: day) ?? day) + " 10:00:00",
                                                            replied == nil ? "" : "已完成", replied, reviewed, reviewed == nil ? "" : operatorName,
                                                            rng.chance(0.6) ? ClaimSource.miniProgram.rawValue : ClaimSource.office.rawValue])
                        claimsLeft -= 1
                        if state == .approved {
                            _ = try post(h, .credit, points, "\(name)（第\(n + 1)期）", claim: db.lastInsertedRowID, reverses: nil, at: day + " 20:00:00")
                        }
                    }
                    // Redemptions and corrections between tasks, spread evenly.
                    extraCarry += extraPerTask
                    if last { extraCarry = Double(entriesLeft) + 1 }  // the last task tops the ledger up to the exact size
                    while extraCarry >= 1 && entriesLeft > 0 {
                        extraCarry -= 1
                        let h = holders.isEmpty ? PointsHolder.member(rng.pick(members.isEmpty ? [0] : members)) : rng.pick(holders)
                        if case .member(0) = h { break }
                        let at = day + " 21:00:00"
                        let balance = balances[h] ?? 0
                        let roll = rng.int(0...99)
                        if roll < 8, let last = lastAdjustment[h], balance >= last.amount {
                            _ = try post(h, .reversal, -last.amount, "录入错误冲正", claim: nil, reverses: last.id, at: at)
                            lastAdjustment[h] = nil
                        } else if roll < 70 && balance >= 5 {
                            _ = try post(h, .debit, -rng.int(5...min(balance, 60)), rng.pick(["兑换 大米 5kg", "兑换 毛巾", "兑换 洗车券", "兑换 食用油 5L"]), claim: nil, reverses: nil, at: at)
                        } else {
                            let amount = rng.int(1...20)
                            let id = try post(h, .adjustment, amount, "历史积分补录", claim: nil, reverses: nil, at: at)
                            lastAdjustment[h] = (id, amount)
                        }
                    }
                }
                try AuditEntry.record(db, by: context.actor, action: "generate.volunteer", target: "task", detail: "\(label) \(done)..<\(upTo)")
            }
            done = upTo
            progress?(LocalizedText("志愿任务", "volunteer tasks"), done, size.tasks)
        }
        context.random = rng
    }
}
