import CommunityModel
import Foundation

/// The desk's lock screen (issue 14): shown after the idle minutes of the settings or on Ctrl-L. It names
/// the signed-in operator and nothing else; the screens and any open form stay underneath, untouched, until
/// a PIN unlocks. Another operator's PIN unlocks too and signs that operator in instead.
struct DeskLock {
    /// Who was signed in when the desk locked.
    var lockedBy: Actor
    var form: FormState
    var failure: LocalizedText?

    init(lockedBy: Actor, ctx: AppContext) {
        self.lockedBy = lockedBy
        let others = ((try? ctx.db.operatorNames()) ?? []).filter { $0 != lockedBy.name }
        form = FormState(title: LocalizedText("桌面已锁定", "Desk locked"), fields: [
            FormField(id: "operator", label: LocalizedText("操作员", "Operator"), value: lockedBy.name, kind: .choice([lockedBy.name] + others), required: true),
            FormField(id: "pin", label: LocalizedText("PIN 码", "PIN"), kind: .secret, required: true),
        ]) { _, _ in [] }
        form.focus = 1
    }

    /// Seconds without a key before the desk locks: `COMMUNITY_LOCK_SECONDS` (for tests and a shared
    /// machine's policy) wins over the community's setting in minutes.
    static func idleSeconds(_ db: CommunityDatabase, environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
        if let text = environment["COMMUNITY_LOCK_SECONDS"], let seconds = Int(text), seconds > 0 { return seconds }
        return ((try? db.settings().deskLockMinutes) ?? 10) * 60
    }

    func render(into buffer: inout ScreenBuffer, area: Rect) {
        let lines = [
            LocalizedText("此桌面已锁定，当前操作员：\(lockedBy.name)", "This desk is locked; signed in: \(lockedBy.name)"),
            LocalizedText("输入 PIN 解锁；↑ 再 ←/→ 可换其他操作员登录。正在填写的内容已保留。",
                          "Type the PIN to unlock; ↑ then ←/→ to switch operator. Open work is kept."),
        ]
        for (i, line) in lines.enumerated() {
            let text = line.text()
            buffer.put(text, x: area.x + max(1, (area.width - DisplayWidth.of(text)) / 2), y: area.y + 1 + i, maxWidth: area.width - 2,
                       style: i == 0 ? .header : .muted)
        }
        var shown = form
        if let failure { shown.formError = failure }
        ModalView.renderForm(shown, into: &buffer, area: area)
    }
}

extension App {
    /// Locks at once (Ctrl-L, or the idle time ran out). The status line is cleared: its last message may name
    /// a resident.
    mutating func lockDesk() {
        guard phase == .main, lock == nil, let actor = ctx.actor else { return }
        lock = DeskLock(lockedBy: actor, ctx: ctx)
        status = nil
        filterPrompt = nil
    }

    /// Called by the runner when no key came for `seconds`.
    mutating func idle(for seconds: Int) {
        if seconds >= DeskLock.idleSeconds(ctx.db) { lockDesk() }
    }

    mutating func handleLockKey(_ key: Key) {
        guard var current = lock else { return }
        switch key {
        case .ctrl("c"):
            // Quitting from the lock would throw away an open form that its owner cannot see: refuse then.
            let editing = modals.contains { if case .form = $0 { return true } else { return false } }
            if editing {
                current.failure = LocalizedText("有正在填写的内容，请先解锁再退出。", "A form is open; unlock first, then quit.")
            } else {
                quitRequested = true
            }
        case .escape:
            current.form.fields[1].value = ""
            current.form.fields[1].cursor = 0
        case .enter where current.form.focus == 0:
            current.form.focus = 1
        case .enter, .ctrl("s"):
            let name = current.form.values["operator"], pin = current.form.values["pin"]
            current.form.fields[1].value = ""
            current.form.fields[1].cursor = 0
            do {
                let actor = try ctx.db.login(name: name, pin: pin)
                // Someone else may take over the desk only with a desk role; the one who locked it always may.
                guard actor.role.mayUseDesk || actor.operatorId == current.lockedBy.operatorId else {
                    throw LoginError.notPermitted(LocalizedText("使用工作台（兑换窗口账号只能用于兑换窗口）", "use the desk (a redemption desk account is for the kiosk only)"))
                }
                lock = nil
                if actor.operatorId != ctx.actor?.operatorId {
                    ctx.actor = actor
                    status = (LocalizedText("已解锁，当前操作员：\(actor.name)。", "Unlocked; signed in: \(actor.name)."), false)
                    reloadCurrent()
                } else {
                    status = (LocalizedText("已解锁。", "Unlocked."), false)
                }
                return
            } catch {
                current.failure = userMessage(for: error)
            }
        default:
            _ = current.form.handle(key, ctx)
            current.failure = nil
        }
        lock = current
    }
}
