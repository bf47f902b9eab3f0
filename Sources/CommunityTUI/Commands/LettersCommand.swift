import ArgumentParser
import CommunityModel
import Foundation

extension LetterExport.Format: ExpressibleByArgument {}

/// `community letters generate|list|export`: the 感谢信 / 提醒函 outbox from a script or cron.
struct LettersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "letters",
        abstract: "Generate, list and export the thanks and reminder letters (感谢信/提醒函).",
        subcommands: [Generate.self, List.self, Export.self])

    /// The period from `--period`, checked against `--holders` when both are given.
    static func period(_ text: String, holders: RankingAudience?, today: String = Day.today()) throws -> RankingPeriod {
        let p = try RankingPeriod.resolve(text, today: today)
        if let holders, holders != p.audience {
            throw CommandFailure(text: LocalizedText(
                "\(holders.label.zh)按\(holders == .members ? "月（如 2026-11）" : "季度（如 2026Q4）")排名，--period \(text) 不对应。",
                "\(holders.label.en) are ranked by \(holders == .members ? "month (e.g. 2026-11)" : "quarter (e.g. 2026Q4)"); --period \(text) does not fit.").text())
        }
        return p
    }

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Generate a closed period's letters (safe to run again, or from two places at once: nothing is made twice).")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var operatorOptions: OperatorOptions

        @Option(name: .long, help: ArgumentHelp("2026-11, 2026Q4, last-month or last-quarter.", valueName: "period"))
        var period: String

        func run() throws {
            global.applyLanguage()
            try reportingErrors {
                let (database, actor) = try global.openForWriting(operatorOptions)
                let reference = try global.applyReferenceData()
                let p = try LettersCommand.period(period, holders: nil)
                let done = try database.generateLetters(p, templates: reference.letters, today: Day.today(), by: actor)
                let line = LocalizedText(
                    "\(p.label.zh)：新生成感谢信 \(done.thanksMade) 封 · 提醒函 \(done.remindersMade) 封；此前已有 \(done.thanksExisting + done.remindersExisting) 封",
                    "\(p.label.en): generated \(done.thanksMade) thanks · \(done.remindersMade) reminders; \(done.thanksExisting + done.remindersExisting) already there")
                print(line.text())
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List a period's letters with their state.")

        @OptionGroup var global: GlobalOptions

        @Option(name: .long, help: ArgumentHelp("2026-11, 2026Q4, last-month or last-quarter.", valueName: "period"))
        var period: String

        func run() throws {
            global.applyLanguage()
            try reportingErrors {
                let database = try global.openForReading()
                let p = try LettersCommand.period(period, holders: nil)
                var key: ListKey?
                var out = ""
                var n = 0
                // Paged by key, so a long outbox is never read into memory at once.
                while true {
                    let page = try database.letters(p, key.map { .after($0, 500) } ?? .first(500))
                    for l in page {
                        n += 1
                        let state = l.state.label.text() + (l.state == .sent ? " \(l.channel?.label.text() ?? "") \(l.sentOn ?? "")" : "")
                            + (l.state == .withdrawn ? "：\(l.withdrawnReason)" : "")
                        out += "#\(l.id ?? 0)\t\(l.kind.label.text())\t\(l.rank)\t\(l.recipientDisplay)\t\(l.points)\t\(state)\n"
                    }
                    guard let last = page.last, page.count == 500 else { break }
                    key = last.listKey
                }
                if n == 0 { out = LocalizedText("\(p.label.zh)还没有信函。", "No letters for \(p.label.en) yet.").text() + "\n" }
                FileHandle.standardOutput.write(Data(out.utf8))
            }
        }
    }

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a period's letters (waiting or sent) to files: one UTF-8 .txt each, or one .docx with a letter per page.")

        @OptionGroup var global: GlobalOptions

        @Option(name: .long, help: ArgumentHelp("2026-11, 2026Q4, last-month or last-quarter.", valueName: "period"))
        var period: String

        @Option(name: .long, help: ArgumentHelp("The folder to write into (created if missing).", valueName: "dir"))
        var to: String

        @Option(name: .long, help: ArgumentHelp("txt (default) or docx (A4, 仿宋/宋体, one letter per page).", valueName: "txt|docx"))
        var format: LetterExport.Format = .txt

        func run() throws {
            global.applyLanguage()
            try reportingErrors {
                let database = try global.openForReading()
                let p = try LettersCommand.period(period, holders: nil)
                let dir = URL(fileURLWithPath: (to as NSString).expandingTildeInPath)
                let files: [URL]
                do {
                    files = try LetterExport.export(database, period: p, to: dir, format: format)
                } catch let error as UserFacingError {
                    throw error
                } catch {
                    throw CommandFailure(text: LocalizedText("无法写入 \(dir.path)：请检查目录是否可写。", "Cannot write into \(dir.path): check that the folder is writable.").text())
                }
                print(LocalizedText("已写出 \(files.count) 个文件到 \(dir.path)", "Wrote \(files.count) file(s) to \(dir.path)").text())
            }
        }
    }
}
