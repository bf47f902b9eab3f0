import CommunityModel

/// Screen 3, 任务: the "双报到" loop at the desk — the task board (a column per state), a task with its
/// claims, the review queue of 已回复 claims (mark several, approve or reject at once), and the points
/// entries behind any claimant's figure (Enter). Every list is virtual: only what is on screen is read.
struct TaskScreen: Screen {
    enum Mode: Equatable {
        case board
        case review
        case detail(Int64)
        case entries(PointsHolder)
    }

    enum Action {
        case move(ListMove)
        case column(Int)
        case open
        case switchView
        case newTask, editTask, publishTask, cancelTask
        case claimFor, reply, approve, reject, noShow, revoke
        case toggleMark, clearMarks
        case reverseEntry
        case toggleRecord
    }

    let id = ScreenID.tasks
    /// Where Esc goes back to: the last entry is what is shown.
    var modes: [Mode] = [.board]
    var mode: Mode { modes.last ?? .board }

    var columns: [VirtualList<TaskBoardRow>] = TaskState.boardColumns.map { _ in VirtualList() }
    var column = 1
    var counts: TaskBoardCounts?
    var pendingReview = 0
    /// The change mark `pendingReview` was counted at.
    var pendingAsOf: ChangeMark?
    /// What the board columns were last read at; the same stamp again means nothing to read.
    var boardAsOf: BoardStamp?
    struct BoardStamp: Equatable {
        var mark: ChangeMark?
        /// Columns depend on the minute: a task moves from 可认领 to 进行中 when it starts.
        var now: String
        var filter: String
        var soon: TaskStartWindow?
        var rows: Int
    }
    var filter = ""
    /// From the overview's "starting soon" alert: the board shows only the alert's tasks, under a label, until
    /// Esc (back to the overview, or here when the board was reached another way) or `/` with a text.
    var soonOnly: TaskStartWindow?

    var task: VolunteerTask?
    var claims = VirtualList<ClaimRow>()
    var queue = VirtualList<ClaimRow>()
    var entries = VirtualList<LedgerEntry>()
    var balance: PointsBalance?
    /// In the entries view: the claimant's claim record (未到 included) instead of the points entries.
    var showRecord = false
    var record = VirtualList<ClaimRow>()
    /// The "now" of the last reload, so the detail shows the state the lists were read at.
    var loadedAt = ""

    /// Why the board changed after a save (the filter cleared to show the saved task), until the next key.
    var notice: LocalizedText?

    var filterText: String { filter }
    var supportsFilter: Bool { mode == .board }

    /// "Now" on the operator's day (pinned in tests and demos) at the real time of day.
    static func now(_ ctx: AppContext) -> String {
        ctx.today + String(VolunteerClock.now().dropFirst(10))
    }

    // MARK: Keys

