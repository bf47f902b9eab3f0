import Foundation

/// Problems opening or using the database file, in words for the person at the desk.
public enum StoreError: UserFacingError, Equatable {
    case newerSchema(path: String)
    case notADatabase(path: String)
    case locked(path: String)
    case cannotOpen(path: String, reason: String)
    case missingProfile
    case notFound(LocalizedText)

    public var message: LocalizedText {
        switch self {
        case .newerSchema(let path):
            return LocalizedText("数据库 \(path) 来自更新版本的工作台，本程序无法打开。请升级程序后再试。",
                                 "The database \(path) was written by a newer version of the workbench. Upgrade this program and try again.")
        case .notADatabase(let path):
            return LocalizedText("文件 \(path) 不是工作台数据库，或已损坏。请从备份恢复（community backup）。",
                                 "The file \(path) is not a workbench database or is damaged. Restore it from a backup.")
        case .locked(let path):
            return LocalizedText("数据库 \(path) 正被其他程序长时间占用，请稍后再试。",
                                 "The database \(path) is locked by another program. Try again shortly.")
        case .cannotOpen(let path, let reason):
            return LocalizedText("无法打开数据库 \(path)：\(reason)", "Cannot open the database \(path): \(reason)")
        case .missingProfile:
            return LocalizedText("数据库尚未初始化：请先运行 community init 或直接运行 community 进行首次设置。",
                                 "The database is not set up yet: run `community init`, or just `community` for first-run setup.")
        case .notFound(let what):
            return LocalizedText("找不到\(what.zh)。", "\(what.en) not found.")
        }
    }
}
