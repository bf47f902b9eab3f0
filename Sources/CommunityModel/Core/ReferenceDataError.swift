import Foundation

/// A reference file under `data/` that cannot be used, located precisely enough to fix it by hand:
/// the file, the path inside it (`steps[3].deadline_days`, indices counted from 0) and what was expected.
///
/// A struct around a `Problem` enum rather than a bare enum so every case carries `file` and `path`
/// uniformly; callers (and tests) read those two without a switch.
public struct ReferenceDataError: UserFacingError, Equatable {
    public enum Problem: Sendable, Equatable {
        /// The file is not there.
        case missingFile
        /// The file is there but cannot be read, or is not UTF-8 text.
        case unreadable(reason: LocalizedText)
        /// Not valid JSON; the position is given when Foundation reports it.
        case malformedJSON(line: Int?, column: Int?)
        /// A value of the wrong kind, e.g. text where a whole number belongs.
        case wrongType(expected: LocalizedText, found: LocalizedText)
        /// A required key is absent (or null).
        case missingKey(expected: LocalizedText)
        /// The value has the right kind but breaks a rule (range, uniqueness, count, sum…).
        case invalid(expected: LocalizedText)
    }

    /// The file's path relative to the data folder, e.g. `consultation.json` or `letters/thank-member.txt`.
    public var file: String
    /// Where inside the file; empty means the file as a whole. For letter templates, the placeholder.
    public var path: String
    public var problem: Problem
    /// The data folder, so the message can point at the real file on disk.
    public var directory: String

    public init(file: String, path: String, problem: Problem, directory: String) {
        self.file = file
        self.path = path
        self.problem = problem
        self.directory = directory
    }

    public var message: LocalizedText {
        let location = directory.isEmpty ? file : (directory as NSString).appendingPathComponent(file)
        let head = LocalizedText("参考数据文件 \(location) 有误：", "Reference data file \(location): ")
        let at = path.isEmpty ? LocalizedText("", "") : LocalizedText("“\(path)” ", "at \(path), ")
        // Only a path with a list position needs the reminder that positions count from 0.
        let fix = path.contains("[")
            ? LocalizedText("请改正该文件（列表序号从 0 数起）后重新启动。", " Fix the file (list positions count from 0) and start again.")
            : LocalizedText("请改正该文件后重新启动。", " Fix the file and start again.")
        switch problem {
        case .missingFile:
            return LocalizedText("找不到参考数据文件 \(location)。请从程序自带的 data/ 目录复制该文件后重新启动。",
                                 "The reference data file \(location) is missing. Copy it from the data/ folder shipped with the program and start again.")
        case .unreadable(let reason):
            return head + at + reason + LocalizedText("。", ".") + fix
        case .malformedJSON(let line, let column):
            let position: LocalizedText
            if let line, let column {
                position = LocalizedText("第 \(line) 行第 \(column) 列附近", "near line \(line), column \(column)")
            } else {
                position = LocalizedText("某处", "somewhere")
            }
            return head + LocalizedText("\(position.zh)不是有效的 JSON（常见原因：漏了逗号或引号、括号不成对、用了中文标点）。",
                                        "the text is not valid JSON \(position.en) (often a missing comma or quote, unbalanced brackets, or full-width punctuation).") + fix
        case .wrongType(let expected, let found):
            return head + at + LocalizedText("应为\(expected.zh)，实际是\(found.zh)。", "expected \(expected.en) but found \(found.en).") + fix
        case .missingKey(let expected):
            return head + LocalizedText("缺少 “\(path)”（应为\(expected.zh)）。", "\(path) is missing (expected \(expected.en)).") + fix
        case .invalid(let expected):
            return head + at + LocalizedText("应为\(expected.zh)。", "expected \(expected.en).") + fix
        }
    }
}