    func bindings(_ ctx: AppContext) -> [KeyBinding<Action>] {
        let noEdit: LocalizedText? = ctx.signedIn.role == .kiosk ? LocalizedText("兑换窗口账号不能处理任务。", "The redemption desk cannot work on tasks.") : nil
        var table = KeyBinding.listMoves { Action.move($0) }
        switch mode {
        case .board:
            let noTask: LocalizedText? = columns[column].current == nil ? LocalizedText("这一栏没有任务。", "This column has no tasks.") : nil
            table += [
                KeyBinding(keys: [.char("h"), .left], action: .column(-1), help: LocalizedText("左一栏", "column left")),
                KeyBinding(keys: [.char("l"), .right], action: .column(1), help: LocalizedText("右一栏", "column right")),
                KeyBinding(keys: [.enter], action: .open, help: LocalizedText("打开任务及其认领", "open the task and its claims"), footer: true,
                           disabledReason: noTask, short: LocalizedText("打开", "open")),
                KeyBinding(keys: [.tab], action: .switchView, help: LocalizedText("审核队列（已回复的认领）", "review queue (reported claims)"), footer: true,
                           short: LocalizedText("审核", "review")),
                KeyBinding(keys: [.char("n"), .ctrl("n")], action: .newTask, help: LocalizedText("发布新任务", "publish a new task"), footer: true,
                           disabledReason: noEdit, short: LocalizedText("新任务", "new")),
                KeyBinding(keys: [.char("e")], action: .editTask, help: LocalizedText("修改任务", "edit the task"), disabledReason: noEdit ?? noTask),
                KeyBinding(keys: [.char("p")], action: .publishTask, help: LocalizedText("发布草稿", "publish a draft"), disabledReason: noEdit ?? noTask),
                KeyBinding(keys: [.char("d")], action: .cancelTask, help: LocalizedText("取消任务（需填原因，认领随之取消）", "cancel the task (with a reason; its claims are cancelled)"),
                           disabledReason: noEdit ?? noTask),
                KeyBinding(keys: [.char("c")], action: .claimFor, help: LocalizedText("代为认领（党员或单位）", "claim on behalf of a member or organisation"), footer: true,
                           disabledReason: noEdit ?? noTask, short: LocalizedText("代认领", "claim")),
            ]
        case .detail:
            let noClaim: LocalizedText? = claims.current == nil ? LocalizedText("这个任务还没有认领。", "This task has no claims yet.") : nil
            table += [
                KeyBinding(keys: [.enter], action: .open, help: LocalizedText("查看认领人的积分明细", "the claimant's points entries"), footer: true,
                           disabledReason: noClaim, short: LocalizedText("积分", "points")),
                KeyBinding(keys: [.char("c"), .ctrl("n")], action: .claimFor, help: LocalizedText("代为认领（党员或单位）", "claim on behalf of a member or organisation"), footer: true,
                           disabledReason: noEdit, short: LocalizedText("代认领", "claim")),
                KeyBinding(keys: [.char("r")], action: .reply, help: LocalizedText("登记回复（完成情况，任务开始后）", "record the claimant's report (once the task has started)"), disabledReason: noEdit ?? noClaim),
                KeyBinding(keys: [.char(" ")], action: .toggleMark, help: LocalizedText("标记/取消标记（可多选）", "mark / unmark (several)"), disabledReason: noClaim),
                KeyBinding(keys: [.char("u")], action: .clearMarks, help: LocalizedText("清除全部标记", "clear all marks")),
                KeyBinding(keys: [.char("a"), .ctrl("a")], action: .approve, help: LocalizedText("审核通过（已标记的全部或当前行），积分自动发放", "approve (marked, or this one); points are credited"),
                           footer: true, disabledReason: noEdit ?? noClaim, short: LocalizedText("通过", "approve")),
                KeyBinding(keys: [.char("x")], action: .reject, help: LocalizedText("驳回（需填原因）", "reject (with a reason)"), footer: true,
                           disabledReason: noEdit ?? noClaim, short: LocalizedText("驳回", "reject")),
                KeyBinding(keys: [.char("w")], action: .noShow, help: LocalizedText("标记未到（任务开始后；不发积分，记入认领人记录）", "mark no-show (once the task has started; no points, kept on record)"),
                           disabledReason: noEdit ?? noClaim),
                KeyBinding(keys: [.char("z")], action: .revoke, help: LocalizedText("撤销审核通过（冲正积分，需填原因）", "revoke an approval (reverses the points; with a reason)"),
                           disabledReason: noEdit ?? noClaim),
                KeyBinding(keys: [.char("e")], action: .editTask, help: LocalizedText("修改任务", "edit the task"), disabledReason: noEdit),
                KeyBinding(keys: [.char("p")], action: .publishTask, help: LocalizedText("发布草稿", "publish a draft"), disabledReason: noEdit),
                KeyBinding(keys: [.char("d")], action: .cancelTask, help: LocalizedText("取消任务（需填原因，认领随之取消）", "cancel the task (with a reason; its claims are cancelled)"),
                           disabledReason: noEdit),
            ]
        case .review:
            let noClaim: LocalizedText? = queue.current == nil ? LocalizedText("审核队列是空的。", "The review queue is empty.") : nil
            table += [
                KeyBinding(keys: [.tab], action: .switchView, help: LocalizedText("回到任务看板", "back to the board"), footer: true,
                           short: LocalizedText("看板", "board")),
                KeyBinding(keys: [.char(" ")], action: .toggleMark, help: LocalizedText("标记/取消标记（可多选）", "mark / unmark (several)"), footer: true,
                           disabledReason: noClaim, short: LocalizedText("标记", "mark")),
                KeyBinding(keys: [.char("u")], action: .clearMarks, help: LocalizedText("清除全部标记", "clear all marks")),
                KeyBinding(keys: [.char("a"), .ctrl("a")], action: .approve, help: LocalizedText("审核通过（已标记的全部或当前行），积分自动发放", "approve (marked, or this one); points are credited"),
                           footer: true, disabledReason: noEdit ?? noClaim, short: LocalizedText("通过", "approve")),
                KeyBinding(keys: [.char("x")], action: .reject, help: LocalizedText("驳回（需填原因）", "reject (with a reason)"), footer: true,
                           disabledReason: noEdit ?? noClaim, short: LocalizedText("驳回", "reject")),
                KeyBinding(keys: [.char("w")], action: .noShow, help: LocalizedText("标记未到（不发积分，记入认领人记录）", "mark no-show (no points, kept on record)"),
                           disabledReason: noEdit ?? noClaim),
                KeyBinding(keys: [.enter], action: .open, help: LocalizedText("查看认领人的积分明细", "the claimant's points entries"), disabledReason: noClaim),
            ]
        case .entries:
            let noEntry: LocalizedText? = entries.current == nil ? LocalizedText("还没有积分记录。", "No entries yet.") : nil
            table += [
                KeyBinding(keys: [.tab], action: .toggleRecord,
                           help: showRecord ? LocalizedText("积分明细", "points entries") : LocalizedText("认领记录（含未到）", "claim record (no-shows included)"),
                           footer: true, short: showRecord ? LocalizedText("积分", "points") : LocalizedText("认领记录", "record")),
                KeyBinding(keys: [.char("z")], action: .reverseEntry, help: LocalizedText("冲正这一笔（记一笔相反的记录，需填原因）", "reverse this entry (a correcting entry; with a reason)"),
                           footer: true, disabledReason: noEdit ?? (showRecord ? LocalizedText("先按 Tab 回到积分明细。", "Press Tab for the entries first.") : noEntry),
                           short: LocalizedText("冲正", "reverse")),
            ]
        }
        return table
    }

