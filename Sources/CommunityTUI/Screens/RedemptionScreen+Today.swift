import CommunityModel

extension RedemptionScreen {
    static let todayColumns = [
        TableColumn(LocalizedText("单号", "Receipt"), width: 15),
        TableColumn(LocalizedText("时间", "Time"), width: 5),
        TableColumn(LocalizedText("兑换人", "Resident"), width: 0),
        TableColumn(LocalizedText("积分", "Pts"), width: 5, align: .right),
        TableColumn(LocalizedText("余额", "Left"), width: 5, align: .right),
        TableColumn(LocalizedText("经办", "Clerk"), width: 8),
        TableColumn(LocalizedText("状态", "State"), width: 6),
        TableColumn(LocalizedText("作废说明", "Void note"), width: 0),
    ]

    /// Today's receipts, newest first: Enter shows one, r reprints, v voids (with the supervisor's PIN at the kiosk).
    func renderToday(into buffer: inout ScreenBuffer, area: Rect, ctx: AppContext) {
        let title = LocalizedText("今日兑换单 \(ctx.today)", "Today's receipts \(ctx.today)").text()
        buffer.put(title, x: area.x + 1, y: area.y + 1, maxWidth: area.width - 2, style: .header)
        let table = Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 4)
        let rows = todayList.rows.map { r -> [String] in
            let who = ctx.kiosk ? Masking.name(r.holderName) : r.holderName
            let note = r.state == .valid ? "" : [r.voidReason, r.voidSupervisor.isEmpty ? "" : LocalizedText("批准 ", "by ").text() + r.voidSupervisor]
                .filter { !$0.isEmpty }.joined(separator: " · ")
            return [r.receipt, String(r.at.dropFirst(11).prefix(5)), who, "\(r.points)", "\(r.balanceAfter)", r.clerk, r.state.label.text(), note]
        }
        TableView.render(into: &buffer, area: table, columns: Self.todayColumns, rows: rows,
                         selected: todayList.isEmpty ? nil : todayList.selected,
                         style: { todayList.rows[$0].state == .valid ? .normal : .muted })
        if todayList.isEmpty {
            buffer.put(LocalizedText("今天还没有兑换单。", "No receipts today yet.").text(), x: area.x + 2, y: table.y + 2, maxWidth: area.width - 4, style: .muted)
        } else {
            let position = "\(todayList.position)/\(todayList.total)"
            buffer.put(position, x: area.maxX - DisplayWidth.of(position) - 1, y: area.y + 1, style: .muted)
        }
    }
}
