import Foundation
import GRDB

/// The street's monthly report (`community report month`): one month's consultation, 双报到 and letters, with
/// the same definitions as the overview's charts and the `monthly` section of `stats --json`, so the figures
/// the street receives are the ones the secretary saw. Capabilities not built yet (redemption, star) stay out.
public struct MonthlyReport: Sendable, Equatable, Encodable {
    public struct CategoryCount: Sendable, Equatable, Encodable {
        public var category: String
        public var raised: Int
        /// The latest issue raised in the category this month, as an example.
        public var example: String
    }

    public struct Consultation: Sendable, Equatable, Encodable {
        public var raised: Int
        /// Issues with a deliberation meeting held in the month.
        public var deliberated: Int
        public var resolved: Int
        /// Closed with any outcome (resolved included).
        public var closed: Int
        public var surveyResponses: Int
        /// (满意 + 基本满意) / responses for issues surveyed in the month; nil when nobody was surveyed.
        public var satisfactionRate: Double?
        /// The categories raised most, most first (at most five).
        public var categories: [CategoryCount]
    }

    public struct Volunteer: Sendable, Equatable, Encodable {
        public var organisationsActive: Int
        public var membersActive: Int
        public var organisationsReported: Int
        public var membersReported: Int
        /// Published tasks starting in the month.
        public var tasks: Int
        public var services: Int
        public var pointsIssued: Int
        public var pointsRedeemed: Int
    }

    public struct Letters: Sendable, Equatable, Encodable {
        public var generated: Int
        public var thanks: Int
        public var reminders: Int
        public var sent: Int
    }

    /// The star rating of the quarter the month is in (screen 6).
    public struct Star: Sendable, Equatable, Encodable {
        public var quarter: String
        public var quarterLabel: LocalizedText
        /// The stage waiting to be signed; nil when the district review is signed (final).
        public var waiting: LocalizedText?
        public var claimedStars: Int
        public var finalStars: Int?

        enum CodingKeys: String, CodingKey { case quarter, claimedStars, finalStars }
    }

    public var month: String
    public var community: String
    public var street: String
    public var district: String
    public var consultation: Consultation
    public var volunteer: Volunteer
    public var letters: Letters
    public var star: Star?

    /// "2026-11" → "2026年11月".
    public var monthLabel: String {
        let p = month.split(separator: "-").compactMap { Int($0) }
        return p.count == 2 ? "\(p[0])年\(p[1])月" : month
    }

    /// Whether `text` is a month (yyyy-MM).
    public static func isMonth(_ text: String) -> Bool {
        Day.parse(text + "-01") != nil && text.count == 7
    }
}

extension CommunityDatabase {
    /// The month's report, in one read.
    public func monthlyReport(month: String) throws -> MonthlyReport {
        try pool.read { db in try Self.monthlyReport(db, month: month) }
    }

