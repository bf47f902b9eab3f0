import CommunityModel
import Foundation

extension StarScreen {
    /// Header, stage timeline, history, flags, then the scorecard list and the selected criterion's detail.
    func render(into buffer: inout ScreenBuffer, area: Rect, ctx: AppContext) {
        guard let a = assessment, let quarter else { return }
        let x = area.x + 1, w = area.width - 2
        var y = area.y
        let signedTotal = a.progress.signed[.selfAssessment]?.total
        let head = LocalizedText("\(quarter.label.zh)  \(a.stageLabel.zh)  总分 \(signedTotal ?? a.scorecard.total)/100  申报 ",
                                 "\(quarter.label.en)  \((a.stageLabel.en.prefix(1).uppercased() + a.stageLabel.en.dropFirst()))  total \(signedTotal ?? a.scorecard.total)/100  claims ").text()
        var cx = x + buffer.put(head, x: x, y: y, maxWidth: w, style: .header)
        cx += buffer.put(StarGlyphs.stars(a.claimedStars), x: cx, y: y, style: .accent)
        if let f = a.finalStars {
            cx += buffer.put(LocalizedText("  最终 ", "  final ").text(), x: cx, y: y, style: .header)
            cx += buffer.put(StarGlyphs.stars(f), x: cx, y: y, style: .ok)
        }
        let proposals = a.scorecard.proposals.count
        if proposals > 0, a.stage == .selfAssessment {
            let text = LocalizedText("  建议扣分 \(proposals) 项待确认（a）", "  \(proposals) proposed (a)").text()
            buffer.put(TextFit.truncate(text, to: max(0, x + w - cx)), x: cx, y: y, maxWidth: x + w - cx, style: .warning)
        }
        y += 1
        // Narrower forms when the full one does not fit: without the time, then without the names.
        let timeline = [timelineText(a, detail: 2), timelineText(a, detail: 1), timelineText(a, detail: 0)].first { DisplayWidth.of($0) <= w }
            ?? timelineText(a, detail: 0)
        buffer.put(TextFit.truncate(timeline, to: w), x: x, y: y, maxWidth: w, style: .normal)
        y += 1
        buffer.put(TextFit.truncate(historyText(), to: w), x: x, y: y, maxWidth: w, style: .muted)
        y += 1
        if let first = flags.first {
            let more = flags.count > 1 ? LocalizedText("（另有 \(flags.count - 1) 项，按 t 查看）", " (+\(flags.count - 1) more, press t)").text() : ""
            let reading = first.reading.map { " · " + $0.label.text() } ?? ""
            buffer.put(TextFit.truncate("⚑ " + first.rule.text() + " [" + first.quartersText + "]" + reading + more, to: w), x: x, y: y, maxWidth: w, style: .warning)
        } else {
            buffer.put(LocalizedText("后果提示：无（表彰、年度考核、绩效均无影响）", "Consequences: none (commendation, annual review and pay unaffected)").text(),
                       x: x, y: y, maxWidth: w, style: .muted)
        }
        y += 1
        let nameW = min(30, max(16, w / 3))
        let header = TextFit.fit(LocalizedText("指标", "Criterion").text(), to: nameW) + " " + TextFit.fit(LocalizedText("分值", "Wt").text(), to: 4, align: .right)
            + " " + TextFit.fit(LocalizedText("得分", "Score").text(), to: 5, align: .right) + "  " + LocalizedText("扣分 / 建议 / 佐证", "Deductions / proposed / evidence").text()
        buffer.put(header, x: x, y: y, maxWidth: w, style: .title)
        y += 1
        let listHeight = max(1, area.maxY - 2 - y)
        let all = rows
        let first = visibleStart(listHeight)
        for (i, row) in all.enumerated().dropFirst(first).prefix(listHeight) {
            let isSelected = i == selected
            switch row {
            case .area(let t):
                let text = TextFit.fit(t.area.label.text(), to: nameW) + " " + TextFit.fit("\(t.weight)", to: 4, align: .right) + " "
                    + TextFit.fit("\(t.score)", to: 5, align: .right)
                buffer.put(text, x: x, y: y, maxWidth: w, style: .header)
            case .criterion(let line):
                if isSelected { buffer.fill(x: x, y: y, width: w, style: .selected) }
                let base: StyleRole = isSelected ? .selected : .normal
                let lead = TextFit.fit("  " + line.criterion.label.text(), to: nameW) + " " + TextFit.fit("\(line.criterion.weight)", to: 4, align: .right) + " "
                let used = buffer.put(lead, x: x, y: y, maxWidth: w, style: base)
                let scoreText = TextFit.fit("\(line.score)", to: 5, align: .right) + "  "
                let sw = buffer.put(scoreText, x: x + used, y: y, maxWidth: w - used, style: isSelected ? .selected : (line.deducted > 0 ? .warning : .ok))
                let (note, style) = noteText(line)
                buffer.put(TextFit.truncate(note, to: max(0, w - used - sw)), x: x + used + sw, y: y, maxWidth: w - used - sw, style: isSelected ? .selected : style)
            }
            y += 1
        }
        if all.count > listHeight {
            let more = "\(first + 1)–\(min(all.count, first + listHeight))/\(all.count)"
            buffer.put(more, x: area.x + area.width - DisplayWidth.of(more) - 1, y: area.maxY - 3, style: .muted)
        }
        if let line = selectedLine {
            let detail = detailSummary(line)
            for (i, text) in detail.prefix(2).enumerated() {
                buffer.put(TextFit.truncate(text, to: w), x: x, y: area.maxY - 2 + i, maxWidth: w, style: i == 0 ? .normal : .muted)
            }
        }
    }

