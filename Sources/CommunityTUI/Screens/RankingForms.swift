import CommunityModel
import Foundation

/// Forms and pages of the rankings screen: excluding from reminders, marking letters sent, withdrawing,
/// exporting the ranking, and a letter as issued.
enum RankingForms {
    /// `x`: a form for the reason, or (already excluded) a confirmation to include the holder again.
    static func exclusion(_ row: RankingRow) -> Modal {
        let holder = row.holder, name = row.displayName
        if let reason = row.excludedReason {
            return .confirm(ConfirmState(
                title: LocalizedText("取消免发提醒函", "Include in reminders again"),
                message: LocalizedText("\(name)目前免发提醒函（原因：\(reason)）。确定恢复吗？", "\(name) is excluded from reminders (reason: \(reason)). Include them again?"),
                onConfirm: [.write(StoreAction { db, actor in
                    try db.liftReminderExclusion(holder, by: actor)
                    return LocalizedText("已恢复\(name)的提醒函。", "\(name) will get reminder letters again.")
                })]))
        }
        return .form(FormState(title: LocalizedText("免发提醒函 · \(name)", "Exclude from reminders · \(name)"), fields: [
            FormField(id: "reason", label: LocalizedText("原因", "Reason"), required: true, placeholder: LocalizedText("例如 长期病假", "e.g. 长期病假 (long sick leave)")),
        ]) { values, ctx in
            try ctx.db.excludeFromReminders(holder, reason: values["reason"], by: ctx.signedIn)
            return [.ok(LocalizedText("\(name)今后免发提醒函（\(values["reason"])）。", "\(name) is excluded from reminder letters (\(values["reason"])).")), .reload]
        })
    }

    /// In the interface's language; `LetterChannel(text:)` reads either.
    static var channels: [String] { LetterChannel.allCases.map { $0.label.text() } }

    static func markSent(_ ids: [Int64], _ ctx: AppContext) -> FormState {
        FormState(title: LocalizedText("标记已发送 · \(ids.count) 封", "Mark sent · \(ids.count) letter(s)"), fields: [
            FormField(id: "channel", label: LocalizedText("发送方式", "Channel"), value: LetterChannel.paper.label.text(), kind: .choice(channels)),
            FormField(id: "day", label: LocalizedText("发送日期", "Date sent"), value: ctx.today, required: true,
                      validate: { Day.parse($0) == nil ? LocalizedText("请写成 2026-12-01", "Write it as 2026-12-01") : nil }),
        ]) { values, ctx in
            let channel = LetterChannel(text: values["channel"]) ?? .paper
            let n = try ctx.db.markLettersSent(ids, channel: channel, on: values["day"], by: ctx.signedIn)
            return [.ok(LocalizedText("已将 \(n) 封信函标记为已发送（\(channel.rawValue)，\(values["day"])）。",
                                      "Marked \(n) letter(s) sent (\(channel.label.en), \(values["day"])).")), .reload]
        }
    }

    static func withdraw(_ letter: Letter) -> FormState {
        let id = letter.id ?? 0
        return FormState(title: LocalizedText("撤回信函 · \(letter.recipientDisplay)", "Withdraw · \(letter.recipientDisplay)"), fields: [
            FormField(id: "reason", label: LocalizedText("撤回原因", "Reason"), required: true),
        ]) { values, ctx in
            let done = try ctx.db.withdrawLetter(id, reason: values["reason"], by: ctx.signedIn)
            return [.ok(LocalizedText("已撤回致\(done.recipientDisplay)的\(done.kind.label.zh)（记录保留）。",
                                      "Withdrew the \(done.kind.label.en) to \(done.recipientDisplay) (kept on record).")), .reload]
        }
    }