    static func monthlyReport(_ db: Database, month: String) throws -> MonthlyReport {
        guard let profile = try CommunityProfile.fetchOne(db, key: 1) else { throw StoreError.missingProfile }
        // Every date or timestamp in the month sorts between these two, so each count is an index range.
        let args: StatementArguments = [month, month + "-99"]
        func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql, arguments: args) ?? 0 }
        let survey = try Row.fetchOne(db, sql: """
            SELECT COALESCE(SUM(survey_satisfied), 0) AS s, COALESCE(SUM(survey_basic), 0) AS b, COALESCE(SUM(survey_dissatisfied), 0) AS d
            FROM issue WHERE surveyed_on BETWEEN ? AND ?
            """, arguments: args)
        let s: Int = survey?["s"] ?? 0, b: Int = survey?["b"] ?? 0, d: Int = survey?["d"] ?? 0
        let responses = s + b + d
        let categories = try Row.fetchAll(db, sql: """
            SELECT category, COUNT(*) AS n, (SELECT title FROM issue j WHERE j.category = i.category AND j.created_on BETWEEN ?1 AND ?2
                                             ORDER BY j.created_on DESC, j.id DESC LIMIT 1) AS example
            FROM issue i WHERE created_on BETWEEN ?1 AND ?2 GROUP BY category ORDER BY n DESC, category LIMIT 5
            """, arguments: args).map { MonthlyReport.CategoryCount(category: $0["category"], raised: $0["n"], example: $0["example"] ?? "") }
        let roster = try rosterCounts(db)
        // The same conditions as the monthly series (MonthlySeries.swift), so the report equals the charts.
        let consultation = MonthlyReport.Consultation(
            raised: try count("SELECT COUNT(*) FROM issue WHERE created_on BETWEEN ? AND ?"),
            deliberated: try count("SELECT COUNT(DISTINCT issue_id) FROM issue_meeting WHERE held_on BETWEEN ? AND ?"),
            resolved: try count("SELECT COUNT(*) FROM issue WHERE outcome = '已解决' AND closed_on BETWEEN ? AND ?"),
            closed: try count("SELECT COUNT(*) FROM issue WHERE outcome IS NOT NULL AND closed_on BETWEEN ? AND ?"),
            surveyResponses: responses,
            satisfactionRate: responses == 0 ? nil : (Double(s + b) / Double(responses) * 10_000).rounded() / 10_000,
            categories: categories)
        let volunteer = MonthlyReport.Volunteer(
            organisationsActive: roster.organisationsActive, membersActive: roster.membersActive,
            organisationsReported: try count("SELECT COUNT(*) FROM organisation WHERE reported_on BETWEEN ? AND ?"),
            membersReported: try count("SELECT COUNT(*) FROM member WHERE reported_on BETWEEN ? AND ?"),
            tasks: try count("SELECT COUNT(*) FROM task WHERE status = '已发布' AND starts_at BETWEEN ? AND ?"),
            services: try count("SELECT COUNT(*) FROM claim WHERE state = '已通过' AND member_id IS NOT NULL AND reviewed_at BETWEEN ? AND ?"),
            // Net of reversed credits, as the overview's figure, its chart and `stats` count them.
            pointsIssued: try count("""
                SELECT COALESCE(SUM(a), 0) FROM (
                    SELECT amount AS a FROM ledger_entry WHERE kind = 'credit' AND day BETWEEN ?1 AND ?2
                    UNION ALL
                    SELECT r.amount FROM ledger_entry r JOIN ledger_entry t ON t.id = r.reverses_id
                    WHERE r.kind = 'reversal' AND t.kind = 'credit' AND r.day BETWEEN ?1 AND ?2)
                """),
            pointsRedeemed: try count("SELECT COALESCE(-SUM(amount), 0) FROM ledger_entry WHERE kind = 'debit' AND day BETWEEN ? AND ?"))
        let letters = MonthlyReport.Letters(
            generated: try count("SELECT COUNT(*) FROM letter WHERE generated_at BETWEEN ? AND ?"),
            thanks: try count("SELECT COUNT(*) FROM letter WHERE kind = 'thanks' AND generated_at BETWEEN ? AND ?"),
            reminders: try count("SELECT COUNT(*) FROM letter WHERE kind = 'reminder' AND generated_at BETWEEN ? AND ?"),
            sent: try count("SELECT COUNT(*) FROM letter WHERE state = '已发送' AND sent_on BETWEEN ? AND ?"))
        var star: MonthlyReport.Star?
        if try db.tableExists("star_stage"), let quarter = StarQuarter(day: month + "-01"), let standard = try? StarStandard.inForce() {
            let a = try StarAssessment.read(db, quarter: quarter, standard: standard)
            star = MonthlyReport.Star(quarter: quarter.description, quarterLabel: quarter.label, waiting: a.progress.current?.label,
                                      claimedStars: a.claimedStars, finalStars: a.finalStars)
        }
        return MonthlyReport(month: month, community: profile.name, street: profile.street, district: profile.district,
                             consultation: consultation, volunteer: volunteer, letters: letters, star: star)
    }
}
