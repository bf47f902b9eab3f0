import ArgumentParser
import CommunityModel
import Foundation

/// `community restore --from BACKUP [--db PATH]`: puts a checked backup back, keeping the replaced file.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Put a backup back in place of the database (恢复备份), keeping the replaced file beside it.",
        discussion: """
        The backup is checked first (as `community check` does) and nothing happens if it fails. The current \
        database is kept as PATH.before-restore-YYYYMMDD-HHMMSS. Refused while another terminal has the \
        database open. Replacing a real (non-demo) database needs its operator and PIN.
        """)

    @OptionGroup var global: GlobalOptions
    @Option(name: .long, help: ArgumentHelp("The backup file to restore.", valueName: "file")) var from: String
    @OptionGroup var operatorOptions: OperatorOptions

    func run() throws {
        global.applyLanguage()
        try reportingErrors {
            let backup = (from as NSString).expandingTildeInPath
            let target = global.databasePath
            guard FileManager.default.fileExists(atPath: backup) else {
                throw CommandFailure(text: LocalizedText("找不到备份文件 \(backup)。", "The backup file \(backup) does not exist.").text())
            }
            try global.requireFolder(for: target)
            if FileManager.default.fileExists(atPath: target) {
                // Asked before the sign-in opens the file: our own connection would hide another terminal's.
                if CommunityDatabase.isOpenElsewhere(target) { throw FileAccessError.inUse(path: target) }
                try signInAndClose(target)
            }
            let result = try CommunityDatabase.restore(from: backup, to: target)
            print(LocalizedText("已从 \(backup) 恢复到 \(result.restored)。", "Restored \(result.restored) from \(backup).").text())
            if let kept = result.keptAs {
                print(LocalizedText("原数据库保存在 \(kept)。", "The replaced database is kept as \(kept).").text())
            }
        }
    }

    /// A real database's operator must sign in before it is replaced; the connection is closed again so the
    /// check for other terminals sees only them.
    private func signInAndClose(_ target: String) throws {
        let database: CommunityDatabase
        do {
            // Read-write: a sign-in records wrong PINs (five lock the operator).
            database = try CommunityDatabase.open(path: target)
        } catch {
            // A damaged or empty current file is exactly what a restore is for: nobody to sign in against.
            return
        }
        defer { try? database.pool.close() }
        guard let profile = try? database.profile(), !profile.isDemo else { return }
        _ = try operatorOptions.requireSignIn(database)
    }
}
