import CommunityModel
import Foundation

/// The event loop: read a key (or time out), update the app, draw one frame.
/// On a time-out it asks SQLite whether another terminal committed, and reloads if so,
/// so the desk and the kiosk see each other's changes within a second.
final class Runner {
    private let terminal: Terminal
    private(set) var app: App

    init(terminal: Terminal, app: App) {
        self.terminal = terminal
        self.app = app
    }

    func run() {
        var seenVersion = try? app.ctx.db.dataVersion()
        var lastKey = Date()
        terminal.draw(app.render())
        while !app.quitRequested {
            guard let key = terminal.readKey(timeoutMs: 1000) else {
                // No key for the idle time: the desk locks itself (issue 14).
                if app.phase == .main, app.lock == nil {
                    app.idle(for: Int(Date().timeIntervalSince(lastKey)))
                    if app.lock != nil { terminal.draw(app.render()) }
                }
                if app.phase == .main, let version = try? app.ctx.db.dataVersion(), version != seenVersion {
                    seenVersion = version
                    app.reloadCurrent()
                    terminal.draw(app.render())
                }
                continue
            }
            lastKey = Date()
            if key == .resize {
                let size = terminal.size
                app.resize(width: size.width, height: size.height)
            } else {
                app.handle(key)
            }
            if !app.quitRequested { terminal.draw(app.render()) }
        }
    }
}
