import CommunityModel

/// Screen 4's windows: the confirm view, the void form (with a supervisor PIN where needed) and the day reports.
enum RedemptionForms {
    /// Every line, the total and the balance after; y sends the one write. The request id travels with it,
    /// so a confirm retried after an error applies once.
    static func confirm(_ quote: RedemptionQuote, request: RedemptionRequest, outcome: ConfirmOutcome, _ ctx: AppContext) -> ConfirmState {
        var zh = ["兑换人 \(quote.holder.name)" + (quote.holder.memberCode.isEmpty ? "" : "（\(quote.holder.memberCode)）")]
        var en = ["For \(quote.holder.name)" + (quote.holder.memberCode.isEmpty ? "" : " (\(quote.holder.memberCode))")]
        for line in quote.lines {
            zh.append("  \(line.item.name) × \(line.quantity)　\(line.points) 分")
            en.append("  \(line.item.nameEn) × \(line.quantity)  \(line.points) pts")
        }
        zh.append("合计 \(quote.total) 分；现有 \(quote.balance) 分，兑后余额 \(quote.balanceAfter) 分。")
        en.append("Total \(quote.total) points; balance \(quote.balance), after \(quote.balanceAfter).")
        if ctx.training {
            zh.append("培训模式：只记入临时副本。")
            en.append("Training mode: only the temporary copy changes.")
        }
        return ConfirmState(
            title: LocalizedText("确认兑换", "Confirm redemption"),
            message: LocalizedText(zh.joined(separator: "\n"), en.joined(separator: "\n")),
            onConfirm: [.write(StoreAction { [community = ctx.community] db, actor in
                let (done, file) = try RedemptionDesk.redeem(request, community: community, db: db, by: actor)
                outcome.receipt = done
                if !done.applied {
                    return LocalizedText("这笔兑换已经完成（\(done.receipt)），没有重复扣分。", "Already redeemed as \(done.receipt); nothing was taken twice.")
                }
                let saved = file.map { LocalizedText("，凭条已存 \($0.lastPathComponent)", "; receipt saved as \($0.lastPathComponent)") }
                    ?? LocalizedText("；凭条文件未能写入，可按 r 重印", "; the receipt file could not be written, press r to reprint")
                return LocalizedText("已兑换 \(done.receipt)：扣 \(done.points) 分，余额 \(done.balanceAfter)", "Redeemed \(done.receipt): \(done.points) points, balance \(done.balanceAfter)")
                    + saved + LocalizedText("。", ".")
            })])
    }

    /// A supervisor's PIN is typed here at the kiosk, and at the desk unless a 书记/管理员 is signed in.
    static func needsSupervisorPin(_ ctx: AppContext) -> Bool {
        ctx.kiosk || ctx.signedIn.role != .secretary
    }

    static func void(_ row: Redemption, _ ctx: AppContext) -> FormState {
        let pin = needsSupervisorPin(ctx)
        let reason = FormField(id: "reason", label: LocalizedText("作废原因", "Reason"), required: true,
                               placeholder: LocalizedText("例如 选错物品", "e.g. wrong item"))
        var fields = [reason]
        if pin {
            // The supervisor (first operator preselected) above, then reason and PIN: reason Enter PIN Enter.
            let names = (try? ctx.pinDB.operatorNames()) ?? []
            fields = [FormField(id: "operator", label: LocalizedText("书记/管理员", "Supervisor"), kind: .choice(names), required: true),
                      reason,
                      FormField(id: "pin", label: LocalizedText("PIN 码", "PIN"), kind: .secret, required: true)]
        }
        let number = row.receipt, today = ctx.today
        var form = FormState(title: LocalizedText("作废 \(number)（\(row.points) 分）", "Void \(number) (\(row.points) pts)")
                         + (pin ? LocalizedText(" · 需书记/管理员 PIN", " · secretary's PIN") : LocalizedText("", "")),
                         fields: fields) { values, ctx in
            let supervisor = pin ? try KioskForms.checkSupervisor(name: values["operator"], pin: values["pin"], ctx) : ctx.signedIn
            let reason = values["reason"]
            return [.write(StoreAction { db, clerk in
                let done = try db.voidRedemption(receipt: number, reason: reason, clerk: clerk, supervisor: supervisor, today: today)
                return LocalizedText("已作废 \(number)（批准：\(supervisor.name)），退回 \(done.points) 分和物品。",
                                     "Voided \(number) (approved by \(supervisor.name)): \(done.points) points and the items back.")
            })]
        }
        form.focus = pin ? 1 : 0
        return form
    }

