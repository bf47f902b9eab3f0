import CommunityModel
import Foundation

extension GlobalOptions {
    /// Opens the database for a maintenance command; unlike the UI it never creates a new, empty file.
    /// - Throws: `CommandFailure` when the file is not there, `StoreError` when it cannot be opened.
    func openExistingDatabase() throws -> CommunityDatabase {
        let path = databasePath
        guard FileManager.default.fileExists(atPath: path) else { throw missingDatabase(path) }
        return try CommunityDatabase.open(path: path)
    }

    /// Loads `data/` and puts its consultation settings in force, so the modules' figures and checks use the
    /// community's own step deadlines and names rather than the built-in defaults.
    /// - Throws: `ReferenceDataError` naming the bad file, the path inside it and what was expected.
    @discardableResult
    func applyReferenceData() throws -> ReferenceData {
        let reference = try ReferenceData.load(from: Paths.referenceData)
        ConsultationReference.active = reference.consultation
        RankingSettings.active = reference.rankings
        StarStandard.active = reference.starStandard
        return reference
    }

    /// Refuses a `--db` (or $COMMUNITY_DB) inside a folder that does not exist, naming the command that would
    /// create it: a typo in the path must not silently make folders and a new, empty community. The
    /// program's own default folder is created as needed (0700).
    /// - Throws: `FileAccessError.folderMissing`.
    func requireFolder(for path: String) throws {
        let explicit = db != nil || !(ProcessInfo.processInfo.environment["COMMUNITY_DB"] ?? "").isEmpty
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        if explicit && !(FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) && isDirectory.boolValue) {
            throw FileAccessError.folderMissing(folder: folder, command: "mkdir -p -m 700 '\(folder)'")
        }
    }

    func missingDatabase(_ path: String) -> CommandFailure {
        CommandFailure(text: LocalizedText(
            "找不到数据库文件 \(path)。请用 --db 指定正确的文件，或先运行 community init 建立数据库。",
            "The database file \(path) does not exist. Give the right file with --db, or create one with `community init`.").text())
    }
}

/// Writes a line to standard error (messages about the run, kept apart from the data on standard output).
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
