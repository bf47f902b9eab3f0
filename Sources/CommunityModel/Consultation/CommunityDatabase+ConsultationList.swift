import Foundation
import GRDB

/// What the issue list shows (screen 2): every filter narrows, all together.
public struct IssueFilter: Sendable, Equatable {
    public enum Status: String, Sendable, CaseIterable {
        case all, open, closed
        public var label: LocalizedText {
            switch self {
            case .all: return LocalizedText("全部", "all")
            case .open: return LocalizedText("办理中", "open")
            case .closed: return LocalizedText("已办结", "closed")
            }
        }
    }
    public var status: Status
    /// Open issues at this step (1…8).
    public var step: Int?
    /// A category key.
    public var category: String?
    /// Closed issues with this outcome.
    public var outcome: IssueOutcome?
    /// Open issues past their step's deadline.
    public var overdueOnly: Bool
    /// Matches number, title, reporter or location anywhere (ASCII letters in any case).
    public var text: String

    public init(status: Status = .all, step: Int? = nil, category: String? = nil, outcome: IssueOutcome? = nil, overdueOnly: Bool = false, text: String = "") {
        self.status = status
        self.step = step
        self.category = category
        self.outcome = outcome
        self.overdueOnly = overdueOnly
        self.text = text
    }

    public var isEmpty: Bool { self == IssueFilter() }
}

/// One line of the issue list: only what the list shows, with overdue worked out for `today`.
public struct IssueRow: Sendable, Equatable, KeyedRow {
    public var id: Int64
    public var number: String
    public var title: String
    public var category: String
    public var step: Int
    public var stepSince: String
    public var createdOn: String
    public var outcome: IssueOutcome?
    public var closedOn: String?
    /// Days in the current step (open) or from recording to closing (closed).
    public var daysUsed: Int
    public var overdue: Bool

    /// Newest first, by id alone.
    public var listKey: ListKey { ListKey(sort: "", id: id) }
}

extension CommunityDatabase {
    /// Builds the WHERE clause; each condition matches an index on `issue` (see the v2-consultation migration).
    static func issueConditions(_ filter: IssueFilter, today: String, reference: ConsultationReference) -> (sql: [String], args: [DatabaseValueConvertible]) {
        var sql: [String] = []
        var args: [DatabaseValueConvertible] = []
        switch filter.status {
        case .all: break
        case .open: sql.append("outcome IS NULL")
        case .closed: sql.append("outcome IS NOT NULL")
        }
        if let step = filter.step {
            sql.append("outcome IS NULL AND step = ?")
            args.append(step)
        }
        // With the overdue filter the category goes inside each overdue term instead (below), so every term is
        // one range of issue_open_category; as a separate condition the planner walks the whole category.
        if let category = filter.category, !filter.overdueOnly {
            sql.append("category = ?")
            args.append(category)
        }
        if let outcome = filter.outcome {
            sql.append("outcome = ?")
            args.append(outcome.rawValue)
        }
        if filter.overdueOnly {
            // One term per step, each able to use the partial index issue_open_since on its own.
            let cut = ConsultationWorkflow.overdueCutoffs(today: today, reference: reference)
                .filter { filter.step == nil || $0.step == filter.step }
            let term = filter.category == nil ? "(outcome IS NULL AND step = ? AND step_since < ?)"
                : "(outcome IS NULL AND category = ? AND step = ? AND step_since < ?)"
            sql.append("(" + (cut.isEmpty ? "0" : cut.map { _ in term }.joined(separator: " OR ")) + ")")
            for c in cut {
                if let category = filter.category { args.append(category) }
                args.append(c.step)
                args.append(c.cutoff)
            }
        }
        return (sql, args)
    }

    /// FROM clause, id column and extra conditions for the search text (see `IssueSearch`). The plan is
    /// made once per list read and passed to the page and count queries. The search column and the text are
    /// both lower-cased, so "contains" is a plain substring test: instr() compares bytes, where LIKE runs its
    /// pattern matcher per character (a third of a key's time when a common text is counted over 20,000 issues).
    static func issueSource(_ plan: IssueSearch.Plan, text: String) -> (from: String, id: String, sql: [String], args: [DatabaseValueConvertible]) {
        switch plan {
        case .none:
            return ("issue", "id", [], [])
        case .nothing:
            return ("issue", "id", ["0"], [])
        case .scan:
            // Newest first by rowid, checking each issue's text: most match, so a page comes after a few dozen rows.
            return ("issue NOT INDEXED", "id", ["instr(issue.search, ?) > 0"], [text])
        case .gram(let gram) where gram == text:
            // The text is the piece itself: the posting list is the answer, no text to check.
            return ("issue_gram g CROSS JOIN issue ON issue.id = g.issue_id", "g.issue_id", ["g.gram = ?"], [gram])
        case .gram(let gram):
            // CROSS JOIN keeps the posting list outside, so pages come in id order and stop early.
            return ("issue_gram g CROSS JOIN issue ON issue.id = g.issue_id", "g.issue_id",
                    ["g.gram = ?", "instr(issue.search, ?) > 0"], [gram, text])
        }
    }

    static func searchText(_ filter: IssueFilter) -> String { filter.text.consultTrimmed.lowercased() }

