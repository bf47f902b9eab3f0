import CommunityModel

extension ConsultationScreen {
    /// 编号 · 议题 · 类别 · 步骤 · 已用天数 · 逾期/结果; the title takes what is left (33 columns at 80).
    static let columns = [
        TableColumn(LocalizedText("编号", "No."), width: 9),
        TableColumn(LocalizedText("议题", "Issue"), width: 0),
        TableColumn(LocalizedText("类别", "Category"), width: 8),
        TableColumn(LocalizedText("步骤", "Step"), width: 10),
        TableColumn(LocalizedText("已用天数", "Days"), width: 8, align: .right),
        // Open issues say whether they are overdue, closed ones their outcome: the header says both.
        TableColumn(LocalizedText("逾期/结果", "Late/Outcome"), width: 9),
    ]

    /// The cells of one list row. Days are in the current step while open, recording-to-closing once closed.
    static func cells(_ row: IssueRow, _ reference: ConsultationReference) -> [String] {
        let marker: String
        if let outcome = row.outcome {
            marker = outcome.label.text()
        } else {
            marker = row.overdue ? LocalizedText("逾期", "overdue").text() : ""
        }
        return [row.number, row.title, reference.categoryLabel(row.category).text(), reference.stepLabel(row.step).text(),
                String(row.daysUsed), marker]
    }

    func render(into buffer: inout ScreenBuffer, area: Rect, ctx: AppContext) {
        if mode == .detail, let dossier {
            renderDetail(dossier, into: &buffer, area: area, ctx: ctx)
            return
        }
        let reference = ctx.reference.consultation
        renderSummary(into: &buffer, area: area)
        let refusalLines = refusal.map { TextFit.wrap($0.text(), width: area.width - 4).prefix(2) } ?? []
        let table = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 2 - refusalLines.count)
        let rows = list.rows.map { Self.cells($0, reference) }
        TableView.render(into: &buffer, area: table, columns: Self.columns, rows: rows,
                         selected: list.isEmpty ? nil : list.selected,
                         style: { i in
                             let row = list.rows[i]
                             return row.outcome != nil ? .muted : (row.overdue ? .warning : .normal)
                         })
        if list.isEmpty {
            let empty = filter.isEmpty
                ? LocalizedText("还没有议题：按 n 登记居民反映的第一个问题。", "No issues yet: press n to record the first one residents raised.")
                : LocalizedText("没有符合筛选条件的议题；按 x 清除筛选，/ 修改查找。", "No issue matches the filters; press x to clear them, / to change the search.")
            buffer.put(empty.text(), x: area.x + 2, y: area.y + 3, maxWidth: area.width - 4, style: .muted)
        }
        for (i, line) in refusalLines.enumerated() {
            buffer.put(line, x: area.x + 2, y: table.maxY + i, maxWidth: area.width - 4, style: .error)
        }
        renderFilterLine(into: &buffer, y: area.maxY - 1, area: area, reference: reference)
    }

    /// "办理中 11 · 已议 129 · 已解决 121 · 满意率 99.1% · 逾期 3"
    private func renderSummary(into buffer: inout ScreenBuffer, area: Rect) {
        guard let f = figures else { return }
        let rate = String(format: "%.1f%%", f.satisfactionRate * 100)
        let text = LocalizedText("办理中 \(f.open) · 已议 \(f.discussed) · 已解决 \(f.resolved) · 满意率 \(rate) · 逾期 \(f.overdue)",
                                 "open \(f.open) · discussed \(f.discussed) · resolved \(f.resolved) · satisfied \(rate) · overdue \(f.overdue)")
        let w = buffer.put(" " + text.text(), x: area.x, y: area.y, maxWidth: area.width, style: .normal)
        if f.overdue > 0, let range = text.text().range(of: LocalizedText("逾期 \(f.overdue)", "overdue \(f.overdue)").text()) {
            let x = area.x + 1 + DisplayWidth.of(String(text.text()[..<range.lowerBound]))
            buffer.restyle(x: x, y: area.y, width: min(w, DisplayWidth.of(String(text.text()[range]))), style: .warning)
        }
    }

    /// Active filters on the left, "37/5000" on the right.
    private func renderFilterLine(into buffer: inout ScreenBuffer, y: Int, area: Rect, reference: ConsultationReference) {
        var parts: [String] = []
        if let step = filter.step { parts.append(reference.stepLabel(step).text()) }
        if let category = filter.category { parts.append(reference.categoryLabel(category).text()) }
        if filter.status != .all { parts.append(filter.status.label.text()) }
        if let outcome = filter.outcome { parts.append(outcome.label.text()) }
        if filter.overdueOnly { parts.append(LocalizedText("只看逾期", "overdue only").text()) }
        if !filter.text.isEmpty { parts.append(LocalizedText("查找：", "find: ").text() + filter.text) }
        let position = "\(list.position)/\(list.total)"
        let pw = DisplayWidth.of(position)
        buffer.put(position, x: area.x + area.width - pw - 1, y: y, style: .muted)
        if !parts.isEmpty {
            let label = LocalizedText("筛选：", "filter: ").text() + parts.joined(separator: " · ")
            buffer.put(" " + label, x: area.x, y: y, maxWidth: area.width - pw - 3, style: .accent)
        }
    }
}
