import ArgumentParser
import CommunityModel
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the database's integrity (完整性检查); exit 1 listing every problem.",
        discussion: """
        Runs SQLite's integrity check and foreign-key check, verifies the audit log's append-only triggers and \
        the schema version, then every module's checks (ledger sums, stock, issue histories…), and loads the \
        reference files in data/. The database is opened read-only and never changed; a damaged file is \
        reported, not crashed on.
        """)

    @OptionGroup var global: GlobalOptions

    func run() throws {
        global.applyLanguage()
        try reportingErrors {
            let path = global.databasePath
            guard FileManager.default.fileExists(atPath: path) else { throw global.missingDatabase(path) }
            // A hand-edited reference file that no longer loads is a problem too; the database is still checked,
            // against the built-in consultation settings.
            var problems: [IntegrityProblem] = []
            do {
                try global.applyReferenceData()
            } catch let error as ReferenceDataError {
                problems.append(IntegrityProblem(area: "reference", detail: error.message))
            }
            problems += try CommunityDatabase.check(path: path)
            // The roster is personal data (PIPL): say so when other users of the machine can read it.
            for file in [path, path + "-wal", path + "-shm"] where PrivateFiles.isReadableByOthers(file) {
                let mode = String(PrivateFiles.mode(of: file) ?? 0, radix: 8)
                printError(LocalizedText("警告：\(file) 的权限是 \(mode)，本机其他用户可以读取名册。请运行 chmod 600 '\(file)'。",
                                         "Warning: \(file) has mode \(mode); other users of this machine can read the roster. Run chmod 600 '\(file)'.").text())
            }
            if problems.isEmpty {
                print(LocalizedText("检查通过：\(path) 未发现问题。", "Check passed: no problems found in \(path).").text())
                return
            }
            for problem in problems {
                print(problem.description)
            }
            throw CommandFailure(text: LocalizedText(
                "检查发现 \(problems.count) 个问题（见上）。", "The check found \(problems.count) problem(s), listed above.").text())
        }
    }
}
