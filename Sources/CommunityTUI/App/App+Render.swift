import CommunityModel

extension App {
    /// Draws the whole frame: tab bar, the screen body, footer hints, status line, modals on top.
    func render() -> ScreenBuffer {
        var buffer = ScreenBuffer(width: width, height: height)
        if tooSmall {
            renderTooSmall(into: &buffer)
            if ctx.training { renderKioskBar(into: &buffer) }
            return buffer
        }
        if ctx.kiosk { renderKioskBar(into: &buffer) } else { renderTabBar(into: &buffer) }
        let body = bodyArea
        // Locked: nothing of the screen or an open form shows, only who may unlock.
        if let lock {
            lock.render(into: &buffer, area: body)
            renderStatus(into: &buffer, y: height - 1)
            return buffer
        }
        if phase == .main, let screen = screens[current] {
            screen.render(into: &buffer, area: body, ctx: ctx)
        } else {
            renderWelcome(into: &buffer, area: body)
        }
        if let modal = modals.last {
            ModalView.render(modal, into: &buffer, area: body)
        }
        renderFooter(into: &buffer, y: height - 2)
        renderStatus(into: &buffer, y: height - 1)
        return buffer
    }

    private func renderTooSmall(into buffer: inout ScreenBuffer) {
        let lines = [LocalizedText("终端太小，至少需要 80×24", "terminal too small (need 80×24)").text(),
                     LocalizedText("当前 \(width)×\(height)，请放大窗口；按 q 退出", "now \(width)×\(height); enlarge the window, or press q to quit").text()]
        for (i, line) in lines.enumerated() {
            let y = max(0, height / 2 - 1 + i)
            let w = DisplayWidth.of(line)
            buffer.put(line, x: max(0, (width - w) / 2), y: y, style: i == 0 ? .warning : .muted)
        }
    }

    private func renderTabBar(into buffer: inout ScreenBuffer) {
        buffer.fill(x: 0, y: 0, width: width, style: .title)
        var x = 1
        for id in ScreenID.tabs {
            let label = " \(id.rawValue) \(id.title.text()) "
            let active = phase == .main && id == current
            x += buffer.put(label, x: x, y: 0, style: active ? .tabActive : .title) + 1
        }
        let name = ctx.community.isEmpty ? LocalizedText("社区党建工作台", "Community Workbench").text() : ctx.community
        // The demo marker matters more than room: a secretary must never mistake demo data for real records.
        for right in [isDemo ? name + LocalizedText(" · 演示", " · demo").text() : name, isDemo ? LocalizedText("演示", "demo").text() : name] {
            let w = DisplayWidth.of(right)
            if x + w + 1 < width {
                buffer.put(right, x: width - w - 1, y: 0, style: .title)
                break
            }
        }
    }

    private func renderWelcome(into buffer: inout ScreenBuffer, area: Rect) {
        let title = LocalizedText("社区党建工作台", "Community Workbench").text()
        buffer.put(title, x: max(0, (width - DisplayWidth.of(title)) / 2), y: area.y + 1, style: .header)
    }

    private func renderFooter(into buffer: inout ScreenBuffer, y: Int) {
        if let prompt = filterPrompt {
            let label = "/ "
            buffer.put(label, x: 0, y: y, style: .key)
            buffer.put(prompt.value, x: 2, y: y, maxWidth: width - 40)
            buffer.cursor = (2 + DisplayWidth.of(String(prompt.value.prefix(prompt.cursor))), y)
            let hint = LocalizedText("Enter 保留  Esc 清除", "Enter keep  Esc clear").text()
            buffer.put(hint, x: width - DisplayWidth.of(hint) - 1, y: y, style: .muted)
            return
        }
        guard phase == .main, modals.isEmpty else { return }
        var x = 0
        for line in footerLines() {
            let keyWidth = DisplayWidth.of(line.keys)
            let textWidth = DisplayWidth.of(line.text.text())
            if x + keyWidth + textWidth + 1 > width { break }
            x += buffer.put(line.keys, x: x, y: y, style: .key)
            x += buffer.put(" " + line.text.text() + "  ", x: x, y: y, style: .muted)
        }
    }

    /// The footer shows the bindings marked `footer` in the screen's table, then the global ones.
    func footerLines() -> [HelpLine] {
        helpLines().filter(\.footer).map { line in
            // Only the first key of each binding, so the line stays short.
            HelpLine(keys: line.keys.split(separator: " ").first.map(String.init) ?? line.keys, text: line.short ?? line.text, footer: true)
        }
    }

    private func renderStatus(into buffer: inout ScreenBuffer, y: Int) {
        let who = ctx.actor.map { LocalizedText("\($0.name)（\($0.role.label.zh)）", "\($0.name) (\($0.role.label.en))").text() }
            ?? LocalizedText("未登录", "not signed in").text()
        let file = (ctx.db.path as NSString).lastPathComponent
        let left = "\(who) · \(file)"
        // Who and which file come first; a message takes the rest, and the file name is never cut to half.
        let used = buffer.put(left, x: 0, y: y, maxWidth: width * 3 / 5, style: .muted)
        if let status {
            // A message longer than the line ends in "…" rather than stopping mid-word.
            buffer.put(TextFit.truncate("  " + status.text.text(), to: max(0, width - used)), x: used, y: y, maxWidth: width - used,
                       style: status.isError ? .error : .ok)
        }
    }
}

import Foundation
