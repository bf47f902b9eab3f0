import CommunityModel

extension RosterScreen {
    /// Widths follow the language: 市直 is four columns, "district" eight.
    static var levelWidth: Int { Language.current == .en ? 8 : 4 }
    static var stateWidth: Int { Language.current == .en ? 8 : 6 }

    static var memberColumns: [TableColumn] { [
        TableColumn(LocalizedText("党员编号", "Code"), width: 8),
        TableColumn(LocalizedText("姓名", "Name"), width: 8),
        TableColumn(LocalizedText("手机", "Mobile"), width: 11),
        TableColumn(LocalizedText("报到单位", "Organisation"), width: 0),
        TableColumn(LocalizedText("级别", "Level"), width: levelWidth),
        TableColumn(LocalizedText("报到日期", "Reported"), width: 10),
        TableColumn(LocalizedText("状态", "State"), width: stateWidth),
    ] }

    static var organisationColumns: [TableColumn] { [
        TableColumn(LocalizedText("单位党组织", "Organisation"), width: 0),
        TableColumn(LocalizedText("级别", "Level"), width: levelWidth),
        TableColumn(LocalizedText("联系人", "Contact"), width: 8),
        TableColumn(LocalizedText("电话", "Phone"), width: 11),
        TableColumn(LocalizedText("报到日期", "Reported"), width: 10),
        TableColumn(LocalizedText("状态", "State"), width: stateWidth),
    ] }

    static func stateText(_ active: Bool) -> String {
        active ? LocalizedText("在册", "active").text() : LocalizedText("已停用", "inactive").text()
    }

    /// The desk sees full numbers; the kiosk only the tail, as residents stand beside it.
    static func phone(_ phone: String, _ ctx: AppContext) -> String {
        ctx.signedIn.role == .kiosk ? maskedPhone(phone) : phone
    }

