import CommunityModel
import Foundation

/// Opens the database and runs the app locked to the redemption screen (`community kiosk`).
struct KioskLauncher {
    var global: GlobalOptions
    var demo: Bool
    var idleSeconds: Int

    func run() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CommandFailure(text: LocalizedText("兑换窗口需要在终端中运行；脚本兑换请用 community redeem。",
                                                     "The kiosk needs a terminal; scripts redeem with `community redeem`.").text())
        }
        let reference = try global.applyReferenceData()
        let (db, actor) = try openDatabase()
        let terminal = NcursesTerminal(kiosk: true)
        defer { terminal.shutdown() }
        let size = terminal.size
        var ctx = AppContext(db: db, actor: actor, today: Day.today(), reference: reference,
                             bodyHeight: size.height - 3, bodyWidth: size.width)
        ctx.kiosk = true
        var app = App(ctx: ctx, width: size.width, height: size.height)
        app.kioskState.idleSeconds = TimeInterval(idleSeconds)
        let runner = Runner(terminal: terminal, app: app)
        runner.run()
    }

    /// The kiosk never creates a database: it serves a community set up at the desk. `--demo` signs in the
    /// demo 兑换窗口 operator (its PIN is the published demo PIN), and only on a demo-marked file.
    private func openDatabase() throws -> (CommunityDatabase, Actor?) {
        guard demo else {
            let db = try global.openExistingDatabase()
            guard try db.profile() != nil else { throw StoreError.missingProfile }
            return (db, nil)
        }
        let path = global.db.map { ($0 as NSString).expandingTildeInPath } ?? Paths.demoDatabase
        let db = try DemoLauncher.openDemo(path: path)
        return (db, try db.login(name: DemoSeeder.kioskName, pin: DemoSeeder.pin))
    }
}
