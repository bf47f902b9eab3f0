import CommunityModel

/// Twelve months as a row of block glyphs, always drawn beside its numbers. A month before the records
/// began (nil) is "no data": `·` in Unicode and a blank in ASCII (where `·` would read as a low bar), while
/// a month of zero has the baseline `▁` (`_` in ASCII) — so the two never look alike.
enum Sparkline {
    /// The lowest glyph is kept for zero; any positive value is at least the second.
    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    static var noData: Character { Glyphs.mode == .ascii ? " " : "·" }

    static func glyphs(_ values: [Int?]) -> String {
        let top = max(1, values.compactMap { $0 }.max() ?? 1)
        return String(values.map { v -> Character in
            guard let v else { return noData }
            if v <= 0 { return levels[0] }
            let step = 1 + (v * (levels.count - 2) + top - 1) / top   // 1…7, rounding up
            return levels[min(levels.count - 1, step)]
        })
    }

    /// Width of one chart cell: label, twelve glyphs, latest and total.
    static let cellWidth = 38

    /// "新议题   ▂▃▅█▇▅▃▂▁▂▃▅  12 / 140" (this month / twelve months).
    static func line(_ s: MonthlySeries) -> (label: String, bars: String, figures: String) {
        // The header above the charts says what the two numbers are (this month / twelve-month total).
        let latest = s.latest.map(String.init) ?? "-"
        let figures = "\(latest) / \(s.total)"
        return (TextFit.fit(s.label.text(), to: 10), glyphs(s.values), figures)
    }

    /// Draws the series in as many columns as fit; returns the rows used.
    static var header: LocalizedText {
        LocalizedText("近 12 个月（右为本月；数字：本月 / 12 个月合计；\(noData == " " ? "空白" : "·") 为无数据）",
                      "Last 12 months (now at right; this month / 12-month total; \(noData == " " ? "blank" : "·") = no data)")
    }

    @discardableResult
    static func draw(_ activity: MonthlyActivity, into buffer: inout ScreenBuffer, x: Int, y: Int, width: Int, maxRows: Int) -> Int {
        guard maxRows > 0, !activity.series.isEmpty else { return 0 }
        let perRow = max(1, min(activity.series.count, width / cellWidth))
        let rows = min(maxRows, (activity.series.count + perRow - 1) / perRow)
        for (i, s) in activity.series.enumerated() where i / perRow < rows {
            let cx = x + (i % perRow) * cellWidth, cy = y + i / perRow
            let l = line(s)
            buffer.put(l.label, x: cx, y: cy, style: .muted)
            buffer.put(l.bars, x: cx + 11, y: cy, style: .accent)
            buffer.put(l.figures, x: cx + 24, y: cy, maxWidth: cellWidth - 25, style: .normal)
        }
        return rows
    }
}
