import CommunityModel

/// Screen 7, 名册: the members (在职党员) and organisations (报到单位党组织) who reported to the community.
/// Both lists are virtual: only the rows on screen are read from the store.
struct RosterScreen: Screen {
    enum Tab: Equatable { case members, organisations, operators }

    enum Action {
        case move(ListMove)
        case switchTab
        case add
        case edit
        case details
        case toggleMark
        case clearMarks
        case deactivate
        case reactivate
        case toggleInactive
        case importCSV
        case operators(OperatorsTab.Action)
    }

    let id = ScreenID.roster
    var tab = Tab.members
    var members = VirtualList<MemberRow>()
    var organisations = VirtualList<Organisation>()
    var filter = RosterFilter()
    var counts: RosterCounts?
    /// The third tab, for the 书记/管理员 only.
    var operatorsTab = OperatorsTab()
    /// Why the view changed after a save (the search cleared to keep the saved row selected), until the next key.
    var notice: LocalizedText?

    var filterText: String { filter.text }
    var supportsFilter: Bool { tab != .operators }

    // MARK: Keys

    func bindings(_ ctx: AppContext) -> [KeyBinding<Action>] {
        if tab == .operators {
            let switchTab = KeyBinding<Action>(keys: [.tab], action: .switchTab, help: LocalizedText("切换到在职党员", "switch to members"), footer: true,
                                               short: LocalizedText("切换", "switch"))
            return [switchTab] + operatorsTab.bindings(ctx).map { b in
                KeyBinding(keys: b.keys, action: .operators(b.action), help: b.help, footer: b.footer, disabledReason: b.disabledReason, short: b.short)
            }
        }
        let canEdit = ctx.signedIn.role != .kiosk
        let noEdit: LocalizedText? = canEdit ? nil : LocalizedText("兑换窗口账号不能修改名册。", "The redemption desk cannot change the roster.")
        let noRow: LocalizedText? = hasSelection ? nil : LocalizedText("列表为空，没有可操作的行。", "The list is empty; nothing to act on.")
        let other = tab == .members ? LocalizedText("报到单位", "organisations")
            : ctx.signedIn.role.mayManageOperators ? LocalizedText("操作员", "operators") : LocalizedText("在职党员", "members")
        var table = KeyBinding.listMoves { Action.move($0) }
        table += [
            KeyBinding(keys: [.tab], action: .switchTab, help: LocalizedText("切换到", "switch to ") + other, footer: true,
                       short: LocalizedText("切换", "switch")),
            KeyBinding(keys: [.enter], action: .details, help: LocalizedText("查看详情", "details"), disabledReason: noRow),
            KeyBinding(keys: [.char("a"), .ctrl("n")], action: .add, help: tab == .members ? LocalizedText("新增党员", "add member") : LocalizedText("新增单位", "add organisation"),
                       footer: true, disabledReason: noEdit),
            KeyBinding(keys: [.char("e")], action: .edit, help: LocalizedText("修改", "edit"), footer: true, disabledReason: noEdit ?? noRow),
            KeyBinding(keys: [.char(" ")], action: .toggleMark, help: LocalizedText("标记/取消标记（可多选）", "mark / unmark (several)"), disabledReason: noRow),
            KeyBinding(keys: [.char("u")], action: .clearMarks, help: LocalizedText("清除全部标记", "clear all marks")),
            KeyBinding(keys: [.char("d")], action: .deactivate, help: LocalizedText("停用（已标记的全部或当前行）", "deactivate (marked rows, or this one)"),
                       footer: true, disabledReason: noEdit ?? noRow, short: LocalizedText("停用", "deactivate")),
            KeyBinding(keys: [.char("r")], action: .reactivate, help: LocalizedText("恢复（已标记的全部或当前行）", "reactivate (marked rows, or this one)"),
                       footer: selectedInactive, disabledReason: noEdit ?? noRow, short: LocalizedText("恢复", "reactivate")),
            KeyBinding(keys: [.char("v")], action: .toggleInactive,
                       help: filter.includeInactive ? LocalizedText("隐藏已停用", "hide deactivated") : LocalizedText("显示已停用", "show deactivated")),
            KeyBinding(keys: [.char("i")], action: .importCSV, help: LocalizedText("从 CSV 文件导入（先检查全部，无误才写入）", "import a CSV file (all checked before anything is written)"),
                       disabledReason: noEdit),
        ]
        return table
    }

