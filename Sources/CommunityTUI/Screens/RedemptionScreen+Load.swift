import CommunityModel

extension RedemptionScreen {
    /// Re-reads what the screen shows: the day's figures, the catalog (stock moves at the other terminal too),
    /// the lookup and the chosen resident's balance — so a claim approved at the desk shows here within a second.
    mutating func reload(_ ctx: AppContext) throws {
        // The figures line is a summary: if it cannot be read, the desk still works and the error is shown.
        var failure: Error?
        do { figures = try RedemptionDesk.figures(ctx) } catch { figures = nil; failure = error }
        items = try RedemptionDesk.items(ctx)
        itemSelected = min(itemSelected, max(0, items.count - 1))
        if let done = outcome.receipt {
            // The confirm went through: the receipt replaces the basket; the next confirm is a new request.
            outcome.receipt = nil
            receipt = ReceiptView(done, ctx)
            basket = []
            basketSelected = 0
            basketChanged()
        }
        switch mode {
        case .desk:
            if !query.isEmpty { try lookUp(ctx, keepSelection: true) }
            try reloadHolder(ctx)
        case .today:
            try todayList.reload(RedemptionDesk.todaySource(ctx), pageSize: max(1, ctx.bodyHeight - 5))
        }
        if let failure { throw failure }
    }

    /// The chosen resident's balance, what they redeemed this period, and the basket priced for them.
    mutating func reloadHolder(_ ctx: AppContext) throws {
        guard var chosen = holder else { usage = []; quote = nil; return }
        chosen.balance = try ctx.db.balance(of: chosen.holder).balance
        holder = chosen
        usage = try RedemptionDesk.usage(chosen.holder, ctx)
        try reprice(ctx)
    }

    mutating func reprice(_ ctx: AppContext) throws {
        guard let holder, !basket.isEmpty else { quote = nil; return }
        quote = try RedemptionDesk.quote(holder.holder, basket, ctx)
    }

    /// Runs the lookup for `query`. At the kiosk a lookup needs at least 2 characters, and digits alone
    /// count only as a 4-digit phone tail (or a longer number), so nobody can page through the roster.
    mutating func lookUp(_ ctx: AppContext, keepSelection: Bool = false) throws {
        let text = query.trimmingCharacters(in: .whitespaces)
        lookupNote = nil
        if text.isEmpty {
            matches = HolderPage()
            return
        }
        if ctx.kiosk, let refusal = Self.kioskRefusal(text) {
            matches = HolderPage()
            lookupNote = refusal
            return
        }
        let keep = keepSelection ? matches.current?.holder : nil
        try matches.load(query: text, rows: matchRows(ctx), keep: keep, ctx)
        if matches.isEmpty {
            lookupNote = LocalizedText("没有找到“\(text)”。可按姓名、拼音首字母、手机尾号、党员编号或单位查找。",
                                       "Nothing matches “\(text)”. Search by name, pinyin initials, phone tail, member code or organisation.")
        }
    }

    static func kioskRefusal(_ text: String) -> LocalizedText? {
        let digits = text.allSatisfy { $0.isASCII && $0.isNumber }
        if digits && text.count < RedemptionRules.phoneTailDigits {
            return LocalizedText("手机号请输入后 \(RedemptionRules.phoneTailDigits) 位。", "Type the last \(RedemptionRules.phoneTailDigits) digits of the phone.")
        }
        if text.count < RedemptionRules.minimumQuery {
            return LocalizedText("请至少输入 \(RedemptionRules.minimumQuery) 个字，或手机后 \(RedemptionRules.phoneTailDigits) 位。",
                                 "Type at least \(RedemptionRules.minimumQuery) characters, or the last \(RedemptionRules.phoneTailDigits) digits of the phone.")
        }
        return nil
    }

    // MARK: Layout

    /// Rows of matches under the lookup line (the rest of the body is the catalog, the figures and hints).
    func matchRows(_ ctx: AppContext) -> Int {
        max(3, min(10, ctx.bodyHeight - Self.fixedRows - max(items.count, 7)))
    }

    /// Lookup line, matches header, catalog header, figures line, low-stock line.
    static let fixedRows = 5

    func catalogRows(_ ctx: AppContext) -> Int {
        max(1, ctx.bodyHeight - Self.fixedRows - matchRows(ctx))
    }
}

/// One screenful of lookup results, paged by the store's cursor (never the whole roster).
struct HolderPage {
    private(set) var rows: [HolderMatch] = []
    private(set) var selected = 0
    /// Results before `rows[0]`, for "12/40".
    private(set) var offset = 0
    private(set) var hasMore = false
    private var pageSize = 5
    /// The cursor each page was read after, current page last; empty on the first page.
    private var starts: [HolderMatch.Cursor] = []

    var current: HolderMatch? { rows.indices.contains(selected) ? rows[selected] : nil }
    var isEmpty: Bool { rows.isEmpty }
    var position: Int { rows.isEmpty ? 0 : offset + selected + 1 }

    mutating func load(query: String, rows pageSize: Int, keep: PointsHolder?, _ ctx: AppContext) throws {
        self.pageSize = max(1, pageSize)
        starts = []
        offset = 0
        try read(query, ctx)
        selected = keep.flatMap { k in rows.firstIndex { $0.holder == k } } ?? 0
    }

    /// One page more than shown, to know whether there is a next page without counting.
    private mutating func read(_ query: String, _ ctx: AppContext) throws {
        let page = try RedemptionDesk.lookUp(query, limit: pageSize + 1, after: starts.last, ctx)
        rows = Array(page.prefix(pageSize))
        hasMore = page.count > pageSize
    }

    mutating func move(_ move: ListMove, query: String, _ ctx: AppContext) throws {
        guard !rows.isEmpty else { return }
        switch move {
        case .up: if selected > 0 { selected -= 1 } else if try pageBack(query, ctx) { selected = rows.count - 1 }
        case .down: if selected < rows.count - 1 { selected += 1 } else if try pageOn(query, ctx) { selected = 0 }
        case .pageDown: if try pageOn(query, ctx) { selected = 0 } else { selected = rows.count - 1 }
        case .pageUp: _ = try pageBack(query, ctx); selected = 0
        case .top: try load(query: query, rows: pageSize, keep: nil, ctx)
        case .bottom:
            while try pageOn(query, ctx) {}
            selected = rows.count - 1
        }
        selected = min(selected, max(0, rows.count - 1))
    }

    private mutating func pageOn(_ query: String, _ ctx: AppContext) throws -> Bool {
        guard hasMore, let last = rows.last else { return false }
        starts.append(last.cursor)
        offset += rows.count
        try read(query, ctx)
        return true
    }

    private mutating func pageBack(_ query: String, _ ctx: AppContext) throws -> Bool {
        guard !starts.isEmpty else { return false }
        starts.removeLast()
        offset = max(0, offset - pageSize)
        try read(query, ctx)
        return true
    }
}
