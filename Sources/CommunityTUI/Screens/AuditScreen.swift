import CommunityModel
import Foundation

/// Screen 8, 审计日志 (key 8 anywhere): every change, newest first, as sentences — who, when, what, on whom.
/// Filtered by operator, kind of change, dates and text; Enter shows the whole line and jumps to the record
/// it concerns. The list is virtual and keyset-paged over the v7-office indexes, so a million lines scroll
/// like a hundred.
struct AuditScreen: Screen {
    enum Action {
        case move(ListMove)
        case open
        case jump
        case cycleKind
        case filterForm
        case clear
        case export
    }

    let id = ScreenID.audit
    var list = VirtualList<AuditLine>()
    var filter = AuditFilter()

    var filterText: String { filter.text }
    var supportsFilter: Bool { true }

    /// A person takes a moment to type the first character (an input method longer), and the system may have
    /// let the pages and memory a search reads go since the last one (this machine gives back what has not
    /// been touched for a minute): one search runs through on a background reader meanwhile.
    func filterWillOpen(_ ctx: AppContext) {
        ctx.db.warmAuditSearch()
    }

    func bindings(_ ctx: AppContext) -> [KeyBinding<Action>] {
        let noRow: LocalizedText? = list.current == nil ? LocalizedText("列表为空。", "The list is empty.") : nil
        var table = KeyBinding.listMoves { Action.move($0) }
        table += [
            KeyBinding(keys: [.enter], action: .open, help: LocalizedText("查看整条记录（再按 Enter 打开相关的议题、任务或人员）", "the whole line (Enter again opens its issue, task or person)"),
                       footer: true, disabledReason: noRow, short: LocalizedText("详情", "details")),
            KeyBinding(keys: [.char("o")], action: .jump, help: LocalizedText("直接打开相关记录", "open the record it concerns"), disabledReason: noRow),
            KeyBinding(keys: [.char("t")], action: .cycleKind, help: LocalizedText("按类别筛选（依次切换）", "filter by kind (cycles)"), footer: true,
                       short: LocalizedText("类别", "kind")),
            KeyBinding(keys: [.char("f")], action: .filterForm, help: LocalizedText("按操作员、类别、日期筛选", "filter by operator, kind, dates"), footer: true,
                       short: LocalizedText("筛选", "filter")),
            KeyBinding(keys: [.char("x")], action: .clear, help: LocalizedText("清除全部筛选", "clear all filters")),
            KeyBinding(keys: [.char("e")], action: .export, help: LocalizedText("导出为 CSV（Excel/WPS 可直接打开）", "export as CSV (opens in Excel/WPS)"), footer: true,
                       short: LocalizedText("导出", "export")),
        ]
        return table
    }

    mutating func perform(_ action: Action, _ ctx: AppContext) -> [Effect] {
        do {
            switch action {
            case .move(let move):
                try list.move(move, source(ctx))
            case .open:
                guard let line = list.current else { return [] }
                return [.present(detail(line, ctx))]
            case .jump:
                guard let record = list.current?.record else {
                    return [.error(LocalizedText("这条记录没有可打开的对象。", "This line has no record to open."))]
                }
                return [.openRecord(record)]
            case .cycleKind:
                let kinds: [AuditKind?] = [nil] + AuditKind.allCases
                let i = kinds.firstIndex { $0 == filter.kind } ?? 0
                filter.kind = kinds[(i + 1) % kinds.count]
                try list.reset(source(ctx), pageSize: listRows(ctx))
            case .filterForm:
                return [.present(.form(filterForm(ctx)))]
            case .clear:
                filter = AuditFilter()
                try list.reset(source(ctx), pageSize: listRows(ctx))
            case .export:
                return [.present(.form(exportForm(ctx)))]
            }
        } catch {
            return [.error(userMessage(for: error))]
        }
        return []
    }

    /// The whole line; with a record to open, Enter (y) jumps there.
    func detail(_ line: AuditLine, _ ctx: AppContext) -> Modal {
        let e = line.entry
        let text = LocalizedText("\(e.at)  \(e.operatorName)  [\(line.kind.label.zh)]\n\(line.sentence.zh)",
                                 "\(e.at)  \(e.operatorName)  [\(line.kind.label.en)]\n\(line.sentence.en)")
        guard let record = line.record else {
            return .text(TextPage(title: LocalizedText("审计记录 #\(e.id ?? 0)", "Audit line #\(e.id ?? 0)"),
                                  lines: TextFit.wrap(text.text().replacingOccurrences(of: "\n", with: "  "), width: max(20, ctx.bodyWidth - 12))))
        }
        let target = App.screen(for: record).title
        return .confirm(ConfirmState(title: LocalizedText("审计记录 #\(e.id ?? 0)", "Audit line #\(e.id ?? 0)"),
                                     message: text + LocalizedText("\n打开相关记录（「\(target.zh)」页面）？", "\nOpen the record (on “\(target.en)”)?"),
                                     onConfirm: [.openRecord(record)]))
    }

    mutating func reload(_ ctx: AppContext) throws {
        try list.reload(source(ctx), pageSize: listRows(ctx))
    }

    mutating func applyFilter(_ text: String, _ ctx: AppContext) -> [Effect]? {
        filter.text = text
        do {
            try list.reset(source(ctx), pageSize: listRows(ctx))
            if !text.isEmpty && list.total == 0 {
                return [.error(LocalizedText("没有找到“\(text)”。可按人名、单位、议题、任务或内容查找。", "Nothing matches “\(text)”. Search by person, organisation, issue, task or content."))]
            }
        } catch {
            return [.error(userMessage(for: error))]
        }
        return []
    }

    mutating func setFilter(_ new: AuditFilter, _ ctx: AppContext) throws {
        filter = new
        try list.reset(source(ctx), pageSize: listRows(ctx))
    }

    /// Rows for the list: the body minus the summary line, the header and the position line.
    func listRows(_ ctx: AppContext) -> Int { max(1, ctx.bodyHeight - 3) }

    func source(_ ctx: AppContext) -> VirtualList<AuditLine>.Source {
        let db = ctx.db, filter = self.filter
        return .init(fetch: { try db.auditLines(filter, $0) }, count: { try db.auditCount(filter, before: $0) })
    }
}
