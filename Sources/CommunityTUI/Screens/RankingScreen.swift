import CommunityModel
import Foundation

/// Screen 5, 排名: the monthly member ranking and the quarterly organisation ranking, the letter each row
/// will get, generating the period's letters, the outbox, and the entries behind any figure (Enter opens the
/// same ledger view as screen 3). A period's ranking is read once and kept until something is written.
struct RankingScreen: Screen {
    enum Mode {
        case ranking
        case outbox
        /// The ledger view of screen 3 for one holder, under a line explaining the period's figure.
        case entries(RankingRow)
    }

    enum Action {
        case move(ListMove)
        case tab
        case period(Int)
        case open
        case generate
        case outbox
        case exclude
        case exportCSV
        case stateFilter
        case toggleMark, clearMarks
        case markSent, withdraw
        case exportLetters
        case ledger(TaskScreen.Action)
    }

    let id = ScreenID.rankings
    var mode: Mode = .ranking
    var audience: RankingAudience = .members
    /// The period shown per audience; starts on the latest closed one.
    var periods: [RankingAudience: RankingPeriod] = [:]
    var ranking: Ranking?
    /// Rankings already read, by period, valid while the change mark and settings stay the same: moving back
    /// and forth between periods reads nothing again (at stress scale one read is a few thousand rows).
    var cache: [RankingPeriod: Ranking] = [:]
    var cacheAsOf: (mark: ChangeMark?, settings: RankingSettings)?
    var selected = 0
    var top = 0
    var outbox = VirtualList<Letter>()
    var stateFilter: LetterState?
    var ledger: TaskScreen?
    var earned: [EarnedEntry] = []

    var period: RankingPeriod? { periods[audience] }

    static let earnedRule = LocalizedText(
        "计入排名的积分 = 服务日期在本期、已审核通过的服务入账，减去这些入账的冲正；兑换和手工调整不计入（是“本期挣得”，不是余额）。",
        "Ranked points = credits for approved service dated in the period, less reversals of those credits; redemptions and manual adjustments do not count (earned, not balance).")

    /// The rule as the `?` page shows it, in lines that fit 80 columns.
    static let ruleLines = [
        LocalizedText("计分规则：排名看本期挣得的积分，不是余额", "Rule: points earned in the period, not the balance"),
        LocalizedText("  = 服务日期在本期、审核通过的服务入账", "  = credits for approved service dated in it"),
        LocalizedText("  − 这些入账的冲正；兑换和手工调整不计入", "  − reversals of those; redemptions, adjustments excluded"),
    ]

    // MARK: Keys

