import ArgumentParser
import CommunityModel
import Foundation

extension ExportKind: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a table out as CSV (for Excel/WPS) or JSON (导出).",
        discussion: """
        CSV is UTF-8 with a byte-order mark and a Chinese header row, so Excel and WPS open it directly. \
        Without --to the data goes to standard output.
        """)

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("What to export.", valueName: ExportKind.allCases.map(\.rawValue).joined(separator: "|")))
    var what: ExportKind

    @Option(name: .long, help: ArgumentHelp("csv (default) or json.", valueName: "csv|json"))
    var format: ExportFormat = .csv

    @Option(name: .long, help: ArgumentHelp("The file to write (replaced if it exists); default: standard output.", valueName: "file"))
    var to: String?

    func run() throws {
        global.applyLanguage()
        try reportingErrors {
            // Checked before anything is opened, so a mistaken --to leaves the database exactly as it was.
            let target = to.map { URL(fileURLWithPath: ($0 as NSString).expandingTildeInPath) }
            if let target, Self.isDatabaseFile(target) {
                throw CommandFailure(text: LocalizedText(
                    "\(target.path) 是一个数据库文件，导出不会覆盖它。请换一个文件名（例如 名册.csv）。",
                    "\(target.path) is a database file; an export never overwrites one. Choose another name (e.g. roster.csv).").text())
            }
            let database = try global.openForReading()
            try global.applyReferenceData()
            guard let target else {
                try what.write(from: database, as: format, to: FileHandle.standardOutput)
                return
            }
            let count = try Self.writeReplacing(target) { handle in try what.write(from: database, as: format, to: handle) }
            printError(LocalizedText("已导出 \(count) 行到 \(target.path)。", "Exported \(count) rows to \(target.path).").text())
        }
    }

    /// True when `url` is an SQLite file — `--to community.sqlite` by mistake must not replace the database.
    static func isDatabaseFile(_ url: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        return header == Data("SQLite format 3\u{0}".utf8)
    }

    /// Writes into a temporary file beside `target` and moves it into place only when complete, so a failed
    /// export never leaves half a file under the name asked for.
    static func writeReplacing(_ target: URL, _ body: (FileHandle) throws -> Int) throws -> Int {
        let fm = FileManager.default
        let partial = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).partial-\(UUID().uuidString)")
        // Created 0600: an export of the roster is personal data.
        guard let handle = try? PrivateFiles.createFile(atPath: partial.path) else {
            throw CommandFailure(text: LocalizedText("无法写入 \(target.path)：请检查目录是否存在、是否有写权限。",
                                                     "Cannot write \(target.path): check that the folder exists and is writable.").text())
        }
        do {
            let count = try body(handle)
            try handle.close()
            if fm.fileExists(atPath: target.path) {
                _ = try fm.replaceItemAt(target, withItemAt: partial)
            } else {
                try fm.moveItem(at: partial, to: target)
            }
            return count
        } catch {
            try? handle.close()
            try? fm.removeItem(at: partial)
            if error is UserFacingError || error is CommandFailure { throw error }
            throw CommandFailure(text: LocalizedText("导出到 \(target.path) 失败：\(error.localizedDescription)",
                                                     "Export to \(target.path) failed: \(error.localizedDescription)").text())
        }
    }
}