    /// A deactivated row is selected: the footer then offers r 恢复.
    private var selectedInactive: Bool {
        tab == .members ? members.current.map { !$0.active } ?? false : organisations.current.map { !$0.active } ?? false
    }

    private var hasSelection: Bool {
        tab == .members ? members.current != nil : organisations.current != nil
    }

    mutating func perform(_ action: Action, _ ctx: AppContext) -> [Effect] {
        notice = nil
        do {
            switch action {
            case .move(let move):
                if tab == .members { try members.move(move, memberSource(ctx)) } else { try organisations.move(move, organisationSource(ctx)) }
            case .switchTab:
                switch tab {
                case .members: tab = .organisations
                case .organisations: tab = ctx.signedIn.role.mayManageOperators ? .operators : .members
                case .operators: tab = .members
                }
                try reload(ctx)
            case .operators(let action):
                return operatorsTab.perform(action, ctx)
            case .add:
                return [.present(.form(tab == .members ? RosterForms.member(nil, ctx) : RosterForms.organisation(nil)))]
            case .edit:
                if tab == .members, let row = members.current {
                    return [.present(.form(RosterForms.member(row, ctx)))]
                } else if let org = organisations.current {
                    return [.present(.form(RosterForms.organisation(org)))]
                }
            case .details:
                return [.present(.text(detailsPage(ctx)))]
            case .toggleMark:
                if tab == .members { try members.toggleMark(memberSource(ctx)) } else { try organisations.toggleMark(organisationSource(ctx)) }
            case .clearMarks:
                members.marked = []
                organisations.marked = []
            case .deactivate:
                return [.present(.confirm(setActiveConfirm(active: false)))]
            case .reactivate:
                return [.present(.confirm(setActiveConfirm(active: true)))]
            case .importCSV:
                return [.present(.form(RosterForms.importFile(tab == .members ? .members : .organisations)))]
            case .toggleInactive:
                filter.includeInactive.toggle()
                try resetLists(ctx)
            }
        } catch {
            return [.error(userMessage(for: error))]
        }
        return []
    }

    /// One confirmation for all marked rows; the write changes them in one go and clears the marks.
    private func setActiveConfirm(active: Bool) -> ConfirmState {
        let isMembers = tab == .members
        let ids = isMembers ? members.targets : organisations.targets
        let verb = active ? LocalizedText("恢复", "Reactivate") : LocalizedText("停用", "Deactivate")
        let noun = isMembers ? LocalizedText("名党员", " member(s)") : LocalizedText("个单位", " organisation(s)")
        // Named by the first row acted on ("停用 李晓婷（CD00112）", "停用 李晓婷（CD00112）等 3 名党员").
        let first: String? = isMembers
            ? members.rows.first { ids.contains($0.id) }.map { "\($0.name)（\($0.memberCode)）" }
            : organisations.rows.first { ids.contains($0.id ?? -1) }.map(\.name)
        let what: LocalizedText
        if let first, ids.count == 1 {
            what = LocalizedText("\(verb.zh) \(first)", "\(verb.en) \(first)")
        } else if let first {
            what = LocalizedText("\(verb.zh) \(first) 等 \(ids.count) \(noun.zh)", "\(verb.en) \(first) and \(ids.count - 1) more")
        } else {
            what = LocalizedText("\(verb.zh) \(ids.count) \(noun.zh)", "\(verb.en) \(ids.count)\(noun.en)")
        }
        let note = active ? LocalizedText("", "") : LocalizedText("停用后不再出现在认领和排名中，记录和积分保留，可随时恢复。",
                                                                  " They leave claims and rankings; their records and points stay and they can be reactivated.")
        return ConfirmState(title: verb, message: LocalizedText("确定\(what.zh)吗？", "\(what.en)?") + note, onConfirm: [
            .write(StoreAction { db, actor in
                for id in ids {
                    if isMembers { try db.setMemberActive(id: id, active: active, by: actor) } else { try db.setOrganisationActive(id: id, active: active, by: actor) }
                }
                return LocalizedText("已\(what.zh)。", "\(what.en): done.")
            }),
            .reload,
        ])
    }

    mutating func reload(_ ctx: AppContext) throws {
        if tab == .operators {
            // Signed in as someone else after the desk was unlocked: the tab is not theirs.
            guard ctx.signedIn.role.mayManageOperators else { tab = .members; return try reload(ctx) }
            return try operatorsTab.reload(ctx)
        }
        counts = try ctx.db.rosterCounts()
        let page = listRows(ctx)
        if tab == .members { try members.reload(memberSource(ctx), pageSize: page) } else { try organisations.reload(organisationSource(ctx), pageSize: page) }
    }

