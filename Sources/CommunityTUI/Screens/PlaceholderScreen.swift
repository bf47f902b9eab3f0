import CommunityModel

/// A screen whose capability is not built yet says so plainly, with no invented figures.
struct PlaceholderScreen: Screen {
    let id: ScreenID

    func bindings(_ ctx: AppContext) -> [KeyBinding<Never>] { [] }
    mutating func perform(_ action: Never, _ ctx: AppContext) -> [Effect] {}
    mutating func reload(_ ctx: AppContext) throws {}

    func render(into buffer: inout ScreenBuffer, area: Rect, ctx: AppContext) {
        let lines = [
            LocalizedText("「\(id.title.zh)」功能尚未开放。", "“\(id.title.en)” is not available yet.").text(),
            "",
            LocalizedText("这一部分还在开发中，此处不显示任何数字，以免误导。", "This part is still being built; no figures are shown here so none can mislead.").text(),
            LocalizedText("按 1–7 切换到其他页面，按 7 打开名册。", "Press 1–7 for other screens; 7 opens the roster.").text(),
        ]
        for (i, line) in lines.enumerated() {
            buffer.put(line, x: area.x + 2, y: area.y + 2 + i, maxWidth: area.width - 4, style: i == 0 ? .header : .muted)
        }
    }
}
