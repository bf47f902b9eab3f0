import CommunityModel
import Foundation

/// Screen 4, 积分: the redemption desk. Look the resident up (`/`, live), choose them, fill a basket from the
/// catalog, confirm (one store write), and the receipt shows on screen; today's receipts can be reprinted or
/// voided, and the X/Z day reports run from here. The same screen is the whole of `community kiosk`.
struct RedemptionScreen: Screen, KioskClearable {
    enum Pane: Equatable { case matches, catalog, basket }
    enum Mode: Equatable { case desk, today }

    enum Action {
        case move(ListMove)
        case nextPane, previousPane
        case enter
        case add, remove
        case confirm
        case emptyBasket
        case next
        case today
        case showReceipt, reprint, void
        case xReport, zReport
    }

    let id = ScreenID.points
    var mode = Mode.desk
    var pane = Pane.matches

    var query = ""
    /// Why the lookup shows nothing (too short at the kiosk, nothing found), or nil.
    var lookupNote: LocalizedText?
    var matches = HolderPage()
    /// The resident being served; nil until one is chosen from the matches.
    var holder: HolderMatch?
    var usage: [PeriodUsage] = []
    var items: [RedemptionItem] = []
    var itemSelected = 0
    var basket: [BasketLine] = []
    var basketSelected = 0
    /// The basket priced now, with the first refusal if it cannot go through as it stands.
    var quote: RedemptionQuote?
    /// The idempotency key of the basket as it stands: a retried confirm sends the same one (applies once).
    var requestId = UUID().uuidString
    /// Filled by the store action when a confirm went through; read on the reload that follows.
    let outcome = ConfirmOutcome()
    /// The receipt just issued (or reprinted), shown in place of the basket until the next resident.
    var receipt: ReceiptView?
    var figures: RedemptionFigures?
    var todayList = VirtualList<Redemption>()
    /// Opened straight on today's receipts from the overview's figure: Esc there goes back to the overview.
    var openedOnToday = false

    var filterText: String { query }
    var supportsFilter: Bool { mode == .desk }
    var isPristine: Bool { query.isEmpty && holder == nil && basket.isEmpty && receipt == nil && mode == .desk }

    // MARK: Keys

    func bindings(_ ctx: AppContext) -> [KeyBinding<Action>] {
        var table = KeyBinding.listMoves { Action.move($0) }
        let reports: LocalizedText? = nil
        // Opened from the overview, Esc with nothing to clear is left to the app, which goes back there. The
        // kiosk never has an overview to go back to, so its Esc always stays on the desk.
        let escapeLeaves = ctx.openedFrom != nil && !ctx.kiosk
        let deskEscape: [Key] = escapeLeaves && isPristine ? [] : [.escape]
        let todayEscape: [Key] = escapeLeaves && openedOnToday ? [] : [.escape]
        switch mode {
        case .desk:
            let noHolder: LocalizedText? = holder == nil ? LocalizedText("先按 / 查找并选定兑换人。", "Look the resident up with / and choose them first.") : nil
            let noBasket: LocalizedText? = basket.isEmpty ? LocalizedText("兑换篮是空的：在物品上按 + 加入。", "The basket is empty: press + on an item.") : nil
            table += [
                KeyBinding(keys: [.tab], action: .nextPane, help: LocalizedText("下一栏（查找结果 → 物品 → 兑换篮）", "next pane (matches → catalog → basket)"),
                           footer: true, short: LocalizedText("切换栏", "pane")),
                KeyBinding(keys: [.backTab], action: .previousPane, help: LocalizedText("上一栏", "previous pane")),
                KeyBinding(keys: [.enter], action: .enter,
                           help: LocalizedText("选定兑换人 / 物品加一 / 在兑换篮上确认", "choose the resident / one more of the item / confirm from the basket")),
                KeyBinding(keys: [.char("+"), .char("=")], action: .add, help: LocalizedText("加一件（物品或兑换篮中的行）", "one more (item, or the basket line)"),
                           footer: true, disabledReason: noHolder, short: LocalizedText("加", "add")),
                KeyBinding(keys: [.char("-")], action: .remove, help: LocalizedText("减一件", "one less"), disabledReason: noBasket),
                KeyBinding(keys: [.char("c"), .ctrl("s")], action: .confirm, help: LocalizedText("确认兑换（显示合计与兑后余额）", "confirm (shows the total and balance after)"),
                           footer: true, disabledReason: noHolder ?? noBasket, short: LocalizedText("确认", "confirm")),
                KeyBinding(keys: [.char("x")], action: .emptyBasket, help: LocalizedText("清空兑换篮", "empty the basket"), disabledReason: noBasket),
                KeyBinding(keys: [.char("n")] + deskEscape, action: .next, help: LocalizedText("下一位（清空查找、兑换人和兑换篮）", "next resident (clears lookup, resident and basket)")),
                KeyBinding(keys: [.char("r")], action: .reprint, help: LocalizedText("重印刚才的凭条", "reprint the last receipt"),
                           disabledReason: receipt == nil ? LocalizedText("还没有凭条；今日凭条按 t。", "No receipt yet; today's receipts: t.") : nil),
                KeyBinding(keys: [.char("t")], action: .today, help: LocalizedText("今日兑换单（查看、重印、作废）", "today's receipts (show, reprint, void)"),
                           footer: true, short: LocalizedText("今日", "today")),
            ]
        case .today:
            let noRow: LocalizedText? = todayList.current == nil ? LocalizedText("今天还没有兑换单。", "No receipts today yet.") : nil
            table += [
                KeyBinding(keys: [.enter], action: .showReceipt, help: LocalizedText("查看凭条", "show the receipt"), footer: true, disabledReason: noRow,
                           short: LocalizedText("查看", "show")),
                KeyBinding(keys: [.char("r")], action: .reprint, help: LocalizedText("重印（标注“重印”，不占新单号）", "reprint (marked 重印, no new number)"),
                           footer: true, disabledReason: noRow, short: LocalizedText("重印", "reprint")),
                KeyBinding(keys: [.char("v")], action: .void,
                           help: ctx.kiosk ? LocalizedText("作废（需书记/管理员在此输入 PIN）", "void (a secretary types the PIN here)")
                                           : LocalizedText("作废当日兑换单（退回积分和库存）", "void today's receipt (points and stock return)"),
                           footer: true, disabledReason: noRow, short: LocalizedText("作废", "void")),
                KeyBinding(keys: [.char("t")] + todayEscape, action: .today, help: LocalizedText("回到兑换", "back to the desk"), footer: true,
                           short: LocalizedText("返回", "back")),
            ]
        }
        table += [
            KeyBinding(keys: [.char("X")], action: .xReport,
                       help: ctx.kiosk ? LocalizedText("X 报表（当日汇总，不日结；需书记/管理员 PIN）", "X report (the day so far; needs a secretary's PIN)")
                                       : LocalizedText("X 报表（当日汇总，不日结）", "X report (the day so far, closes nothing)"), disabledReason: reports),
            KeyBinding(keys: [.char("Z")], action: .zReport,
                       help: LocalizedText("Z 报表：日结（之后当日不能再作废；需书记/管理员 PIN）", "Z report: close the day (no voids after; needs a secretary's PIN)"),
                       disabledReason: reports),
        ]
        return table
    }