    func bindings(_ ctx: AppContext) -> [KeyBinding<Action>] {
        let noEdit: LocalizedText? = ctx.signedIn.role == .kiosk ? LocalizedText("兑换窗口账号不能处理信函。", "The redemption desk cannot handle letters.") : nil
        // g is "generate" here (as the issue asks); Home goes to the top.
        var table = KeyBinding.listMoves { Action.move($0) }.map { b -> KeyBinding<Action> in
            var b = b
            b.keys.removeAll { $0 == .char("g") }
            return b
        }
        switch mode {
        case .ranking:
            let noRow: LocalizedText? = currentRow == nil ? LocalizedText("本期没有可排名的对象。", "Nobody to rank in this period.") : nil
            table += [
                KeyBinding(keys: [.char("["), .left], action: .period(-1), help: LocalizedText("上一期", "previous period"), footer: true,
                           short: LocalizedText("] 换期", "] period")),
                KeyBinding(keys: [.char("]"), .right], action: .period(1), help: LocalizedText("下一期", "next period")),
                KeyBinding(keys: [.tab], action: .tab, help: LocalizedText("在职党员（按月）⇄ 报到单位（按季度）", "members (monthly) ⇄ organisations (quarterly)"),
                           footer: true, short: LocalizedText("党员/单位", "members/orgs")),
                KeyBinding(keys: [.enter], action: .open, help: LocalizedText("查看这个数字背后的积分记录", "the entries behind this figure"), footer: true,
                           disabledReason: noRow, short: LocalizedText("明细", "entries")),
                KeyBinding(keys: [.char("g"), .ctrl("g")], action: .generate, help: LocalizedText("生成本期感谢信和提醒函（先确认封数）", "generate this period's letters (asks first, with counts)"),
                           footer: true, disabledReason: noEdit, short: LocalizedText("生成信函", "generate")),
                KeyBinding(keys: [.char("o")], action: .outbox, help: LocalizedText("发件箱：本期已生成的信函", "outbox: this period's letters"), footer: true,
                           short: LocalizedText("发件箱", "outbox")),
                KeyBinding(keys: [.char("x")], action: .exclude, help: LocalizedText("免发提醒函（需填原因）/ 取消免发", "exclude from reminder letters (with a reason) / include again"),
                           disabledReason: noEdit ?? noRow),
                KeyBinding(keys: [.char("e")], action: .exportCSV, help: LocalizedText("导出本期排名为 CSV（Excel/WPS 可打开）", "export this ranking as CSV (opens in Excel/WPS)"),
                           disabledReason: noRow),
            // No keys: the help page's statement of what the figures count.
            ] + Self.ruleLines.map { KeyBinding(keys: [], action: .move(.top), help: $0) }
        case .outbox:
            let noLetter: LocalizedText? = outbox.current == nil ? LocalizedText("这里没有信函。", "No letters here.") : nil
            table += [
                KeyBinding(keys: [.enter], action: .open, help: LocalizedText("查看信函全文", "read the letter"), footer: true, disabledReason: noLetter,
                           short: LocalizedText("查看", "read")),
                KeyBinding(keys: [.char("f")], action: .stateFilter, help: LocalizedText("按状态筛选：全部 → 待发送 → 已发送 → 已撤回", "filter by state: all → to send → sent → withdrawn"),
                           footer: true, short: LocalizedText("筛选", "filter")),
                KeyBinding(keys: [.char(" ")], action: .toggleMark, help: LocalizedText("标记/取消标记（可多选）", "mark / unmark (several)"), footer: true,
                           disabledReason: noLetter, short: LocalizedText("标记", "mark")),
                KeyBinding(keys: [.char("u")], action: .clearMarks, help: LocalizedText("清除全部标记", "clear all marks")),
                KeyBinding(keys: [.char("s")], action: .markSent, help: LocalizedText("标记已发送（已标记的全部或当前行；选方式和日期）", "mark sent (marked, or this one; channel and date)"),
                           footer: true, disabledReason: noEdit ?? noLetter, short: LocalizedText("已发送", "sent")),
                KeyBinding(keys: [.char("w")], action: .withdraw, help: LocalizedText("撤回信函（需填原因，记录保留）", "withdraw the letter (with a reason; it is kept)"),
                           disabledReason: noEdit ?? noLetter),
                KeyBinding(keys: [.char("p")], action: .exportLetters, help: LocalizedText("导出本期信函供打印（docx 每封一页，或每封一个 txt）", "write this period's letters to files for printing (docx, a page each; or a txt each)"),
                           disabledReason: noLetter),
                KeyBinding(keys: [.char("o")], action: .outbox, help: LocalizedText("回到排名", "back to the ranking")),
            ]
        case .entries:
            let inner = ledger?.bindings(ctx) ?? []
            table = inner.map { binding in binding.mapAction { Action.ledger($0) } }
        }
        return table
    }

    var currentRow: RankingRow? {
        guard let rows = ranking?.rows, rows.indices.contains(selected) else { return nil }
        return rows[selected]
    }

    // MARK: Actions