    // MARK: Actions

    mutating func perform(_ action: Action, _ ctx: AppContext) -> [Effect] {
        notice = nil
        do {
            switch action {
            case .move(let move): try moveSelection(move, ctx)
            case .column(let step):
                column = min(max(0, column + step), columns.count - 1)
            case .open: return try open(ctx)
            case .switchView:
                modes = [mode == .review ? .board : .review]
                try reload(ctx)
            case .newTask: return [.present(.form(TaskForms.task(nil, ctx)))]
            case .editTask:
                guard let t = selectedTask else { return [] }
                return [.present(.form(TaskForms.task(t, ctx)))]
            case .publishTask:
                guard let t = selectedTask, let taskId = t.id else { return [] }
                let now = Self.now(ctx)
                // The card moves from 草稿 to its new column; the selection goes with it.
                return [.write(StoreAction { db, actor in
                    let done = try db.publishTask(id: taskId, by: actor, now: now)
                    return LocalizedText("已发布任务「\(done.title)」。", "Published “\(done.title)”.")
                }), .select(.task(taskId))]
            case .cancelTask:
                guard let t = selectedTask else { return [] }
                return [.present(.form(TaskForms.cancel(t, now: Self.now(ctx))))]
            case .claimFor:
                guard let t = selectedTask else { return [] }
                return [.present(.form(TaskForms.claimFor(t, now: Self.now(ctx))))]
            case .reply:
                guard let c = claims.current else { return [] }
                let now = Self.now(ctx)
                // Said before the form opens, so nobody types a report only to have it refused.
                if let refusal = notStarted(now, ClaimRules.replyAction) { return Self.tooEarly(refusal, ClaimRules.replyAction, ctx) }
                return [.present(.form(TaskForms.reply(c, now: now)))]
            case .approve: return approveConfirm()
            case .reject:
                let ids = reviewTargets
                return ids.isEmpty ? [] : [.present(.form(TaskForms.reject(ids)))]
            case .noShow:
                let ids = reviewTargets
                guard !ids.isEmpty else { return [] }
                let now = Self.now(ctx)
                if let refusal = notStarted(now, ClaimRules.noShowAction) { return Self.tooEarly(refusal, ClaimRules.noShowAction, ctx) }
                let who = Self.naming(selectedClaims().first?.claimantDisplayName, count: ids.count)
                return [.present(.confirm(ConfirmState(
                    title: LocalizedText("标记未到", "No-show"),
                    message: LocalizedText("确定将 \(who.zh) 标记为未到吗？不发积分，并记入认领人记录。",
                                           "Mark \(who.en) as no-show? No points; it stays on the claimant's record."),
                    onConfirm: [.write(StoreAction { db, actor in
                        let done = try db.markNoShow(ids, by: actor, now: now)
                        return LocalizedText("已标记 \(done.changed.count) 条未到。", "\(done.changed.count) marked no-show.")
                    })])))]
            case .revoke:
                guard let c = claims.current else { return [] }
                return [.present(.form(TaskForms.revoke(c)))]
            case .reverseEntry:
                guard let e = entries.current else { return [] }
                return [.present(.form(TaskForms.reverse(e)))]
            case .toggleMark:
                if mode == .review { try queue.toggleMark(queueSource(ctx)) } else if case .detail(let id) = mode { try claims.toggleMark(claimSource(id, ctx)) }
            case .toggleRecord:
                showRecord.toggle()
                try reload(ctx)
            case .clearMarks:
                queue.marked = []
                claims.marked = []
            }
        } catch {
            return [.error(userMessage(for: error))]
        }
        return []
    }

