import CommunityModel
import Foundation

/// `community kiosk`: the app locked to screen 4. No other screen, no quitting without a supervisor PIN,
/// and what a resident left on screen clears after the idle time.
extension App {
    /// The screen the app opens on (and the only one at the kiosk).
    var homeScreen: ScreenID { ctx.kiosk ? .points : .dashboard }

    /// Keys the kiosk takes before anything else; true when the key was used up here.
    mutating func kioskIntercepts(_ key: Key) -> Bool {
        guard ctx.kiosk else { return false }
        kioskState.lastActivity = Date()
        // A locked screen (the desk's own idle lock) takes its PIN digits itself.
        guard phase == .main, lock == nil else { return false }
        // Suspend and quit-signal keys arrive as characters in raw mode; they do nothing here.
        if key == .ctrl("z") || key == .char("\u{1C}") || key == .ctrl("\\") {
            status = (Self.kioskStaysOpen, true)
            return true
        }
        if tooSmall { return key != .ctrl("c") }
        if filterPrompt != nil || !modals.isEmpty { return false }
        if case .char(let c) = key.normalized, ("1"..."7").contains(c) {
            status = (LocalizedText("兑换窗口只办理积分兑换，不能切换到其他页面。", "The kiosk only redeems points; other screens are not available here."), true)
            return true
        }
        return false
    }

    static let kioskStaysOpen = LocalizedText("兑换窗口不能挂起或直接退出；离开请按 q，并由书记/管理员输入 PIN。",
                                              "The kiosk cannot be suspended or closed directly; to leave press q and have a secretary type the PIN.")

    /// q and Ctrl-C at the kiosk: ask for a supervisor PIN (once; a second press keeps the same form).
    mutating func askToLeave() {
        if case .form(let form) = modals.last, form.title.zh.hasPrefix(KioskForms.leaveTitle.zh) { return }
        filterPrompt = nil
        modals.append(.form(KioskForms.leave(ctx)))
    }

    /// Ctrl-T: training on (supervisor PIN) or off (a confirmation; the copy is removed).
    mutating func toggleTraining() {
        if ctx.training {
            modals.append(.confirm(ConfirmState(
                title: LocalizedText("结束培训模式", "End training mode"),
                message: LocalizedText("结束培训？培训中的兑换、凭条和作废都只在临时副本里，结束后一并删除；之后的操作记入真实数据。",
                                       "End training? Everything done in training lives in a temporary copy that is now deleted; what follows is real."),
                onConfirm: [.kiosk(.endTraining)])))
        } else {
            modals.append(.form(KioskForms.training(ctx)))
        }
    }

    mutating func performKiosk(_ request: KioskRequest) {
        switch request {
        case .leave(let supervisor):
            endTraining()
            // The PIN was right: leaving is not held up by a log line that cannot be written.
            try? ctx.db.recordKioskEvent(.left, by: supervisor, clerk: ctx.actor)
            quitRequested = true
        case .startTraining(let supervisor):
            guard !ctx.training else { return }
            do {
                let (copy, folder) = try TrainingCopy.make(from: ctx.db)
                do {
                    // On the real file, which keeps it after the copy is gone: who allowed training, for whom.
                    try ctx.db.recordKioskEvent(.trainingStarted, by: supervisor, clerk: ctx.actor)
                } catch {
                    TrainingCopy.remove(copy, folder: folder)
                    throw error
                }
                ctx.realDB = ctx.db
                ctx.db = copy
                // The copy has a writer of its own: ready it as the first frame readied the real one.
                copy.warmConfirm()
                kioskState.trainingFolder = folder
                kioskState.trainingSupervisor = supervisor.name
                restartKioskScreen()
                status = (LocalizedText("培训模式已开启（\(supervisor.name) 批准）：在临时副本上练习，余额、库存、券和报表都不受影响。Ctrl-T 结束。",
                                        "Training mode on (allowed by \(supervisor.name)): practice on a temporary copy; real balances, stock, vouchers and reports are untouched. Ctrl-T ends it."), false)
            } catch {
                status = (userMessage(for: error), true)
            }
        case .endTraining:
            endTraining()
            restartKioskScreen()
            status = (LocalizedText("培训模式已结束，临时副本已删除。", "Training mode ended; the temporary copy is deleted."), false)
        }
    }

    /// Back to the real file; the copy and everything written beside it go away.
    mutating func endTraining() {
        guard let real = ctx.realDB else { return }
        let copy = ctx.db
        ctx.db = real
        ctx.realDB = nil
        if let folder = kioskState.trainingFolder { TrainingCopy.remove(copy, folder: folder) }
        if let clerk = ctx.actor { try? real.recordKioskEvent(.trainingEnded, by: clerk, clerk: clerk) }
        kioskState.trainingFolder = nil
        kioskState.trainingSupervisor = nil
    }

    /// Called by the runner when no key came: after the idle time the basket and lookup clear, open windows
    /// close (a PIN form too), and the screen is back at an empty lookup. True when the frame changed.
    mutating func tick(now: Date = Date()) -> Bool {
        guard ctx.kiosk, phase == .main, kioskState.isIdle(at: now) else { return false }
        kioskState.lastActivity = now
        let wasEmpty = modals.isEmpty && filterPrompt == nil && screens[.points].map(\.showsNothingToClear) ?? true
        if wasEmpty { return false }
        modals.removeAll()
        filterPrompt = nil
        restartKioskScreen()
        status = (LocalizedText("长时间无操作，已清空查找和兑换篮。", "Idle for a while: the lookup and basket were cleared."), false)
        return true
    }

    /// A fresh screen 4: nothing of the last resident (lookup, basket, receipt) stays.
    mutating func restartKioskScreen() {
        screens[.points] = ScreenRegistry.make(.points)
        current = .points
        reloadCurrent()
    }
}

extension Screen {
    /// Nothing a resident typed or chose is on the screen (the idle clear has nothing to do).
    var showsNothingToClear: Bool { (self as? any KioskClearable)?.isPristine ?? true }
}

/// A screen that can tell the kiosk whether it holds a resident's lookup or basket.
protocol KioskClearable {
    var isPristine: Bool { get }
}

extension App {
    /// The kiosk's top line: only its one screen, and in training a banner no one can miss, on every frame.
    func renderKioskBar(into buffer: inout ScreenBuffer) {
        buffer.fill(x: 0, y: 0, width: width, style: ctx.training ? .tabActive : .title)
        var x = 1
        if ctx.training {
            let banner = LocalizedText(" ▲ 培训模式 · 练习数据，不计入真实账目 ▲ ", " ▲ TRAINING MODE · practice data, nothing real ▲ ").text()
            x += buffer.put(banner, x: x, y: 0, style: .tabActive) + 1
        } else {
            x += buffer.put(" \(ScreenID.points.rawValue) " + LocalizedText("积分兑换 · 兑换窗口", "Points · redemption kiosk").text() + " ",
                            x: x, y: 0, style: .tabActive) + 1
        }
        let name = ctx.community + (isDemo ? LocalizedText(" · 演示", " · demo").text() : "")
        let w = DisplayWidth.of(name)
        if x + w + 1 < width { buffer.put(name, x: width - w - 1, y: 0, style: ctx.training ? .tabActive : .title) }
    }
}
