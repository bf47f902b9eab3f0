import CommunityModel

/// A column of a table: a header, a width in terminal columns (0 = take what is left) and alignment.
struct TableColumn {
    var title: LocalizedText
    var width: Int
    var align: TextFit.Alignment = .left

    init(_ title: LocalizedText, width: Int, align: TextFit.Alignment = .left) {
        self.title = title
        self.width = width
        self.align = align
    }
}

/// Draws a list as aligned columns: every cell is fitted by display width, so Chinese names
/// (two columns a glyph) line up with Latin ones.
enum TableView {
    static let gap = 1

    /// The 80-column layout is the base; on a wider terminal the extra columns go first to the fixed columns
    /// whose cells (or header) are cut ("③ Choose …", "appro…"), then to the flexible ones.
    static func widths(_ columns: [TableColumn], total: Int, rows: [[String]]) -> [Int] {
        let base = 80
        guard total > base else { return widths(columns, total: total) }
        var result = widths(columns, total: base)
        var extra = total - base
        for (i, column) in columns.enumerated() where column.width > 0 && extra > 0 {
            let need = rows.reduce(DisplayWidth.of(column.title.text())) { max($0, i < $1.count ? DisplayWidth.of($1[i]) : 0) }
            let grow = min(extra, max(0, need - result[i]))
            result[i] += grow
            extra -= grow
        }
        if let flexible = columns.firstIndex(where: { $0.width == 0 }) {
            result[flexible] += extra
        }
        return result
    }

    /// Resolves flexible (width 0) columns so the row fills `total` columns.
    static func widths(_ columns: [TableColumn], total: Int) -> [Int] {
        let fixed = columns.reduce(0) { $0 + $1.width } + gap * max(0, columns.count - 1)
        let flexible = columns.filter { $0.width == 0 }.count
        let spare = max(0, total - fixed)
        var given = 0
        var index = 0
        return columns.map { column in
            guard column.width == 0 else { return column.width }
            index += 1
            let share = index == flexible ? spare - given : spare / max(1, flexible)
            given += share
            return max(4, share)
        }
    }

    static func line(_ cells: [String], _ columns: [TableColumn], widths: [Int]) -> String {
        var parts: [String] = []
        for (i, column) in columns.enumerated() {
            parts.append(TextFit.fit(i < cells.count ? cells[i] : "", to: widths[i], align: column.align))
        }
        return parts.joined(separator: String(repeating: " ", count: gap))
    }

    /// Renders a header and rows. `marked(i)` prefixes a ✓ column; `style(i)` colours a row (e.g. overdue).
    static func render(into buffer: inout ScreenBuffer, area: Rect, columns: [TableColumn],
                       rows: [[String]], selected: Int?, marked: (Int) -> Bool = { _ in false },
                       style: (Int) -> StyleRole = { _ in .normal }, showMarks: Bool = false) {
        guard area.height > 0 else { return }
        let markWidth = showMarks ? 2 : 0
        let widths = Self.widths(columns, total: area.width - markWidth, rows: rows)
        let header = columns.map { $0.title.text() }
        buffer.fill(x: area.x, y: area.y, width: area.width, style: .header)
        buffer.put(String(repeating: " ", count: markWidth) + line(header, columns, widths: widths),
                   x: area.x, y: area.y, maxWidth: area.width, style: .header)
        for (i, cells) in rows.enumerated() {
            let y = area.y + 1 + i
            guard y < area.maxY else { break }
            let isSelected = i == selected
            let rowStyle: StyleRole = isSelected ? .selected : style(i)
            if isSelected { buffer.fill(x: area.x, y: y, width: area.width, style: .selected) }
            var x = area.x
            if showMarks {
                buffer.put(marked(i) ? "✓ " : "  ", x: x, y: y, style: isSelected ? .selected : .marked)
                x += markWidth
            }
            buffer.put(line(cells, columns, widths: widths), x: x, y: y, maxWidth: area.width - markWidth, style: rowStyle)
        }
    }
}

/// Draws boxes and titled panels for modals.
enum BoxView {
    static func draw(into buffer: inout ScreenBuffer, _ rect: Rect, title: String, style: StyleRole = .normal) {
        guard rect.width >= 4, rect.height >= 2 else { return }
        for y in rect.y..<rect.maxY { buffer.fill(x: rect.x, y: y, width: rect.width, style: style) }
        let inner = rect.width - 2
        buffer.put("┌" + String(repeating: "─", count: inner) + "┐", x: rect.x, y: rect.y, style: .accent)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            buffer.put("│", x: rect.x, y: y, style: .accent)
            buffer.put("│", x: rect.x + rect.width - 1, y: y, style: .accent)
        }
        buffer.put("└" + String(repeating: "─", count: inner) + "┘", x: rect.x, y: rect.maxY - 1, style: .accent)
        if !title.isEmpty {
            buffer.put(" " + TextFit.truncate(title, to: inner - 4) + " ", x: rect.x + 2, y: rect.y, style: .title)
        }
    }

    /// A rectangle of the given size centred in `area`, clipped to it.
    static func centred(in area: Rect, width: Int, height: Int) -> Rect {
        let w = min(width, area.width)
        let h = min(height, area.height)
        return Rect(x: area.x + (area.width - w) / 2, y: area.y + (area.height - h) / 2, width: w, height: h)
    }
}
