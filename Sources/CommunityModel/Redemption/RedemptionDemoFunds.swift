import Foundation
import GRDB

/// What each demo holder had to spend, day by day, so the demo's receipts only spend points their holder had
/// by the receipt's day (a June receipt is not paid for with November's service).
///
/// Half a year of service earns the demo's volunteers about 10,000 points: too few for the issue's ~120
/// receipts with rice and oil among them. The demo's community therefore kept 双报到 points on paper
/// 积分存折 before the workbench, and the secretary carried those balances over as audited adjustments on the
/// day the system went live — the usual way such a system starts, posted through the ledger's own rules.
/// Adjustments are not earnings (SPEC §7), so rankings, letters and the points-issued figures stay as the
/// service made them.
struct RedemptionDemoFunds {
    /// Ledger movements per holder in day order: (day, amount) — `balance(_:by:)` stops at the first later day.
    private var movements: [PointsHolder: [(day: String, amount: Int)]] = [:]
    /// Active holders with any points, keenest earners first.
    private(set) var holders: [PointsHolder] = []

    static let carryReason = "纸质积分存折结转（系统启用前累计）"

    /// Carries the paper balances over at `day` 08:30: each active holder who serves now served before too,
    /// and brings about two thirds to nine tenths of what the half year earned them (a year on paper, less what it was already spent on), in tens.
    static func carryOver(_ db: Database, day: String, actor: Actor?, rng: inout SeededRandom) throws {
        let earned = try Row.fetchAll(db, sql: """
            SELECT e.member_id, e.organisation_id, SUM(e.amount) AS earned FROM ledger_entry e
            LEFT JOIN member m ON m.id = e.member_id LEFT JOIN organisation o ON o.id = e.organisation_id
            WHERE (e.kind = 'credit' OR (e.kind = 'reversal' AND e.claim_id IS NOT NULL)) AND COALESCE(m.active, o.active) = 1
            GROUP BY e.member_id, e.organisation_id ORDER BY e.member_id, e.organisation_id
            """)
        try SeedClock.$moment.withValue("\(day) 08:30:00") {
            for row in earned {
                guard let holder = PointsHolder(memberId: row["member_id"], organisationId: row["organisation_id"]) else { continue }
                let points: Int = row["earned"]
                let carried = (points * rng.int(60...90) / 100) / 10 * 10
                guard carried >= 20 else { continue }
                _ = try CommunityDatabase.postLedgerEntry(db, LedgerPosting(holder: holder, kind: .adjustment, amount: carried,
                                                                            reason: carryReason, idempotencyKey: "carry:\(holder.key)"),
                                                          by: actor)
            }
        }
    }

    /// Every movement on the ledger so far (service, carried balances, reversals), for the plan to spend from.
    static func load(_ db: Database) throws -> RedemptionDemoFunds {
        var funds = RedemptionDemoFunds()
        let rows = try Row.fetchAll(db, sql: """
            SELECT e.member_id, e.organisation_id, e.day, e.amount FROM ledger_entry e
            LEFT JOIN member m ON m.id = e.member_id LEFT JOIN organisation o ON o.id = e.organisation_id
            WHERE COALESCE(m.active, o.active) = 1 ORDER BY e.day, e.id
            """)
        for row in rows {
            guard let holder = PointsHolder(memberId: row["member_id"], organisationId: row["organisation_id"]) else { continue }
            funds.movements[holder, default: []].append((row["day"], row["amount"]))
        }
        for (holder, moves) in funds.movements { funds.totals[holder] = moves.reduce(0) { $0 + $1.amount } }
        let balances: [(holder: PointsHolder, balance: Int)] = funds.movements.keys.map { ($0, funds.balance($0)) }
        funds.holders = balances.filter { $0.balance >= 50 }
            .sorted { a, b in a.balance != b.balance ? a.balance > b.balance : a.holder.key < b.holder.key }
            .map(\.holder)
        return funds
    }

    /// Today's balance per holder (before any demo receipt), summed once: the plan asks for it very often.
    private var totals: [PointsHolder: Int] = [:]

    /// The holder's balance at the end of `day` (before any demo receipt); nil day: today's balance.
    func balance(_ holder: PointsHolder, by day: String? = nil) -> Int {
        guard let day else { return totals[holder] ?? 0 }
        var sum = 0
        for m in movements[holder] ?? [] {
            if m.day > day { break }
            sum += m.amount
        }
        return sum
    }

    /// What a holder is minded to spend out of `had`: all of a small balance, about four fifths of a large one.
    static func budget(_ had: Int) -> Int { min(had, had * 4 / 5 + 30) }
}
