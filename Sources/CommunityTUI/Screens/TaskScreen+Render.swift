import CommunityModel

extension TaskScreen {
    func render(into buffer: inout ScreenBuffer, area: Rect, ctx: AppContext) {
        switch mode {
        case .board: renderBoard(into: &buffer, area: area, ctx: ctx)
        case .review: renderReview(into: &buffer, area: area)
        case .detail: renderDetail(into: &buffer, area: area)
        case .entries: renderEntries(into: &buffer, area: area)
        }
    }

    // MARK: Board

    private func renderBoard(into buffer: inout ScreenBuffer, area: Rect, ctx: AppContext) {
        var x = area.x
        x += buffer.put(" " + LocalizedText("任务看板", "Task board").text() + " ", x: x, y: area.y, style: .tabActive) + 1
        x += buffer.put(" " + LocalizedText("审核队列 \(pendingReview)", "Review \(pendingReview)").text() + " ", x: x, y: area.y, style: .muted) + 2
        var parts: [String] = []
        if soonOnly != nil {
            let total = columns.reduce(0) { $0 + $1.total }
            let esc = ctx.openedFrom != nil ? LocalizedText("Esc 返回总览", "Esc: back to the overview") : LocalizedText("Esc 清除", "Esc clears")
            parts.append(LocalizedText("只看 \(OverviewAlert.soonDays) 天内开始、名额未满 \(total) 项（\(esc.zh)）",
                                       "only starting within \(OverviewAlert.soonDays) days, places unfilled: \(total) (\(esc.en))").text())
        }
        if !filter.isEmpty { parts.append(LocalizedText("查找：", "find: ").text() + filter) }
        if let notice { parts.append(notice.text()) }
        if !parts.isEmpty {
            buffer.put(parts.joined(separator: " · "), x: x, y: area.y, maxWidth: area.maxX - x, style: .accent)
        }
        let n = columns.count
        let width = max(8, (area.width - (n - 1)) / n)
        let top = area.y + 1
        let cardsBottom = area.maxY - 1
        for (i, state) in TaskState.boardColumns.enumerated() {
            let cx = area.x + i * (width + 1)
            let header = "\(state.label.text()) \(counts?.count(state) ?? columns[i].total)"
            buffer.fill(x: cx, y: top, width: width, style: i == column ? .tabActive : .header)
            buffer.put(TextFit.fit(header, to: width), x: cx, y: top, maxWidth: width, style: i == column ? .tabActive : .header)
            let list = columns[i]
            for (r, row) in list.rows.enumerated() {
                let y = top + 1 + r * 2
                guard y + 1 < cardsBottom + 1, y < cardsBottom else { break }
                let selected = i == column && r == list.selected
                let style: StyleRole = selected ? .selected : (row.state == .cancelled ? .muted : .normal)
                if selected {
                    buffer.fill(x: cx, y: y, width: width, style: .selected)
                    buffer.fill(x: cx, y: y + 1, width: width, style: .selected)
                }
                buffer.put(TextFit.truncate(row.task.title, to: width), x: cx, y: y, maxWidth: width, style: style)
                buffer.put(TextFit.truncate(Self.cardLine(row, width: width), to: width), x: cx, y: y + 1, maxWidth: width, style: selected ? .selected : .muted)
            }
            if list.isEmpty {
                buffer.put(LocalizedText("（无）", "(none)").text(), x: cx, y: top + 1, maxWidth: width, style: .muted)
            }
        }
        // The selected task in full under the board: what a 15-column card cannot hold.
        if let row = columns[column].current {
            let t = row.task
            var text = LocalizedText("\(t.title) · \(t.place) · \(t.points)分/人 · \(t.taken)/\(t.places)人",
                                     "\(t.title) · \(t.place) · \(t.points) pts · \(t.taken)/\(t.places)").text()
            if row.state == .cancelled {
                text += LocalizedText(" · 已取消：", " · cancelled: ").text() + t.cancelReason
            } else if t.isBackfill {
                text += LocalizedText(" · 补录：可认领、审核已完成的服务", " · recorded after the fact: claims and review still open").text()
            }
            buffer.put(text, x: area.x, y: area.maxY - 1, maxWidth: area.width, style: .accent)
        } else if columns.allSatisfy(\.isEmpty) && filter.isEmpty && soonOnly == nil {
            buffer.put(LocalizedText("还没有任务：按 n 发布第一个任务。", "No tasks yet: press n to publish the first one.").text(),
                       x: area.x + 2, y: area.y + 3, maxWidth: area.width - 4, style: .muted)
        }
    }

    /// "06-28 08:30 2/5" — the day and time it starts and the places taken.
    /// When the places do not fit beside the time, the time gives way: places matter more on a board.
    static func cardLine(_ row: TaskBoardRow, width: Int) -> String {
        let t = row.task
        let start = String(t.startsAt.dropFirst(5))
        if row.state == .cancelled { return LocalizedText("已取消", "cancelled").text() + " " + String(start.prefix(5)) }
        let full = "\(start) \(t.taken)/\(t.places)"
        return DisplayWidth.of(full) <= width ? full : "\(start.prefix(5)) \(t.taken)/\(t.places)"
    }