    // MARK: Actions

    mutating func perform(_ action: Action, _ ctx: AppContext) -> [Effect] {
        do {
            switch action {
            case .move(let move): try moveSelection(move, ctx)
            case .nextPane: pane = Self.panes[(Self.panes.firstIndex(of: pane)! + 1) % Self.panes.count]
            case .previousPane: pane = Self.panes[(Self.panes.firstIndex(of: pane)! + Self.panes.count - 1) % Self.panes.count]
            case .enter:
                switch pane {
                case .matches: try choose(ctx)
                case .catalog: return try change(+1, ctx)
                case .basket: return try confirmView(ctx)
                }
            case .add: return try change(+1, ctx)
            case .remove: return try change(-1, ctx)
            case .confirm: return try confirmView(ctx)
            case .emptyBasket:
                basket = []
                basketChanged()
                try reprice(ctx)
            case .next: clearResident()
            case .today:
                mode = mode == .today ? .desk : .today
                openedOnToday = false
                if mode == .today { todayList = VirtualList() }
                try reload(ctx)
            case .showReceipt: return try showReceipt(reprint: false, ctx)
            case .reprint: return try showReceipt(reprint: true, ctx)
            case .void: return voidForm(ctx)
            case .xReport: return RedemptionForms.report(close: false, ctx)
            case .zReport: return RedemptionForms.report(close: true, ctx)
            }
        } catch {
            return [.error(userMessage(for: error))]
        }
        return []
    }

    static let panes: [Pane] = [.matches, .catalog, .basket]

    private mutating func moveSelection(_ move: ListMove, _ ctx: AppContext) throws {
        if mode == .today { return try todayList.move(move, RedemptionDesk.todaySource(ctx)) }
        switch pane {
        case .matches: try matches.move(move, query: query, ctx)
        case .catalog: itemSelected = Self.moved(itemSelected, move, count: items.count, page: catalogRows(ctx))
        case .basket: basketSelected = Self.moved(basketSelected, move, count: basket.count, page: 5)
        }
    }

    static func moved(_ i: Int, _ move: ListMove, count: Int, page: Int) -> Int {
        guard count > 0 else { return 0 }
        switch move {
        case .up: return max(0, i - 1)
        case .down: return min(count - 1, i + 1)
        case .pageUp: return max(0, i - page)
        case .pageDown: return min(count - 1, i + page)
        case .top: return 0
        case .bottom: return count - 1
        }
    }

