import CommunityModel

/// Screen 2, 议事: the "168" issues (SPEC §4.2, §5). A virtual list of issues with filters, and an issue's
/// detail — timeline, parties, meetings and votes, resolution, implementation, survey, history. The same
/// single keys act on the selected issue in the list and on the open issue in the detail.
struct ConsultationScreen: Screen {
    enum Mode: Equatable { case list, detail }

    enum Action {
        case move(ListMove)
        case open
        case new
        case advance
        case sendBack
        case addParty
        case addOption
        case meeting
        case resolution
        case implementation
        case survey
        case close
        case reopen
        case stepFilter
        case categoryFilter
        case outcomeFilter
        case overdueFilter
        case clearFilters
        case scroll(Int)
    }

    let id = ScreenID.consultation
    var mode = Mode.list
    var list = VirtualList<IssueRow>()
    var filter = IssueFilter()
    var figures: ConsultationFigures?
    /// The open issue in the detail view (reloaded after every write).
    var dossier: IssueDossier?
    var detailScroll = 0
    /// The gate that refused the last advance, shown in full under the list (the status line is short).
    var refusal: LocalizedText?
    /// Set when the new-issue form opens: the next reload starts at the top, where the new issue appears.
    var showNewest = false

    var filterText: String { filter.text }
    var supportsFilter: Bool { mode == .list }

    // MARK: Keys

    func bindings(_ ctx: AppContext) -> [KeyBinding<Action>] {
        let canEdit = ctx.signedIn.role != .kiosk
        let noEdit: LocalizedText? = canEdit ? nil : LocalizedText("兑换窗口账号不能办理议事。", "The redemption desk cannot handle issues.")
        let target = targetIssue
        let noRow: LocalizedText? = target == nil ? LocalizedText("没有选中的议题。", "No issue selected.") : nil
        let closed: LocalizedText? = target.map(\.isClosed) == true
            ? LocalizedText("该议题已办结，只能查看；按 o 说明理由重新打开。", "This issue is closed and read-only; press o to reopen it with a reason.") : nil
        let blocked = noEdit ?? noRow ?? closed
        // The footer names the key the current step needs, not always the same four.
        let step = target.flatMap { $0.isClosed ? nil : $0.step }
        func fits(_ s: Int) -> Bool { step == s }
        var table: [KeyBinding<Action>] = []
        if mode == .list {
            table += KeyBinding.listMoves { Action.move($0) }
            table.append(KeyBinding(keys: [.enter], action: .open, help: LocalizedText("查看议题详情", "open the issue"), disabledReason: noRow))
        } else {
            table += [
                KeyBinding(keys: [.char("j"), .down], action: .scroll(1), help: LocalizedText("向下滚动", "scroll down")),
                KeyBinding(keys: [.char("k"), .up], action: .scroll(-1), help: LocalizedText("向上滚动", "scroll up")),
                KeyBinding(keys: [.pageDown, .char(" ")], action: .scroll(10), help: LocalizedText("下一页", "page down")),
                KeyBinding(keys: [.pageUp], action: .scroll(-10), help: LocalizedText("上一页", "page up")),
            ]
        }
        table += [
            KeyBinding(keys: [.char("n"), .ctrl("n")], action: .new, help: LocalizedText("登记新议题（收集议题）", "record a new issue"),
                       footer: mode == .list, disabledReason: noEdit, short: LocalizedText("新议题", "new")),
            KeyBinding(keys: [.char("a"), .ctrl("a")], action: .advance, help: LocalizedText("推进到下一步（不满足条件时说明原因）", "advance one step (says which condition is unmet)"),
                       footer: true, disabledReason: blocked, short: LocalizedText("推进", "advance")),
            KeyBinding(keys: [.char("b")], action: .sendBack, help: LocalizedText("退回到前面的步骤（须说明理由）", "send back to an earlier step (with a reason)"),
                       footer: mode == .detail && (step ?? 1) > 1, disabledReason: blocked, short: LocalizedText("退回", "back")),
            KeyBinding(keys: [.char("p")], action: .addParty, help: LocalizedText("添加议事主体", "add a consulting party"),
                       footer: fits(3), disabledReason: blocked, short: LocalizedText("主体", "party")),
            KeyBinding(keys: [.char("f")], action: .addOption, help: LocalizedText("写入方案（调研论证）", "write an option or plan (research)"),
                       footer: fits(4), disabledReason: blocked, short: LocalizedText("方案", "option")),
            KeyBinding(keys: [.char("m")], action: .meeting, help: LocalizedText("记录议事会议和表决", "record a meeting and its vote"),
                       footer: fits(5), disabledReason: blocked, short: LocalizedText("会议", "meeting")),
            KeyBinding(keys: [.char("r")], action: .resolution, help: LocalizedText("记录决议和公示日期", "record the resolution and publication date"),
                       footer: fits(6), disabledReason: blocked, short: LocalizedText("决议", "resolution")),
            KeyBinding(keys: [.char("i")], action: .implementation, help: LocalizedText("记录组织实施（负责人、期限、完成）", "record the implementation (owner, due, done)"),
                       footer: fits(7), disabledReason: blocked, short: LocalizedText("实施", "implement")),
            KeyBinding(keys: [.char("s")], action: .survey, help: LocalizedText("记录居民满意度", "record residents' satisfaction"),
                       footer: fits(8), disabledReason: blocked, short: LocalizedText("满意度", "survey")),
            KeyBinding(keys: [.char("c")], action: .close, help: LocalizedText("办结（选择结果，须说明理由）；在审核立项时即不予立项", "close with an outcome (and a reason); at step ② this refuses the issue"),
                       footer: fits(2), disabledReason: blocked, short: LocalizedText("不予立项", "refuse")),
            KeyBinding(keys: [.char("o")], action: .reopen, help: LocalizedText("重新打开已办结的议题（须说明理由）", "reopen a closed issue (with a reason)"),
                       disabledReason: noEdit ?? noRow ?? (target?.isClosed == false ? LocalizedText("该议题还在办理中。", "This issue is still open.") : nil)),
        ]
        if mode == .list {
            table += [
                KeyBinding(keys: [.char("t")], action: .stepFilter, help: LocalizedText("按步骤筛选（①…⑧ 轮换）", "filter by step (cycles ①…⑧)"),
                           footer: true, short: LocalizedText("步骤", "step")),
                KeyBinding(keys: [.char("l")], action: .categoryFilter, help: LocalizedText("按类别筛选（轮换）", "filter by category (cycles)")),
                KeyBinding(keys: [.char("e")], action: .outcomeFilter, help: LocalizedText("按状态/结果筛选（办理中、已办结、各结果轮换）", "filter by state / outcome (cycles)")),
                KeyBinding(keys: [.char("v")], action: .overdueFilter, help: LocalizedText("只看逾期 / 全部", "overdue only / all"),
                           footer: true, short: LocalizedText("逾期", "overdue")),
                KeyBinding(keys: [.char("x")], action: .clearFilters, help: LocalizedText("清除全部筛选", "clear all filters")),
            ]
        }
        return table
    }

