import Foundation
import GRDB

/// The quarter's live figures from the store, shown beside the criteria they bear on (issue 10 item 2).
/// Every number is an aggregate over the quarter's rows; what the store cannot know is nil, never guessed.
public struct StarEvidence: Sendable, Equatable, Codable {
    public struct Redemption: Sendable, Equatable, Codable {
        public var redemptions: Int
        public var pointsRedeemed: Int
    }

    public var quarter: StarQuarter
    /// Issues with a council-hall meeting held this quarter (step 5, 协商议事).
    public var issuesDeliberated: Int
    /// Issues closed this quarter as 已解决, and as 已解决 or 未解决.
    public var issuesResolved: Int
    public var issuesClosed: Int
    /// Survey answers recorded this quarter: 满意 + 基本满意, and all.
    public var satisfiedResponses: Int
    public var responses: Int
    /// Registered (active) organisations and in-service members.
    public var organisations: Int
    public var members: Int
    public var tasksPublished: Int
    /// Approved claims reviewed this quarter (members and organisations).
    public var services: Int
    /// Active members with at least one approved service this quarter.
    public var participants: Int
    /// Claims made this quarter, and those of them that came from the mini-program import.
    public var claims: Int
    public var claimsFromApp: Int
    /// Nil while the redemption capability is not in this database.
    public var redemption: Redemption?

    static func percent(_ part: Int, _ whole: Int) -> Int? {
        whole == 0 ? nil : Int((Double(part) / Double(whole) * 100).rounded(.down))
    }

    public var participationPercent: Int? { Self.percent(participants, members) }
    public var resolutionPercent: Int? { Self.percent(issuesResolved, issuesClosed) }
    public var satisfactionPercent: Int? { Self.percent(satisfiedResponses, responses) }
    public var platformPercent: Int? { Self.percent(claimsFromApp, claims) }

    /// The figure a deduction rule names; nil when it cannot be measured (no survey, no redemption tables…).
    public func value(_ figure: StarStandard.MeasuredFigure) -> Int? {
        switch figure {
        case .issuesDeliberated: return issuesDeliberated
        case .tasksPublished: return tasksPublished
        case .participationPercent: return participationPercent
        case .redemptions: return redemption?.redemptions
        case .resolutionPercent: return resolutionPercent
        case .satisfactionPercent: return satisfactionPercent
        case .platformPercent: return platformPercent
        }
    }

    /// Whether a measurable case applies this quarter; nil when the figure is not available.
    public func applies(_ measure: StarStandard.Measure) -> Bool? {
        value(measure.figure).map { $0 < measure.below }
    }

    private static func pct(_ v: Int?) -> String { v.map { "\($0)%" } ?? "—" }

    /// The live evidence line for a criterion.
    public func text(_ evidence: StarStandard.Evidence) -> LocalizedText {
        switch evidence {
        case .consultationUse:
            return LocalizedText("本季度协商议事 \(issuesDeliberated) 项 · 解决 \(issuesResolved) 项 · 满意率 \(Self.pct(satisfactionPercent))",
                                 "this quarter: \(issuesDeliberated) deliberated · \(issuesResolved) resolved · satisfaction \(Self.pct(satisfactionPercent))")
        case .doubleReportParticipation:
            return LocalizedText("报到单位 \(organisations) 个 · 在职党员 \(members) 人 · 本季度发布任务 \(tasksPublished) 项 · 服务 \(services) 人次",
                                 "\(organisations) units · \(members) members · \(tasksPublished) tasks published · \(services) services this quarter")
        case .volunteerParticipation:
            return LocalizedText("参与率 \(Self.pct(participationPercent))（\(participants)/\(members) 人有通过审核的服务）",
                                 "participation \(Self.pct(participationPercent)) (\(participants)/\(members) members with an approved service)")
        case .platformUse:
            return LocalizedText("本季度认领 \(claims) 条，其中小程序 \(claimsFromApp) 条（\(Self.pct(platformPercent))）",
                                 "\(claims) claims this quarter, \(claimsFromApp) from the mini-program (\(Self.pct(platformPercent)))")
        case .redemption:
            guard let r = redemption else {
                return LocalizedText("兑换记录：暂不可用（本库尚无积分兑换功能）", "redemptions: not available (no redemption desk in this database)")
            }
            return LocalizedText("本季度兑换 \(r.redemptions) 次 · 兑出积分 \(r.pointsRedeemed) 分",
                                 "\(r.redemptions) redemptions · \(r.pointsRedeemed) points redeemed this quarter")
        case .resolutionSatisfaction:
            return LocalizedText("办结率 \(Self.pct(resolutionPercent))（\(issuesResolved)/\(issuesClosed)）· 满意率 \(Self.pct(satisfactionPercent))（\(responses) 份）",
                                 "resolved \(Self.pct(resolutionPercent)) (\(issuesResolved)/\(issuesClosed)) · satisfaction \(Self.pct(satisfactionPercent)) (\(responses) answers)")
        }
    }

