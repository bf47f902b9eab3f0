import Foundation
import GRDB

/// A task as the board shows it, with its derived state and its place in the column's order.
public struct TaskBoardRow: Sendable, Equatable, KeyedRow {
    public var task: VolunteerTask
    public var state: TaskState
    public var sortKey: String
    public var listKey: ListKey { ListKey(sort: sortKey, id: task.id ?? 0) }
}

/// How many tasks sit in each board column right now.
public struct TaskBoardCounts: Sendable, Equatable {
    public var counts: [TaskState: Int]
    public func count(_ column: TaskState) -> Int { counts[column] ?? 0 }
}

/// What cancelling a task did: the open claims it cancelled, so the office can tell those claimants.
public struct TaskCancellation: Sendable, Equatable {
    public var task: VolunteerTask
    public var cancelledClaims: [ClaimRow]
}

/// The board narrowed to the overview's "starting soon" alert: published tasks starting in `from..<until`
/// ("yyyy-MM-dd HH:mm") with places unfilled. Across the columns it lists exactly the alert's tasks: a task
/// already under way today sits in 进行中, one yet to start in 发布中.
public struct TaskStartWindow: Sendable, Equatable {
    public var from: String
    public var until: String
    public init(from: String, until: String) {
        self.from = from
        self.until = until
    }
}

/// The board's reads inside one read transaction (see `CommunityDatabase.readBoard`).
public struct TaskBoardSnapshot {
    let db: Database

    public func tasks(in column: TaskState, text: String, now: String, soon: TaskStartWindow? = nil, _ request: PageRequest) throws -> [TaskBoardRow] {
        try CommunityDatabase.boardRows(db, column, text: text, now: now, soon: soon, request)
    }

    public func taskCount(in column: TaskState, text: String, now: String, soon: TaskStartWindow? = nil, before key: ListKey? = nil) throws -> Int {
        try CommunityDatabase.taskCount(db, column, text: text, now: now, soon: soon, before: key)
    }

    /// 已回复 claims waiting for review.
    public func reviewQueueCount() throws -> Int {
        try CommunityDatabase.claimCount(db, .reviewQueue, before: nil)
    }
}

private struct BoardRecord: FetchableRecord {
    var task: VolunteerTask
    var sortKey: String
    init(row: Row) throws {
        task = try VolunteerTask(row: row)
        sortKey = row["sort_key"] ?? ""
    }
}

extension CommunityDatabase {
    // MARK: Reading

    /// The SQL for one board column at `now`; each condition has an index behind it (see the v3-volunteer migration).
    static func boardQuery(_ column: TaskState, now: String, text: String = "", soon: TaskStartWindow? = nil) -> KeysetQuery {
        var q: KeysetQuery
        func make(_ sort: String, _ conditions: [String], _ args: [String], descending: Bool = false) -> KeysetQuery {
            var k = KeysetQuery(select: "SELECT task.*, \(sort) AS sort_key FROM task", sortExpression: sort, idExpression: "task.id")
            k.conditions = conditions
            k.arguments = args
            k.descending = descending
            return k
        }
        switch column {
        case .draft:
            q = make("task.starts_at", ["task.status = '草稿'"], [])
        case .open:
            q = make("task.starts_at", ["task.status = '已发布'", "task.starts_at > ?", "task.taken < task.places"], [now])
        case .full:
            q = make("task.starts_at", ["task.status = '已发布'", "task.starts_at > ?", "task.taken >= task.places"], [now])
        case .inProgress:
            q = make("task.ends_at", ["task.status = '已发布'", "task.ends_at > ?", "task.starts_at <= ?"], [now, now])
        case .ended, .cancelled:
            // Most recently ended first; cancelled tasks sit here too, marked as such.
            q = make("task.ends_at", ["(task.status = '已取消' OR (task.status = '已发布' AND task.ends_at <= ?))"], [now], descending: true)
            // Walk ends_at from the latest down: the first page is found after skipping the few future tasks,
            // instead of the planner's OR-union that sorts every ended task.
            // Narrowed to a start window, the starts index finds the few rows instead (the planner's choice).
            if soon == nil { q.select = "SELECT task.*, task.ends_at AS sort_key FROM task INDEXED BY task_ends" }
        }
        if let soon {
            // The alert's own conditions (VolunteerModule.alerts), so the board and the count agree.
            q.conditions += ["task.status = '已发布'", "task.starts_at >= ?", "task.starts_at < ?", "task.taken < task.places"]
            q.arguments += [soon.from, soon.until]
            // Three days of starts are a few rows of the starts index; left to itself the planner walked every
            // published task still to end for the 进行中 column (19 ms at stress, the overview's slowest Enter).
            let sort = column == .draft || column == .open || column == .full ? "task.starts_at" : "task.ends_at"
            q.select = "SELECT task.*, \(sort) AS sort_key FROM task INDEXED BY task_status_starts_places"
        }
        let t = text.trimmingCharacters(in: .whitespaces)
        if !t.isEmpty {
            q.conditions.append("(task.title LIKE ? ESCAPE '\\' OR task.place LIKE ? ESCAPE '\\' OR task.category LIKE ? ESCAPE '\\')")
            q.arguments += [likePattern(contains: t), likePattern(contains: t), likePattern(contains: t)]
        }
        return q
    }

