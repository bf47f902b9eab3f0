import ArgumentParser
import CommunityModel
import Foundation

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the database to a new file (备份) while other terminals keep working.",
        discussion: """
        Uses SQLite's online backup; the copy is verified before it gets its name. An existing file is never \
        overwritten. With --keep N, --to is a folder: a dated copy (community-20261130-020000.sqlite) is written \
        there and only the newest N dated copies are kept (for a daily timer). Backups are created 0600.
        """)

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("The backup file to create (it must not exist yet), or with --keep a folder.", valueName: "file|dir"))
    var to: String

    @Option(name: .long, help: ArgumentHelp("Write a dated backup into the folder --to and keep only the newest N.", valueName: "N"))
    var keep: Int?

    func validate() throws {
        if let keep, keep < 1 { throw ValidationError("--keep must be 1 or more (got \(keep)).") }
    }

    func run() throws {
        global.applyLanguage()
        try reportingErrors {
            let path = global.databasePath
            guard FileManager.default.fileExists(atPath: path) else { throw global.missingDatabase(path) }
            // Read-only, and an older file is copied as it is: a backup needs no particular schema.
            let database = try CommunityDatabase.openReadOnly(path: path, allowOlderSchema: true)
            let target = (to as NSString).expandingTildeInPath
            let showProgress = isatty(STDERR_FILENO) == 1
            var lastPercent = -1
            let report: (Int, Int) -> Void = { copied, total in
                guard showProgress, total > 0 else { return }
                let percent = copied * 100 / total
                if percent != lastPercent {
                    lastPercent = percent
                    FileHandle.standardError.write(Data("\r\(LocalizedText("备份中", "Backing up").text()) \(percent)%".utf8))
                }
            }
            let result: BackupResult
            var removed: [String] = []
            if let keep {
                let dated = try database.backup(intoFolder: target, keep: keep, progress: report)
                result = dated.0
                removed = dated.removed
            } else {
                result = try database.backup(to: target, progress: report)
            }
            if showProgress, lastPercent >= 0 { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            for file in removed { printError(LocalizedText("已删除较旧的备份 \(file)。", "Removed the older backup \(file).").text()) }
            let size = ByteCountFormatter.string(fromByteCount: result.bytes, countStyle: .file)
            print(LocalizedText("已备份到 \(result.path)（\(size)）。", "Backed up to \(result.path) (\(size)).").text())
        }
    }
}