    func render(into buffer: inout ScreenBuffer, area: Rect, ctx: AppContext) {
        renderTabs(into: &buffer, area: area, ctx: ctx)
        let table = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 2)
        let footerY = area.maxY - 1
        if tab == .operators {
            operatorsTab.render(into: &buffer, area: table)
            return
        }
        if tab == .members {
            let rows = members.rows.map { m in
                [m.memberCode, m.name, Self.phone(m.phone, ctx), m.organisationName ?? "—", m.level.label.text(), m.reportedOn, Self.stateText(m.active)]
            }
            TableView.render(into: &buffer, area: table, columns: Self.memberColumns, rows: rows,
                             selected: members.isEmpty ? nil : members.selected,
                             marked: { members.marked.contains(members.rows[$0].id) },
                             style: { members.rows[$0].active ? .normal : .muted }, showMarks: true)
            renderPosition(into: &buffer, y: footerY, area: area, list: (members.position, members.total, members.marked.count))
        } else {
            let rows = organisations.rows.map { o in
                [o.name, o.level.label.text(), o.contact, Self.phone(o.phone, ctx), o.reportedOn, Self.stateText(o.active)]
            }
            TableView.render(into: &buffer, area: table, columns: Self.organisationColumns, rows: rows,
                             selected: organisations.isEmpty ? nil : organisations.selected,
                             marked: { organisations.marked.contains(organisations.rows[$0].listKey.id) },
                             style: { organisations.rows[$0].active ? .normal : .muted }, showMarks: true)
            renderPosition(into: &buffer, y: footerY, area: area, list: (organisations.position, organisations.total, organisations.marked.count))
        }
        if (tab == .members ? members.isEmpty : organisations.isEmpty) {
            let empty = filter.text.isEmpty
                ? LocalizedText("名册还是空的：按 a 新增，或用 community import 导入 CSV 文件。", "The roster is empty: press a to add, or import a CSV file with community import.")
                : LocalizedText("没有符合“\(filter.text)”的记录；按 / 修改查找，Esc 清除。", "Nothing matches “\(filter.text)”; press / to change the search, Esc to clear.")
            buffer.put(empty.text(), x: area.x + 2, y: area.y + 3, maxWidth: area.width - 4, style: .muted)
        }
    }

    private func renderTabs(into buffer: inout ScreenBuffer, area: Rect, ctx: AppContext) {
        var x = area.x
        let memberLabel = LocalizedText("在职党员", "Members").text()
        let orgLabel = LocalizedText("报到单位", "Organisations").text()
        x += buffer.put(" \(memberLabel) ", x: x, y: area.y, style: tab == .members ? .tabActive : .muted)
        x += 1
        x += buffer.put(" \(orgLabel) ", x: x, y: area.y, style: tab == .organisations ? .tabActive : .muted)
        if ctx.signedIn.role.mayManageOperators {
            x += 1
            x += buffer.put(" \(LocalizedText("操作员", "Operators").text()) ", x: x, y: area.y, style: tab == .operators ? .tabActive : .muted)
        }
        x += 2
        if tab == .operators { return }
        if let counts {
            let summary = tab == .members
                ? LocalizedText("共 \(counts.members) 人，在册 \(counts.membersActive)（市直 \(counts.membersCity) · 区直 \(counts.membersDistrict)）",
                                "\(counts.members), \(counts.membersActive) active (city \(counts.membersCity) · district \(counts.membersDistrict))")
                : LocalizedText("共 \(counts.organisations) 个，在册 \(counts.organisationsActive)（市级 \(counts.organisationsCity) · 区级 \(counts.organisationsDistrict)）",
                                "\(counts.organisations), \(counts.organisationsActive) active (city \(counts.organisationsCity) · district \(counts.organisationsDistrict))")
            x += buffer.put(summary.text(), x: x, y: area.y, maxWidth: area.maxX - x, style: .normal)
        }
        if !filter.text.isEmpty {
            buffer.put("  " + LocalizedText("查找：", "find: ").text() + filter.text, x: x, y: area.y, maxWidth: area.maxX - x, style: .accent)
        }
    }

    private func renderPosition(into buffer: inout ScreenBuffer, y: Int, area: Rect, list: (position: Int, total: Int, marked: Int)) {
        var text = "\(list.position)/\(list.total)"
        if list.marked > 0 { text = LocalizedText("已标记 \(list.marked) 行  ", "\(list.marked) marked  ").text() + text }
        if !filter.includeInactive { text = LocalizedText("（已隐藏停用）", "(deactivated hidden) ").text() + text }
        let w = DisplayWidth.of(text)
        buffer.put(text, x: area.maxX - w - 1, y: y, style: .muted)
        // Left of the position, where the whole line is free: the header line is full at 80 columns.
        if let notice {
            buffer.put(" " + notice.text(), x: area.x, y: y, maxWidth: max(0, area.maxX - w - 3 - area.x), style: .accent)
        }
    }

    func detailsPage(_ ctx: AppContext) -> TextPage {
        if tab == .members, let m = members.current { return memberPage(m, ctx) }
        if tab == .organisations, let o = organisations.current { return organisationPage(o, ctx) }
        return TextPage(title: LocalizedText("详情", "Details"), lines: [])
    }

    func memberPage(_ m: MemberRow, _ ctx: AppContext) -> TextPage {
        func row(_ label: LocalizedText, _ value: String) -> String {
            TextFit.fit(label.text(), to: 10) + " " + value
        }
        return TextPage(title: LocalizedText("党员 · \(m.name)", "Member · \(m.name)"), lines: [
            row(LocalizedText("姓名", "Name"), m.name),
            row(LocalizedText("手机", "Mobile"), Self.phone(m.phone, ctx)),
            row(LocalizedText("党员编号", "Code"), m.memberCode),
            row(LocalizedText("报到单位", "Organisation"), m.organisationName ?? "—"),
            row(LocalizedText("级别", "Level"), m.level.label.text()),
            row(LocalizedText("报到日期", "Reported"), m.reportedOn),
            row(LocalizedText("状态", "State"), Self.stateText(m.active)),
        ])
    }

    func organisationPage(_ o: Organisation, _ ctx: AppContext) -> TextPage {
        func row(_ label: LocalizedText, _ value: String) -> String {
            TextFit.fit(label.text(), to: 10) + " " + value
        }
        return TextPage(title: LocalizedText("单位 · \(o.name)", "Organisation · \(o.name)"), lines: [
            row(LocalizedText("名称", "Name"), o.name),
            row(LocalizedText("级别", "Level"), o.level.label.text()),
            row(LocalizedText("联系人", "Contact"), o.contact),
            row(LocalizedText("电话", "Phone"), Self.phone(o.phone, ctx)),
            row(LocalizedText("报到日期", "Reported"), o.reportedOn),
            row(LocalizedText("状态", "State"), Self.stateText(o.active)),
        ])
    }
}