    /// The issue the action keys act on: the open one in the detail, else the selected row.
    var targetIssue: (id: Int64, number: String, step: Int, isClosed: Bool)? {
        if mode == .detail, let d = dossier, let id = d.issue.id { return (id, d.issue.number, d.issue.step, d.issue.isClosed) }
        return list.current.map { ($0.id, $0.number, $0.step, $0.outcome != nil) }
    }

    mutating func perform(_ action: Action, _ ctx: AppContext) -> [Effect] {
        let reference = ctx.reference.consultation
        do {
            if case .move = action {} else { refusal = nil }
            switch action {
            case .move(let move):
                try list.move(move, source(ctx))
            case .open:
                guard let row = list.current else { return [] }
                dossier = try ctx.db.issueDossier(id: row.id)
                detailScroll = 0
                mode = .detail
            case .scroll(let delta):
                detailScroll = max(0, detailScroll + delta)
            case .new:
                showNewest = true
                return [.present(.form(ConsultationForms.newIssue(ctx)))]
            case .advance:
                guard let t = targetIssue, let d = try ctx.db.issueDossier(id: t.id) else { return [] }
                // Checked here first so the whole gate can be shown; the store checks again in its transaction.
                if let gate = ConsultationWorkflow.unmetGate(d, reference: reference) {
                    refusal = gate.message
                    return [.error(gate.message)]
                }
                let expected = d.issue.step
                let write = Effect.write(StoreAction { db, actor in
                    let moved = try db.advanceIssue(id: t.id, expectedStep: expected, on: ctx.today, by: actor, reference: reference)
                    return Self.describe(moved, number: t.number, reference: reference)
                })
                // Accepting an issue is the Party organisation's decision: it is confirmed and recorded in the
                // signed-in person's name, and the way to refuse it instead is named.
                if expected == 2 {
                    let who = ctx.signedIn.name
                    return [.present(.confirm(ConfirmState(
                        title: LocalizedText("审核立项", "Accept the issue"),
                        message: LocalizedText("确定由 \(who) 代表社区党组织受理立项「\(d.issue.title)」（\(t.number)）吗？不予立项请按 n 取消后按 c。",
                                               "Accept “\(d.issue.title)” (\(t.number)) for the community Party organisation, recorded as \(who)? To refuse it instead, press n, then c."),
                        onConfirm: [write])))]
                }
                return [write]
            case .sendBack:
                guard let d = try targetDossier(ctx) else { return [] }
                return [.present(.form(ConsultationForms.sendBack(d, ctx)))]
            case .addParty:
                guard let d = try targetDossier(ctx) else { return [] }
                return [.present(.form(ConsultationForms.party(d, ctx)))]
            case .addOption:
                guard let d = try targetDossier(ctx) else { return [] }
                return [.present(.form(ConsultationForms.option(d, ctx)))]
            case .meeting:
                guard let d = try targetDossier(ctx) else { return [] }
                try ConsultationWorkflow.requireStep(d.issue, 5, action: LocalizedText("记录议事会议", "Recording a meeting"), reference: reference)
                return [.present(.form(ConsultationForms.meeting(d, ctx)))]
            case .resolution:
                guard let d = try targetDossier(ctx) else { return [] }
                try ConsultationWorkflow.requireStep(d.issue, 6, action: LocalizedText("记录决议", "Recording the resolution"), reference: reference)
                return [.present(.form(ConsultationForms.resolution(d, ctx)))]
            case .implementation:
                guard let d = try targetDossier(ctx) else { return [] }
                try ConsultationWorkflow.requireStep(d.issue, 7, action: LocalizedText("记录组织实施", "Recording the implementation"), reference: reference)
                return [.present(.form(ConsultationForms.implementation(d, ctx)))]
            case .survey:
                guard let d = try targetDossier(ctx) else { return [] }
                try ConsultationWorkflow.requireStep(d.issue, 8, action: LocalizedText("记录满意度", "Recording satisfaction"), reference: reference)
                return [.present(.form(ConsultationForms.survey(d, ctx)))]
            case .close:
                guard let d = try targetDossier(ctx) else { return [] }
                return [.present(.form(ConsultationForms.close(d, ctx)))]
            case .reopen:
                guard let d = try targetDossier(ctx) else { return [] }
                return [.present(.form(ConsultationForms.reopen(d, ctx)))]
            case .stepFilter:
                filter.step = filter.step.map { $0 < 8 ? $0 + 1 : nil } ?? 1
                if filter.step != nil { filter.outcome = nil; filter.status = .all }
                try resetList(ctx)
            case .categoryFilter:
                let keys = reference.categories.map(\.key)
                let i = filter.category.flatMap { keys.firstIndex(of: $0) }
                filter.category = i.map { $0 + 1 < keys.count ? keys[$0 + 1] : nil } ?? keys.first
                try resetList(ctx)
            case .outcomeFilter:
                // 全部 → 办理中 → 已办结 → 已解决 → 未解决 → 不予立项 → 已撤回 → 转报街道 → 全部
                if filter.outcome == nil && filter.status == .all {
                    filter.status = .open
                } else if filter.outcome == nil && filter.status == .open {
                    filter.status = .closed
                } else if filter.outcome == nil {
                    filter.status = .all
                    filter.outcome = IssueOutcome.allCases.first
                } else if let o = filter.outcome, let i = IssueOutcome.allCases.firstIndex(of: o) {
                    filter.outcome = i + 1 < IssueOutcome.allCases.count ? IssueOutcome.allCases[i + 1] : nil
                }
                if filter.outcome != nil || filter.status == .closed { filter.step = nil; filter.overdueOnly = false }
                try resetList(ctx)
            case .overdueFilter:
                filter.overdueOnly.toggle()
                if filter.overdueOnly { filter.outcome = nil; if filter.status == .closed { filter.status = .all } }
                try resetList(ctx)
            case .clearFilters:
                filter = IssueFilter()
                try resetList(ctx)
            }
        } catch {
            return [.error(userMessage(for: error))]
        }
        return []
    }

