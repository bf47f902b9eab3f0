import CommunityModel

extension RedemptionScreen {
    func render(into buffer: inout ScreenBuffer, area: Rect, ctx: AppContext) {
        renderLookupLine(into: &buffer, area: area)
        switch mode {
        case .desk: renderDesk(into: &buffer, area: area, ctx: ctx)
        case .today: renderToday(into: &buffer, area: area, ctx: ctx)
        }
        renderFigures(into: &buffer, area: area)
    }

    /// Left: the lookup field and what it found; right: today's figures.
    private func renderLookupLine(into buffer: inout ScreenBuffer, area: Rect) {
        var x = area.x
        x += buffer.put(LocalizedText("查找", "Find").text() + " ", x: x, y: area.y, style: .header)
        let field = query.isEmpty ? LocalizedText("按 / 输入：姓名、拼音首字母、手机尾号、编号或单位", "/ to look up: name, initials, phone tail, code, unit").text() : query
        x += buffer.put("[" + field + "]", x: x, y: area.y, maxWidth: area.width - 24, style: query.isEmpty ? .muted : .accent) + 2
        if !matches.isEmpty {
            // Where the selection is among the matches; "+" when more follow (the store pages, it does not count).
            let more = "\(matches.position)" + (matches.hasMore ? "+" : "")
            x += buffer.put(more, x: x, y: area.y, style: .muted) + 2
        }
        if let f = figures {
            var text = LocalizedText("今日 \(f.todayCount) 单 · \(f.todayPoints) 分", "today \(f.todayCount) · \(f.todayPoints) pts").text()
            if f.todayClosed { text += LocalizedText(" · 已日结", " · closed").text() }
            let w = DisplayWidth.of(text)
            if x + w < area.maxX { buffer.put(text, x: area.maxX - w - 1, y: area.y, style: f.todayClosed ? .warning : .muted) }
        }
    }

    static let leftWidth = 46

    static let matchColumns = [
        TableColumn(LocalizedText("姓名/单位", "Name"), width: 0),
        TableColumn(LocalizedText("手机", "Phone"), width: 11),
        TableColumn(LocalizedText("所属", "Unit"), width: 0),
        TableColumn(LocalizedText("积分", "Pts"), width: 5, align: .right),
    ]

    static let catalogColumns = [
        TableColumn(LocalizedText("物品", "Item"), width: 0),
        TableColumn(LocalizedText("单价", "Price"), width: 5, align: .right),
        TableColumn(LocalizedText("库存", "Stock"), width: 5, align: .right),
        TableColumn(LocalizedText("限兑", "Limit"), width: 8),
        TableColumn(LocalizedText("可兑", "Can"), width: 4, align: .right),
        TableColumn(LocalizedText("篮", "In"), width: 2, align: .right),
    ]

    private func renderDesk(into buffer: inout ScreenBuffer, area: Rect, ctx: AppContext) {
        // 46 columns at 80 wide; a wider terminal gives the names and units the room.
        let left = area.width >= 100 ? area.width / 2 + 6 : min(Self.leftWidth, area.width / 2 + 6)
        let rightX = area.x + left + 2
        let rightWidth = area.maxX - rightX
        let rows = matchRows(ctx)
        // Matches.
        let matchArea = Rect(x: area.x, y: area.y + 1, width: left, height: rows + 1)
        TableView.render(into: &buffer, area: matchArea, columns: Self.matchColumns,
                         rows: matches.rows.map { m in
                             [m.name + (m.memberCode.isEmpty ? "" : " " + m.memberCode), m.maskedPhone, m.unit, "\(m.balance)"]
                         },
                         selected: pane == .matches && !matches.isEmpty ? matches.selected : nil,
                         style: { matches.rows[$0].active ? (matches.rows[$0].holder == holder?.holder ? .accent : .normal) : .muted })
        if let note = lookupNote {
            buffer.put(note.text(), x: area.x + 1, y: area.y + 2, maxWidth: left - 2, style: .warning)
        } else if matches.isEmpty {
            buffer.put(LocalizedText("按 / 查找兑换人，Enter 选定。", "/ finds the resident, Enter chooses.").text(),
                       x: area.x + 1, y: area.y + 2, maxWidth: left - 2, style: .muted)
        }
        // Catalog.
        let catalogArea = Rect(x: area.x, y: matchArea.maxY, width: left, height: catalogRows(ctx) + 1)
        let catalogRows = items.map { item -> [String] in
            let inBasket = basket.first { $0.itemKey == item.key }?.quantity ?? 0
            return [item.label.text(), "\(item.points)", "\(item.stock)", limitText(item), canTakeText(item), inBasket == 0 ? "" : "\(inBasket)"]
        }
        TableView.render(into: &buffer, area: catalogArea, columns: Self.catalogColumns, rows: catalogRows,
                         selected: pane == .catalog && !items.isEmpty ? itemSelected : nil,
                         style: { items[$0].stock == 0 ? .muted : (items[$0].isLow ? .warning : .normal) })
        // Right: the resident, then the basket or the receipt.
        let holderBottom = renderHolder(into: &buffer, x: rightX, y: area.y + 1, width: rightWidth, height: rows + 1)
        let lowerY = max(holderBottom + 1, matchArea.maxY)
        let lower = Rect(x: rightX, y: lowerY, width: rightWidth, height: area.maxY - 2 - lowerY)
        if let receipt {
            renderReceipt(receipt, into: &buffer, area: lower)
        } else {
            renderBasket(into: &buffer, area: lower)
        }
    }

