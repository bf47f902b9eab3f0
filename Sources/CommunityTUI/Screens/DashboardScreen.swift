import CommunityModel

/// Screen 1, 总览: the community at a glance — who it is, its roster in figures, and the latest changes.
/// Every figure comes from a SQL aggregate; capabilities not built yet are named as such, not guessed.
struct DashboardScreen: Screen {
    let id = ScreenID.dashboard
    var profile: CommunityProfile?
    var figures: DashboardFigures?
    /// The change mark and day the figures were computed for; unchanged, switching back to 1 costs nothing.
    var figuresAsOf: (mark: Int64, day: String)?
    var recent: [AuditEntry] = []
    /// Closed periods whose letters are due but not generated (screen 5), read with the figures.
    var pendingLetters: [PendingLetters] = []

    enum Action { case entries }

    func bindings(_ ctx: AppContext) -> [KeyBinding<Action>] {
        [KeyBinding(keys: [.enter], action: .entries, help: LocalizedText("查看积分数字背后的最新积分流水", "the latest ledger entries behind the points figures"),
                    footer: true, short: LocalizedText("积分流水", "ledger entries"))]
    }

    static let entriesShown = 200

    mutating func perform(_ action: Action, _ ctx: AppContext) -> [Effect] {
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
        let mark = try ctx.db.changeMark()
        if figures == nil || figuresAsOf?.mark != mark || figuresAsOf?.day != ctx.today {
            figures = try ctx.db.dashboardFigures(today: ctx.today, reference: ctx.reference.consultation)
            figuresAsOf = (mark, ctx.today)
            pendingLetters = (try? ctx.db.pendingLetterPeriods(today: ctx.today)) ?? []
        }
        recent = try ctx.db.auditLog(.first(max(1, ctx.bodyHeight - 15)))
    }

    func render(into buffer: inout ScreenBuffer, area: Rect, ctx: AppContext) {
        var y = area.y + 1
        if let profile {
            let place = "\(profile.city) · \(profile.district) · \(profile.street)"
            let w = buffer.put(profile.name, x: area.x + 2, y: y, style: .header)
            buffer.put("  " + place, x: area.x + 2 + w, y: y, maxWidth: area.width - w - 4, style: .muted)
            y += 2
        }
        if let figures {
            let c = figures.roster, k = figures.consultation, v = figures.volunteer
            let rate = String(format: "%.1f%%", k.satisfactionRate * 100)
            let steps = k.openByStep.enumerated().map { "\(ConsultationSteps.circled($0.offset + 1))\($0.element)" }.joined(separator: " ")
            let lines: [(LocalizedText, StyleRole)] = [
                (LocalizedText("名册  报到单位 \(c.organisationsActive) 个（市级 \(c.organisationsCity) · 区级 \(c.organisationsDistrict)） · 在职党员 \(c.membersActive) 人",
                               "Roster  \(c.organisationsActive) organisations (city \(c.organisationsCity) · district \(c.organisationsDistrict)) · \(c.membersActive) members"), .normal),
                (LocalizedText("议事  已议 \(k.discussed) · 已解决 \(k.resolved) · 满意率 \(rate) · 办理中 \(k.open)",
                               "Consult  discussed \(k.discussed) · resolved \(k.resolved) · satisfaction \(rate) · open \(k.open)"), .normal),
                (LocalizedText("      各步骤办理中 \(steps)", "      open by step \(steps)"), .muted),
                (LocalizedText("任务  进行中 \(v.tasksOpen) 项 · 待审核 \(v.claimsPendingReview) 条 · 服务 \(v.serviceTimes) 人次",
                               "Tasks  \(v.tasksOpen) open · \(v.claimsPendingReview) claims to review · \(v.serviceTimes) services"), .normal),
                (LocalizedText("积分  已发放 \(v.pointsIssued) 分 · 未兑换余额 \(figures.points.outstanding) 分",
                               "Points  \(v.pointsIssued) issued · \(figures.points.outstanding) outstanding"), .normal),
            ]
            for (line, style) in lines {
                buffer.put(line.text(), x: area.x + 2, y: y, maxWidth: area.width - 4, style: style)
                y += 1
            }
            if k.overdue > 0 || v.claimsPendingReview > 0 {
                var alerts: [String] = []
                if k.overdue > 0 { alerts.append(LocalizedText("\(k.overdue) 个议题超过本步期限（按 2 查看）", "\(k.overdue) issue(s) overdue (press 2)").text()) }
                if v.claimsPendingReview > 0 { alerts.append(LocalizedText("\(v.claimsPendingReview) 条认领等待审核（按 3）", "\(v.claimsPendingReview) claim(s) to review (press 3)").text()) }
                buffer.put("⚠ " + alerts.joined(separator: LocalizedText("；", "; ").text()), x: area.x + 2, y: y, maxWidth: area.width - 4, style: .warning)
                y += 1
            }
            y += 1
        }
        for p in pendingLetters {
            buffer.put("✉ " + LocalizedText("\(p.period.shortLabel.zh)排名已可生成信函：感谢信 \(p.thanks) 封 · 提醒函 \(p.reminders) 封（按 5）",
                                            "\(p.period.shortLabel.en) ranking ready for letters: \(p.thanks) thanks · \(p.reminders) reminders (press 5)").text(),
                       x: area.x + 2, y: y, maxWidth: area.width - 4, style: .accent)
            y += 1
        }
        buffer.put(LocalizedText("最近操作", "Recent changes").text(), x: area.x + 2, y: y, style: .header)
        y += 1
        if recent.isEmpty {
            buffer.put(LocalizedText("还没有任何操作记录。", "Nothing has been recorded yet.").text(), x: area.x + 2, y: y, style: .muted)
        }
        for entry in recent where y < area.maxY - 1 {
            let line = "\(entry.at.prefix(16))  \(TextFit.fit(entry.operatorName, to: 10))  \(TextFit.fit(AuditActionLabels.label(entry.action), to: Language.current == .en ? 18 : 12))  \(entry.detail)"
            buffer.put(line, x: area.x + 2, y: y, maxWidth: area.width - 4, style: .muted)
            y += 1
        }
    }
}