    /// The first list row shown, keeping the selection (and the area heading above a first criterion) in view.
    func visibleStart(_ height: Int) -> Int {
        let total = rows.count
        guard total > height else { return 0 }
        var first = min(scroll, total - height)
        if selected < first + 1 { first = max(0, selected - 1) }
        if selected >= first + height { first = selected - height + 1 }
        return max(0, min(first, total - height))
    }

    /// "自评 ✓王书记 11-30 → 公开讲 待签 → …", over the stages this quarter goes through.
    /// `detail` 2: name, day and time; 1: name and day; 0: day only.
    func timelineText(_ a: StarAssessment, detail: Int = 2) -> String {
        let parts = a.progress.order.map { stage -> String in
            if let e = a.progress.signed[stage] {
                let when = String(e.at.dropFirst(5).prefix(detail == 2 ? 11 : 5))
                return stage.label.text() + " ✓" + (detail > 0 ? e.operatorName + " " : "") + when
            }
            return stage.label.text() + (stage == a.stage ? LocalizedText(" ◀待签", " ◀due").text() : " —")
        }
        return parts.joined(separator: " → ")
    }

    /// "2026Q1 ★★★★☆ · Q2 ★★★★★ · …": the final star of each quarter, or where it stands.
    func historyText() -> String {
        guard !history.isEmpty else { return LocalizedText("历史：尚无评定记录", "History: no assessments yet").text() }
        var lastYear: Int?
        let parts = history.map { s -> String in
            let name = s.quarter.year == lastYear ? "Q\(s.quarter.number)" : s.quarter.description
            lastYear = s.quarter.year
            if let f = s.finalStars { return name + " " + StarGlyphs.stars(f) }
            return name + " " + (s.stage?.label.text() ?? "") + LocalizedText("中", "").text()
        }
        return LocalizedText("历史  ", "History  ").text() + parts.joined(separator: " · ")
    }

    func noteText(_ line: StarScorecard.Line) -> (String, StyleRole) {
        if let p = line.proposals.first {
            return (LocalizedText("建议 −\(p.points)：\(p.reason.zh)（a 确认）", "proposed −\(p.points): \(p.reason.en) (a)").text(), .warning)
        }
        if !line.applied.isEmpty {
            let text = line.applied.map { d in
                // The count first: a long case text is cut at the right edge.
                "−\(d.points)" + (d.count > 1 ? " ×\(d.count)" : "") + " " + line.criterion.deductions[d.caseIndex].label.text()
            }.joined(separator: "；")
            return (text, .normal)
        }
        if let e = line.evidence { return (e.text(), .muted) }
        return ("", .muted)
    }

