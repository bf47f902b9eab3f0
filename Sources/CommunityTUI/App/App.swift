import CommunityModel
import Foundation

/// The whole UI state and its update function. The runner feeds it keys and draws what it renders;
/// nothing here touches the terminal, so tests drive it with keys and read the buffer.
struct App {
    enum Phase: Equatable {
        /// A new database: community profile and first secretary.
        case setup
        case login
        case main
    }

    var ctx: AppContext
    var phase: Phase
    var current: ScreenID = .dashboard
    var screens: [ScreenID: any Screen] = [:]
    /// What each screen's last load depended on (see `ScreenLoadStamp`).
    var loadStamps: [ScreenID: ScreenLoadStamp] = [:]
    /// Forms, confirmations and help pages, top last; Esc pops one.
    var modals: [Modal] = []
    var status: (text: LocalizedText, isError: Bool)?
    /// The `/` prompt while it is open.
    var filterPrompt: FormField?
    var quitRequested = false
    /// The desk lock while it is shown; the screens and modals under it are kept as they were.
    var lock: DeskLock?
    var isDemo = false
    /// Idle time-out and the training copy, used only at the kiosk (`ctx.kiosk`).
    var kioskState = KioskState()
    /// The screen an `Effect.open` came from: Esc with nothing left to close goes back to it.
    /// Kept in the context so the screen opened can tell (see `AppContext.openedFrom`).
    var openedFrom: ScreenID? {
        get { ctx.openedFrom }
        set { ctx.openedFrom = newValue }
    }
    var width: Int
    var height: Int

    static let minimumWidth = 80
    static let minimumHeight = 24

    init(ctx: AppContext, width: Int, height: Int) {
        self.ctx = ctx
        self.width = width
        self.height = height
        phase = .login
        self.ctx.bodyHeight = max(1, height - 3)
        self.ctx.bodyWidth = width
        loadProfile()
        if ctx.actor != nil {
            phase = .main
            enterScreen(homeScreen)
        } else {
            startSignIn()
        }
    }

    var tooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

    private mutating func loadProfile() {
        if let profile = try? ctx.db.profile() {
            ctx.community = profile.name
            isDemo = profile.isDemo
        }
    }

    private mutating func startSignIn() {
        let hasProfile = (try? ctx.db.profile()) != nil
        phase = hasProfile ? .login : .setup
        modals = [.form(hasProfile ? (ctx.kiosk ? KioskForms.login(ctx) : SignInForms.login(ctx)) : SignInForms.setup())]
    }

    // MARK: Keys

    mutating func handle(_ key: Key) {
        if key == .resize { return }
        if kioskIntercepts(key) { return }
        if lock != nil, !tooSmall { return handleLockKey(key) }
        if key == .ctrl("c") { return requestQuit() }
        if tooSmall {
            // Nothing can be shown to ask with, so a half-filled form keeps q from quitting until the window grows.
            if (key.normalized == .char("q") || key == .escape) && !editing { quitRequested = true }
            return
        }
        if filterPrompt != nil { return handleFilterKey(key) }
        if !modals.isEmpty { return handleModalKey(key) }
        guard phase == .main else { return }
        let ctx = self.ctx
        if let effects = withScreen({ $0.handle(key, ctx) }) {
            // A refusal answers the key that caused it. Once the screen has acted on another key it is stale
            // ("the basket is empty" under a filled basket), so it goes unless that key says something new.
            if status?.isError == true { status = nil }
            return perform(effects)
        }
        if let binding = GlobalKeys.table(screenHasFilter: screenHasFilter, kiosk: ctx.kiosk).first(where: { $0.matches(key) }) {
            return perform(binding.action)
        }
        if key == .escape {
            let ctx = self.ctx
            let wentBack = withScreen({ $0.back(ctx) })
            if !wentBack, let from = openedFrom {
                // Arrived from an alert: Esc returns there, and the screen drops the alert's narrowing.
                withScreen { $0.open(nil, ctx) }
                // Its rows are still the alert's: the next visit must read the plain view.
                loadStamps[current] = nil
                enterScreen(from)
                status = nil
            } else if !wentBack {
                // Esc on a list with a kept filter clears it: the way out of "/" is the key people try first.
                if !(screens[current]?.filterText ?? "").isEmpty {
                    applyFilter("")
                    status = (LocalizedText("已清除查找条件，显示全部。", "Search cleared; showing all."), false)
                } else {
                    status = nil
                }
            }
            return
        }
        if case .char = key.normalized {
            status = (LocalizedText("“\(key.label)”键在此处没有功能，按 ? 查看可用按键。",
                                    "The key “\(key.label)” does nothing here; press ? for the keys."), true)
        }
    }

