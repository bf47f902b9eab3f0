import CommunityModel

extension RankingScreen {
    func render(into buffer: inout ScreenBuffer, area: Rect, ctx: AppContext) {
        switch mode {
        case .ranking: renderRanking(into: &buffer, area: area, today: ctx.today)
        case .outbox: renderOutbox(into: &buffer, area: area)
        case .entries(let row): renderEntries(row, into: &buffer, area: area, ctx: ctx)
        }
    }

    /// Tabs, then the period and its letter counts.
    private func renderHeader(into buffer: inout ScreenBuffer, area: Rect) {
        var x = area.x
        let tabs: [(RankingAudience, LocalizedText)] = [
            (.members, LocalizedText("在职党员 · 月", "Members · month")),
            (.organisations, LocalizedText("报到单位 · 季度", "Organisations · quarter")),
        ]
        for (a, label) in tabs {
            x += buffer.put(" \(label.text()) ", x: x, y: area.y, style: audience == a ? .tabActive : .muted)
            x += 1
        }
        guard let period else { return }
        x += 1
        buffer.put("◀ \(period.label.text()) ▶", x: x, y: area.y, maxWidth: area.maxX - x - 1, style: .header)
    }

    private func summary(_ ranking: Ranking, today: String) -> (String, StyleRole) {
        let n = ranking.rows.count
        var text = LocalizedText("\(n) \(audience == .members ? "人" : "个")参与排名 · 应发感谢信 \(ranking.thanks) 封 · 提醒函 \(ranking.reminders) 封",
                                 "\(n) ranked · \(ranking.thanks) thanks · \(ranking.reminders) reminders due")
        var style = StyleRole.normal
        if ranking.issuedCount > 0 {
            text = text + LocalizedText(" · 已生成 \(ranking.issuedCount) 封", " · \(ranking.issuedCount) generated")
            if ranking.changedSinceIssued > 0 {
                text = text + LocalizedText(" · ⚠ \(ranking.changedSinceIssued) 人积分已变（信函不改）", " · ⚠ \(ranking.changedSinceIssued) figure(s) changed since")
                style = .warning
            }
        } else if let period, period.isClosed(today: today) {
            text = text + LocalizedText(" · 未生成（按 g）", " · not generated (press g)")
            style = .accent
        } else {
            text = text + LocalizedText(" · 本期未结束", " · period still open")
            style = .muted
        }
        return (text.text(), style)
    }

    var columns: [TableColumn] {
        var c = [TableColumn(LocalizedText("名次", "Rank"), width: 4, align: .right),
                 TableColumn(LocalizedText(audience == .members ? "姓名（编号）" : "单位", audience == .members ? "Name (code)" : "Organisation"), width: 0)]
        if audience == .members { c.append(TableColumn(LocalizedText("所属单位", "Unit"), width: 0)) }
        c += [TableColumn(LocalizedText("积分", "Points"), width: 6, align: .right),
              TableColumn(LocalizedText("服务", "Svc"), width: 4, align: .right),
              TableColumn(LocalizedText("变化", "Chg"), width: 4, align: .right),
              TableColumn(LocalizedText("信函", "Letter"), width: 9)]
        return c
    }

    static func letterCell(_ row: RankingRow) -> String {
        if let issued = row.issued {
            let word = issued.kind == .thanks ? LocalizedText("感谢信", "thanks") : LocalizedText("提醒函", "remind")
            let mark = issued.state == .sent ? "✓" : issued.state == .withdrawn ? "✗" : "·"
            return word.text() + mark + (issued.points != row.points ? "⚠" : "")
        }
        if row.excludedReason != nil { return LocalizedText("免发", "excluded").text() }
        switch row.letter {
        case .thanks?: return LocalizedText("感谢信", "thanks").text()
        case .reminder?: return LocalizedText("提醒函", "remind").text()
        case nil: return ""
        }
    }

