import ArgumentParser
import CommunityModel
import Foundation

extension RankingAudience: ExpressibleByArgument {}

/// `community ranking --period 2026-11|2026Q4`: a period's ranking, as a table or JSON rows.
struct RankingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ranking",
        abstract: "Print a period's ranking (排名): members by month, organisations by quarter.",
        discussion: """
        Points earned in a period are the credits for approved service dated in it, less reversals of those \
        credits; redemptions and manual adjustments do not count. Ties share a rank (1, 2, 2, 4). A month \
        (2026-11) ranks members, a quarter (2026Q4) organisations; last-month and last-quarter name the latest closed one.
        """)

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("The period: 2026-11, 2026Q4, last-month or last-quarter.", valueName: "period"))
    var period: String

    @Option(name: .long, help: ArgumentHelp("members (by month) or organisations (by quarter); must agree with --period.", valueName: "members|organisations"))
    var holders: RankingAudience?

    @Flag(name: .long, help: "Print JSON rows (rank, name, code, points, services, …) for scripts.")
    var json = false

    func run() throws {
        global.applyLanguage()
        try reportingErrors {
            let database = try global.openForReading()
            try global.applyReferenceData()
            let p = try LettersCommand.period(period, holders: holders)
            let ranking = try database.ranking(p)
            if json {
                FileHandle.standardOutput.write(try RankingExport.json(ranking))
                return
            }
            var out = LocalizedText("\(p.label.zh) · \(p.audience.label.zh) · \(ranking.rows.count) 名 · 感谢信 \(ranking.thanks) · 提醒函 \(ranking.reminders)",
                                    "\(p.label.en) · \(p.audience.label.en) · \(ranking.rows.count) ranked · \(ranking.thanks) thanks · \(ranking.reminders) reminders").text() + "\n"
            for r in ranking.rows {
                let letter = r.letter.map { " " + $0.label.text() } ?? ""
                out += "\(String(format: "%4d", r.rank))  \(r.displayName)  \(r.points)  \(r.services)  \(r.change.text())\(letter)\n"
            }
            FileHandle.standardOutput.write(Data(out.utf8))
        }
    }
}
