import Foundation

/// The printable self-assessment for the defence materials (issue 10 item 6): plain text laid out for A4,
/// Chinese columns aligned by display width (中 = 2 columns).
public enum StarPrintout {
    /// Display columns of `text`: East Asian wide and full-width characters count 2.
    static func width(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { w, s in
            let v = s.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v)
                || (0x3000...0x303F).contains(v)
            return w + (wide ? 2 : 1)
        }
    }

    /// "（x）" in Chinese, " (x)" in English.
    static func paren(_ text: String) -> String { LocalizedText("（\(text)）", " (\(text))").text() }

    static func role(_ raw: String) -> String { Operator.Role(rawValue: raw)?.label.text() ?? raw }

    static func pad(_ text: String, _ columns: Int, right: Bool = false) -> String {
        var t = text
        while width(t) > columns, !t.isEmpty { t.removeLast() }
        let fill = String(repeating: " ", count: max(0, columns - width(t)))
        return right ? fill + t : t + fill
    }

    /// The self-assessment as lines of text.
    public static func lines(profile: CommunityProfile, assessment a: StarAssessment, standard: StarStandard) -> [String] {
        let card = a.scorecard
        var out: [String] = []
        out.append(LocalizedText("\(profile.name)党建星级评定自评表", "\(profile.name) Party-building star rating: self-assessment").text())
        out.append(LocalizedText("\(profile.city) · \(profile.district) · \(profile.street) · \(a.quarter.label.zh)",
                                 "\(profile.city) · \(profile.district) · \(profile.street) · \(a.quarter.label.en)").text())
        out.append("")
        let total = a.progress.signed[.selfAssessment]?.total ?? card.total
        out.append(LocalizedText("自评总分 \(total) / \(standard.total) 分 · 申报 \(a.claimedStars) 星 · 当前环节：\(a.stageLabel.zh)",
                                 "Total \(total) / \(standard.total) · claims \(a.claimedStars) stars · stage: \(a.stageLabel.en)").text())
        for area in card.areas {
            out.append("")
            out.append("\(area.area.label.text())  \(area.score)/\(area.weight)")
            out.append(String(repeating: "-", count: 78))
            for line in card.lines where line.criterion.area == area.area.key {
                out.append(pad(line.criterion.label.text(), 46) + pad("\(line.score)/\(line.criterion.weight)", 8, right: true))
                for d in line.applied {
                    let c = line.criterion.deductions[d.caseIndex]
                    let times = c.perOccurrence ? " ×\(d.count)" : ""
                    out.append("    − \(d.points)  \(c.label.text())\(times)" + (d.note.isEmpty ? "" : paren(d.note)))
                }
                if let e = line.evidence { out.append("    " + LocalizedText("佐证：", "Evidence: ").text() + e.text()) }
            }
        }
        out.append("")
        out.append(LocalizedText("评定环节", "Stages").text())
        out.append(String(repeating: "-", count: 78))
        for stage in StarStage.allCases {
            guard let e = a.progress.signed[stage] else {
                out.append(pad(stage.label.text(), 14) + LocalizedText("未签署", "not signed").text())
                continue
            }
            out.append(pad(stage.label.text(), 14) + e.operatorName + paren(role(e.operatorRole)) + " " + e.at)
        }
        out.append("")
        out.append(LocalizedText("社区党组织书记（签字）：________________    日期：____________",
                                 "Community Party secretary (signature): ________________    Date: ____________").text())
        return out
    }

    /// The self-assessment as a Word document: a table per area (criterion, weight, score, deductions and evidence).
    public static func docx(profile: CommunityProfile, assessment a: StarAssessment, standard: StarStandard) -> DocxDocument {
        let card = a.scorecard
        let title = LocalizedText("\(profile.name)党建星级评定自评表", "\(profile.name) Party-building star rating: self-assessment").text()
        var doc = DocxDocument(title: title)
        doc.heading(title, level: 1)
        doc.paragraph(LocalizedText("\(profile.city) · \(profile.district) · \(profile.street) · \(a.quarter.label.zh)",
                                    "\(profile.city) · \(profile.district) · \(profile.street) · \(a.quarter.label.en)").text(), alignment: .center)
        let total = a.progress.signed[.selfAssessment]?.total ?? card.total
        doc.paragraph(LocalizedText("自评总分 \(total) / \(standard.total) 分，申报 \(a.claimedStars) 星，当前环节：\(a.stageLabel.zh)。",
                                    "Total \(total) / \(standard.total), claiming \(a.claimedStars) stars; stage: \(a.stageLabel.en).").text(), bold: true)
        let head = [LocalizedText("评分指标", "Criterion").text(), LocalizedText("分值", "Weight").text(), LocalizedText("得分", "Score").text(),
                    LocalizedText("扣分情形与佐证", "Deductions and evidence").text()]
        for area in card.areas {
            doc.heading(area.area.label.text() + paren("\(area.score)/\(area.weight)"))
            var rows = [head]
            for line in card.lines where line.criterion.area == area.area.key {
                var notes = line.applied.map { d -> String in
                    let c = line.criterion.deductions[d.caseIndex]
                    return "−\(d.points) \(c.label.text())" + (c.perOccurrence ? " ×\(d.count)" : "") + (d.note.isEmpty ? "" : paren(d.note))
                }
                if let e = line.evidence { notes.append(LocalizedText("佐证：", "Evidence: ").text() + e.text()) }
                for p in line.proposals { notes.append(LocalizedText("建议扣分（待确认）：", "Proposed (to be confirmed): ").text() + p.reason.text() + " −\(p.points)") }
                rows.append([line.criterion.label.text(), "\(line.criterion.weight)", "\(line.score)", notes.joined(separator: "；")])
            }
            doc.table(rows, widths: [10, 3, 3, 16])
        }
        doc.heading(LocalizedText("评定环节", "Stages").text())
        var stages = [[LocalizedText("环节", "Stage").text(), LocalizedText("签署人", "Signed by").text(), LocalizedText("时间", "When").text()]]
        for stage in StarStage.allCases {
            let e = a.progress.signed[stage]
            stages.append([stage.label.text(), e.map { $0.operatorName + paren(role($0.operatorRole)) } ?? LocalizedText("未签署", "not signed").text(), e?.at ?? ""])
        }
        doc.table(stages, widths: [2, 3, 3])
        doc.paragraph(LocalizedText("社区党组织书记（签字）：________________　　日期：____________",
                                    "Community Party secretary (signature): ________________    Date: ____________").text())
        return doc
    }
}
