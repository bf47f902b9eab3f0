import CommunityModel

/// Draws the modal on top of the stack over the screen body.
enum ModalView {
    static func render(_ modal: Modal, into buffer: inout ScreenBuffer, area: Rect) {
        switch modal {
        case .form(let form): renderForm(form, into: &buffer, area: area)
        case .confirm(let confirm): renderConfirm(confirm, into: &buffer, area: area)
        case .help(let help): renderPage(title: help.title.text(), lines: helpText(help.lines, width: area.width - 8),
                                         scroll: help.scroll, hint: closeHint, into: &buffer, area: area)
        case .text(let page): renderPage(title: page.title.text(), lines: page.lines, scroll: page.scroll,
                                         hint: closeHint, into: &buffer, area: area)
        }
    }

    static let closeHint = LocalizedText("↑↓ 滚动  Esc 关闭", "↑↓ scroll  Esc close")

    static func helpText(_ lines: [HelpLine], width: Int) -> [String] {
        let keyWidth = min(22, max(8, lines.map { DisplayWidth.of($0.keys) }.max() ?? 8))
        return lines.map { TextFit.fit($0.keys, to: keyWidth) + "  " + $0.text.text() }
    }

    /// Rows a page can show inside its box.
    static func pageRows(area: Rect) -> Int { max(1, min(area.height, 40) - 4) }

    static func renderPage(title: String, lines: [String], scroll: Int, hint: LocalizedText,
                           into buffer: inout ScreenBuffer, area: Rect) {
        let width = min(area.width - 2, max(50, (lines.map { DisplayWidth.of($0) }.max() ?? 40) + 4))
        let rows = pageRows(area: area)
        let box = BoxView.centred(in: area, width: width, height: min(lines.count, rows) + 4)
        BoxView.draw(into: &buffer, box, title: title)
        let visible = lines.dropFirst(scroll).prefix(box.height - 4)
        for (i, line) in visible.enumerated() {
            buffer.put(line, x: box.x + 2, y: box.y + 1 + i, maxWidth: box.width - 4)
        }
        let more = lines.count > scroll + (box.height - 4) ? " ▼" : ""
        buffer.put(hint.text() + more, x: box.x + 2, y: box.maxY - 2, maxWidth: box.width - 4, style: .muted)
    }

    static func renderConfirm(_ confirm: ConfirmState, into buffer: inout ScreenBuffer, area: Rect) {
        let text = TextFit.wrap(confirm.message.text(), width: min(60, area.width - 8))
        let box = BoxView.centred(in: area, width: min(64, area.width - 2), height: text.count + 5)
        BoxView.draw(into: &buffer, box, title: confirm.title.text())
        for (i, line) in text.enumerated() {
            buffer.put(line, x: box.x + 2, y: box.y + 1 + i, maxWidth: box.width - 4)
        }
        buffer.put(LocalizedText("y 确定    n / Esc 取消", "y confirm    n / Esc cancel").text(),
                   x: box.x + 2, y: box.maxY - 2, maxWidth: box.width - 4, style: .key)
    }

    /// Rows under the focused picker field: its matches, or one line saying there are none.
    static func suggestionRows(_ form: FormState) -> Int {
        guard form.fields.indices.contains(form.focus), let lookup = form.fields[form.focus].lookup else { return 0 }
        if !lookup.options.isEmpty { return lookup.options.count }
        return lookup.findsNothing ? 1 : 0
    }

