import CommunityModel

/// Screen 1, 总览: the community at a glance — who it is, its roster in figures, and the latest changes.
/// Every figure comes from a SQL aggregate; capabilities not built yet are named as such, not guessed.
struct DashboardScreen: Screen {
    let id = ScreenID.dashboard
    var profile: CommunityProfile?
    /// Kept by the store until the file changes, so switching back to 1 reads only its change mark.
    var figures: DashboardFigures?
    var recent: [AuditLine] = []
    /// Today's alerts and the twelve-month charts, read with the figures (same change mark and day).
    var alerts: [OverviewAlert] = []
    var monthly: MonthlyActivity?
    /// The selected line of the selectable list: the alerts, then the figure lines that open a screen.
    var selected = 0

    enum Action { case move(Int), open, entries }

    func bindings(_ ctx: AppContext) -> [KeyBinding<Action>] {
        [KeyBinding(keys: [.char("j"), .down], action: .move(1), help: LocalizedText("下一条待办或数字", "next alert or figure")),
         KeyBinding(keys: [.char("k"), .up], action: .move(-1), help: LocalizedText("上一条待办或数字", "previous alert or figure")),
         KeyBinding(keys: [.enter], action: .open, help: LocalizedText("打开所选待办或数字背后的记录（Esc 返回总览）", "open the rows behind the selected alert or figure (Esc comes back)"),
                    footer: true, short: LocalizedText("打开", "open")),
         KeyBinding(keys: [.char("e")], action: .entries, help: LocalizedText("查看积分数字背后的最新积分流水", "the latest ledger entries behind the points figures"),
                    footer: true, short: LocalizedText("积分流水", "ledger entries"))]
    }

    /// What a line of the selectable list opens.
    enum Item: Equatable {
        case alert(OverviewAlert)
        case roster, consultation, tasks, points, redemption, star
    }

    /// The alerts first (what needs doing today), then the figure lines, in the order they are drawn.
    var items: [Item] {
        guard let figures else { return alerts.map(Item.alert) }
        return alerts.map(Item.alert) + [.roster, .consultation, .tasks, .points, .redemption] + (figures.star == nil ? [] : [.star])
    }

    func effects(for item: Item) -> [Effect] {
        switch item {
        case .alert(let a): return [.open(ScreenIntent.screen(for: a.target), ScreenIntent(a.target))]
        case .roster: return [.switchScreen(.roster)]
        case .consultation: return [.open(.consultation, .openIssues)]
        case .tasks: return [.switchScreen(.tasks)]
        case .points: return []
        case .redemption: return [.open(.points, .todayReceipts)]
        // Stats and the figure are the quarter containing today: the one screen 6 opens on for its stage.
        case .star: return [.open(.stars, .starStage)]
        }
    }

    static let entriesShown = 200

    mutating func perform(_ action: Action, _ ctx: AppContext) -> [Effect] {
        switch action {
        case .move(let d):
            selected = max(0, min(items.count - 1, selected + d))
            return []
        case .open:
            guard items.indices.contains(selected) else { return [] }
            let item = items[selected]
            if item != .points { return effects(for: item) }
        case .entries:
            break
        }
        do {
            let lines = try ctx.db.recentLedgerLines(limit: Self.entriesShown)
            guard !lines.isEmpty else { return [.ok(LocalizedText("还没有任何积分流水。", "There are no ledger entries yet."))] }
            let text = lines.map { line -> String in
                let e = line.entry
                let amount = e.amount > 0 ? "+\(e.amount)" : "\(e.amount)"
                return "\(e.at.prefix(16))  \(TextFit.fit(e.kind.label.text(), to: 6))  \(TextFit.fit(amount, to: 6, align: .right))  "
                    + "\(TextFit.fit(line.holderName, to: 22))  \(e.reason)"
            }
            let title = LocalizedText("最新积分流水（最近 \(lines.count) 笔，新的在前）", "Latest ledger entries (newest \(lines.count))")
            return [.present(.text(TextPage(title: title, lines: text)))]
        } catch {
            return [.error(userMessage(for: error))]
        }
    }

    mutating func reload(_ ctx: AppContext) throws {
        profile = try ctx.db.profile()
        figures = try ctx.db.dashboardFigures(today: ctx.today, reference: ctx.reference.consultation)
        alerts = try ctx.db.overviewAlerts(today: ctx.today)
        monthly = try ctx.db.monthlyActivity(today: ctx.today)
        selected = max(0, min(items.count - 1, selected))
        recent = try ctx.db.recentAuditLines(limit: max(1, ctx.bodyHeight - 15))
    }

    func render(into buffer: inout ScreenBuffer, area: Rect, ctx: AppContext) {
        // At 24 rows the blank lines around the name go, so the charts keep all their rows.
        var y = area.y + gap(area)
        if let profile {
            let place = "\(profile.city) · \(profile.district) · \(profile.street)"
            let w = buffer.put(profile.name, x: area.x + 2, y: y, style: .header)
            buffer.put("  " + place, x: area.x + 2 + w, y: y, maxWidth: area.width - w - 4, style: .muted)
            y += 1 + gap(area)
        }
        y = renderAlerts(into: &buffer, area: area, y: y)
        y = renderFigures(into: &buffer, area: area, y: y)
        y = renderCharts(into: &buffer, area: area, y: y)
        buffer.put(LocalizedText("最近操作", "Recent changes").text(), x: area.x + 2, y: y, style: .header)
        y += 1
        if recent.isEmpty {
            buffer.put(LocalizedText("还没有任何操作记录。", "Nothing has been recorded yet.").text(), x: area.x + 2, y: y, style: .muted)
        }
        for audit in recent where y < area.maxY - 1 {
            let entry = audit.entry
            let line = "\(entry.at.prefix(16))  \(TextFit.fit(entry.operatorName, to: 10))  \(audit.sentence.text())"
            buffer.put(line, x: area.x + 2, y: y, maxWidth: area.width - 4, style: .muted)
            y += 1
        }
    }
}
