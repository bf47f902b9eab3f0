import CommunityModel
import Foundation

/// Opens the database, signs in (or runs first-run setup) and runs the UI.
struct TUILauncher {
    var global: GlobalOptions
    var demo: Bool

    func run() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw CommandFailure(text: LocalizedText("界面需要在终端中运行；脚本请使用子命令（community --help）。",
                                                     "The UI needs a terminal; scripts should use the subcommands (community --help).").text())
        }
        if let problem = NcursesTerminal.problem() {
            throw CommandFailure(text: problem.message.text(), code: 2)
        }
        let reference = try global.applyReferenceData()
        let (db, actor) = try openDatabase()
        let terminal = NcursesTerminal()
        defer { terminal.shutdown() }
        let size = terminal.size
        let ctx = AppContext(db: db, actor: actor, today: Day.today(), reference: reference,
                             bodyHeight: size.height - 3, bodyWidth: size.width)
        let runner = Runner(terminal: terminal, app: App(ctx: ctx, width: size.width, height: size.height))
        runner.run()
    }

    /// `--demo` opens (creating on first use) the demo database signed in as the demo secretary;
    /// with `--db` it must point at a demo-marked file, so real records are never opened without a PIN.
    private func openDatabase() throws -> (CommunityDatabase, Actor?) {
        guard demo else {
            try global.requireFolder(for: global.databasePath)
            return (try CommunityDatabase.open(path: global.databasePath), nil)
        }
        let path = global.db.map { ($0 as NSString).expandingTildeInPath } ?? Paths.demoDatabase
        try global.requireFolder(for: path)
        let db = try DemoLauncher.openDemo(path: path)
        return (db, try db.demoActor())
    }
}
