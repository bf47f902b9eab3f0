import ArgumentParser
import CommunityModel
import Foundation

extension GenerateScale: ExpressibleByArgument {}

/// `community generate`: deterministic synthetic data for demos and benchmarks, into a new database.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Fill a new database with deterministic synthetic data: demo, district or stress scale.",
        discussion: """
        demo = the demo community (30 organisations, 400 members); district ≈ 60 organisations and 1,500 \
        members; stress = 200 organisations and 5,000 members, plus what each module adds. The same scale \
        always gives the same rows. Rows are committed in batches, so an interrupted run leaves a consistent \
        file. The database is marked as demo data. A progress bar is drawn on stderr when it is a terminal.
        """)

    @OptionGroup var global: GlobalOptions

    @Option(help: "demo, district or stress.") var scale: GenerateScale

    func run() throws {
        global.applyLanguage()
        try reportingErrors {
            guard global.db != nil || !(ProcessInfo.processInfo.environment["COMMUNITY_DB"] ?? "").isEmpty else {
                throw CommandFailure(text: LocalizedText("请用 --db 指定一个新的数据库文件，生成的数据不会写进默认数据库。",
                                                         "Give a new database file with --db; generated data never goes into the default database.").text(),
                                     code: 64)
            }
            let path = global.databasePath
            try global.requireFolder(for: path)
            let database = try CommunityDatabase.open(path: path)
            let bar = ProgressBar()
            let summary: GenerateSummary
            do {
                summary = try database.generate(scale: scale, dataDirectory: Paths.referenceData, progress: bar.handler)
            } catch {
                bar.finish()
                throw error
            }
            bar.finish()
            let seconds = String(format: "%.1f", summary.seconds)
            print(LocalizedText(
                "已生成 \(scale.rawValue) 规模数据：\(summary.organisations) 个报到单位，\(summary.members) 名在职党员，用时 \(seconds) 秒 → \(path)",
                "Generated \(scale.rawValue) scale: \(summary.organisations) organisations, \(summary.members) members in \(seconds) s → \(path)").text())
        }
    }
}