    static func issueRows(_ db: Database, _ filter: IssueFilter, _ request: PageRequest, today: String, reference: ConsultationReference) throws -> [IssueRow] {
        var (conditions, args) = issueConditions(filter, today: today, reference: reference)
        let text = searchText(filter)
        let source = issueSource(try IssueSearch.plan(db, text: text), text: text)
        conditions = source.sql + conditions
        args = source.args + args
        let idColumn = source.id
        // Newest first: "first" is the largest id. Keyset on the rowid, so every page is an index range.
        var backwards = false
        let limit: Int
        switch request {
        case .first(let n): limit = n
        case .last(let n): limit = n; backwards = true
        case .after(let key, let n): limit = n; conditions.append("\(idColumn) < ?"); args.append(key.id)
        case .before(let key, let n): limit = n; backwards = true; conditions.append("\(idColumn) > ?"); args.append(key.id)
        case .from(let key, let n): limit = n; conditions.append("\(idColumn) <= ?"); args.append(key.id)
        }
        var sql = "SELECT issue.id, number, title, category, step, step_since, created_on, outcome, closed_on FROM \(source.from)"
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        sql += " ORDER BY \(idColumn) \(backwards ? "ASC" : "DESC") LIMIT \(max(0, limit))"
        let rows = try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)).map { r -> IssueRow in
            let outcome: String? = r["outcome"]
            let closedOn: String? = r["closed_on"]
            let step: Int = r["step"], since: String = r["step_since"], created: String = r["created_on"]
            let open = outcome == nil
            let days = open ? ConsultationDayMath.days(from: since, to: today) : ConsultationDayMath.days(from: created, to: closedOn ?? created)
            let used = max(0, days ?? 0)
            return IssueRow(id: r["id"], number: r["number"], title: r["title"], category: r["category"], step: step,
                            stepSince: since, createdOn: created, outcome: outcome.flatMap(IssueOutcome.init(rawValue:)),
                            closedOn: closedOn, daysUsed: used, overdue: open && used > reference.deadlineDays(step))
        }
        return backwards ? rows.reversed() : rows
    }

    static func issueCount(_ db: Database, _ filter: IssueFilter, before key: ListKey?, today: String, reference: ConsultationReference) throws -> Int {
        var (conditions, args) = issueConditions(filter, today: today, reference: reference)
        let text = searchText(filter)
        let plan = try IssueSearch.plan(db, text: text)
        if conditions.isEmpty {
            // A search alone is counted without touching the issues: the posting list of the piece, or the
            // texts held in memory for a common piece of a longer text.
            switch plan {
            case .gram(let gram) where gram == text:
                return try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM issue_gram WHERE gram = ?" + (key == nil ? "" : " AND issue_id > ?"),
                                        arguments: StatementArguments([gram] + (key.map { [$0.id] } ?? []))) ?? 0
            case .scan:
                // Most issues hold the text: counted over the texts held in memory (`IssueTextIndex`).
                return try IssueTextIndex.shared.count(db, text, after: key?.id)
            default: break
            }
        }
        let source = issueSource(plan, text: text)
        conditions = source.sql + conditions
        args = source.args + args
        if let key {
            conditions.append("\(source.id) > ?")
            args.append(key.id)
        }
        var sql = "SELECT COUNT(*) FROM \(source.from)"
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        return try Int.fetchOne(db, sql: sql, arguments: StatementArguments(args)) ?? 0
    }

    /// One page of the issue list, newest first, never the whole table.
    public func issues(_ filter: IssueFilter, _ request: PageRequest, today: String = Day.today(),
                       reference: ConsultationReference = .active) throws -> [IssueRow] {
        try pool.read { db in try Self.issueRows(db, filter, request, today: today, reference: reference) }
    }

    /// How many issues match, or how many come before `key` in the list ("row 37 of 5,000").
    public func issueCount(_ filter: IssueFilter, before key: ListKey? = nil, today: String = Day.today(),
                           reference: ConsultationReference = .active) throws -> Int {
        try pool.read { db in try Self.issueCount(db, filter, before: key, today: today, reference: reference) }
    }

    /// Everything about one issue for the detail view, or nil if there is no such issue.
    public func issueDossier(id: Int64) throws -> IssueDossier? {
        try pool.read { db in try Self.dossier(db, id: id) }
    }

    /// Finds an issue by its number ("2026-0007").
    public func issue(number: String) throws -> Issue? {
        try pool.read { db in try Issue.filter(Issue.Columns.number == number).fetchOne(db) }
    }

    /// The headline figures (SPEC §5) as `stats --json` and the dashboard show them.
    /// Always computed afresh (what `bench` times).
    public func consultationFigures(today: String = Day.today(), reference: ConsultationReference = .active) throws -> ConsultationFigures {
        try pool.read { db in try ConsultationFigures.computeFresh(db, today: today, reference: reference) }
    }

    /// The same figures, reused from the last computation on this file (the dashboard's, say) while nothing has
    /// been written since; for screens, which redraw often.
    public func sharedConsultationFigures(today: String = Day.today(), reference: ConsultationReference = .active) throws -> ConsultationFigures {
        try pool.read { db in try ConsultationFigures.compute(db, today: today, reference: reference) }
    }
}
