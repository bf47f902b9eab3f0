import CommunityModel

/// The roster's third tab, 操作员 (书记/管理员 only): everyone who signs in, with role, state, lock and last
/// sign-in; add, reset a PIN, unlock, deactivate/reactivate, change a role, and the community settings.
/// A community has a handful of operators, so the tab holds them all.
struct OperatorsTab {
    enum Action: Equatable {
        case move(ListMove)
        case add, resetPin, unlock, deactivate, reactivate, role, settings, details
    }

    var rows: [Operator] = []
    var selected = 0

    var current: Operator? { rows.indices.contains(selected) ? rows[selected] : nil }

    func bindings(_ ctx: AppContext) -> [KeyBinding<Action>] {
        let noRow: LocalizedText? = current == nil ? LocalizedText("列表为空。", "The list is empty.") : nil
        var table = KeyBinding.listMoves { Action.move($0) }
        table += [
            KeyBinding(keys: [.enter], action: .details, help: LocalizedText("查看详情", "details"), disabledReason: noRow),
            KeyBinding(keys: [.char("a"), .ctrl("n")], action: .add, help: LocalizedText("新增操作员（姓名、角色、初始 PIN 输两次）", "add an operator (name, role, first PIN twice)"),
                       footer: true, short: LocalizedText("新增", "add")),
            KeyBinding(keys: [.char("p")], action: .resetPin, help: LocalizedText("重设 PIN（同时解锁）", "reset the PIN (also unlocks)"), footer: true,
                       disabledReason: noRow, short: LocalizedText("重设PIN", "reset PIN")),
            KeyBinding(keys: [.char("l")], action: .unlock, help: LocalizedText("解除锁定（输错 5 次 PIN 后）", "unlock (after five wrong PINs)"), disabledReason: noRow),
            KeyBinding(keys: [.char("e")], action: .role, help: LocalizedText("修改角色", "change the role"), disabledReason: noRow),
            KeyBinding(keys: [.char("d")], action: .deactivate, help: LocalizedText("停用（不删除，审计日志保留其姓名）", "deactivate (never deleted; the audit log keeps the name)"),
                       footer: true, disabledReason: noRow, short: LocalizedText("停用", "deactivate")),
            KeyBinding(keys: [.char("r")], action: .reactivate, help: LocalizedText("恢复", "reactivate"), disabledReason: noRow),
            KeyBinding(keys: [.char("s")], action: .settings, help: LocalizedText("社区设置（资料、信函人数、锁屏时间、打印机…）", "community settings (profile, letters, lock time, printer…)"),
                       footer: true, short: LocalizedText("设置", "settings")),
        ]
        return table
    }

    mutating func reload(_ ctx: AppContext) throws {
        let keep = current?.id
        rows = try ctx.db.operators()
        if let keep, let i = rows.firstIndex(where: { $0.id == keep }) { selected = i }
        selected = min(selected, max(0, rows.count - 1))
    }

    mutating func perform(_ action: Action, _ ctx: AppContext) -> [Effect] {
        switch action {
        case .move(let m):
            switch m {
            case .up: selected = max(0, selected - 1)
            case .down: selected = min(max(0, rows.count - 1), selected + 1)
            case .top, .pageUp: selected = 0
            case .bottom, .pageDown: selected = max(0, rows.count - 1)
            }
            return []
        case .add: return [.present(.form(OfficeForms.addOperator(ctx)))]
        case .settings: return [.present(.form(OfficeForms.settings(ctx)))]
        default: break
        }
        guard let op = current, let id = op.id else { return [] }
        switch action {
        case .resetPin: return [.present(.form(OfficeForms.resetPin(op, ctx)))]
        case .unlock:
            return [.write(StoreAction { db, actor in
                try db.unlockOperator(id: id, by: actor)
                return LocalizedText("已解锁 \(op.name)。", "Unlocked \(op.name).")
            })]
        case .deactivate, .reactivate:
            let active = action == .reactivate
            let verb = active ? LocalizedText("恢复", "Reactivate") : LocalizedText("停用", "Deactivate")
            return [.present(.confirm(ConfirmState(title: verb, message: LocalizedText("确定\(verb.zh)操作员 \(op.name) 吗？", "\(verb.en) operator \(op.name)?")
                + (active ? LocalizedText("", "") : LocalizedText("停用后不能登录；审计日志里的记录保留。", " They can no longer sign in; the audit log keeps their lines.")),
                onConfirm: [.write(StoreAction { db, actor in
                    try db.setOperatorActive(id: id, active: active, by: actor)
                    return LocalizedText("已\(verb.zh) \(op.name)。", "\(verb.en): \(op.name), done.")
                })])))]
        case .role:
            return [.present(.form(FormState(title: LocalizedText("修改角色 · \(op.name)", "Change role · \(op.name)"), fields: [
                FormField(id: "role", label: LocalizedText("角色", "Role"), value: op.role.label.text(), kind: .choice(OfficeForms.roleNames())),
            ]) { values, ctx in
                let role = OfficeForms.role(named: values["role"])
                try ctx.db.setOperatorRole(id: id, role: role, by: ctx.signedIn)
                return [.ok(LocalizedText("\(op.name) 的角色已改为 \(role.label.zh)。", "\(op.name) is now \(role.label.en).")), .reload]
            }))]
        case .details:
            return [.present(.text(TextPage(title: LocalizedText("操作员 · \(op.name)", "Operator · \(op.name)"), lines: Self.cells(op).enumerated().map { i, cell in
                TextFit.fit(Self.columns[i].title.text(), to: 12) + " " + cell
            })))]
        default: return []
        }
    }

    static var columns: [TableColumn] { [
        TableColumn(LocalizedText("姓名", "Name"), width: 0),
        TableColumn(LocalizedText("角色", "Role"), width: Language.current == .en ? 16 : 11),
        TableColumn(LocalizedText("状态", "State"), width: Language.current == .en ? 11 : 6),
        TableColumn(LocalizedText("锁定到", "Locked until"), width: 16),
        TableColumn(LocalizedText("最近登录", "Last sign-in"), width: 16),
    ] }

    static func cells(_ op: Operator) -> [String] {
        [op.name, op.role.label.text(),
         op.active ? LocalizedText("在用", "active").text() : LocalizedText("已停用", "deactivated").text(),
         op.lockedUntil.map { String($0.prefix(16)) } ?? "—",
         op.lastSignIn.map { String($0.prefix(16)) } ?? LocalizedText("从未登录", "never").text()]
    }

    func render(into buffer: inout ScreenBuffer, area: Rect) {
        TableView.render(into: &buffer, area: area, columns: Self.columns, rows: rows.map(Self.cells),
                         selected: rows.isEmpty ? nil : selected, marked: { _ in false },
                         style: { rows[$0].active ? .normal : .muted }, showMarks: false)
    }
}
