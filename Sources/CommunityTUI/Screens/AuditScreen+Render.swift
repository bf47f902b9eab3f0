import CommunityModel

extension AuditScreen {
    static var columns: [TableColumn] { [
        TableColumn(LocalizedText("时间", "Time"), width: 16),
        TableColumn(LocalizedText("操作员", "Operator"), width: 10),
        TableColumn(LocalizedText("类别", "Kind"), width: Language.current == .en ? 12 : 8),
        TableColumn(LocalizedText("内容", "What"), width: 0),
    ] }

    func render(into buffer: inout ScreenBuffer, area: Rect, ctx: AppContext) {
        var summary = LocalizedText("审计日志 · 新的在前", "Audit log · newest first").text()
        var parts: [String] = []
        if let name = filter.operatorName { parts.append(LocalizedText("操作员 \(name)", "operator \(name)").text()) }
        if let kind = filter.kind { parts.append(kind.label.text()) }
        if filter.from != nil || filter.to != nil { parts.append("\(filter.from ?? "…")–\(filter.to ?? "…")") }
        if !filter.text.isEmpty { parts.append(LocalizedText("查找“\(filter.text)”", "find “\(filter.text)”").text()) }
        if !parts.isEmpty { summary += LocalizedText(" · 筛选：", " · filter: ").text() + parts.joined(separator: LocalizedText("，", ", ").text()) }
        buffer.put(summary, x: area.x + 1, y: area.y, maxWidth: area.width - 2, style: parts.isEmpty ? .header : .accent)
        let table = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 2)
        let rows = list.rows.map { line in
            [String(line.entry.at.prefix(16)), line.entry.operatorName, line.kind.label.text(), line.sentence.text()]
        }
        TableView.render(into: &buffer, area: table, columns: Self.columns, rows: rows, selected: list.isEmpty ? nil : list.selected)
        if list.isEmpty {
            let empty = filter.isEmpty ? LocalizedText("还没有任何操作记录。", "Nothing has been recorded yet.")
                : LocalizedText("没有符合筛选的记录；按 x 清除筛选。", "No line matches the filter; press x to clear it.")
            buffer.put(empty.text(), x: area.x + 2, y: area.y + 3, maxWidth: area.width - 4, style: .muted)
        }
        let capped = list.total >= CommunityDatabase.auditCountCap && !filter.isEmpty
        let total = capped ? "\(CommunityDatabase.auditCountCap)+" : "\(list.total)"
        let position = "\(list.position)/\(total)"
        buffer.put(position, x: area.maxX - DisplayWidth.of(position) - 1, y: area.maxY - 1, style: .muted)
    }
}