    private var screenHasFilter: Bool {
        screens[current].map { $0.supportsFilter } ?? false
    }

    private mutating func perform(_ action: GlobalKeys.Action) {
        switch action {
        case .switchTo(let id): enterScreen(id)
        case .help: modals.append(.help(HelpState(title: LocalizedText("按键帮助 · \(current.title.zh)", "Keys · \(current.title.en)"), lines: helpLines())))
        case .filter:
            let text = screens[current]?.filterText ?? ""
            filterPrompt = FormField(id: "filter", label: LocalizedText("查找", "Find"), value: text)
            screens[current]?.filterWillOpen(ctx)
        case .quit: requestQuit()
        case .redraw: reloadCurrent()
        case .training: toggleTraining()
        case .lock: lockDesk()
        case .changePin: modals.append(.form(OfficeForms.changeOwnPin(ctx)))
        }
    }

    /// Quitting with an edit open asks first, so a half-typed form is never lost by a stray key.
    var editing: Bool {
        modals.contains { if case .form = $0 { return true } else { return false } }
    }

    mutating func requestQuit() {
        if ctx.kiosk && phase == .main { return askToLeave() }
        if editing && phase == .main {
            if case .confirm = modals.last { quitRequested = true; return }
            modals.append(.confirm(ConfirmState(title: LocalizedText("退出", "Quit"),
                                                message: LocalizedText("有正在编辑的内容尚未保存，确定放弃并退出吗？",
                                                                       "An edit is open and not saved. Discard it and quit?"),
                                                onConfirm: [.quit])))
        } else {
            quitRequested = true
        }
    }

    private mutating func handleFilterKey(_ key: Key) {
        guard var field = filterPrompt else { return }
        switch key {
        case .enter:
            filterPrompt = nil
        case .escape:
            filterPrompt = nil
            applyFilter("")
        default:
            if field.edit(key) {
                filterPrompt = field
                applyFilter(field.value)
            }
        }
    }

    private mutating func applyFilter(_ text: String) {
        let ctx = self.ctx
        if let effects = withScreen({ $0.applyFilter(text, ctx) }) { perform(effects) }
    }

    private mutating func handleModalKey(_ key: Key) {
        guard let top = modals.last else { return }
        switch top {
        case .form(var form):
            switch form.handle(key, ctx) {
            case .stay:
                modals[modals.count - 1] = .form(form)
            case .cancel:
                if phase != .main { return requestQuit() }
                if form.dirty {
                    modals.append(.confirm(ConfirmState(title: LocalizedText("放弃填写", "Discard"),
                                                        message: LocalizedText("「\(form.title.zh)」中已填写的内容尚未保存，确定放弃吗？",
                                                                               "What you typed in “\(form.title.en)” is not saved. Discard it?"),
                                                        onConfirm: [.closeModal])))
                } else {
                    modals.removeLast()
                }
            case .done(let effects):
                modals.removeLast()
                perform(effects)
            }
        case .confirm(let confirm):
            switch key.normalized {
            case .char("y"), .char("Y"), .enter:
                modals.removeLast()
                perform(confirm.onConfirm)
            case .char("n"), .char("N"), .escape:
                modals.removeLast()
            default: break
            }
        case .help(var help):
            if let scroll = Self.scroll(help.scroll, key, lines: help.lines.count, page: ModalView.pageRows(area: bodyArea)) {
                help.scroll = scroll
                modals[modals.count - 1] = .help(help)
            } else if Self.closes(key) {
                modals.removeLast()
            }
        case .text(var page):
            if let scroll = Self.scroll(page.scroll, key, lines: page.lines.count, page: ModalView.pageRows(area: bodyArea)) {
                page.scroll = scroll
                modals[modals.count - 1] = .text(page)
            } else if Self.closes(key) {
                modals.removeLast()
            }
        }
    }

    private static func closes(_ key: Key) -> Bool {
        [.escape, .enter, .char("q"), .char("?")].contains(key.normalized)
    }

    private static func scroll(_ current: Int, _ key: Key, lines: Int, page: Int) -> Int? {
        let maxScroll = max(0, lines - page)
        switch key.normalized {
        case .down, .char("j"): return min(maxScroll, current + 1)
        case .up, .char("k"): return max(0, current - 1)
        case .pageDown, .char(" "): return min(maxScroll, current + page)
        case .pageUp: return max(0, current - page)
        case .home, .char("g"): return 0
        case .end, .char("G"): return maxScroll
        default: return nil
        }
    }

    // MARK: Effects

    mutating func perform(_ effects: [Effect]) {
        for effect in effects { perform(effect) }
    }