    private func targetDossier(_ ctx: AppContext) throws -> IssueDossier? {
        guard let t = targetIssue else { return nil }
        return try ctx.db.issueDossier(id: t.id)
    }

    /// "2026-0007 已推进到「④调研论证」" — what the move did, in words.
    static func describe(_ t: IssueTransition, number: String, reference: ConsultationReference) -> LocalizedText {
        let to = reference.stepLabel(t.toStep)
        switch t.kind {
        case .voteFailed:
            return LocalizedText("\(number) 表决未通过，已退回「\(to.zh)」重新论证。", "\(number): the vote failed; back to \"\(to.en)\" for more research.")
        case .close:
            let o = t.outcome?.label ?? LocalizedText("", "")
            return LocalizedText("\(number) 已办结：\(o.zh)。", "\(number) closed: \(o.en).")
        case .sendBack:
            return LocalizedText("\(number) 已退回「\(to.zh)」。", "\(number) sent back to \"\(to.en)\".")
        case .reopen:
            return LocalizedText("\(number) 已重新打开，在「\(to.zh)」。", "\(number) reopened at \"\(to.en)\".")
        default:
            return LocalizedText("\(number) 已推进到「\(to.zh)」。", "\(number) advanced to \"\(to.en)\".")
        }
    }

    // MARK: Loading

