import Foundation

/// One thing wrong in an import file: where (line, and the column by its header name) and what.
public struct ImportProblem: Sendable, Equatable, CustomStringConvertible {
    /// The line in the file, the header being line 1.
    public var line: Int
    /// The column's header as written in the file, or nil when the problem is the whole line.
    public var column: String?
    /// 1-based column number, when there is a column.
    public var columnNumber: Int?
    /// The cell as it is in the file, when the problem is about one cell (for the `--errors` file).
    public var value: String?
    public var message: LocalizedText

    public init(line: Int, column: String? = nil, columnNumber: Int? = nil, value: String? = nil, message: LocalizedText) {
        self.line = line
        self.column = column
        self.columnNumber = columnNumber
        self.value = value
        self.message = message
    }

    /// "第 3 行，“手机”列（第 2 列）：…" / "line 3, column “手机” (2): …"
    public var location: LocalizedText {
        guard let column else { return LocalizedText("第 \(line) 行", "line \(line)") }
        let number = columnNumber.map { LocalizedText("（第 \($0) 列）", " (\($0))") } ?? LocalizedText("", "")
        return LocalizedText("第 \(line) 行，“\(column)”列", "line \(line), column “\(column)”") + number
    }

    public var text: LocalizedText { location + LocalizedText("：", ": ") + message }
    public var description: String { text.text() }
}

/// Why an import file was refused. Nothing is written when any of these is thrown.
public enum RosterImportError: UserFacingError, Equatable {
    /// Neither UTF-8 nor GB18030/GBK: the line and the byte (counted from 0) where decoding failed.
    case undecodable(line: Int, byteOffset: Int)
    /// The file cannot be opened.
    case unreadable(String)
    /// No header line at all.
    case empty
    /// A header but no data lines.
    case noRows
    /// A quote opened on this line is never closed.
    case unclosedQuote(line: Int)
    /// Every problem found in the file, in line order.
    case problems([ImportProblem])

    public var message: LocalizedText {
        switch self {
        case .undecodable(let line, let offset):
            return LocalizedText(
                "无法识别文件的文字编码：它既不是 UTF-8，也不是 GB18030/GBK（第 \(line) 行，第 \(offset + 1) 字节处出错）。请在 Excel 或 WPS 中用“另存为 → CSV UTF-8（逗号分隔）”保存后再导入。",
                "Cannot read the file's text encoding: it is neither UTF-8 nor GB18030/GBK (line \(line), byte \(offset + 1)). In Excel or WPS use “Save As → CSV UTF-8 (comma delimited)” and import that file.")
        case .unreadable(let path):
            return LocalizedText("无法读取文件 \(path)：文件不存在或没有读取权限。", "Cannot read \(path): it does not exist or is not readable.")
        case .empty:
            return LocalizedText("文件是空的：第 1 行应是表头（如 姓名,手机,单位,…）。", "The file is empty: line 1 should be the header (e.g. 姓名,手机,单位,…).")
        case .noRows:
            return LocalizedText("文件只有表头，没有数据行，未导入任何内容。", "The file has a header but no data lines; nothing was imported.")
        case .unclosedQuote(let line):
            return LocalizedText("第 \(line) 行有一个引号 \" 没有配对，文件其余部分无法读取。请检查该行后重新导入。",
                                 "Line \(line) opens a quote \" that is never closed, so the rest of the file cannot be read. Check that line and import again.")
        case .problems(let problems):
            // Every problem, none summarised away: the office fixes the file from this list (or `--errors`).
            let shown = problems.map(\.text)
            var zh = "文件有 \(problems.count) 处问题，未导入任何内容。请改正后重新导入：\n"
            var en = "The file has \(problems.count) problem(s); nothing was imported. Correct them and import again:\n"
            zh += shown.map { "  " + $0.zh }.joined(separator: "\n")
            en += shown.map { "  " + $0.en }.joined(separator: "\n")
            return LocalizedText(zh, en)
        }
    }

    /// Problems with locations, for a screen that lists them; empty for file-level errors.
    public var problemList: [ImportProblem] {
        if case .problems(let list) = self { return list }
        return []
    }
}
