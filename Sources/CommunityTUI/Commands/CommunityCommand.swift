import ArgumentParser
import CommunityModel
import Foundation

@main
struct CommunityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "community",
        abstract: "社区党建工作台 · Community Workbench — the keyboard-driven terminal UI and its tools.",
        discussion: """
        With no subcommand, opens the terminal UI on the database. A new database starts a first-run \
        setup (community name, street, district, first operator).
        """,
        subcommands: [InitCommand.self, SeedDemoCommand.self, ImportCommand.self, ExportCommand.self,
                      StatsCommand.self, CheckCommand.self, BackupCommand.self, GenerateCommand.self, BenchCommand.self,
                      OperatorCommand.self,
                      RankingCommand.self, LettersCommand.self,
                      StarCommand.self, RestoreCommand.self, ReportCommand.self]
    )

    /// The umask comes first: every file the program creates (database, -wal/-shm, backups, exports) holds
    /// personal data and is created readable by its owner only.
    static func main() {
        PrivateFiles.applyUmask()
        main(nil)
    }

    @OptionGroup var global: GlobalOptions

    func run() throws {
        global.applyLanguage()
        try reportingErrors {
            try TUILauncher(global: global, demo: global.demo).run()
        }
    }
}