    mutating func perform(_ action: Action, _ ctx: AppContext) -> [Effect] {
        do {
            switch action {
            case .move(let move):
                if case .outbox = mode { try outbox.move(move, outboxSource(ctx)) } else { moveSelection(move, ctx) }
            case .tab:
                audience = audience == .members ? .organisations : .members
                selected = 0
                top = 0
                try reload(ctx)
            case .period(let step):
                guard let p = period else { return [] }
                let next = step < 0 ? p.previous : p.next
                if let now = RankingPeriod.containing(ctx.today, for: audience), next > now {
                    return [.error(LocalizedText("\(next.label.zh)还没有开始。", "\(next.label.en) has not started yet."))]
                }
                periods[audience] = next
                selected = 0
                top = 0
                try reload(ctx)
            case .open: return try open(ctx)
            case .generate: return generateConfirm(ctx)
            case .outbox:
                if case .outbox = mode { mode = .ranking } else {
                    mode = .outbox
                    outbox = VirtualList()
                }
                try reload(ctx)
            case .exclude:
                guard let row = currentRow else { return [] }
                return [.present(RankingForms.exclusion(row))]
            case .exportCSV:
                guard let ranking else { return [] }
                return [.present(.form(RankingForms.exportCSV(ranking, ctx)))]
            case .stateFilter:
                let order: [LetterState?] = [nil, .pending, .sent, .withdrawn]
                let i = order.firstIndex(where: { $0 == stateFilter }) ?? 0
                stateFilter = order[(i + 1) % order.count]
                try outbox.reset(outboxSource(ctx), pageSize: listRows(ctx))
            case .toggleMark: try outbox.toggleMark(outboxSource(ctx))
            case .clearMarks: outbox.marked = []
            case .markSent:
                let ids = outbox.targets
                return ids.isEmpty ? [] : [.present(.form(RankingForms.markSent(ids, ctx)))]
            case .withdraw:
                guard let letter = outbox.current else { return [] }
                return [.present(.form(RankingForms.withdraw(letter)))]
            case .exportLetters:
                guard let period else { return [] }
                return [.present(.form(RankingForms.exportLetters(period, ctx)))]
            case .ledger(let inner):
                guard var view = ledger else { return [] }
                let effects = view.perform(inner, ctx)
                ledger = view
                return effects
            }
        } catch {
            return [.error(userMessage(for: error))]
        }
        return []
    }

    private mutating func open(_ ctx: AppContext) throws -> [Effect] {
        switch mode {
        case .ranking:
            guard let row = currentRow, let period else { return [] }
            var view = TaskScreen()
            view.modes = [.entries(row.holder)]
            try view.reload(ctx.shrunk(by: 1))
            ledger = view
            earned = try ctx.db.earnedEntries(of: row.holder, in: period)
            mode = .entries(row)
        case .outbox:
            guard let letter = outbox.current else { return [] }
            return [.present(.text(RankingForms.letterPage(letter, current: ranking?.row(for: letter.holder))))]
        case .entries:
            return []
        }
        return []
    }

    /// One confirmation with the counts (ties at the boundary included) before anything is written.
    private func generateConfirm(_ ctx: AppContext) -> [Effect] {
        guard let period, let ranking else { return [] }
        guard period.isClosed(today: ctx.today) else {
            return [.error(RankingsError.periodNotClosed(period.label.text()).message)]
        }
        let thanks = ranking.rows.filter { $0.letter == .thanks && $0.issued == nil }.count
        let reminders = ranking.rows.filter { $0.letter == .reminder && $0.issued == nil }.count
        if thanks + reminders == 0 {
            return [.ok(LocalizedText("\(period.label.zh)的信函已全部生成（发件箱 \(ranking.issuedCount) 封），没有要新增的。按 o 查看。",
                                      "\(period.label.en): every letter is already in the outbox (\(ranking.issuedCount)); nothing to add. Press o to see them."))]
        }
        let settings = RankingSettings.current().letters(for: period.audience)
        let templates = ctx.reference.letters, today = ctx.today
        return [.present(.confirm(ConfirmState(
            title: LocalizedText("生成信函 · \(period.label.zh)", "Generate letters · \(period.label.en)"),
            message: LocalizedText("将生成感谢信 \(thanks) 封、提醒函 \(reminders) 封（前 \(settings.thanks) 名、后 \(settings.reminders) 名，并列者全部计入）。生成后信函内容不再改动。确定吗？",
                                   "This makes \(thanks) letter(s) of thanks and \(reminders) reminder(s) (top \(settings.thanks), bottom \(settings.reminders), ties included). Issued letters are never rewritten. Go ahead?"),
            onConfirm: [.write(StoreAction { db, actor in
                let done = try db.generateLetters(period, templates: templates, today: today, by: actor)
                let again = done.thanksExisting + done.remindersExisting
                return LocalizedText("已生成\(period.shortLabel.zh)信函：感谢信 \(done.thanksMade) 封 · 提醒函 \(done.remindersMade) 封", "Generated \(period.shortLabel.en): \(done.thanksMade) thanks · \(done.remindersMade) reminders")
                    + (again > 0 ? LocalizedText("（另有 \(again) 封已在）", " (\(again) already there)") : LocalizedText("", ""))
                    + LocalizedText("，按 o 查看", "; o: outbox")
            })])))]
    }