    /// Two lines under the list about the selected criterion.
    func detailSummary(_ line: StarScorecard.Line) -> [String] {
        var out: [String] = []
        if let e = line.evidence { out.append(LocalizedText("佐证：", "Evidence: ").text() + e.text()) }
        for d in line.applied where !d.note.isEmpty {
            out.append(LocalizedText("扣分说明：", "Note: ").text() + d.note + " · " + d.operatorName)
        }
        out.append(line.criterion.standardText.text())
        return out
    }

    func detailLines(_ line: StarScorecard.Line, _ a: StarAssessment) -> [String] {
        let c = line.criterion
        var out = [LocalizedText("分值 \(c.weight) · 得分 \(line.score)", "Weight \(c.weight) · score \(line.score)").text(), "",
                   LocalizedText("评分标准", "Scoring standard").text()]
        out += TextFit.wrap(c.standardText.text(), width: 70)
        out += ["", LocalizedText("扣分情形", "Deduction cases").text()]
        for (i, d) in c.deductions.enumerated() {
            let mark = line.applied.contains { $0.caseIndex == i } ? "●" : "○"
            out.append("\(mark) " + StarForms.caseLabel(d, i))
        }
        if let e = line.evidence { out += ["", LocalizedText("本季度佐证", "This quarter's evidence").text(), e.text()] }
        for p in line.proposals { out.append(LocalizedText("建议扣分：", "Proposed: ").text() + p.reason.text() + " −\(p.points)") }
        let history = a.deductionHistory.filter { $0.criterion == c.key }
        if !history.isEmpty {
            out += ["", LocalizedText("扣分记录", "Deduction history").text()]
            for e in history {
                let what = e.action == .apply ? LocalizedText("扣", "applied").text() + " ×\(e.count)" : LocalizedText("取消", "removed").text()
                out.append("\(e.at.prefix(16))  \(e.operatorName)  \(what)  \(e.caseIndex + 1). \(c.deductions[safe: e.caseIndex]?.label.text() ?? "")  \(e.note)")
            }
        }
        return out
    }

    func stageHistoryLines(_ a: StarAssessment, standard: StarStandard) -> [String] {
        var out: [String] = []
        if a.progress.events.isEmpty { out.append(LocalizedText("本季度还没有任何环节记录。", "No stage recorded for this quarter yet.").text()) }
        for e in a.progress.events {
            let verb = e.action == .signOff ? LocalizedText("签署", "signed").text() : LocalizedText("重新打开", "reopened").text()
            var line = "\(e.at.prefix(16))  \(e.stage.label.text())  \(verb)  \(e.operatorName)"
            if let t = e.total, let s = e.claimedStars { line += LocalizedText("  \(t) 分 申报 \(s) 星", "  \(t) points, claims \(s)").text() }
            if let s = e.defenceScore { line += LocalizedText("  答辩 \(StreetRollUp.score(s)) 分", "  defence \(StreetRollUp.score(s))").text()
                + (e.confirmed == true ? LocalizedText(" 确认", " confirmed").text() : LocalizedText(" 未确认", " not confirmed").text()) }
            for r in e.siteChecks {
                let name = standard.siteChecks.first { $0.key == r.key }?.shortLabel.text() ?? r.key
                line += "  \(name)" + (r.passed ? "✓" : "✗") + (r.note.isEmpty ? "" : LocalizedText("（\(r.note)）", " (\(r.note))").text())
            }
            if let f = e.finalStars { line += "  " + StarGlyphs.stars(f) }
            if !e.note.isEmpty { line += "  " + e.note }
            out.append(line)
        }
        if !flags.isEmpty { out += ["", LocalizedText("后果提示", "Consequences").text()] }
        for f in flags {
            out.append("⚑ " + f.rule.text() + " [" + f.quartersText + "]")
            if let r = f.reading { out.append("  " + r.label.text()) }
        }
        return out
    }
}

private extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