    /// Reads the quarter's figures inside the caller's transaction.
    static func read(_ db: Database, quarter: StarQuarter) throws -> StarEvidence {
        let from = quarter.firstDay, to = quarter.endDay
        func int(_ sql: String, _ args: StatementArguments = []) throws -> Int { try Int.fetchOne(db, sql: sql, arguments: args) ?? 0 }
        let range: StatementArguments = [from, to]
        // INDEXED BY: without statistics the planner would walk the state and outcome indexes, which at stress
        // scale hold most of the table; the quarter's day range is the narrow side.
        let deliberated = try int("SELECT COUNT(DISTINCT issue_id) FROM issue_meeting WHERE held_on >= ? AND held_on < ?", range)
        let resolved = try int("SELECT COUNT(*) FROM issue INDEXED BY star_issue_closed WHERE closed_on IS NOT NULL AND closed_on >= ? AND closed_on < ? AND outcome = '已解决'", range)
        let closed = try int("SELECT COUNT(*) FROM issue INDEXED BY star_issue_closed WHERE closed_on IS NOT NULL AND closed_on >= ? AND closed_on < ? AND outcome IN ('已解决', '未解决')", range)
        let survey = try Row.fetchOne(db, sql: """
            SELECT COALESCE(SUM(survey_satisfied + survey_basic), 0) AS good,
                   COALESCE(SUM(survey_satisfied + survey_basic + survey_dissatisfied), 0) AS all_
            FROM issue WHERE surveyed_on IS NOT NULL AND surveyed_on >= ? AND surveyed_on < ?
            """, arguments: range)
        let organisations = try int("SELECT COUNT(*) FROM organisation WHERE active = 1 AND reported_on < ?", [to])
        let members = try int("SELECT COUNT(*) FROM member WHERE active = 1 AND reported_on < ?", [to])
        let published = try int("SELECT COUNT(*) FROM task WHERE published_at IS NOT NULL AND published_at >= ? AND published_at < ?", range)
        let services = try int("SELECT COUNT(*) FROM claim INDEXED BY star_claim_approved WHERE state = '已通过' AND reviewed_at >= ? AND reviewed_at < ?", range)
        let participants = try int("""
            SELECT COUNT(DISTINCT c.member_id) FROM claim c INDEXED BY star_claim_approved JOIN member m ON m.id = c.member_id
            WHERE c.state = '已通过' AND c.reviewed_at >= ? AND c.reviewed_at < ? AND m.active = 1
            """, range)
        let claims = try int("SELECT COUNT(*) FROM claim WHERE claimed_at >= ? AND claimed_at < ?", range)
        let fromApp = try int("SELECT COUNT(*) FROM claim WHERE source = '小程序' AND claimed_at >= ? AND claimed_at < ?", range)
        var redemption: Redemption?
        // The redemption desk is another capability; until its tables are in this file there is nothing to count.
        // Its redemptions post debits to the points ledger, which is what is counted here.
        if try db.tableExists("redemption") {
            let r = try Row.fetchOne(db, sql: "SELECT COUNT(*) AS n, COALESCE(-SUM(amount), 0) AS p FROM ledger_entry WHERE kind = 'debit' AND day >= ? AND day < ?",
                                     arguments: range)
            redemption = Redemption(redemptions: r?["n"] ?? 0, pointsRedeemed: r?["p"] ?? 0)
        }
        return StarEvidence(quarter: quarter, issuesDeliberated: deliberated, issuesResolved: resolved, issuesClosed: closed,
                            satisfiedResponses: survey?["good"] ?? 0, responses: survey?["all_"] ?? 0,
                            organisations: organisations, members: members, tasksPublished: published, services: services,
                            participants: participants, claims: claims, claimsFromApp: fromApp, redemption: redemption)
    }
}