    mutating func back(_ ctx: AppContext) -> Bool {
        switch mode {
        case .ranking: return false
        case .outbox:
            mode = .ranking
        case .entries:
            if var view = ledger {
                let handled = view.back(ctx)
                ledger = view
                if handled { return true }
            }
            ledger = nil
            mode = .ranking
        }
        try? reload(ctx)
        return true
    }

    private mutating func moveSelection(_ move: ListMove, _ ctx: AppContext) {
        let count = ranking?.rows.count ?? 0
        guard count > 0 else { return }
        let page = listRows(ctx)
        switch move {
        case .up: selected -= 1
        case .down: selected += 1
        case .pageUp: selected -= page
        case .pageDown: selected += page
        case .top: selected = 0
        case .bottom: selected = count - 1
        }
        selected = min(max(0, selected), count - 1)
        if selected < top { top = selected }
        if selected >= top + page { top = selected - page + 1 }
    }

    // MARK: Loading

    mutating func reload(_ ctx: AppContext) throws {
        for a in RankingAudience.allCases where periods[a] == nil {
            periods[a] = RankingPeriod.lastClosed(for: a, today: ctx.today)
        }
        guard let period else { return }
        let mark = try ctx.db.changeMark()
        let settings = RankingSettings.current()
        if cacheAsOf?.mark != mark || cacheAsOf?.settings != settings {
            cache = [:]
            cacheAsOf = (mark, settings)
        }
        if let kept = cache[period] {
            ranking = kept
        } else {
            let fresh = try ctx.db.ranking(period, settings: settings)
            if cache.count >= 8 { cache = [:] }
            cache[period] = fresh
            ranking = fresh
        }
        // `[` and `]` then find the neighbouring periods ranked.
        ctx.db.warmRankings([period.previous, period.next], settings: settings)
        let count = ranking?.rows.count ?? 0
        selected = min(selected, max(0, count - 1))
        switch mode {
        case .ranking: break
        case .outbox:
            try outbox.reload(outboxSource(ctx), pageSize: listRows(ctx))
            outbox.marked = outbox.marked.filter { (try? ctx.db.letter(id: $0))?.state == .pending }
        case .entries(let row):
            if var view = ledger {
                try view.reload(ctx.shrunk(by: 1))
                ledger = view
            }
            earned = try ctx.db.earnedEntries(of: row.holder, in: period)
            if let fresh = ranking?.row(for: row.holder) { mode = .entries(fresh) }
        }
    }

    func outboxSource(_ ctx: AppContext) -> VirtualList<Letter>.Source {
        let db = ctx.db, state = stateFilter
        guard let period else { return .init(fetch: { _ in [] }, count: { _ in 0 }) }
        return .init(fetch: { try db.letters(period, state: state, $0) }, count: { try db.letterCount(period, state: state, before: $0) })
    }

    /// Table rows: the body minus the tab line, the summary line, the table header and the detail/position lines.
    func listRows(_ ctx: AppContext) -> Int { max(1, ctx.bodyHeight - 5) }
}

extension KeyBinding {
    /// The same binding acting through another screen's action type (the embedded ledger view).
    func mapAction<B>(_ wrap: (Action) -> B) -> KeyBinding<B> {
        KeyBinding<B>(keys: keys, action: wrap(action), help: help, footer: footer, disabledReason: disabledReason, short: short)
    }
}

extension AppContext {
    /// The context for a view drawn one line lower (the ledger view under the period's figure).
    func shrunk(by rows: Int) -> AppContext {
        var c = self
        c.bodyHeight = max(1, bodyHeight - rows)
        return c
    }
}