    // MARK: Review queue

    static let reviewColumns = [
        TableColumn(LocalizedText("任务", "Task"), width: 0),
        TableColumn(LocalizedText("认领人", "Claimant"), width: 18),
        TableColumn(LocalizedText("回复时间", "Reported"), width: 11),
        TableColumn(LocalizedText("完成情况", "Report"), width: 0),
        TableColumn(LocalizedText("积分", "Pts"), width: 4, align: .right),
    ]

    private func renderReview(into buffer: inout ScreenBuffer, area: Rect) {
        var x = area.x
        x += buffer.put(" " + LocalizedText("任务看板", "Task board").text() + " ", x: x, y: area.y, style: .muted) + 1
        x += buffer.put(" " + LocalizedText("审核队列 \(pendingReview)", "Review \(pendingReview)").text() + " ", x: x, y: area.y, style: .tabActive) + 2
        buffer.put(LocalizedText("已回复、等待审核的认领，按回复时间先后", "Reported claims waiting for review, oldest first").text(),
                   x: x, y: area.y, maxWidth: area.maxX - x, style: .muted)
        let table = Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 3)
        let rows = queue.rows.map { c in
            [c.taskTitle, c.claimantDisplayName, Self.shortTime(c.repliedAt ?? ""), c.replyNote, "\(c.taskPoints)"]
        }
        TableView.render(into: &buffer, area: table, columns: Self.reviewColumns, rows: rows,
                         selected: queue.isEmpty ? nil : queue.selected,
                         marked: { queue.marked.contains(queue.rows[$0].id) }, showMarks: true)
        if queue.isEmpty {
            buffer.put(LocalizedText("审核队列是空的：没有等待审核的回复。", "The review queue is empty.").text(),
                       x: area.x + 2, y: area.y + 4, maxWidth: area.width - 4, style: .muted)
        }
        Self.renderPosition(into: &buffer, area: area, position: queue.position, total: queue.total, marked: queue.marked.count)
    }

    // MARK: Task detail

    static let claimColumns = [
        TableColumn(LocalizedText("认领人", "Claimant"), width: 18),
        TableColumn(LocalizedText("状态", "State"), width: 6),
        TableColumn(LocalizedText("认领时间", "Claimed"), width: 11),
        TableColumn(LocalizedText("来源", "From"), width: 6),
        TableColumn(LocalizedText("回复 / 审核意见", "Report / review"), width: 0),
    ]

    private func renderDetail(into buffer: inout ScreenBuffer, area: Rect) {
        guard let t = task else {
            buffer.put(LocalizedText("找不到该任务；按 Esc 返回看板。", "Task not found; press Esc for the board.").text(), x: area.x + 2, y: area.y + 1, style: .error)
            return
        }
        let state = t.state(now: loadedAt)
        var x = area.x
        x += buffer.put(t.title, x: x, y: area.y, maxWidth: area.width - 12, style: .header)
        let backfill = t.isBackfill && state != .cancelled ? LocalizedText(" · 补录", " · after the fact").text() : ""
        buffer.put("  [" + state.label.text() + backfill + "]", x: x, y: area.y, style: state == .cancelled ? .warning : .accent)
        let lines = [
            LocalizedText("类别 \(t.category.rawValue) · 对象 \(t.audience.label.zh) · 每人 \(t.points) 积分",
                          "\(t.category.label.en) · for \(t.audience.label.en) · \(t.points) points each"),
            LocalizedText("时间 \(t.windowText) · 地点 \(t.place)", "When \(t.windowText) · at \(t.place)"),
            LocalizedText("名额 \(t.taken)/\(t.places)", "Places \(t.taken)/\(t.places)")
                + (t.status == .cancelled ? LocalizedText(" · 取消原因：\(t.cancelReason)", " · cancelled: \(t.cancelReason)")
                                          : LocalizedText(t.description.isEmpty ? "" : " · \(t.description)", t.description.isEmpty ? "" : " · \(t.description)")),
        ]
        for (i, line) in lines.enumerated() {
            buffer.put(line.text(), x: area.x + 1, y: area.y + 1 + i, maxWidth: area.width - 2, style: .normal)
        }
        let table = Rect(x: area.x, y: area.y + Self.detailHeaderRows, width: area.width, height: area.height - Self.detailHeaderRows - 1)
        let rows = claims.rows.map { c in
            [c.claimantDisplayName, c.state.label.text(), Self.shortTime(c.claimedAt), c.source == .miniProgram ? LocalizedText("小程序", "app").text() : LocalizedText("代认领", "desk").text(),
             c.reviewReason.isEmpty ? c.replyNote : c.reviewReason]
        }
        TableView.render(into: &buffer, area: table, columns: Self.claimColumns, rows: rows,
                         selected: claims.isEmpty ? nil : claims.selected,
                         marked: { claims.marked.contains(claims.rows[$0].id) },
                         style: { claims.rows[$0].state == .cancelled || claims.rows[$0].state == .noShow ? .muted : .normal }, showMarks: true)
        if claims.isEmpty {
            buffer.put(LocalizedText("还没有认领：按 c 代为认领。", "No claims yet: press c to claim on someone's behalf.").text(),
                       x: area.x + 2, y: table.y + 2, maxWidth: area.width - 4, style: .muted)
        }
        Self.renderPosition(into: &buffer, area: area, position: claims.position, total: claims.total, marked: claims.marked.count)
    }

    // MARK: Points entries

    static let entryColumns = [
        TableColumn(LocalizedText("时间", "When"), width: 16),
        TableColumn(LocalizedText("类型", "Kind"), width: 4),
        TableColumn(LocalizedText("积分", "Points"), width: 6, align: .right),
        TableColumn(LocalizedText("结余", "Balance"), width: 7, align: .right),
        TableColumn(LocalizedText("说明", "About"), width: 0),
    ]

    static let recordColumns = [
        TableColumn(LocalizedText("任务", "Task"), width: 0),
        TableColumn(LocalizedText("状态", "State"), width: 6),
        TableColumn(LocalizedText("认领时间", "Claimed"), width: 11),
        TableColumn(LocalizedText("回复 / 审核意见", "Report / review"), width: 0),
    ]

    private func renderEntries(into buffer: inout ScreenBuffer, area: Rect) {
        if let b = balance {
            let w = buffer.put(b.name, x: area.x + 1, y: area.y, maxWidth: area.width / 2, style: .header)
            buffer.put("  " + LocalizedText("积分余额 \(b.balance) · 共 \(b.entries) 笔记录", "balance \(b.balance) · \(b.entries) entries").text(),
                       x: area.x + 1 + w, y: area.y, maxWidth: area.width - w - 2, style: .accent)
        }
        let table = Rect(x: area.x, y: area.y + 3, width: area.width, height: area.height - 4)
        if showRecord {
            buffer.put(LocalizedText("认领记录（最新在前，含未到、驳回）；Tab 回到积分明细，Esc 返回", "Claim record, newest first (no-shows and rejections included); Tab for points, Esc back").text(),
                       x: area.x + 1, y: area.y + 1, maxWidth: area.width - 2, style: .muted)
            let rows = record.rows.map { c in
                [c.taskTitle, c.state.label.text(), Self.shortTime(c.claimedAt), c.reviewReason.isEmpty ? c.replyNote : c.reviewReason]
            }
            TableView.render(into: &buffer, area: table, columns: Self.recordColumns, rows: rows,
                             selected: record.isEmpty ? nil : record.selected,
                             style: { record.rows[$0].state == .noShow || record.rows[$0].state == .rejected ? .warning : .normal })
            if record.isEmpty {
                buffer.put(LocalizedText("还没有认领记录。", "No claims yet.").text(), x: area.x + 2, y: table.y + 2, maxWidth: area.width - 4, style: .muted)
            }
            Self.renderPosition(into: &buffer, area: area, position: record.position, total: record.total, marked: 0)
            return
        }
        buffer.put(LocalizedText("积分只追加不修改；更正请冲正（z）；Tab 认领记录，Esc 返回", "Entries are never edited; correct with a reversal (z). Tab: claims; Esc: back").text(),
                   x: area.x + 1, y: area.y + 1, maxWidth: area.width - 2, style: .muted)
        let rows = entries.rows.map { e in
            [String(e.at.prefix(16)), e.kind.label.text(), (e.amount > 0 ? "+" : "") + "\(e.amount)", "\(e.balanceAfter)",
             e.reason + (e.reversesId.map { " ← #\($0)" } ?? "")]
        }
        TableView.render(into: &buffer, area: table, columns: Self.entryColumns, rows: rows,
                         selected: entries.isEmpty ? nil : entries.selected,
                         style: { entries.rows[$0].kind == .reversal ? .warning : .normal })
        if entries.isEmpty {
            buffer.put(LocalizedText("还没有积分记录。", "No entries yet.").text(), x: area.x + 2, y: table.y + 2, maxWidth: area.width - 4, style: .muted)
        }
        Self.renderPosition(into: &buffer, area: area, position: entries.position, total: entries.total, marked: 0)
    }

    // MARK: Shared

    /// "2026-06-28 08:30:00" → "06-28 08:30".
    static func shortTime(_ stamp: String) -> String {
        stamp.count >= 16 ? String(stamp.dropFirst(5).prefix(11)) : stamp
    }

    static func renderPosition(into buffer: inout ScreenBuffer, area: Rect, position: Int, total: Int, marked: Int) {
        var text = "\(position)/\(total)"
        if marked > 0 { text = LocalizedText("已标记 \(marked) 行  ", "\(marked) marked  ").text() + text }
        buffer.put(text, x: area.maxX - DisplayWidth.of(text) - 1, y: area.maxY - 1, style: .muted)
    }
}