    /// In a task's detail, why a report-back or no-show cannot be recorded yet (the task has not started);
    /// the review queue's claims have been reported already, and the store checks each one again anyway.
    private func notStarted(_ now: String, _ action: LocalizedText) -> ClaimError? {
        guard case .detail = mode, let task else { return nil }
        return ClaimRules.notStarted(task: task, now: now, action: action)
    }

    /// The refusal in full in a box (when the task starts, what to do if its time is wrong: longer than the status
    /// line holds at 80 columns), and in short on the status line.
    static func tooEarly(_ refusal: ClaimError, _ action: LocalizedText, _ ctx: AppContext) -> [Effect] {
        let page = TextPage(title: LocalizedText("任务尚未开始", "The task has not started"),
                            lines: TextFit.wrap(refusal.message.text(), width: max(30, min(60, ctx.bodyWidth - 8))))
        return [.present(.text(page)), .error(LocalizedText("任务尚未开始，还不能\(action.zh)。", "The task has not started: \(action.en) cannot be recorded yet."))]
    }

    /// The task the keys act on: the open task in detail, else the board's selected card.
    var selectedTask: VolunteerTask? {
        if case .detail = mode { return task }
        return columns[column].current?.task
    }

    /// Marked claims, or the selected one when none are marked.
    var reviewTargets: [Int64] { mode == .review ? queue.targets : claims.targets }

    private func selectedClaims() -> [ClaimRow] {
        let list = mode == .review ? queue : claims
        let ids = Set(list.targets)
        return list.rows.filter { ids.contains($0.id) }
    }

    /// "贾成（CD00005）的认领" for one, "贾成（CD00005）等 2 条认领" for several: a confirmation names what it acts on.
    static func naming(_ first: String?, count: Int) -> LocalizedText {
        guard let first else { return LocalizedText("\(count) 条认领", "\(count) claim(s)") }
        return count == 1 ? LocalizedText("\(first) 的认领", "the claim of \(first)")
                          : LocalizedText("\(first) 等 \(count) 条认领", "\(first) and \(count - 1) more claim(s)")
    }

    /// One confirmation naming whose claims and how many points, then one write for all of them.
    private func approveConfirm() -> [Effect] {
        let ids = reviewTargets
        guard !ids.isEmpty else { return [] }
        let visible = selectedClaims()
        let points = visible.reduce(0) { $0 + $1.taskPoints }
        let pointsText = visible.count == ids.count
            ? LocalizedText("，共发放 \(points) 积分", ", crediting \(points) points") : LocalizedText("", "")
        let who = Self.naming(visible.first?.claimantDisplayName, count: ids.count)
        return [.present(.confirm(ConfirmState(
            title: LocalizedText("审核通过", "Approve"),
            message: LocalizedText("确定通过 ", "Approve ") + who + pointsText + LocalizedText("吗？", "?"),
            onConfirm: [.write(StoreAction { db, actor in
                let done = try db.approveClaims(ids, by: actor)
                let again = done.alreadyDone.isEmpty ? LocalizedText("", "")
                    : LocalizedText("（\(done.alreadyDone.count) 条此前已通过，未重复发放）", " (\(done.alreadyDone.count) were already approved; nothing credited twice)")
                return LocalizedText("已通过 \(done.changed.count) 条认领，发放 \(done.pointsCredited) 积分", "Approved \(done.changed.count), credited \(done.pointsCredited) points")
                    + again + LocalizedText("。", ".")
            })])))]
    }

    private mutating func open(_ ctx: AppContext) throws -> [Effect] {
        switch mode {
        case .board:
            guard let taskId = columns[column].current?.task.id else { return [] }
            modes.append(.detail(taskId))
            claims = VirtualList()
        case .detail, .review:
            guard let holder = (mode == .review ? queue.current : claims.current)?.holder else { return [] }
            modes.append(.entries(holder))
            entries = VirtualList()
            record = VirtualList()
            showRecord = false
        case .entries:
            return []
        }
        try reload(ctx)
        return []
    }