    mutating func perform(_ effect: Effect) {
        switch effect {
        case .message(let text, let isError):
            status = (text, isError)
        case .present(let modal):
            modals.append(modal)
        case .write(let action):
            guard let actor = ctx.actor else { return }
            do {
                status = (try action.run(ctx.db, actor), false)
            } catch {
                status = (userMessage(for: error), true)
            }
            reloadCurrent()
        case .reload:
            reloadCurrent()
        case .select(let record):
            reloadCurrent()
            let ctx = self.ctx
            let failure: Error? = withScreen { screen in
                do { try screen.select(record, ctx); return nil } catch { return error }
            }
            if let failure { status = (userMessage(for: failure), true) }
        case .switchScreen(let id):
            enterScreen(id)
        case .open(let id, let intent):
            let from = current
            current = id
            openedFrom = from
            if screens[id] == nil { screens[id] = ScreenRegistry.make(id) }
            let ctx = self.ctx
            withScreen { $0.open(intent, ctx) }
            reloadCurrent()
        case .setAuditFilter(let filter):
            let ctx = self.ctx
            let failure: Error? = withScreen { screen in
                guard var audit = screen as? AuditScreen else { return nil }
                defer { screen = audit }
                do { try audit.setFilter(filter, ctx); return nil } catch { return error }
            }
            if let failure { status = (userMessage(for: failure), true) }
        case .openRecord(let record):
            let target = Self.screen(for: record)
            enterScreen(target)
            let ctx = self.ctx
            if let effects = withScreen({ $0.open(record, ctx) }) {
                perform(effects)
            } else {
                status = (LocalizedText("这条记录在「\(target.title.zh)」页面尚不能直接打开。", "This record cannot be opened on “\(target.title.en)” yet."), true)
            }
        case .signedIn(let actor):
            ctx.actor = actor
            phase = .main
            modals.removeAll()
            loadProfile()
            status = (LocalizedText("欢迎，\(actor.name)。按 ? 查看按键，按 1–7 切换页面。",
                                    "Welcome, \(actor.name). Press ? for keys, 1–7 to switch screens."), false)
            enterScreen(homeScreen)
        case .closeModal:
            if !modals.isEmpty { modals.removeLast() }
        case .quit:
            quitRequested = true
        case .kiosk(let request):
            performKiosk(request)
        }
    }

    /// Which screen shows a record opened from the audit log.
    static func screen(for record: AuditRecord) -> ScreenID {
        switch record {
        case .issue: return .consultation
        case .task: return .tasks
        case .member, .organisation, .operatorAccount: return .roster
        case .receipt: return .points
        }
    }

    // MARK: Screens

    mutating func enterScreen(_ id: ScreenID) {
        if ctx.kiosk && id != homeScreen { return }
        current = id
        openedFrom = nil
        let stamp = ScreenLoadStamp.now(ctx, width: width, height: height)
        if screens[id] == nil {
            screens[id] = ScreenRegistry.make(id)
        } else if let kept = loadStamps[id], kept == stamp {
            return
        }
        reload(stampedBefore: stamp)
    }

    /// Reloads what the current screen shows; called after writes, on resize and when another terminal commits.
    mutating func reloadCurrent() {
        guard phase == .main else { return }
        // Read before the load: a commit in between makes the stamp older than the rows, never newer.
        reload(stampedBefore: ScreenLoadStamp.now(ctx, width: width, height: height))
    }

    private mutating func reload(stampedBefore stamp: ScreenLoadStamp?) {
        guard phase == .main else { return }
        let ctx = self.ctx
        let failure: Error? = withScreen { screen in
            do { try screen.reload(ctx); return nil } catch { return error }
        }
        loadStamps[current] = failure == nil ? stamp : nil
        if let failure { status = (userMessage(for: failure), true) }
    }

    mutating func resize(width: Int, height: Int) {
        self.width = width
        self.height = height
        ctx.bodyHeight = max(1, height - 3)
        ctx.bodyWidth = width
        reloadCurrent()
    }

    private mutating func withScreen<T>(_ body: (inout any Screen) -> T) -> T {
        var screen = screens[current] ?? ScreenRegistry.make(current)
        let result = body(&screen)
        screens[current] = screen
        return result
    }

    func helpLines() -> [HelpLine] {
        let screenLines = screens[current].map { $0.helpLines(ctx) } ?? []
        return screenLines + GlobalKeys.table(screenHasFilter: screenHasFilter, kiosk: ctx.kiosk).map(\.helpLine) + (ctx.kiosk ? GlobalKeys.kioskModalHelp(idleSeconds: Int(kioskState.idleSeconds)) : GlobalKeys.modalHelp)
    }

    var bodyArea: Rect { Rect(x: 0, y: 1, width: width, height: max(1, height - 3)) }
}