    /// X (the day so far) or Z (close the day). At the kiosk both need a supervisor's PIN; Z always asks first.
    static func report(close: Bool, _ ctx: AppContext) -> [Effect] {
        let day = ctx.today
        if !close {
            let show: (AppContext) -> [Effect] = { ctx in
                do { return [.present(.text(page(try ctx.db.dayReport(day))))] } catch { return [.error(userMessage(for: error))] }
            }
            guard ctx.kiosk else { return show(ctx) }
            return [.present(.form(KioskForms.supervisor(title: LocalizedText("X 报表", "X report"), ctx) { _ in show(ctx) }))]
        }
        let closeWrite: (Actor?) -> Effect = { supervisor in
            .write(StoreAction { db, actor in
                let z = try db.closeDay(day, by: supervisor ?? actor)
                return LocalizedText("已日结 \(day)（第 \(z.closeNumber ?? 0) 次）：\(z.redemptions) 单，\(z.points) 分；按 X 查看报表。",
                                     "Closed \(day) (close no. \(z.closeNumber ?? 0)): \(z.redemptions) receipts, \(z.points) points; X shows the report.")
            })
        }
        if needsSupervisorPin(ctx) {
            return [.present(.form(KioskForms.supervisor(title: LocalizedText("Z 报表 · 日结 \(day)", "Z report · close \(day)"), ctx) { supervisor in
                [closeWrite(supervisor)]
            }))]
        }
        return [.present(.confirm(ConfirmState(
            title: LocalizedText("Z 报表 · 日结", "Z report · close the day"),
            message: LocalizedText("确定日结 \(day) 吗？日结后当天的兑换单不能再作废，只能由书记调整。",
                                   "Close \(day)? After the close its receipts cannot be voided, only corrected by a secretary."),
            onConfirm: [closeWrite(nil)])))]
    }

    static func page(_ r: DayReport) -> TextPage {
        let title = r.isClosed ? LocalizedText("Z 报表 · \(r.day) · 第 \(r.closeNumber ?? 0) 次日结", "Z report · \(r.day) · close no. \(r.closeNumber ?? 0)")
                               : LocalizedText("X 报表 · \(r.day)（未日结，不改变任何数据）", "X report · \(r.day) (open; changes nothing)")
        var lines = [
            LocalizedText("兑换单 \(r.receipts) 张：有效 \(r.redemptions)，作废 \(r.voids)", "Receipts \(r.receipts): valid \(r.redemptions), voided \(r.voids)").text(),
            LocalizedText("首单 \(r.firstReceipt ?? "—") · 末单 \(r.lastReceipt ?? "—")", "First \(r.firstReceipt ?? "—") · last \(r.lastReceipt ?? "—")").text(),
            LocalizedText("扣除积分 \(r.points) · 作废退回 \(r.voidedPoints)", "Points debited \(r.points) · returned by voids \(r.voidedPoints)").text(),
            LocalizedText("券 发出 \(r.vouchersIssued) · 已用 \(r.vouchersUsed)", "Vouchers issued \(r.vouchersIssued) · used \(r.vouchersUsed)").text(),
        ]
        if let at = r.closedAt {
            lines.append(LocalizedText("日结于 \(at)，操作员 \(r.closedBy ?? "")", "Closed at \(at) by \(r.closedBy ?? "")").text())
        }
        lines.append("")
        let columns = [TableColumn(LocalizedText("物品", "Item"), width: 18), TableColumn(LocalizedText("出库", "Out"), width: 5, align: .right),
                       TableColumn(LocalizedText("期初", "Open"), width: 5, align: .right), TableColumn(LocalizedText("期末", "Close"), width: 5, align: .right)]
        let widths = columns.map(\.width)
        lines.append(TableView.line(columns.map { $0.title.text() }, columns, widths: widths))
        for item in r.items {
            lines.append(TableView.line([LocalizedText(item.name, item.nameEn).text(), "\(item.out)", "\(item.opening)", "\(item.closing)"], columns, widths: widths))
        }
        return TextPage(title: title, lines: lines)
    }
}
