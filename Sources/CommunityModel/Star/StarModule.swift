import Foundation
import GRDB

/// `stats --json` → `star`: the current quarter's stage and stars, and the consequence flags.
public struct StarStats: Sendable, Equatable, Encodable {
    public var quarter: StarQuarter
    public var stage: String
    public var claimedStars: Int
    public var finalStars: Int?
    public var flags: [StarFlag]

    /// The stage waiting, as screen 6 names it ("已定级" once the district review is signed).
    public var stageLabel: LocalizedText { StarStage(rawValue: stage)?.label ?? LocalizedText("已定级", "final") }

    enum CodingKeys: String, CodingKey { case quarter, stage, claimedStars = "claimed_stars", finalStars = "final_stars", flags }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(quarter, forKey: .quarter)
        try c.encode(stage, forKey: .stage)
        try c.encode(claimedStars, forKey: .claimedStars)
        // Scripts read `final_stars: null` as "not decided yet", so the key is always there.
        try c.encode(finalStars, forKey: .finalStars)
        try c.encode(flags, forKey: .flags)
    }
}

/// The star rating's part of seeding, check and stats (issue 10). It generates nothing at scale: a community
/// has four assessments a year, which the demo already shows.
public enum StarModule: ModuleHooks {
    public static func seedDemo(_ db: Database, context: inout SeedContext) throws {
        try StarDemo.seed(db, context: context, standard: try StarStandard.inForce())
    }

    public static func generate(_ pool: DatabasePool, scale: GenerateScale, context: inout SeedContext, progress: ProgressHandler?) throws {}

    /// Stage histories replay in order, every deduction names a case of the standard, area subtotals stay
    /// within their weights, and a signed self-assessment's total equals the sum of its criteria.
    public static func check(_ db: Database) throws -> [IntegrityProblem] {
        // A standard file that does not load is reported once, as a reference problem, by the check driver.
        guard try db.tableExists("star_stage"), let standard = try? StarStandard.inForce() else { return [] }
        var problems: [IntegrityProblem] = []
        func add(_ q: String, _ text: LocalizedText) {
            problems.append(IntegrityProblem(area: "star", detail: LocalizedText("\(q)：\(text.zh)", "\(q): \(text.en)")))
        }
        let quarters = try String.fetchAll(db, sql: "SELECT quarter FROM star_stage UNION SELECT quarter FROM star_deduction ORDER BY 1")
        for text in quarters {
            guard let quarter = StarQuarter(text) else { add(text, LocalizedText("不是季度", "not a quarter")); continue }
            let a = try StarAssessment.read(db, quarter: quarter, standard: standard)
            for p in a.progress.problems { add(text, p) }
            for e in a.deductionHistory {
                guard let c = standard.criterion(e.criterion), c.deductions.indices.contains(e.caseIndex) else {
                    add(text, LocalizedText("扣分记录 #\(e.id ?? 0) 指向评分标准中没有的扣分情形 \(e.criterion)/\(e.caseIndex + 1)",
                                            "deduction #\(e.id ?? 0) names a case the standard does not have: \(e.criterion)/\(e.caseIndex + 1)"))
                    continue
                }
                if e.action == .apply, !c.deductions[e.caseIndex].perOccurrence, e.count != 1 {
                    add(text, LocalizedText("扣分记录 #\(e.id ?? 0) 不按次计算却记了 \(e.count) 次", "deduction #\(e.id ?? 0) counts \(e.count) times a case that is not per occurrence"))
                }
            }
            for line in a.scorecard.lines where !(0...line.criterion.weight).contains(line.score) {
                add(text, LocalizedText("指标 \(line.criterion.key) 得分 \(line.score) 超出分值 \(line.criterion.weight)", "criterion \(line.criterion.key) scores \(line.score), outside its weight \(line.criterion.weight)"))
            }
            for area in a.scorecard.areas where area.score > area.weight {
                add(text, LocalizedText("方面 \(area.area.key) 小计 \(area.score) 超过分值 \(area.weight)", "area \(area.area.key) subtotal \(area.score) exceeds its weight \(area.weight)"))
            }
            let sum = a.scorecard.lines.reduce(0) { $0 + $1.score }
            if let signed = a.progress.signed[.selfAssessment], signed.total != sum {
                add(text, LocalizedText("已签署的自评总分 \(signed.total ?? 0) 不等于各指标得分之和 \(sum)",
                                        "the signed self-assessment total \(signed.total ?? 0) is not the sum of its criteria, \(sum)"))
            }
            if let signed = a.progress.signed[.selfAssessment], let total = signed.total, signed.claimedStars != standard.claimableStars(score: total) {
                add(text, LocalizedText("自评 \(total) 分却申报 \(signed.claimedStars ?? 0) 星", "the self-assessment scores \(total) but claims \(signed.claimedStars ?? 0) stars"))
            }
        }
        return problems
    }

    public static func stats(_ db: Database, today: String) throws -> [StatsSection] {
        guard let current = try current(db, today: today) else { return [] }
        return [StatsSection(name: "star", value: current)]
    }

    /// The quarter containing `today`: its stage waiting (or final), stars claimed and decided, and the flags.
    /// The overview's star figure and `stats --json` → `star` are this one value.
    public static func current(_ db: Database, today: String) throws -> StarStats? {
        guard try db.tableExists("star_stage"), let quarter = StarQuarter(day: today) else { return nil }
        let standard = try StarStandard.inForce()
        let a = try StarAssessment.read(db, quarter: quarter, standard: standard)
        let flags = CommunityDatabase.flags(try CommunityDatabase.starHistory(db), reading: standard.fiveStarYear)
        return StarStats(quarter: quarter, stage: a.stageKey, claimedStars: a.claimedStars, finalStars: a.finalStars, flags: flags)
    }
}
