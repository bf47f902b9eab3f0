import ArgumentParser
import CommunityModel
import Foundation

/// `community import`: bulk roster data from a CSV file, validated whole before anything is written.
struct ImportCommand: ParsableCommand {
    /// What a file can hold. A new kind (e.g. claims) is one case here and one line in `perform`.
    enum Kind: String, CaseIterable, ExpressibleByArgument {
        case members, organisations, claims

        func perform(_ database: CommunityDatabase, csv: Data, fileName: String, by actor: Actor?, dryRun: Bool) throws -> LocalizedText {
            switch self {
            case .members: return try roster(.members, database, csv, actor, dryRun)
            case .organisations: return try roster(.organisations, database, csv, actor, dryRun)
            case .claims: return try database.importClaims(csv: csv, fileName: fileName, by: actor, dryRun: dryRun).text(dryRun: dryRun)
            }
        }

        private func roster(_ kind: RosterImportKind, _ database: CommunityDatabase, _ csv: Data, _ actor: Actor?, _ dryRun: Bool) throws -> LocalizedText {
            let s = try database.importRoster(kind, csv: csv, by: actor, dryRun: dryRun)
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
        first: a member's 单位 must already be on the roster. Every problem is listed with its line and column.
        """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "What the file holds: members, organisations or claims (default: guessed from the header).") var what: Kind?
    @Flag(help: "Check the file only; write nothing.") var dryRun = false
    @OptionGroup var operatorOptions: OperatorOptions
    @Argument(help: "The CSV file.") var file: String

    func run() throws {
        global.applyLanguage()
        try reportingErrors {
            let url = URL(fileURLWithPath: (file as NSString).expandingTildeInPath)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw CommandFailure(text: LocalizedText("无法读取文件 \(file)：文件不存在或没有读取权限。",
                                                         "Cannot read \(file): it does not exist or is not readable.").text())
            }
            let (database, actor) = try global.openForWriting(operatorOptions)
            guard let kind = what ?? (ClaimImport.looksLikeClaims(data) ? .claims : nil) ?? RosterImportKind.detect(csv: data).flatMap({ Kind(rawValue: $0.rawValue) }) else {
                throw CommandFailure(text: LocalizedText("无法从表头判断文件内容，请用 --what members 或 --what organisations 指明。",
                                                         "Cannot tell from the header what the file holds; say --what members or --what organisations.").text(),
                                     code: 64)
            }
            print(try kind.perform(database, csv: data, fileName: url.lastPathComponent, by: actor, dryRun: dryRun).text())
        }
    }
}