    /// From the audit log: the task with its claims.
    mutating func open(_ record: AuditRecord, _ ctx: AppContext) -> [Effect]? {
        guard case .task(let id) = record else { return nil }
        modes = [.board, .detail(id)]
        claims = VirtualList()
        do { try reload(ctx) } catch { return [.error(userMessage(for: error))] }
        return []
    }

    /// After a save on the board: the task's card is selected in the column it now sits in. When the search or the
    /// starting-soon narrowing hides it, they are cleared (and the board's summary line says so) rather than leave the
    /// cursor on some other task.
    mutating func select(_ record: AuditRecord, _ ctx: AppContext) throws {
        guard case .task(let id) = record, mode == .board, let task = try ctx.db.task(id: id) else { return }
        let state = task.state(now: loadedAt)
        guard let i = TaskState.boardColumns.firstIndex(of: state == .cancelled ? .ended : state) else { return }
        // The column's own order: by start before the task begins, by end once it is under way or over.
        let sort = [.inProgress, .ended, .cancelled].contains(state) ? task.endsAt : task.startsAt
        let key = ListKey(sort: sort, id: id)
        if try columns[i].focus(key, boardSource(TaskState.boardColumns[i], ctx, now: loadedAt), pageSize: cardRows(ctx)) {
            column = i
            return
        }
        guard !filter.isEmpty || soonOnly != nil else { return }
        filter = ""
        soonOnly = nil
        boardAsOf = nil
        try reload(ctx)
        guard try columns[i].focus(key, boardSource(TaskState.boardColumns[i], ctx, now: loadedAt), pageSize: cardRows(ctx)) else { return }
        column = i
        notice = LocalizedText("已清除筛选以显示刚保存的任务", "filter cleared to show the task just saved")
    }

    mutating func back(_ ctx: AppContext) -> Bool {
        if modes.count == 1, soonOnly != nil, ctx.openedFrom == nil {
            // Reached by a number key after the alert: Esc clears the alert's narrowing, as it clears "/".
            soonOnly = nil
            boardAsOf = nil
            try? reload(ctx)
            return true
        }
        guard modes.count > 1 else { return false }
        modes.removeLast()
        try? reload(ctx)
        return true
    }

    mutating func applyFilter(_ text: String, _ ctx: AppContext) -> [Effect]? {
        notice = nil
        filter = text
        boardAsOf = nil
        do {
            let now = Self.now(ctx)
            for i in columns.indices { try columns[i].reset(boardSource(TaskState.boardColumns[i], ctx, now: now), pageSize: cardRows(ctx)) }
            counts = nil
            if !text.isEmpty && columns.allSatisfy(\.isEmpty) {
                return [.error(LocalizedText("没有找到“\(text)”。可按任务名称、地点或类别查找。", "Nothing matches “\(text)”. Search by title, place or category."))]
            }
            if columns[column].isEmpty, let first = columns.firstIndex(where: { !$0.isEmpty }) { column = first }
        } catch {
            return [.error(userMessage(for: error))]
        }
        return []
    }

    private mutating func moveSelection(_ move: ListMove, _ ctx: AppContext) throws {
        switch mode {
        case .board: try columns[column].move(move, boardSource(TaskState.boardColumns[column], ctx))
        case .review: try queue.move(move, queueSource(ctx))
        case .detail(let id): try claims.move(move, claimSource(id, ctx))
        case .entries(let holder):
            if showRecord { try record.move(move, recordSource(holder, ctx)) } else { try entries.move(move, entrySource(holder, ctx)) }
        }
    }

    // MARK: Loading

