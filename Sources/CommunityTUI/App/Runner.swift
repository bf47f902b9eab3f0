import CommunityModel
import Foundation

/// The event loop: read a key (or time out), update the app, draw one frame.
/// Every `pollMs` — whether keys are arriving or not — it asks SQLite whether another terminal
/// committed (`PRAGMA data_version`, a few microseconds) and reloads if so, so the desk and the
/// kiosk see each other's changes within a second, always.
final class Runner {
    /// How often another terminal's commit is looked for; a change shows at most this long (plus one reload) late.
    static let pollMs = 250
    private let terminal: Terminal
    private let now: () -> UInt64
    private(set) var app: App
    private var seenVersion: Int?
    private var lastCheck: UInt64 = 0

    /// - Parameter now: a monotonic clock in milliseconds; tests pass a scripted one.
    init(terminal: Terminal, app: App, now: @escaping () -> UInt64 = { DispatchTime.now().uptimeNanoseconds / 1_000_000 }) {
        self.terminal = terminal
        self.app = app
        self.now = now
    }

    func run() {
        seenVersion = try? app.ctx.db.dataVersion()
        lastCheck = now()
        var lastKey = now()
        terminal.draw(app.render())
        var warmed = false
        while !app.quitRequested {
            if !warmed && app.phase == .main {
                warmed = true
                app.warmUp()
            }
            let waited = Int(now() &- lastCheck)
            let key = terminal.readKey(timeoutMs: max(0, Self.pollMs - waited))
            var dirty = false
            if let key {
                lastKey = now()
                handle(key)
                // Keys typed faster than a frame (a paste, key repeat) are applied before one frame is drawn.
                while !app.quitRequested, let next = terminal.readKey(timeoutMs: 0) { handle(next) }
                dirty = true
            } else if app.tick() {
                // The kiosk's idle time passed: the lookup and basket were cleared.
                dirty = true
            } else if app.phase == .main, app.lock == nil {
                // No key for the idle time: the desk locks itself (issue 14).
                app.idle(for: Int((now() &- lastKey) / 1000))
                if app.lock != nil { dirty = true }
            }
            if now() &- lastCheck >= UInt64(Self.pollMs) {
                lastCheck = now()
                if othersCommitted() { dirty = true }
            }
            if dirty && !app.quitRequested { terminal.draw(app.render()) }
        }
    }

    private func handle(_ key: Key) {
        if key == .resize {
            let size = terminal.size
            app.resize(width: size.width, height: size.height)
        } else {
            app.handle(key)
        }
    }

    /// True (and the current screen reloaded) when another connection committed since the last look.
    private func othersCommitted() -> Bool {
        guard let version = try? app.ctx.db.dataVersion(), version != seenVersion else { return false }
        seenVersion = version
        guard app.phase == .main else { return false }
        app.reloadCurrent()
        return true
    }
}