    /// `e`: where to write the CSV; beside the database by default.
    static func exportCSV(_ ranking: Ranking, _ ctx: AppContext) -> FormState {
        let folder = URL(fileURLWithPath: ctx.db.path).deletingLastPathComponent()
        let name = "排名_\(ranking.period.key)_\(ranking.audience == .members ? "党员" : "单位").csv"
        return FormState(title: LocalizedText("导出排名 · \(ranking.period.label.zh)", "Export ranking · \(ranking.period.label.en)"), fields: [
            FormField(id: "path", label: LocalizedText("保存到", "Save to"), value: folder.appendingPathComponent(name).path, required: true),
        ]) { values, _ in
            let url = URL(fileURLWithPath: (values["path"] as NSString).expandingTildeInPath)
            do {
                try RankingExport.csv(ranking).write(to: url)
            } catch {
                throw FieldError(field: "path", message: LocalizedText("无法写入 \(url.path)：请检查文件夹是否存在、是否可写。",
                                                                       "Cannot write \(url.path): check the folder exists and is writable."))
            }
            return [.ok(LocalizedText("已导出 \(ranking.rows.count) 行到 \(url.path)（UTF-8 带 BOM，Excel/WPS 可直接打开）。",
                                      "Exported \(ranking.rows.count) rows to \(url.path) (UTF-8 with BOM, opens in Excel/WPS)."))]
        }
    }

    /// `p` in the outbox: the period's printable letters into a folder beside the database.
    static func exportLetters(_ period: RankingPeriod, _ ctx: AppContext) -> FormState {
        let folder = URL(fileURLWithPath: ctx.db.path).deletingLastPathComponent().appendingPathComponent("信函_\(period.key)")
        return FormState(title: LocalizedText("导出信函 · \(period.label.zh)", "Export letters · \(period.label.en)"), fields: [
            FormField(id: "format", label: LocalizedText("格式", "Format"), value: "docx", kind: .choice(["docx", "txt"])),
            FormField(id: "dir", label: LocalizedText("文件夹", "Folder"), value: folder.path, required: true),
        ]) { values, ctx in
            let dir = URL(fileURLWithPath: (values["dir"] as NSString).expandingTildeInPath)
            let files: [URL]
            do {
                files = try LetterExport.export(ctx.db, period: period, to: dir, format: LetterExport.Format(rawValue: values["format"]) ?? .docx)
            } catch let error as UserFacingError {
                throw error
            } catch {
                throw FieldError(field: "dir", message: LocalizedText("无法写入 \(dir.path)：请检查文件夹是否可写。", "Cannot write into \(dir.path): check the folder is writable."))
            }
            return [.ok(LocalizedText("已写出 \(files.count) 个文件到 \(dir.path)。", "Wrote \(files.count) file(s) to \(dir.path)."))]
        }
    }

    /// The letter as issued, with where it stands and — when a later change moved the figure — the current one.
    static func letterPage(_ letter: Letter, current: RankingRow?) -> TextPage {
        var lines: [String] = []
        var status = LocalizedText("状态：\(letter.state.label.zh)", "State: \(letter.state.label.en)")
        if letter.state == .sent, let channel = letter.channel {
            status = status + LocalizedText("（\(channel.rawValue)，\(letter.sentOn ?? "")）", " (\(channel.label.en), \(letter.sentOn ?? ""))")
        }
        if letter.state == .withdrawn {
            status = status + LocalizedText("（原因：\(letter.withdrawnReason)）", " (reason: \(letter.withdrawnReason))")
        }
        lines.append(status.text())
        lines.append(LocalizedText("生成时：第 \(letter.rank) 名 · \(letter.points) 分 · 服务 \(letter.services) 次 · \(letter.generatedAt.prefix(16)) \(letter.generatedBy)",
                                   "At generation: rank \(letter.rank) · \(letter.points) points · \(letter.services) services · \(letter.generatedAt.prefix(16)) \(letter.generatedBy)").text())
        if let current, current.points != letter.points || current.rank != letter.rank {
            lines.append(LocalizedText("⚠ 现在：第 \(current.rank) 名 · \(current.points) 分（此后有冲正或补审；信函按生成时原样保留）",
                                       "⚠ Now: rank \(current.rank) · \(current.points) points (changed since; the letter stays as issued)").text())
        }
        lines.append(String(repeating: "─", count: 40))
        // Wrapped to fit the page at 80 columns; the letter itself keeps its paragraphs.
        lines += TextFit.wrap(letter.body, width: 72)
        return TextPage(title: LocalizedText("\(letter.kind.label.zh) · \(letter.recipientDisplay) · \(letter.period)",
                                             "\(letter.kind.label.en) · \(letter.recipientDisplay) · \(letter.period)"), lines: lines)
    }
}
