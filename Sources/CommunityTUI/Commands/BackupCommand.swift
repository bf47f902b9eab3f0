import ArgumentParser
import CommunityModel
import Foundation

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the database to a new file (备份) while other terminals keep working.",
        discussion: "Uses SQLite's online backup; the copy is verified before it gets its name. An existing file is never overwritten.")

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("The backup file to create; it must not exist yet.", valueName: "file"))
    var to: String

    func run() throws {
        global.applyLanguage()
        try reportingErrors {
            let database = try global.openForReading()
            let target = (to as NSString).expandingTildeInPath
            let showProgress = isatty(STDERR_FILENO) == 1
            var lastPercent = -1
            let result = try database.backup(to: target) { copied, total in
                guard showProgress, total > 0 else { return }
                let percent = copied * 100 / total
                if percent != lastPercent {
                    lastPercent = percent
                    FileHandle.standardError.write(Data("\r\(LocalizedText("备份中", "Backing up").text()) \(percent)%".utf8))
                }
            }
            if showProgress, lastPercent >= 0 { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            let size = ByteCountFormatter.string(fromByteCount: result.bytes, countStyle: .file)
            print(LocalizedText("已备份到 \(result.path)（\(size)）。", "Backed up to \(result.path) (\(size)).").text())
        }
    }
}