    /// "1/月 已1": the per-holder limit and, once a resident is chosen, what they already took this period.
    private func limitText(_ item: RedemptionItem) -> String {
        guard let limit = item.limit else { return "" }
        let per: String
        switch limit.per {
        case .week: per = LocalizedText("周", "wk").text()
        case .month: per = LocalizedText("月", "mo").text()
        case .quarter: per = LocalizedText("季", "qtr").text()
        case .year: per = LocalizedText("年", "yr").text()
        }
        let used = usage.first { $0.item.key == item.key }?.redeemed
        return "\(limit.count)/\(per)" + (used.flatMap { $0 > 0 ? LocalizedText(" 已\($0)", " \($0)✓").text() : nil } ?? "")
    }

    /// How many the chosen resident could take now: by balance, stock and limit. Blank before a resident is chosen.
    private func canTakeText(_ item: RedemptionItem) -> String {
        guard let holder, item.points > 0 else { return "" }
        var n = min(holder.balance / item.points, item.stock)
        if let remaining = usage.first(where: { $0.item.key == item.key })?.remaining { n = min(n, remaining) }
        return "\(max(0, n))"
    }

    /// Returns the row after the last one used.
    private func renderHolder(into buffer: inout ScreenBuffer, x: Int, y: Int, width: Int, height: Int) -> Int {
        buffer.fill(x: x, y: y, width: width, style: .header)
        buffer.put(LocalizedText("兑换人", "Resident").text(), x: x, y: y, maxWidth: width, style: .header)
        guard let h = holder else {
            buffer.put(LocalizedText("未选定", "none chosen").text(), x: x, y: y + 1, maxWidth: width, style: .muted)
            return y + 2
        }
        var lines: [(String, StyleRole)] = [
            (h.name + (h.memberCode.isEmpty ? "" : "（\(h.memberCode)）"), .accent),
            (h.holder.kindLabel.text() + (h.unit.isEmpty ? "" : " · " + h.unit), .normal),
        ]
        if !h.maskedPhone.isEmpty { lines.append((LocalizedText("手机 ", "phone ").text() + h.maskedPhone, .normal)) }
        lines.append((LocalizedText("积分余额 \(h.balance)", "balance \(h.balance)").text(), .ok))
        if !h.active { lines.append((LocalizedText("已停用，不能兑换", "deactivated: cannot redeem").text(), .error)) }
        let taken = usage.filter { $0.redeemed > 0 }
        if taken.isEmpty {
            lines.append((LocalizedText("本期未兑换限兑物品", "no limited items this period").text(), .muted))
        } else {
            for u in taken {
                // "12-01" is enough beside this period's count; the year is this one or the next.
                let resets = u.resetsOn.map { LocalizedText("（\($0.dropFirst(5)) 起）", " (again \($0.dropFirst(5)))").text() } ?? ""
                lines.append((LocalizedText("本期已兑 \(u.item.name) ×\(u.redeemed)", "taken \(u.item.nameEn) ×\(u.redeemed)").text() + resets, .muted))
            }
        }
        var row = y + 1
        for (text, style) in lines.prefix(max(1, height - 1)) {
            buffer.put(TextFit.truncate(text, to: width), x: x, y: row, style: style)
            row += 1
        }
        return row
    }