    /// One page of a board column.
    public func tasks(in column: TaskState, text: String = "", now: String = VolunteerClock.now(), soon: TaskStartWindow? = nil,
                      _ request: PageRequest) throws -> [TaskBoardRow] {
        try pool.read { db in try Self.boardRows(db, column, text: text, now: now, soon: soon, request) }
    }

    static func boardRows(_ db: Database, _ column: TaskState, text: String, now: String, soon: TaskStartWindow? = nil,
                          _ request: PageRequest) throws -> [TaskBoardRow] {
        let records: [BoardRecord] = try boardQuery(column, now: now, text: text, soon: soon).fetch(db, request)
        return records.map { TaskBoardRow(task: $0.task, state: $0.task.state(now: now), sortKey: $0.sortKey) }
    }

    public func taskCount(in column: TaskState, text: String = "", now: String = VolunteerClock.now(), soon: TaskStartWindow? = nil,
                          before key: ListKey? = nil) throws -> Int {
        try pool.read { db in try Self.taskCount(db, column, text: text, now: now, soon: soon, before: key) }
    }

    static func taskCount(_ db: Database, _ column: TaskState, text: String, now: String, soon: TaskStartWindow? = nil,
                          before key: ListKey?) throws -> Int {
        // The shortcuts below count the whole ended column; a window is a small range of the starts index instead.
        let plain = text.trimmingCharacters(in: .whitespaces).isEmpty && soon == nil
        if (column == .ended || column == .cancelled) && key == nil && plain {
            // Most tasks have ended, so count the few that have not: every task is a draft, cancelled, or
            // published and ended or not (the status CHECK). A bare COUNT(*) reads only page headers.
            return try Int.fetchOne(db, sql: """
                SELECT (SELECT COUNT(*) FROM task) - (SELECT COUNT(*) FROM task WHERE status = '草稿')
                     - (SELECT COUNT(*) FROM task WHERE status = '已发布' AND ends_at > ?)
                """, arguments: [now]) ?? 0
        }
        if (column == .ended || column == .cancelled), let key, plain {
            // Rows before a key in the ended column (latest end first): the same two covering ranges, each cut at
            // the key, instead of walking task_ends and looking every task up to test its status.
            return try Int.fetchOne(db, sql: """
                SELECT (SELECT COUNT(*) FROM task WHERE status = '已取消' AND (ends_at, id) > (?, ?))
                     + (SELECT COUNT(*) FROM task WHERE status = '已发布' AND ends_at <= ? AND (ends_at, id) > (?, ?))
                """, arguments: [key.sort, key.id, now, key.sort, key.id]) ?? 0
        }
        var q = boardQuery(column, now: now, text: text, soon: soon)
        // With a search text the ended column walks task_ends from the top (the text needs the row anyway).
        if soon != nil {
            q.select = "SELECT task.id FROM task INDEXED BY task_status_starts_places"
        } else {
            q.select = column == .ended || column == .cancelled ? "SELECT task.id FROM task INDEXED BY task_ends" : "SELECT task.id FROM task"
        }
        return try q.count(db, before: key)
    }

    /// Reads a whole board reload in one transaction, so the five columns (three reads each) and the review
    /// count agree with each other, and the pool is entered once instead of sixteen times.
    /// The snapshot is valid only inside `body`.
    public func readBoard<T>(_ body: (TaskBoardSnapshot) throws -> T) throws -> T {
        try pool.read { db in try body(TaskBoardSnapshot(db: db)) }
    }

    /// Counts for every board column in one read.
    public func taskBoardCounts(text: String = "", now: String = VolunteerClock.now()) throws -> TaskBoardCounts {
        try pool.read { db in
            var counts: [TaskState: Int] = [:]
            for column in TaskState.boardColumns {
                counts[column] = try Self.taskCount(db, column, text: text, now: now, before: nil)
            }
            return TaskBoardCounts(counts: counts)
        }
    }

    public func task(id: Int64) throws -> VolunteerTask? {
        try pool.read { db in try VolunteerTask.fetchOne(db, key: id) }
    }

    // MARK: Writing

    /// Saves a new task as a draft, or publishes it at once.
    /// - Throws: `TaskError` for a field that is wrong.
    @discardableResult
    public func createTask(_ draft: TaskDraft, publish: Bool = false, by actor: Actor) throws -> VolunteerTask {
        let d = try TaskValidation.validate(draft)
        return try pool.write { db in try Self.insertTask(db, d, publish: publish, by: actor) }
    }