    static func renderForm(_ form: FormState, into buffer: inout ScreenBuffer, area: Rect) {
        let labelWidth = min(16, max(8, form.fields.map { DisplayWidth.of($0.label.text()) + 1 }.max() ?? 8))
        let width = min(area.width - 2, 72)
        // Each field takes its lines, plus one under it when it has a message.
        let fieldLines = form.fields.reduce(0) { $0 + $1.lines + ($1.error == nil ? 0 : 1) } + suggestionRows(form)
        let box = BoxView.centred(in: area, width: width, height: fieldLines + 5)
        BoxView.draw(into: &buffer, box, title: form.title.text())
        var y = box.y + 1
        let valueX = box.x + 2 + labelWidth + 1
        let valueWidth = box.maxX - 2 - valueX
        for (i, field) in form.fields.enumerated() where y < box.maxY - 3 {
            let focused = i == form.focus
            let mark = field.required ? "*" : " "
            buffer.put(TextFit.fit(field.label.text() + mark, to: labelWidth), x: box.x + 2, y: y,
                       style: field.error != nil ? .error : (focused ? .key : .normal))
            let rows = min(field.lines, box.maxY - 3 - y)
            for row in 0..<rows {
                buffer.fill(x: valueX, y: y + row, width: valueWidth, style: focused ? .selected : .muted)
            }
            var shown = field.display
            if case .choice(let options) = field.kind, options.count > 1 { shown = "‹ " + shown + " ›" }
            let style: StyleRole = focused ? .selected : .normal
            if shown.isEmpty, let placeholder = field.placeholder, !focused {
                buffer.put(placeholder.text(), x: valueX, y: y, maxWidth: valueWidth, style: .muted)
            } else if field.isChoice || !focused {
                // A field you are not in shows how it starts; the rest is marked with "…".
                let wrapped = TextFit.wrapForEditing(shown, width: valueWidth - 1)
                for (row, line) in wrapped.prefix(rows).enumerated() {
                    let last = row == rows - 1 && wrapped.count > rows
                    buffer.put(last ? TextFit.fit(line.text + "…", to: valueWidth) : line.text, x: valueX, y: y + row,
                               maxWidth: valueWidth, style: style)
                }
            } else {
                // The focused field wraps over its rows; when the text is longer still, the rows follow the cursor.
                let wrapped = TextFit.wrapForEditing(shown, width: valueWidth - 1)
                let cursorRow = wrapped.lastIndex(where: { $0.start <= field.cursor }) ?? 0
                let first = max(0, cursorRow - (rows - 1))
                for (row, line) in wrapped.dropFirst(first).prefix(rows).enumerated() {
                    buffer.put(line.text, x: valueX, y: y + row, maxWidth: valueWidth, style: style)
                }
                let line = wrapped[cursorRow]
                let column = DisplayWidth.of(String(line.text.prefix(field.cursor - line.start)))
                buffer.cursor = (valueX + column, y + cursorRow - first)
            }
            y += rows
            if focused, let lookup = field.lookup, !lookup.options.isEmpty {
                // The picker's matches, under the field: the chosen one in reverse video.
                for (k, option) in lookup.options.enumerated() where y < box.maxY - 3 {
                    // The row that keeps a name as typed reads as such: quoted, with its note.
                    let label = option.id == PickOption.typedId ? LocalizedText("「\(option.label)」", "“\(option.label)”").text() : option.label
                    let line = label + (option.detail.isEmpty ? "" : "  " + option.detail)
                    buffer.fill(x: valueX, y: y, width: valueWidth, style: k == lookup.selected ? .selected : .normal)
                    buffer.put((k == lookup.selected ? "▸ " : "  ") + line, x: valueX, y: y, maxWidth: valueWidth,
                               style: k == lookup.selected ? .selected : .normal)
                    y += 1
                }
            } else if focused, let lookup = field.lookup, lookup.findsNothing {
                buffer.put(LocalizedText("  没有匹配的人员或单位", "  nobody on the roster matches").text(), x: valueX, y: y,
                           maxWidth: valueWidth, style: .muted)
                y += 1
            }
            if let error = field.error {
                buffer.put("↳ " + error.text(), x: valueX, y: y, maxWidth: valueWidth, style: .error)
                y += 1
            }
        }
        if let error = form.formError {
            buffer.put(error.text(), x: box.x + 2, y: box.maxY - 3, maxWidth: box.width - 4, style: .error)
        }
        buffer.put(LocalizedText("Tab/↓ 下一项  Enter 下一项/保存  Ctrl-S 保存  ←→ 选择  Esc 取消",
                                 "Tab/↓ next  Enter next/save  Ctrl-S save  ←→ choose  Esc cancel").text(),
                   x: box.x + 2, y: box.maxY - 2, maxWidth: box.width - 4, style: .muted)
    }
}

extension Rect {
    var maxX: Int { x + width }
}
