import Foundation

/// Why a database file was not opened, replaced or written as asked (issue 13 item 3/4).
public enum FileAccessError: UserFacingError, Equatable {
    /// A zero-byte file: a reader does not turn it into a database.
    case emptyFile(path: String)
    /// A file that SQLite reads but that holds no workbench tables.
    case notAWorkbench(path: String)
    /// The file is from an older version; a reader does not upgrade it.
    case olderSchema(path: String)
    /// `--db` names a folder that does not exist; `command` would create it.
    case folderMissing(folder: String, command: String)
    /// Another terminal has the database open (restore refuses).
    case inUse(path: String)
    /// A command that writes to a real database was run without naming its operator.
    case operatorRequired
    /// `restore` on a backup that does not pass `check`.
    case backupFailsCheck(path: String, problems: [String])

    public var message: LocalizedText {
        switch self {
        case .emptyFile(let path):
            return LocalizedText("文件 \(path) 是空的（0 字节），不是工作台数据库；只读命令不会往里写任何东西。新建数据库请用 community init --db \(path)。",
                                 "The file \(path) is empty (0 bytes), not a workbench database; a reading command writes nothing into it. To create a database use `community init --db \(path)`.")
        case .notAWorkbench(let path):
            return LocalizedText("文件 \(path) 是 SQLite 文件，但不是工作台数据库（没有社区信息表）。请确认 --db 指向的文件。",
                                 "The file \(path) is an SQLite file but not a workbench database (it has no community profile). Check the file given with --db.")
        case .olderSchema(let path):
            return LocalizedText("数据库 \(path) 是旧版本的格式。只读命令不改动文件，所以不会替它升级：请先用工作台打开一次（community --db \(path)），升级后再运行此命令。",
                                 "The database \(path) is in an older version's format. Reading commands never change a file, so they do not upgrade it: open it once with the workbench (`community --db \(path)`), then run this command again.")
        case .folderMissing(let folder, let command):
            return LocalizedText("文件夹 \(folder) 不存在，不会自动新建。如确要放在那里，请先运行：\(command)",
                                 "The folder \(folder) does not exist and is not created silently. If that is the right place, first run: \(command)")
        case .inUse(let path):
            return LocalizedText("数据库 \(path) 正在被另一个终端使用。请先在所有终端退出工作台（按 q），再恢复备份。",
                                 "The database \(path) is open in another terminal. Quit the workbench everywhere (press q), then restore.")
        case .operatorRequired:
            return LocalizedText("此命令会修改正式数据库，必须写明操作员：加上 --operator 姓名（PIN 会在终端上询问，或用 --pin 给出）。演示数据库不需要。",
                                 "This command changes a real database, so it needs an operator: add --operator NAME (the PIN is asked on the terminal, or give --pin). Demo databases are exempt.")
        case .backupFailsCheck(let path, let problems):
            return LocalizedText("备份 \(path) 未通过检查，没有恢复：\n" + problems.map { "  " + $0 }.joined(separator: "\n"),
                                 "The backup \(path) fails the check, so nothing was restored:\n" + problems.map { "  " + $0 }.joined(separator: "\n"))
        }
    }
}