    mutating func reload(_ ctx: AppContext) throws {
        let db = ctx.db
        loadedAt = Self.now(ctx)
        // Every change writes an audit line, so an unchanged mark means the counts and columns read last time
        // still stand: returning from a task or the queue reads nothing but the mark (SPEC §9, 16 ms a key).
        let mark = try db.changeMark()
        if mode != .board && (pendingAsOf != mark || mark == nil) {
            pendingReview = try db.claimCount(.reviewQueue)
            pendingAsOf = mark
        }
        switch mode {
        case .board:
            try reloadBoard(ctx, mark: mark)
        case .review:
            try queue.reload(queueSource(ctx, total: pendingReview), pageSize: listRows(ctx, header: 2))
            // Claims reviewed just now (here or at another terminal) leave the queue, and their marks with them.
            queue.marked = queue.marked.filter { (try? db.claim(id: $0))?.state == .replied }
        case .detail(let id):
            task = try db.task(id: id)
            try claims.reload(claimSource(id, ctx), pageSize: listRows(ctx, header: Self.detailHeaderRows + 1))
            claims.marked = claims.marked.filter { (try? db.claim(id: $0))?.state.isOpen == true }
        case .entries(let holder):
            balance = try db.balance(of: holder)
            if showRecord {
                try record.reload(recordSource(holder, ctx), pageSize: listRows(ctx, header: 3))
            } else {
                try entries.reload(entrySource(holder, ctx), pageSize: listRows(ctx, header: 3))
            }
        }
    }

    /// Unchanged since the last read (same mark, minute, filter and size): nothing to read. Otherwise the five
    /// columns and the review count in one read transaction, so the headers agree with each other.
    private mutating func reloadBoard(_ ctx: AppContext, mark: ChangeMark?) throws {
        let stamp = BoardStamp(mark: mark, now: loadedAt, filter: filter, soon: soonOnly, rows: cardRows(ctx))
        // A file without a mark (in memory) is always read afresh.
        if stamp == boardAsOf && mark != nil { return }
        // Each column's list counts its own total; no separate count queries for the headers.
        counts = nil
        let now = loadedAt, text = filter, soon = soonOnly, rows = cardRows(ctx), countPending = pendingAsOf != mark || mark == nil
        try ctx.db.readBoard { board in
            if countPending { pendingReview = try board.reviewQueueCount() }
            for i in columns.indices {
                let state = TaskState.boardColumns[i]
                try columns[i].reload(.init(fetch: { try board.tasks(in: state, text: text, now: now, soon: soon, $0) },
                                            count: { try board.taskCount(in: state, text: text, now: now, soon: soon, before: $0) }),
                                      pageSize: rows)
            }
        }
        // The alert's tasks may all be under way already: show a column that has some.
        if soon != nil, columns[column].isEmpty, let first = columns.firstIndex(where: { !$0.isEmpty }) { column = first }
        pendingAsOf = mark
        boardAsOf = stamp
    }

    static let detailHeaderRows = 5

    /// Cards on the board take two lines each, under the column headers and above the summary line.
    func cardRows(_ ctx: AppContext) -> Int { max(1, (ctx.bodyHeight - 3) / 2) }

    /// Table rows: the body minus the header lines, the table header and the position line.
    func listRows(_ ctx: AppContext, header: Int) -> Int { max(1, ctx.bodyHeight - header - 2) }

    /// `now` is read once per reload and shared by the five columns (reading the clock is not free).
    func boardSource(_ state: TaskState, _ ctx: AppContext, now: String? = nil) -> VirtualList<TaskBoardRow>.Source {
        let db = ctx.db, text = filter, soon = soonOnly, now = now ?? Self.now(ctx)
        return .init(fetch: { try db.tasks(in: state, text: text, now: now, soon: soon, $0) },
                     count: { try db.taskCount(in: state, text: text, now: now, soon: soon, before: $0) })
    }

    /// `total`, when given, is the queue's length just read for the tab label, so a reload does not count it twice.
    func queueSource(_ ctx: AppContext, total: Int? = nil) -> VirtualList<ClaimRow>.Source {
        let db = ctx.db
        return .init(fetch: { try db.claims(.reviewQueue, $0) },
                     count: { key in
                         if key == nil, let total { return total }
                         return try db.claimCount(.reviewQueue, before: key)
                     })
    }

    func claimSource(_ taskId: Int64, _ ctx: AppContext) -> VirtualList<ClaimRow>.Source {
        let db = ctx.db
        return .init(fetch: { try db.claims(.task(taskId), $0) }, count: { try db.claimCount(.task(taskId), before: $0) })
    }

    func entrySource(_ holder: PointsHolder, _ ctx: AppContext) -> VirtualList<LedgerEntry>.Source {
        let db = ctx.db
        return .init(fetch: { try db.ledgerEntries(of: holder, $0) }, count: { try db.ledgerEntryCount(of: holder, before: $0) })
    }

    func recordSource(_ holder: PointsHolder, _ ctx: AppContext) -> VirtualList<ClaimRow>.Source {
        let db = ctx.db
        return .init(fetch: { try db.claims(.holder(holder), $0) }, count: { try db.claimCount(.holder(holder), before: $0) })
    }
}