    private func renderRanking(into buffer: inout ScreenBuffer, area: Rect, today: String) {
        renderHeader(into: &buffer, area: area)
        guard let ranking else { return }
        let (text, style) = summary(ranking, today: today)
        buffer.put(text, x: area.x + 1, y: area.y + 1, maxWidth: area.width - 2, style: style)
        let table = Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 4)
        let visible = ranking.rows.dropFirst(top).prefix(max(0, table.height - 1))
        let members = audience == .members
        let rows = visible.map { r -> [String] in
            var cells = [String(r.rank), r.displayName]
            if members { cells.append(r.unit) }
            return cells + [String(r.points), String(r.services), r.change.text(), Self.letterCell(r)]
        }
        let start = top
        TableView.render(into: &buffer, area: table, columns: columns, rows: rows, selected: ranking.rows.isEmpty ? nil : selected - top,
                         style: { i in
                             let r = ranking.rows[start + i]
                             if r.issued.map({ $0.points != r.points }) ?? false { return .warning }
                             return r.letter == .thanks ? .ok : r.letter == .reminder ? .accent : .normal
                         })
        if ranking.rows.isEmpty {
            buffer.put(LocalizedText("本期没有报到的\(audience.label.zh)。", "No \(audience.label.en) registered by the end of this period.").text(),
                       x: area.x + 2, y: table.y + 2, maxWidth: area.width - 4, style: .muted)
        }
        // The selected row explained in words: what it earned, the letter, and whether the letter's figure still holds.
        if let r = currentRow {
            var detail = LocalizedText("\(r.name)：本期 \(r.points) 分 · 服务 \(r.services) 次 · 第 \(r.rank) 名",
                                       "\(r.name): \(r.points) points · \(r.services) services · rank \(r.rank)")
            if let prev = r.previousRank {
                detail = detail + LocalizedText("（上期第 \(prev) 名）", " (last period \(prev))")
            }
            if let issued = r.issued {
                detail = detail + LocalizedText(" · \(issued.kind.label.zh)\(issued.state.label.zh)", " · \(issued.kind.label.en) \(issued.state.label.en)")
                if issued.points != r.points {
                    detail = detail + LocalizedText("，信中为 \(issued.points) 分，现为 \(r.points) 分", ", letter says \(issued.points), now \(r.points)")
                }
            } else if let reason = r.excludedReason {
                detail = detail + LocalizedText(" · 免发提醒函：\(reason)", " · excluded from reminders: \(reason)")
            }
            buffer.put(detail.text(), x: area.x + 1, y: area.maxY - 2, maxWidth: area.width - 2, style: r.issued.map { $0.points != r.points } ?? false ? .warning : .muted)
        }
        let pos = ranking.rows.isEmpty ? "0/0" : "\(selected + 1)/\(ranking.rows.count)"
        buffer.put(LocalizedText("Enter 看明细 · ? 计分规则", "Enter: entries · ?: the rule").text(), x: area.x + 1, y: area.maxY - 1, maxWidth: area.width / 2, style: .muted)
        buffer.put(pos, x: area.maxX - DisplayWidth.of(pos) - 1, y: area.maxY - 1, style: .muted)
    }

    static let outboxColumns = [
        TableColumn(LocalizedText("信函", "Letter"), width: 6),
        TableColumn(LocalizedText("收信人", "Recipient"), width: 0),
        TableColumn(LocalizedText("名次", "Rank"), width: 4, align: .right),
        TableColumn(LocalizedText("积分", "Points"), width: 6, align: .right),
        TableColumn(LocalizedText("状态", "State"), width: 9),
        TableColumn(LocalizedText("发送 / 撤回", "Sent / withdrawn"), width: 0),
    ]

    private func renderOutbox(into buffer: inout ScreenBuffer, area: Rect) {
        renderHeader(into: &buffer, area: area)
        let filter = stateFilter.map { LocalizedText("只看“\($0.label.zh)”", "only \($0.label.en)") } ?? LocalizedText("全部状态", "all states")
        buffer.put(LocalizedText("发件箱 · \(outbox.total) 封 · \(filter.zh) · f 筛选 · o/Esc 回到排名", "Outbox · \(outbox.total) · \(filter.en) · f filter · o/Esc back").text(),
                   x: area.x + 1, y: area.y + 1, maxWidth: area.width - 2, style: .header)
        let table = Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 3)
        let rows = outbox.rows.map { l -> [String] in
            let state = l.state.label.text()
            let detail: String
            switch l.state {
            case .pending: detail = ""
            case .sent: detail = "\(l.channel.map { $0.label.text() } ?? "") \(l.sentOn ?? "")"
            case .withdrawn: detail = l.withdrawnReason
            }
            let current = ranking?.row(for: l.holder)
            let changed = current.map { $0.points != l.points } ?? false
            return [l.kind == .thanks ? LocalizedText("感谢信", "thanks").text() : LocalizedText("提醒函", "remind").text(),
                    l.recipientDisplay, String(l.rank), String(l.points) + (changed ? "⚠" : ""), state, detail]
        }
        TableView.render(into: &buffer, area: table, columns: Self.outboxColumns, rows: rows, selected: outbox.isEmpty ? nil : outbox.selected,
                         marked: { outbox.marked.contains(outbox.rows[$0].id ?? 0) },
                         style: { outbox.rows[$0].state == .withdrawn ? .muted : outbox.rows[$0].state == .sent ? .ok : .normal }, showMarks: true)
        if outbox.isEmpty {
            buffer.put(LocalizedText("还没有信函：回到排名按 g 生成。", "No letters yet: go back to the ranking and press g.").text(),
                       x: area.x + 2, y: table.y + 2, maxWidth: area.width - 4, style: .muted)
        }
        TaskScreen.renderPosition(into: &buffer, area: area, position: outbox.position, total: outbox.total, marked: outbox.marked.count)
    }

    /// The ledger view of screen 3, one line lower, under the period's figure and the entries that make it.
    private func renderEntries(_ row: RankingRow, into buffer: inout ScreenBuffer, area: Rect, ctx: AppContext) {
        guard let period else { return }
        let credits = earned.filter { !$0.isReversal }, reversals = earned.filter(\.isReversal)
        var line = LocalizedText("\(period.label.zh)计入排名 \(row.points) 分 = 入账 \(credits.count) 笔 +\(credits.reduce(0) { $0 + $1.amount })",
                                 "\(period.label.en): \(row.points) points = \(credits.count) credit(s) +\(credits.reduce(0) { $0 + $1.amount })")
        if !reversals.isEmpty {
            line = line + LocalizedText(" − 冲正 \(reversals.count) 笔 \(reversals.reduce(0) { $0 + $1.amount })", " − \(reversals.count) reversal(s) \(reversals.reduce(0) { $0 + $1.amount })")
        }
        line = line + LocalizedText("；第 \(row.rank) 名（兑换、调整不计）", "; rank \(row.rank) (earned, not balance)")
        buffer.put(line.text(), x: area.x + 1, y: area.y, maxWidth: area.width - 2, style: .accent)
        guard let ledger else { return }
        ledger.render(into: &buffer, area: Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1), ctx: ctx.shrunk(by: 1))
        // Which of the entries count, by service day and task, on the line the ledger view leaves free.
        let items = earned.map { "\($0.serviceDay.dropFirst(5)) \($0.task) \($0.amount > 0 ? "+" : "")\($0.amount)" }
        let counted = LocalizedText("计入：", "Counted: ").text() + (items.isEmpty ? LocalizedText("无", "none").text() : items.joined(separator: " · "))
        buffer.put(counted, x: area.x + 1, y: area.y + 3, maxWidth: area.width - 2, style: .muted)
    }
}
