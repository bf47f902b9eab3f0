import ArgumentParser
import CommunityModel
import Foundation

/// `community import`: bulk roster data from a CSV file, validated whole before anything is written.
struct ImportCommand: ParsableCommand {
    /// What a file can hold. A new kind (e.g. claims) is one case here and one line in `perform`.
    enum Kind: String, CaseIterable, ExpressibleByArgument {
        case members, organisations, claims

        func perform(_ database: CommunityDatabase, source: CSVSource, fileName: String, by actor: Actor?, dryRun: Bool,
                     progress: ProgressBar) throws -> LocalizedText {
            switch self {
            case .members: return try roster(.members, database, source, actor, dryRun, progress)
            case .organisations: return try roster(.organisations, database, source, actor, dryRun, progress)
            case .claims: return try database.importClaims(from: source, fileName: fileName, by: actor, dryRun: dryRun).text(dryRun: dryRun)
            }
        }

        private func roster(_ kind: RosterImportKind, _ database: CommunityDatabase, _ source: CSVSource, _ actor: Actor?, _ dryRun: Bool,
                            _ bar: ProgressBar) throws -> LocalizedText {
            let checking = LocalizedText("检查中", "Checking").text(), writing = LocalizedText("写入中", "Writing").text()
            let s: ImportSummary
            do {
                s = try database.importRoster(kind, from: source, by: actor, dryRun: dryRun) { phase, done, total in
                    // KB, so a 50 MB file's byte counts stay readable.
                    bar.update(phase == .checking ? checking : writing, done: Int(done / 1024), total: Int(total / 1024))
                }
            } catch {
                bar.finish()
                throw error
            }
            bar.finish()
            let skipped = s.blankLinesSkipped > 0 ? LocalizedText("，跳过 \(s.blankLinesSkipped) 个空行", ", \(s.blankLinesSkipped) blank lines skipped") : LocalizedText("", "")
            let verb = dryRun ? LocalizedText("检查通过，可导入", "Checked, ready to import") : LocalizedText("已导入", "Imported")
            let unit = kind == .members ? "名" : "个"
            return verb + LocalizedText(" \(s.rows) \(unit)\(kind.label.zh)（\(s.encoding.rawValue) 编码", " \(s.rows) \(kind.label.en) (\(s.encoding.rawValue)") + skipped + LocalizedText("）。", ").")
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import members or organisations from a CSV file (validated whole; nothing is written if any line is wrong).",
        discussion: """
        UTF-8 with or without BOM, or GB18030/GBK as Excel and WPS save it. Headers (Chinese or English): \
        members: 姓名, 手机, 单位, 级别 (市直/区直, optional), 党员编号, 报到日期 (optional), 状态 (在册/已停用, optional); \
        organisations: 名称, 级别 (市级/区级), 联系人, 电话, 报到日期 (optional), 状态 (optional). Import organisations \
        first: a member's 单位 must already be on the roster. Every problem is listed with its line and column \
        (all of them; --errors FILE also writes them as a CSV table). The file is read in blocks, so a large \
        file needs little memory. On a real (non-demo) database an operator and PIN are required.
        """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "What the file holds: members, organisations or claims (default: guessed from the header).") var what: Kind?
    @Flag(help: "Check the file only; write nothing.") var dryRun = false
    @Option(help: ArgumentHelp("Write every problem found to this CSV file (line, column, value, problem; opens in Excel/WPS).", valueName: "file"))
    var errors: String?
    @OptionGroup var operatorOptions: OperatorOptions
    @Argument(help: "The CSV file.") var file: String

    func run() throws {
        global.applyLanguage()
        try reportingErrors {
            let url = URL(fileURLWithPath: (file as NSString).expandingTildeInPath)
            guard FileManager.default.isReadableFile(atPath: url.path) else {
                throw CommandFailure(text: LocalizedText("无法读取文件 \(file)：文件不存在或没有读取权限。",
                                                         "Cannot read \(file): it does not exist or is not readable.").text())
            }
            let source = CSVSource.file(url)
            let (database, actor) = try global.openForWriting(operatorOptions)
            guard let kind = what ?? (ClaimImport.looksLikeClaims(source) ? .claims : nil) ?? RosterImportKind.detect(source).flatMap({ Kind(rawValue: $0.rawValue) }) else {
                throw CommandFailure(text: LocalizedText("无法从表头判断文件内容，请用 --what members 或 --what organisations 指明。",
                                                         "Cannot tell from the header what the file holds; say --what members or --what organisations.").text(),
                                     code: 64)
            }
            do {
                print(try kind.perform(database, source: source, fileName: url.lastPathComponent, by: actor, dryRun: dryRun, progress: ProgressBar()).text())
            } catch {
                if let errors { try writeErrors(error, to: errors) }
                throw error
            }
        }
    }

    /// `--errors FILE`: every problem as a CSV table Excel/WPS opens (UTF-8 with BOM), 0600 like every file
    /// with roster data in it. Cell values are shown with control characters spelled out and neutralised
    /// for the spreadsheet, so the error file itself is safe to open.
    private func writeErrors(_ error: Error, to path: String) throws {
        let problems: [ImportProblem]
        switch error {
        case let e as RosterImportError: problems = e.problemList.isEmpty ? [ImportProblem(line: 0, message: e.message)] : e.problemList
        case let e as ClaimImportError: problems = e.problems
        case let e as UserFacingError: problems = [ImportProblem(line: 0, message: e.message)]
        default: return
        }
        let target = (path as NSString).expandingTildeInPath
        let handle = try PrivateFiles.createFile(atPath: target)
        defer { try? handle.close() }
        try handle.write(contentsOf: ImportProblem.csvTable(problems))
        printError(LocalizedText("全部 \(problems.count) 处问题已写入 \(target)。", "All \(problems.count) problem(s) written to \(target).").text())
    }
}
