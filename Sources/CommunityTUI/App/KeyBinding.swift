import CommunityModel

/// One entry of a key table. The footer, the `?` help and the dispatch all read the same tables,
/// so what the user is told is always what the keys do.
struct KeyBinding<Action> {
    var keys: [Key]
    var action: Action
    var help: LocalizedText
    /// Shown in the footer hint line (the most used few); all appear in `?` help.
    var footer: Bool = false
    /// A reason the action cannot be used right now (shown instead of acting), or nil.
    var disabledReason: LocalizedText? = nil
    /// A shorter text for the footer, where space is tight; the help shows `help`.
    var short: LocalizedText? = nil

    func matches(_ key: Key) -> Bool {
        keys.contains(key) || keys.contains(key.normalized)
    }

    var helpLine: HelpLine {
        HelpLine(keys: keys.map(\.label).joined(separator: " "), text: help, footer: footer, short: short)
    }
}

/// A type-erased row of the help: keys as written, and what they do.
struct HelpLine: Equatable {
    var keys: String
    var text: LocalizedText
    var footer: Bool
    var short: LocalizedText? = nil
}

/// List movement shared by every list screen.
enum ListMove: Equatable {
    case up, down, pageUp, pageDown, top, bottom
}

extension KeyBinding {
    /// j/k, arrows, g/G, PgUp/PgDn, Home/End — the same on every list.
    static func listMoves(_ wrap: @escaping (ListMove) -> Action) -> [KeyBinding] {
        [
            KeyBinding(keys: [.char("j"), .down], action: wrap(.down), help: LocalizedText("下移", "move down")),
            KeyBinding(keys: [.char("k"), .up], action: wrap(.up), help: LocalizedText("上移", "move up")),
            KeyBinding(keys: [.pageDown, .ctrl("f")], action: wrap(.pageDown), help: LocalizedText("下一页", "page down")),
            KeyBinding(keys: [.pageUp, .ctrl("b")], action: wrap(.pageUp), help: LocalizedText("上一页", "page up")),
            KeyBinding(keys: [.char("g"), .home], action: wrap(.top), help: LocalizedText("到第一行", "go to top")),
            KeyBinding(keys: [.char("G"), .end], action: wrap(.bottom), help: LocalizedText("到最后一行", "go to bottom")),
        ]
    }
}
