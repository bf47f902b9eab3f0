import Foundation

/// Problems setting a database up, seeding it or copying it, in words for the person at the desk.
public enum SetupError: UserFacingError, Equatable {
    /// The file already holds a community; `init`, `seed-demo` and `generate` only fill an empty one.
    case alreadySetUp(path: String, community: String)
    case duplicateOperator(String)
    case backupTargetExists(String)
    case backupFailed(path: String, reason: String)
    case badDemoData(file: String, path: String, expected: String)

    public var message: LocalizedText {
        switch self {
        case .alreadySetUp(let path, let community):
            return LocalizedText("数据库 \(path) 已经是“\(community)”的数据库，不能再初始化或填入演示数据。请换一个新的文件名（--db）。",
                                 "The database \(path) already belongs to “\(community)”; it cannot be set up or filled again. Use a new file (--db).")
        case .duplicateOperator(let name):
            return LocalizedText("已有名为“\(name)”的操作员，请换一个名字。", "There is already an operator named “\(name)”; choose another name.")
        case .backupTargetExists(let path):
            return LocalizedText("备份文件 \(path) 已存在，为免覆盖，请换一个文件名或先移走它。",
                                 "The backup file \(path) already exists; choose another name or move it away first, so nothing is overwritten.")
        case .backupFailed(let path, let reason):
            return LocalizedText("备份到 \(path) 失败：\(reason)。请检查磁盘空间和目录权限后重试。",
                                 "Backup to \(path) failed: \(reason). Check disk space and folder permissions, then try again.")
        case .badDemoData(let file, let path, let expected):
            return LocalizedText("演示数据文件 \(file) 有误：在 \(path) 处应为\(expected)。请修正该文件。",
                                 "The demo data file \(file) is wrong at \(path): expected \(expected). Fix the file.")
        }
    }
}
