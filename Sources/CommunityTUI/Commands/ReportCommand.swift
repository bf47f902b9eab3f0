import ArgumentParser
import CommunityModel
import Foundation

/// `community report month`: the reports a community sends up to the street.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Reports: the redemption desk's day (X/Z) and the street office's month (街道月报).",
        subcommands: [ReportDayCommand.self, ReportMonthCommand.self])
}

/// `community report month [--month 2026-11] [--format md|csv|docx] [--to FILE]`.
struct ReportMonthCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "month",
        abstract: "The month's report: consultation, 双报到, letters — the figures of the overview and stats --json.",
        discussion: """
        Issues raised, deliberated (a meeting held in the month), closed and resolved; satisfaction of the surveys \
        taken in the month; the categories raised most; roster, tasks starting in the month, approved services, \
        points issued and redeemed; letters generated and sent. md and csv go to standard output unless --to \
        names a file; docx needs --to. Redemption and the star rating are left out until they are built.
        """)

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("The month, yyyy-MM (default: this month).", valueName: "yyyy-MM"))
    var month: String?

    enum Format: String, ExpressibleByArgument, CaseIterable { case md, csv, docx }

    @Option(name: .long, help: ArgumentHelp("md (default), csv or docx.", valueName: "md|csv|docx"))
    var format: Format = .md

    @Option(name: .long, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "FILE"))
    var to: String?

    func validate() throws {
        if let month, !MonthlyReport.isMonth(month) {
            throw ValidationError("--month must be a month like 2026-11 (got \(month)).")
        }
        if format == .docx && to == nil {
            throw ValidationError("--format docx needs --to FILE (a Word document cannot go to the terminal).")
        }
    }

    func run() throws {
        global.applyLanguage()
        try reportingErrors {
            let database = try global.openForReading()
            try global.applyReferenceData()
            let today = Day.today()
            let report = try database.monthlyReport(month: month ?? String(today.prefix(7)))
            let url = to.map { URL(fileURLWithPath: $0) }
            switch format {
            case .docx:
                guard let url else { return }
                try LetterDocx.write(lines: report.documentLines(today: today), to: url)
            case .md, .csv:
                let data = Data((format == .md ? report.markdown(today: today) : report.csv()).utf8)
                if let url { try data.write(to: url) } else { FileHandle.standardOutput.write(data) }
            }
            if let url {
                FileHandle.standardError.write(Data((LocalizedText("已写出 \(report.monthLabel)月报：\(url.path)",
                                                                   "Wrote the \(report.month) report: \(url.path)").text() + "\n").utf8))
            }
        }
    }
}
