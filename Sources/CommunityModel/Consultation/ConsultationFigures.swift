import Foundation
import GRDB

/// The consultation headline figures (SPEC §5, issue 3 item 4); `stats --json` prints them as `consultation`.
public struct ConsultationFigures: Sendable, Equatable, Codable {
    /// Open issues at steps 1…8 (always eight numbers).
    public var openByStep: [Int]
    /// Issues that reached step 5 (协商议事), whatever happened after.
    public var discussed: Int
    /// Issues closed as 已解决.
    public var resolved: Int
    /// (满意 + 基本满意) / all responses over every survey, 0…1 (0 when nobody has answered yet).
    public var satisfactionRate: Double
    /// Open issues past their step's deadline today.
    public var overdue: Int
    /// All issues ever recorded.
    public var total: Int
    /// Survey answers behind the rate.
    public var responses: Int

    public var open: Int { openByStep.reduce(0, +) }

    // `stats --json` is read by scripts: its keys are snake_case whatever encoder is used.
    enum CodingKeys: String, CodingKey {
        case discussed, resolved, overdue, total, responses
        case openByStep = "open_by_step"
        case satisfactionRate = "satisfaction_rate"
    }

    /// The figures as of `db`'s snapshot, kept per database file until something is written (`FiguresCache`), so
    /// the dashboard, screen 2 and `stats` share one computation: the survey sums alone read every surveyed
    /// issue (several ms at stress scale, SPEC §9).
    static func compute(_ db: Database, today: String, reference: ConsultationReference) throws -> ConsultationFigures {
        try FiguresCache.shared.value(db, "consultation", context: FiguresAsked(today: today, reference: reference)) {
            try computeFresh(db, today: today, reference: reference)
        }
    }

    /// Aggregates over indexed columns only; no issue rows are loaded.
    static func computeFresh(_ db: Database, today: String, reference: ConsultationReference) throws -> ConsultationFigures {
        var open = Array(repeating: 0, count: ConsultationSteps.last)
        var openAll = 0
        for row in try Row.fetchAll(db, sql: "SELECT step, COUNT(*) AS n FROM issue INDEXED BY issue_open_step WHERE outcome IS NULL GROUP BY step") {
            let step: Int = row["step"], n: Int = row["n"]
            openAll += n
            if ConsultationSteps.all.contains(step) { open[step - 1] = n }
        }
        // A plain COUNT(*) reads only the b-tree's page headers. Most issues have been discussed and resolved,
        // so those two are counted as the total minus the smaller rest: a few thousand index entries, not 20,000.
        let total = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM issue") ?? 0
        let notDiscussed = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM issue WHERE furthest_step < ?", arguments: [ConsultationSteps.deliberate]) ?? 0
        let discussed = total - notDiscussed
        let others = IssueOutcome.allCases.filter { $0 != .resolved }.map(\.rawValue)
        let closedOtherwise = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM issue WHERE outcome IN (\(others.map { _ in "?" }.joined(separator: ", ")))",
                                               arguments: StatementArguments(others)) ?? 0
        // Every issue is open (outcome NULL) or closed with one of the outcomes (the column's CHECK).
        let resolved = total - openAll - closedOtherwise
        let s = try Row.fetchOne(db, sql: """
            SELECT COALESCE(SUM(survey_satisfied), 0) AS s, COALESCE(SUM(survey_basic), 0) AS b, COALESCE(SUM(survey_dissatisfied), 0) AS d
            FROM issue WHERE surveyed_on IS NOT NULL
            """)
        let satisfied: Int = s?["s"] ?? 0, basic: Int = s?["b"] ?? 0, dissatisfied: Int = s?["d"] ?? 0
        let responses = satisfied + basic + dissatisfied
        let rate = responses == 0 ? 0 : (Double(satisfied + basic) / Double(responses) * 10_000).rounded() / 10_000
        let overdue = try CommunityDatabase.issueCount(db, IssueFilter(overdueOnly: true), before: nil, today: today, reference: reference)
        return ConsultationFigures(openByStep: open, discussed: discussed, resolved: resolved, satisfactionRate: rate,
                                   overdue: overdue, total: total, responses: responses)
    }

    /// Walks every issue's history in id order (streamed, so 20,000 issues need no more memory than one)
    /// and lists what `ConsultationWorkflow.walkProblems` finds.
    static func historyProblems(_ db: Database) throws -> [LocalizedText] {
        var problems: [LocalizedText] = []
        // Rows are read by position rather than decoded by name: 200,000 history rows at stress scale.
        let transitions = try Row.fetchCursor(db, sql: """
            SELECT issue_id, seq, kind, from_step, to_step, outcome, reason, on_day FROM issue_transition ORDER BY issue_id, seq
            """)
        func transition(_ r: Row) -> IssueTransition {
            let outcome: String? = r[5]
            let kind: String = r[2]
            return IssueTransition(issueId: r[0], seq: r[1], kind: TransitionKind(rawValue: kind) ?? .create, fromStep: r[3], toStep: r[4],
                                   outcome: outcome.flatMap(IssueOutcome.init(rawValue:)), reason: r[6], operatorName: "", onDay: r[7], at: "")
        }
        var pending = try transitions.next().map(transition)
        let issues = try Row.fetchCursor(db, sql: "SELECT id, number, step, step_since, furthest_step, outcome, created_on FROM issue ORDER BY id")
        while let r = try issues.next() {
            let id: Int64 = r[0]
            var issue = Issue(id: id, number: r[1], title: "", category: "", source: "", reporter: "", createdOn: r[6])
            issue.step = r[2]
            issue.stepSince = r[3]
            issue.furthestStep = r[4]
            let outcome: String? = r[5]
            issue.outcome = outcome.flatMap(IssueOutcome.init(rawValue:))
            var history: [IssueTransition] = []
            // History rows for ids with no issue cannot exist (foreign key), so skipping smaller ids is safe.
            while let t = pending, t.issueId <= id {
                if t.issueId == id { history.append(t) }
                pending = try transitions.next().map(transition)
            }
            problems += ConsultationWorkflow.walkProblems(issue: issue, history: history)
        }
        return problems
    }
}