    private mutating func resetLists(_ ctx: AppContext) throws {
        let page = listRows(ctx)
        if tab == .members { try members.reset(memberSource(ctx), pageSize: page) } else { try organisations.reset(organisationSource(ctx), pageSize: page) }
    }

    /// From the audit log: a member's or organisation's details, or the operators tab on that operator.
    mutating func open(_ record: AuditRecord, _ ctx: AppContext) -> [Effect]? {
        do {
            switch record {
            case .member(let id):
                guard let m = try ctx.db.member(id: id) else { return [.error(LocalizedText("这名党员已不在名册中。", "That member is no longer on the roster."))] }
                return [.present(.text(memberPage(m, ctx)))]
            case .organisation(let id):
                guard let o = try ctx.db.organisation(id: id) else { return [.error(LocalizedText("这个单位已不在名册中。", "That organisation is no longer on the roster."))] }
                return [.present(.text(organisationPage(o, ctx)))]
            case .operatorAccount(let id):
                guard ctx.signedIn.role.mayManageOperators else { return [.error(LocalizedText("只有书记/管理员可以查看操作员。", "Only the secretary/admin sees the operators."))] }
                tab = .operators
                try reload(ctx)
                if let i = operatorsTab.rows.firstIndex(where: { $0.id == id }) { operatorsTab.selected = i }
                return []
            default: return nil
            }
        } catch {
            return [.error(userMessage(for: error))]
        }
    }

    /// After a save: the saved member or organisation stays selected, on its tab, wherever its new code or name
    /// puts it. When it no longer matches the search, the search is cleared and the screen says so: the
    /// list keeps meaning what its filter says, and the cursor never lands on somebody else (who might then be
    /// edited or deactivated by mistake).
    mutating func select(_ record: AuditRecord, _ ctx: AppContext) throws {
        let name: String
        switch record {
        case .member(let id):
            guard let row = try ctx.db.member(id: id) else { return }
            if tab != .members { tab = .members; try reload(ctx) }
            if try members.focus(row.listKey, memberSource(ctx), pageSize: listRows(ctx)) { return }
            name = row.name
        case .organisation(let id):
            guard let org = try ctx.db.organisation(id: id) else { return }
            if tab != .organisations { tab = .organisations; try reload(ctx) }
            if try organisations.focus(org.listKey, organisationSource(ctx), pageSize: listRows(ctx)) { return }
            name = org.name
        default:
            return
        }
        let was = filter.text
        guard !was.isEmpty || !filter.includeInactive else { return }
        filter = RosterFilter()
        try resetLists(ctx)
        try select(record, ctx)
        notice = was.isEmpty
            ? LocalizedText("已显示停用的记录，以选中 \(name)", "deactivated rows shown again to keep \(name) selected")
            : LocalizedText("\(name) 已不符合查找“\(was)”，已清除查找", "search “\(was)” cleared: \(name) no longer matches it")
    }

    mutating func applyFilter(_ text: String, _ ctx: AppContext) -> [Effect]? {
        notice = nil
        filter.text = text
        do {
            try resetLists(ctx)
            let total = tab == .members ? members.total : organisations.total
            if !text.isEmpty && total == 0 {
                return [.error(LocalizedText("没有找到“\(text)”。可按姓名、拼音或首字母、单位、党员编号或手机尾号查找。",
                                             "Nothing matches “\(text)”. Search by name, its pinyin or initials, organisation, member code or phone tail."))]
            }
        } catch {
            return [.error(userMessage(for: error))]
        }
        return []
    }

    /// Rows the list can show: the body minus the summary line and the table header.
    func listRows(_ ctx: AppContext) -> Int { max(1, ctx.bodyHeight - 3) }

    func memberSource(_ ctx: AppContext) -> VirtualList<MemberRow>.Source {
        let db = ctx.db, filter = self.filter
        return .init(fetch: { try db.members(filter, $0) }, count: { try db.memberCount(filter, before: $0) })
    }

    func organisationSource(_ ctx: AppContext) -> VirtualList<Organisation>.Source {
        let db = ctx.db, filter = self.filter
        return .init(fetch: { try db.organisations(filter, $0) }, count: { try db.organisationCount(filter, before: $0) })
    }
}
