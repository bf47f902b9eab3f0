import CommunityModel

/// Screen 1, 总览: the community at a glance — who it is, its roster in figures, and the latest changes.
/// Every figure comes from a SQL aggregate; capabilities not built yet are named as such, not guessed.
struct DashboardScreen: Screen {
    let id = ScreenID.dashboard
    var profile: CommunityProfile?
    var counts: RosterCounts?
    var recent: [AuditEntry] = []

    enum Action { case roster }

    func bindings(_ ctx: AppContext) -> [KeyBinding<Action>] {
        [KeyBinding(keys: [.enter], action: .roster, help: LocalizedText("打开名册", "open the roster"), footer: true)]
    }

    mutating func perform(_ action: Action, _ ctx: AppContext) -> [Effect] {
        [.switchScreen(.roster)]
    }

    mutating func reload(_ ctx: AppContext) throws {
        profile = try ctx.db.profile()
        counts = try ctx.db.rosterCounts()
        recent = try ctx.db.auditLog(.first(max(1, ctx.bodyHeight - 12)))
    }

    func render(into buffer: inout ScreenBuffer, area: Rect, ctx: AppContext) {
        var y = area.y + 1
        if let profile {
            let place = "\(profile.city) · \(profile.district) · \(profile.street)"
            let w = buffer.put(profile.name, x: area.x + 2, y: y, style: .header)
            buffer.put("  " + place, x: area.x + 2 + w, y: y, maxWidth: area.width - w - 4, style: .muted)
            y += 2
        }
        if let c = counts {
            let lines = [
                LocalizedText("报到单位党组织  \(c.organisationsActive) 个在册（市级 \(c.organisationsCity) · 区级 \(c.organisationsDistrict)）",
                              "Organisations   \(c.organisationsActive) active (city \(c.organisationsCity) · district \(c.organisationsDistrict))"),
                LocalizedText("在职党员        \(c.membersActive) 人在册（市直 \(c.membersCity) · 区直 \(c.membersDistrict)）",
                              "Members         \(c.membersActive) active (city \(c.membersCity) · district \(c.membersDistrict))"),
            ]
            for line in lines {
                buffer.put(line.text(), x: area.x + 2, y: y, maxWidth: area.width - 4)
                y += 1
            }
            y += 1
        }
        buffer.put(LocalizedText("最近操作", "Recent changes").text(), x: area.x + 2, y: y, style: .header)
        y += 1
        if recent.isEmpty {
            buffer.put(LocalizedText("还没有任何操作记录。", "Nothing has been recorded yet.").text(), x: area.x + 2, y: y, style: .muted)
        }
        for entry in recent where y < area.maxY - 1 {
            let line = "\(entry.at.prefix(16))  \(TextFit.fit(entry.operatorName, to: 10))  \(TextFit.fit(AuditActionLabels.label(entry.action), to: 10))  \(entry.detail)"
            buffer.put(line, x: area.x + 2, y: y, maxWidth: area.width - 4, style: .muted)
            y += 1
        }
    }
}