    static func insertTask(_ db: Database, _ d: TaskDraft, publish: Bool, by actor: Actor?) throws -> VolunteerTask {
        let stamp = VolunteerClock.timestamp()
        var task = VolunteerTask(title: d.title, category: d.category, audience: d.audience, startsAt: d.startsAt, endsAt: d.endsAt,
                                 place: d.place, places: d.places, points: d.points, description: d.description,
                                 status: publish ? .published : .draft, createdAt: stamp, publishedAt: publish ? stamp : nil)
        try task.insert(db)
        try AuditEntry.record(db, by: actor, action: publish ? "task.publish" : "task.create", target: "task:\(task.id ?? 0)",
                              detail: (task.isBackfill ? "补录 " : "") + "\(task.title) \(task.windowText) \(task.places)人 \(task.points)分")
        return task
    }

    /// Changes a task that has not ended. Places cannot drop below the places already taken;
    /// a change of points applies to approvals from now on (approved work keeps what it earned).
    /// - Throws: `TaskError`, `ClaimError.unknownTask`.
    @discardableResult
    public func updateTask(id: Int64, _ draft: TaskDraft, by actor: Actor, now: String = VolunteerClock.now()) throws -> VolunteerTask {
        let d = try TaskValidation.validate(draft)
        return try pool.write { db in
            guard let old = try VolunteerTask.fetchOne(db, key: id) else { throw ClaimError.unknownTask }
            switch old.state(now: now) {
            case .cancelled: throw TaskError.alreadyCancelled(title: old.title)
            case .ended: throw TaskError.ended(title: old.title)
            default: break
            }
            if d.places < old.taken { throw TaskError.placesBelowTaken(places: d.places, taken: old.taken) }
            var task = old
            task.title = d.title
            task.category = d.category
            task.audience = d.audience
            task.startsAt = d.startsAt
            task.endsAt = d.endsAt
            task.place = d.place
            task.places = d.places
            task.points = d.points
            task.description = d.description
            try task.save(db)
            try AuditEntry.record(db, by: actor, action: "task.edit", target: "task:\(id)", detail: Self.diff(old, task))
            return task
        }
    }

    /// Publishes a draft so it can be claimed.
    /// - Throws: `TaskError.notDraft` when it is already published or cancelled.
    @discardableResult
    public func publishTask(id: Int64, by actor: Actor, now: String = VolunteerClock.now()) throws -> VolunteerTask {
        try pool.write { db in
            guard var task = try VolunteerTask.fetchOne(db, key: id) else { throw ClaimError.unknownTask }
            guard task.status == .draft else { throw TaskError.notDraft(title: task.title) }
            // A task whose time has passed is published as 补录: the work already happened and is recorded now.
            task.status = .published
            task.publishedAt = max(VolunteerClock.timestamp(), now + ":00")
            try task.save(db)
            try AuditEntry.record(db, by: actor, action: "task.publish", target: "task:\(id)", detail: (task.isBackfill ? "补录 " : "") + task.title)
            return task
        }
    }

    /// Cancels a task with a reason; its open claims (已认领/已回复) are cancelled with it and returned,
    /// so the office can tell those claimants. Approved work keeps its points.
    /// - Throws: `TaskError.reasonRequired`, `.alreadyCancelled`, `.ended`.
    @discardableResult
    public func cancelTask(id: Int64, reason: String, by actor: Actor, now: String = VolunteerClock.now()) throws -> TaskCancellation {
        let why = try TextRules.check(reason, .text, field: LocalizedText("理由", "The reason"))
        if why.isEmpty { throw TaskError.reasonRequired }
        return try pool.write { db in
            guard var task = try VolunteerTask.fetchOne(db, key: id) else { throw ClaimError.unknownTask }
            switch task.state(now: now) {
            case .cancelled: throw TaskError.alreadyCancelled(title: task.title)
            case .ended: throw TaskError.ended(title: task.title)
            default: break
            }
            var q = Self.claimQuery(.task(id))
            q.conditions.append("c.state IN ('已认领', '已回复')")
            let open: [ClaimRow] = try q.fetch(db, .first(100_000))
            let stamp = VolunteerClock.timestamp()
            try db.execute(sql: """
                UPDATE claim SET state = '已取消', reviewed_at = ?, reviewed_by = ?, review_reason = ?
                WHERE task_id = ? AND state IN ('已认领', '已回复')
                """, arguments: [stamp, actor.name, "任务取消：\(why)", id])
            task.status = .cancelled
            task.cancelReason = why
            try task.save(db)
            try AuditEntry.record(db, by: actor, action: "task.cancel", target: "task:\(id)",
                                  detail: "\(task.title)：\(why)；取消认领 \(open.count) 条")
            let refreshed = try VolunteerTask.fetchOne(db, key: id) ?? task
            return TaskCancellation(task: refreshed, cancelledClaims: open.map { var c = $0; c.state = .cancelled; return c })
        }
    }
}
