import CommunityModel

/// Keys that work on every screen, after the screen's own table had its turn.
enum GlobalKeys {
    enum Action {
        case switchTo(ScreenID)
        case help
        case filter
        case quit
        case redraw
        case lock
        case changePin
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
            // Ctrl-L locks at once (an open office); refreshing moved to F5, and another terminal's changes
            // arrive within a second anyway.
            KeyBinding(keys: [.ctrl("l")], action: .lock, help: LocalizedText("立即锁屏（输入 PIN 解锁，正在填写的内容保留）", "lock the desk now (PIN unlocks; an open form is kept)")),
            KeyBinding(keys: [.ctrl("p")], action: .changePin, help: LocalizedText("修改我的 PIN（需原 PIN）", "change my PIN (old PIN needed)")),
            KeyBinding(keys: [.f(5)], action: .redraw, help: LocalizedText("刷新", "refresh")),
        ]
        return table
    }

    /// Keys handled by the app itself rather than a table: listed in help so nothing is hidden.
    static let modalHelp: [HelpLine] = [
        HelpLine(keys: "Esc", text: LocalizedText("关闭窗口 / 返回", "close / back"), footer: false),
        HelpLine(keys: "Ctrl-C", text: LocalizedText("立即退出（有未保存编辑时先询问）", "quit now (asks first if an edit is open)"), footer: false),
    ]
}
