import CommunityModel
import Foundation

// The overview's upper part: today's alerts, the figures by capability (both selectable with j/k, Enter opens
// the rows behind them) and the twelve-month charts. The recent changes below are drawn by `render`.
extension DashboardScreen {
    /// The marker in front of the selected line (`>` in ASCII, through the buffer's glyph mapping).
    func marker(_ item: Item) -> String {
        items.indices.contains(selected) && items[selected] == item ? "▶ " : "  "
    }

    func style(_ item: Item, _ normal: StyleRole) -> StyleRole {
        items.indices.contains(selected) && items[selected] == item ? .selected : normal
    }

    /// The blank line between sections; at 24 rows it goes, so the recent changes keep a few lines.
    func gap(_ area: Rect) -> Int { area.height >= 30 ? 1 : 0 }

    func renderAlerts(into buffer: inout ScreenBuffer, area: Rect, y start: Int) -> Int {
        var y = start
        guard figures != nil else { return y }
        if alerts.isEmpty {
            buffer.put(LocalizedText("今天没有待办提醒。", "Nothing needs doing today.").text(), x: area.x + 2, y: y, style: .ok)
            return y + 1 + gap(area)
        }
        for alert in alerts where y < area.maxY - 1 {
            let item = Item.alert(alert)
            buffer.put(marker(item) + "! " + alert.text.text(), x: area.x, y: y, maxWidth: area.width - 2, style: style(item, .warning))
            y += 1
        }
        return y + gap(area)
    }

    func renderFigures(into buffer: inout ScreenBuffer, area: Rect, y start: Int) -> Int {
        guard let figures else { return start }
        var y = start
        let c = figures.roster, k = figures.consultation, v = figures.volunteer
        let rate = String(format: "%.1f%%", k.satisfactionRate * 100)
        // In ASCII a circled step number would become a bare digit and run into its count: "1:2" instead.
        let steps = k.openByStep.enumerated().map {
            Glyphs.mode == .ascii ? "\($0.offset + 1):\($0.element)" : "\(ConsultationSteps.circled($0.offset + 1))\($0.element)"
        }.joined(separator: " ")
        let lines: [(Item?, LocalizedText, StyleRole)] = [
            (.roster, LocalizedText("名册  报到单位 \(c.organisationsActive) 个（市级 \(c.organisationsCity) · 区级 \(c.organisationsDistrict)） · 在职党员 \(c.membersActive) 人",
                                    "Roster  \(c.organisationsActive) organisations (city \(c.organisationsCity) · district \(c.organisationsDistrict)) · \(c.membersActive) members"), .normal),
            (.consultation, LocalizedText("议事  已议 \(k.discussed) · 已解决 \(k.resolved) · 满意率 \(rate) · 办理中 \(k.open)",
                                          "Consult  discussed \(k.discussed) · resolved \(k.resolved) · satisfaction \(rate) · open \(k.open)"), .normal),
            (nil, LocalizedText("      各步骤办理中 \(steps)", "      open by step \(steps)"), .muted),
            // Not "进行中": the board's 进行中 column is only the tasks under way; this counts every column until 已结束.
            (.tasks, LocalizedText("任务  未结束 \(v.tasksOpen) 项（发布中·已满·进行中） · 待审核 \(v.claimsPendingReview) 条 · 服务 \(v.serviceTimes) 人次",
                                   "Tasks  \(v.tasksOpen) not ended (open, full, under way) · \(v.claimsPendingReview) to review · \(v.serviceTimes) services"), .normal),
            (.points, LocalizedText("积分  已发放 \(v.pointsIssued) 分 · 未兑换余额 \(figures.points.outstanding) 分",
                                    "Points  \(v.pointsIssued) issued · \(figures.points.outstanding) outstanding"), .normal),
        ]
        for (item, line, normal) in lines + extraLines(figures) where y < area.maxY - 1 {
            let prefix = item.map(marker) ?? "  "
            buffer.put(prefix + line.text(), x: area.x, y: y, maxWidth: area.width - 2, style: item.map { style($0, normal) } ?? normal)
            y += 1
        }
        return y + gap(area)
    }

    /// Today at the desk and the current star: the figures of the capabilities built after the first four.
    func extraLines(_ figures: DashboardFigures) -> [(Item?, LocalizedText, StyleRole)] {
        let r = figures.redemption
        var out: [(Item?, LocalizedText, StyleRole)] = [
            (.redemption, LocalizedText("兑换  今日 \(r.todayCount) 单 \(r.todayPoints) 分 · 本月 \(r.monthPoints) 分 · 库存不足 \(r.lowStock.count) 项",
                                        "Redeem  today \(r.todayCount) receipts, \(r.todayPoints) pts · month \(r.monthPoints) pts · \(r.lowStock.count) low on stock"), .normal),
        ]
        if let s = figures.star {
            let decided = s.finalStars.map { LocalizedText("终评 \($0) 星", "final \($0)") } ?? LocalizedText("终评未定", "final not yet")
            let stage = s.finalStars == nil ? LocalizedText("待「\(s.stageLabel.zh)」", "due: \(s.stageLabel.en)") : s.stageLabel
            out.append((.star, LocalizedText("星级  \(s.quarter.label.zh) · \(stage.zh) · 申报 \(s.claimedStars) 星 · \(decided.zh)",
                                             "Stars  \(s.quarter.label.en) · \(stage.en) · claimed \(s.claimedStars) · \(decided.en)"), .normal))
        }
        return out
    }

    func renderCharts(into buffer: inout ScreenBuffer, area: Rect, y start: Int) -> Int {
        guard let monthly, !monthly.series.isEmpty, start < area.maxY - 2 else { return start }
        buffer.put(Sparkline.header.text(), x: area.x + 2, y: start, maxWidth: area.width - 4, style: .header)
        let rows = Sparkline.draw(monthly, into: &buffer, x: area.x + 2, y: start + 1, width: area.width - 4, maxRows: area.maxY - 1 - (start + 1))
        return start + 1 + rows + gap(area)
    }
}