    private func renderBasket(into buffer: inout ScreenBuffer, area: Rect) {
        guard area.height > 1 else { return }
        buffer.fill(x: area.x, y: area.y, width: area.width, style: .header)
        buffer.put(LocalizedText("兑换篮", "Basket").text() + (pane == .basket ? LocalizedText("（+/- 改数量，c 确认）", " (+/- qty, c confirm)").text() : ""),
                   x: area.x, y: area.y, maxWidth: area.width, style: .header)
        var y = area.y + 1
        if basket.isEmpty {
            buffer.put(LocalizedText("空：在物品上按 + 加入", "empty: press + on an item").text(), x: area.x, y: y, maxWidth: area.width, style: .muted)
            return
        }
        let priced = quote?.lines ?? []
        for (i, line) in basket.enumerated() where y < area.maxY - 2 {
            let item = items.first { $0.key == line.itemKey }
            let name = item.map { $0.label.text() } ?? line.itemKey
            let points = priced.first { $0.item.key == line.itemKey }?.points ?? (item?.points ?? 0) * line.quantity
            let amount = "\(points)"
            let label = TextFit.fit("\(name) ×\(line.quantity)", to: area.width - DisplayWidth.of(amount) - 1)
            let selected = pane == .basket && i == basketSelected
            if selected { buffer.fill(x: area.x, y: y, width: area.width, style: .selected) }
            buffer.put(label + " " + amount, x: area.x, y: y, maxWidth: area.width, style: selected ? .selected : .normal)
            y += 1
        }
        guard let quote else { return }
        buffer.put(TextFit.fit(LocalizedText("合计", "Total").text(), to: area.width - 8) + TextFit.fit("\(quote.total)", to: 8, align: .right),
                   x: area.x, y: y, maxWidth: area.width, style: .header)
        let after = LocalizedText("兑后余额 \(quote.balanceAfter)", "balance after \(quote.balanceAfter)").text()
        buffer.put(after, x: area.x, y: y + 1, maxWidth: area.width, style: quote.balanceAfter < 0 ? .error : .ok)
        if let refusal = quote.refusal {
            for (i, line) in TextFit.wrap(refusal.message.text(), width: area.width).prefix(max(0, area.maxY - y - 2)).enumerated() {
                buffer.put(line, x: area.x, y: y + 2 + i, maxWidth: area.width, style: .error)
            }
        }
    }

    private func renderReceipt(_ receipt: ReceiptView, into buffer: inout ScreenBuffer, area: Rect) {
        guard area.height > 1 else { return }
        buffer.fill(x: area.x, y: area.y, width: area.width, style: .ok)
        buffer.put(LocalizedText("凭条（r 重印，n 下一位）", "Receipt (r reprint, n next)").text(), x: area.x, y: area.y, maxWidth: area.width, style: .ok)
        // The most telling lines first: the number, the items and the balance; the full page is r / t → Enter.
        for (i, line) in receipt.summary.prefix(area.height - 1).enumerated() {
            buffer.put(line, x: area.x, y: area.y + 1 + i, maxWidth: area.width)
        }
    }

    /// Bottom lines: low stock, and where the selection is.
    private func renderFigures(into buffer: inout ScreenBuffer, area: Rect) {
        let y = area.maxY - 1
        guard let f = figures else { return }
        let low = f.lowStock.compactMap { key in items.first { $0.key == key } }
        if low.isEmpty {
            buffer.put(LocalizedText("库存充足", "stock fine").text(), x: area.x, y: y, maxWidth: area.width, style: .muted)
        } else {
            let list = low.map { "\($0.label.text()) \($0.stock)" }.joined(separator: " · ")
            buffer.put(LocalizedText("库存预警：", "low stock: ").text() + list, x: area.x, y: y, maxWidth: area.width - 14, style: .warning)
        }
        let month = LocalizedText("本月兑出 \(f.monthPoints) 分", "month \(f.monthPoints) pts").text()
        buffer.put(month, x: area.maxX - DisplayWidth.of(month) - 1, y: y, style: .muted)
    }
}
