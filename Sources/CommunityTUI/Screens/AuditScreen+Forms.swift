import CommunityModel
import Foundation

extension AuditScreen {
    static let anyone = LocalizedText("（全部）", "(all)")

    /// Operator, kind and dates in one form; `/` filters by text.
    func filterForm(_ ctx: AppContext) -> FormState {
        let names = [Self.anyone.text()] + ((try? ctx.db.auditOperatorNames()) ?? [])
        let kinds = [Self.anyone.text()] + AuditKind.allCases.map { $0.label.text() }
        let date: (String) -> LocalizedText? = { value in
            Day.parse(value) == nil ? LocalizedText("日期格式为 年-月-日，如 2026-11-30。", "A date is yyyy-mm-dd, e.g. 2026-11-30.") : nil
        }
        let current = filter
        return FormState(title: LocalizedText("筛选审计日志", "Filter the audit log"), fields: [
            FormField(id: "operator", label: LocalizedText("操作员", "Operator"), value: current.operatorName ?? Self.anyone.text(), kind: .choice(names)),
            FormField(id: "kind", label: LocalizedText("类别", "Kind"), value: current.kind?.label.text() ?? Self.anyone.text(), kind: .choice(kinds)),
            FormField(id: "from", label: LocalizedText("起始日期", "From"), value: current.from ?? "", placeholder: LocalizedText("年-月-日（可空）", "yyyy-mm-dd (optional)"), validate: date),
            FormField(id: "to", label: LocalizedText("截止日期", "To"), value: current.to ?? "", placeholder: LocalizedText("年-月-日（含当天）", "yyyy-mm-dd (inclusive)"), validate: date),
        ]) { values, _ in
            var f = current
            f.operatorName = values["operator"] == Self.anyone.text() ? nil : values["operator"]
            f.kind = AuditKind.allCases.first { $0.label.text() == values["kind"] }
            f.from = values["from"].isEmpty ? nil : values["from"]
            f.to = values["to"].isEmpty ? nil : values["to"]
            if let from = f.from, let to = f.to, from > to {
                throw FieldError(field: "to", message: LocalizedText("截止日期早于起始日期。", "The end date is before the start date."))
            }
            return [.setAuditFilter(f)]
        }
    }

    /// Writes the whole log (all lines, oldest first) as CSV with BOM beside the database by default.
    func exportForm(_ ctx: AppContext) -> FormState {
        let folder = (ctx.db.path as NSString).deletingLastPathComponent
        let suggested = (folder as NSString).appendingPathComponent(LocalizedText("审计日志", "audit-log").text() + "-\(ctx.today).csv")
        return FormState(title: LocalizedText("导出审计日志", "Export the audit log"), fields: [
            FormField(id: "file", label: LocalizedText("文件", "File"), value: suggested, required: true),
        ]) { values, ctx in
            let target = URL(fileURLWithPath: (values["file"] as NSString).expandingTildeInPath)
            if ExportCommand.isDatabaseFile(target) {
                throw FieldError(field: "file", message: LocalizedText("这是数据库文件，不能覆盖。", "That is a database file; it is never overwritten."))
            }
            let n = try ExportCommand.writeReplacing(target) { handle in try ExportKind.audit.write(from: ctx.db, as: .csv, to: handle) }
            return [.ok(LocalizedText("已导出 \(n) 条审计记录到 \(target.path)。", "Exported \(n) audit lines to \(target.path)."))]
        }
    }
}