    mutating func reload(_ ctx: AppContext) throws {
        let reference = ctx.reference.consultation
        // The headline figures are aggregates over every issue; the store reuses them (per file, day and
        // reference) until something is written, so returning to the screen costs only that check.
        figures = try ctx.db.sharedConsultationFigures(today: ctx.today, reference: reference)
        if showNewest {
            showNewest = false
            try list.move(.top, source(ctx))
        }
        try list.reload(source(ctx), pageSize: listRows(ctx))
        if mode == .detail, let id = dossier?.issue.id {
            dossier = try ctx.db.issueDossier(id: id)
            if dossier == nil { mode = .list }
        }
    }

    private mutating func resetList(_ ctx: AppContext) throws {
        try list.reset(source(ctx), pageSize: listRows(ctx))
    }

    mutating func applyFilter(_ text: String, _ ctx: AppContext) -> [Effect]? {
        filter.text = text
        do {
            try resetList(ctx)
            if !text.isEmpty && list.total == 0 {
                return [.error(LocalizedText("没有找到“\(text)”。可按编号、标题、反映人或楼栋查找。",
                                             "Nothing matches “\(text)”. Search by number, title, reporter or building."))]
            }
        } catch {
            return [.error(userMessage(for: error))]
        }
        return []
    }

    /// From the audit log: the issue's dossier.
    mutating func open(_ record: AuditRecord, _ ctx: AppContext) -> [Effect]? {
        guard case .issue(let id) = record else { return nil }
        do {
            guard let found = try ctx.db.issueDossier(id: id) else { return [.error(LocalizedText("找不到这个议题。", "That issue is not there."))] }
            dossier = found
            detailScroll = 0
            mode = .detail
        } catch {
            return [.error(userMessage(for: error))]
        }
        return []
    }

    mutating func back(_ ctx: AppContext) -> Bool {
        if mode == .detail {
            // Nothing changed by looking: refresh the rows (another terminal may have written), not the figures.
            mode = .list
            dossier = nil
            try? list.reload(source(ctx), pageSize: listRows(ctx))
            return true
        }
        if refusal != nil { refusal = nil; return true }
        return false
    }

    /// Rows the list can show: the body minus the summary line, the table header and the position line.
    func listRows(_ ctx: AppContext) -> Int { max(1, ctx.bodyHeight - 3) }

    func source(_ ctx: AppContext) -> VirtualList<IssueRow>.Source {
        let db = ctx.db, filter = self.filter, today = ctx.today, reference = ctx.reference.consultation
        return .init(fetch: { try db.issues(filter, $0, today: today, reference: reference) },
                     count: { try db.issueCount(filter, before: $0, today: today, reference: reference) })
    }
}