    /// Enter on a match: that resident is served; their period usage and the basket's prices follow.
    private mutating func choose(_ ctx: AppContext) throws {
        guard let match = matches.current else { return }
        if holder?.holder != match.holder { basket = []; basketChanged() }
        holder = match
        receipt = nil
        pane = .catalog
        try reloadHolder(ctx)
    }

    /// + / − on the catalog (that item) or the basket (that line). The basket never holds a line of 0.
    private mutating func change(_ delta: Int, _ ctx: AppContext) throws -> [Effect] {
        guard holder != nil else { return [.error(LocalizedText("先按 / 查找并选定兑换人。", "Look the resident up with / and choose them first."))] }
        let key: String?
        if pane == .basket { key = basket.indices.contains(basketSelected) ? basket[basketSelected].itemKey : nil } else {
            key = items.indices.contains(itemSelected) ? items[itemSelected].key : nil
        }
        guard let key else { return [] }
        receipt = nil
        if let i = basket.firstIndex(where: { $0.itemKey == key }) {
            let quantity = basket[i].quantity + delta
            if quantity > RedemptionRules.maxQuantity { return [.error(LocalizedText("一行最多 \(RedemptionRules.maxQuantity) 件。", "At most \(RedemptionRules.maxQuantity) of one item."))] }
            if quantity <= 0 { basket.remove(at: i) } else { basket[i].quantity = quantity }
        } else if delta > 0 {
            basket.append(BasketLine(itemKey: key, quantity: delta))
        } else {
            return []
        }
        basketSelected = min(basketSelected, max(0, basket.count - 1))
        basketChanged()
        try reprice(ctx)
        // A refusal is said at once (not only at confirm), in the store's words.
        if let refusal = quote?.refusal { return [.error(refusal.message)] }
        return []
    }

    /// The basket changed: a confirm now is a new request (a retry of the old one would apply the old basket).
    mutating func basketChanged() {
        requestId = UUID().uuidString
    }

    mutating func clearResident() {
        query = ""
        lookupNote = nil
        matches = HolderPage()
        holder = nil
        usage = []
        basket = []
        quote = nil
        receipt = nil
        pane = .matches
        basketChanged()
    }

    /// The confirm view: every line, the total and the balance after; y writes once.
    private mutating func confirmView(_ ctx: AppContext) throws -> [Effect] {
        guard let holder, !basket.isEmpty else { return [] }
        try reprice(ctx)
        guard let quote else { return [] }
        if let refusal = quote.refusal { return [.error(refusal.message)] }
        let request = RedemptionRequest(holder: holder.holder, basket: basket, requestId: requestId,
                                        series: ctx.training ? .training : .live)
        return [.present(.confirm(RedemptionForms.confirm(quote, request: request, outcome: outcome, ctx)))]
    }

    private mutating func showReceipt(reprint: Bool, _ ctx: AppContext) throws -> [Effect] {
        let number = mode == .today ? todayList.current?.receipt : receipt?.number
        guard let number else { return [] }
        if reprint {
            let view = try RedemptionDesk.reprint(number, ctx)
            if mode == .desk { receipt = view }
            return [.present(.text(TextPage(title: LocalizedText("重印 \(number)", "Reprint \(number)"), lines: view.lines))),
                    .ok(LocalizedText("已重印 \(number)（标注“重印”，单号不变）。", "Reprinted \(number) (marked 重印; same number)."))]
        }
        let view = try RedemptionDesk.receipt(number, ctx)
        return [.present(.text(TextPage(title: LocalizedText("凭条 \(number)", "Receipt \(number)"), lines: view.lines)))]
    }

    private func voidForm(_ ctx: AppContext) -> [Effect] {
        guard let row = todayList.current else { return [] }
        if row.state != .valid {
            return [.error(RedemptionError.alreadyVoided(receipt: row.receipt).message)]
        }
        return [.present(.form(RedemptionForms.void(row, ctx)))]
    }

    // MARK: Filter (the lookup)

    mutating func applyFilter(_ text: String, _ ctx: AppContext) -> [Effect]? {
        query = text
        do {
            try lookUp(ctx)
        } catch {
            return [.error(userMessage(for: error))]
        }
        return []
    }

    mutating func back(_ ctx: AppContext) -> Bool {
        guard mode == .today, !(openedOnToday && ctx.openedFrom != nil) else { return false }
        mode = .desk
        try? reload(ctx)
        return true
    }
}

/// Where the store action leaves the receipt of a confirm that went through, for the reload after it.
/// A class so the action's closure and the screen share it: effects cannot hand values back otherwise.
final class ConfirmOutcome {
    var receipt: RedemptionReceipt?
}
