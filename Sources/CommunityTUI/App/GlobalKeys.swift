import CommunityModel

/// Keys that work on every screen, after the screen's own table had its turn.
enum GlobalKeys {
    enum Action {
        case switchTo(ScreenID)
        case help
        case filter
        case quit
        case redraw
    }

    static func table(screenHasFilter: Bool) -> [KeyBinding<Action>] {
        var table: [KeyBinding<Action>] = ScreenID.allCases.map { id in
            KeyBinding(keys: [.char(Character(String(id.rawValue)))], action: .switchTo(id),
                       help: LocalizedText("切换到「\(id.title.zh)」", "go to \(id.title.en)"))
        }
        if screenHasFilter {
            table.append(KeyBinding(keys: [.char("/")], action: .filter,
                                    help: LocalizedText("查找/筛选（Enter 保留，Esc 清除）", "find / filter (Enter keeps, Esc clears)"), footer: true,
                                    short: LocalizedText("查找", "find")))
        }
        table += [
            KeyBinding(keys: [.char("?"), .f(1)], action: .help, help: LocalizedText("按键帮助", "help"), footer: true),
            KeyBinding(keys: [.char("q")], action: .quit, help: LocalizedText("退出", "quit"), footer: true),
            KeyBinding(keys: [.ctrl("l")], action: .redraw, help: LocalizedText("刷新", "refresh")),
        ]
        return table
    }

    /// Keys handled by the app itself rather than a table: listed in help so nothing is hidden.
    static let modalHelp: [HelpLine] = [
        HelpLine(keys: "Esc", text: LocalizedText("关闭窗口 / 返回", "close / back"), footer: false),
        HelpLine(keys: "Ctrl-C", text: LocalizedText("立即退出（有未保存编辑时先询问）", "quit now (asks first if an edit is open)"), footer: false),
    ]
}
