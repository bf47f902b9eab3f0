import Foundation

/// The monthly report as the street office reads it: Markdown (also the docx's text), or CSV rows of
/// section, item and value for a spreadsheet. In the interface's language; the figures are `MonthlyReport`'s.
extension MonthlyReport {
    private static func percent(_ rate: Double?) -> String {
        rate.map { String(format: "%.1f%%", $0 * 100) } ?? LocalizedText("本月无测评", "no survey this month").text()
    }

    /// (section, item, value) in report order.
    public var rows: [(section: LocalizedText, item: LocalizedText, value: String)] {
        let c = consultation, v = volunteer, l = letters
        let k = LocalizedText("“168”议事", "Consultation"), s = LocalizedText("双报到", "Dual reporting"), r = LocalizedText("排名与信函", "Rankings and letters")
        var out: [(LocalizedText, LocalizedText, String)] = [
            (k, LocalizedText("收集议题（件）", "issues raised"), String(c.raised)),
            (k, LocalizedText("召开议事会议的议题（件）", "issues deliberated"), String(c.deliberated)),
            (k, LocalizedText("办结议题（件）", "issues closed"), String(c.closed)),
            (k, LocalizedText("其中已解决（件）", "of which resolved"), String(c.resolved)),
            (k, LocalizedText("满意度测评（人次）", "survey responses"), String(c.surveyResponses)),
            (k, LocalizedText("群众满意率", "satisfaction"), Self.percent(c.satisfactionRate)),
        ]
        for cat in c.categories {
            let name = ConsultationReference.active.categoryLabel(cat.category)
            out.append((k, LocalizedText("典型问题·\(name.zh)", "typical issues · \(name.en)"),
                        LocalizedText("\(cat.raised) 件（如“\(cat.example)”）", "\(cat.raised) (e.g. \"\(cat.example)\")").text()))
        }
        out += [
            (s, LocalizedText("在册报到单位（个）", "organisations on the roster"), String(v.organisationsActive)),
            (s, LocalizedText("在册报到党员（人）", "members on the roster"), String(v.membersActive)),
            (s, LocalizedText("本月新报到单位（个）", "organisations reported this month"), String(v.organisationsReported)),
            (s, LocalizedText("本月新报到党员（人）", "members reported this month"), String(v.membersReported)),
            (s, LocalizedText("发布志愿服务任务（项）", "tasks"), String(v.tasks)),
            (s, LocalizedText("党员参与服务（人次）", "services"), String(v.services)),
            (s, LocalizedText("发放积分（分）", "points issued"), String(v.pointsIssued)),
            (s, LocalizedText("兑换积分（分）", "points redeemed"), String(v.pointsRedeemed)),
            (r, LocalizedText("生成信函（封）", "letters generated"), String(l.generated)),
            (r, LocalizedText("其中感谢信 / 提醒函（封）", "thanks / reminders"), "\(l.thanks) / \(l.reminders)"),
            (r, LocalizedText("已送达信函（封）", "letters sent"), String(l.sent)),
        ]
        if let star {
            let t = LocalizedText("星级评定", "Star rating"), q = star.quarterLabel
            out += [
                (t, LocalizedText("\(q.zh)申报星级", "\(q.en) claimed"), LocalizedText("\(star.claimedStars) 星", "\(star.claimedStars) stars").text()),
                (t, LocalizedText("评定进度", "stage"), star.waiting.map { LocalizedText("待「\($0.zh)」", "waiting for \($0.en)").text() }
                    ?? LocalizedText("已复评，评定 \(star.finalStars ?? 0) 星", "final: \(star.finalStars ?? 0) stars").text()),
            ]
        }
        return out
    }

    /// The paragraph the street reads first.
    public var summary: LocalizedText {
        let c = consultation, v = volunteer
        return LocalizedText("本月收集议题 \(c.raised) 件，召开议事会议 \(c.deliberated) 件，办结 \(c.closed) 件（已解决 \(c.resolved) 件），群众满意率 \(Self.percent(c.satisfactionRate))；"
                             + "报到党员参与志愿服务 \(v.services) 人次，发放积分 \(v.pointsIssued) 分。",
                             "This month \(c.raised) issues were raised, \(c.deliberated) deliberated and \(c.closed) closed (\(c.resolved) resolved), "
                             + "satisfaction \(Self.percent(c.satisfactionRate)); members served \(v.services) times and \(v.pointsIssued) points were issued.")
    }

    public var title: LocalizedText {
        LocalizedText("\(community)\(monthLabel)党建工作月报", "\(community) monthly report, \(month)")
    }

    /// Markdown: a title, the salutation to the street, one short paragraph and table per section.
    public func markdown(today: String) -> String {
        var md = "# \(title.text())\n\n"
        md += LocalizedText("\(street)党工委：\n\n现将\(community)\(monthLabel)党建工作情况报告如下。\n",
                            "To the \(street) Party Working Committee:\n\nThe figures of \(community) for \(month) follow.\n").text()
        md += "\n" + summary.text() + "\n"
        var section: LocalizedText?
        for row in rows {
            if row.section != section {
                section = row.section
                md += "\n## \(row.section.text())\n\n| \(LocalizedText("项目", "Item").text()) | \(LocalizedText("数值", "Value").text()) |\n|---|---:|\n"
            }
            md += "| \(row.item.text()) | \(row.value.replacingOccurrences(of: "|", with: "\\|")) |\n"
        }
        md += "\n" + LocalizedText("\(community)党组织", "\(community) Party organisation").text() + "\n"
        md += LocalizedText(CommunityDatabase.chineseDate(today), today).text() + "\n"
        return md
    }

    /// CSV with a BOM (Excel opens it as UTF-8): 月份,类别,项目,数值.
    public func csv() -> String {
        var out = "\u{FEFF}" + [LocalizedText("月份", "month"), LocalizedText("类别", "section"), LocalizedText("项目", "item"), LocalizedText("数值", "value")]
            .map { $0.text() }.joined(separator: ",") + "\r\n"
        for row in rows {
            out += [month, row.section.text(), row.item.text(), row.value].map(RankingExport.quote).joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// The report's lines for the docx: the title, the salutation, the paragraphs, the signature and date.
    public func documentLines(today: String) -> [String] {
        var lines = [title.text(), LocalizedText("\(street)党工委：", "To the \(street) Party Working Committee:").text(), summary.text()]
        var section: LocalizedText?
        for row in rows {
            if row.section != section { section = row.section; lines.append("【\(row.section.text())】") }
            lines.append("\(row.item.text())：\(row.value)")
        }
        lines += [LocalizedText("\(community)党组织", "\(community) Party organisation").text(), LocalizedText(CommunityDatabase.chineseDate(today), today).text()]
        return lines
    }
}
