import Foundation

/// Audit sentences of the "双报到" task board and of the points ledger: tasks, claims, reviews, points moved.
enum VolunteerSentences {
    static let table: [String: AuditSentence.Template] = [
        "task.create": { f in LocalizedText("新建任务「\(f.subject)」（草稿）", "created task “\(f.subject)” (draft)") },
        "task.publish": { f in LocalizedText("发布任务「\(f.subject)」", "published task “\(f.subject)”") },
        "task.edit": { f in LocalizedText("修改任务「\(f.subject)」", "edited task “\(f.subject)”") + RosterSentences.changes(f.detail) },
        "task.cancel": { f in
            let why = AuditDetail.text(after: "：", upTo: "；", in: f.detail) ?? ""
            let n = AuditDetail.int(after: "取消认领", in: f.detail) ?? 0
            return LocalizedText("取消任务「\(f.subject)」", "cancelled task “\(f.subject)”") + AuditDetail.reason(why)
                + LocalizedText("，同时取消 \(n) 条认领", ", and \(n) open claim(s) with it")
        },
        "claim.create": { f in claim(f, LocalizedText("认领", "claimed")) },
        "claim.reply": { f in claim(f, LocalizedText("回复完成", "reported done on")) + AuditDetail.reason(f.detail) },
        "claim.approve": { f in
            let points = AuditDetail.int(after: "+", in: f.detail).map { LocalizedText("，记 \($0) 分", ", \($0) points") } ?? LocalizedText("", "")
            return review(f, LocalizedText("审核通过", "approved")) + points
        },
        "claim.reject": { f in review(f, LocalizedText("驳回", "rejected")) + AuditDetail.reason(f.detail) },
        "claim.noshow": { f in review(f, LocalizedText("标记未到：", "marked as no-show:")) + AuditDetail.reason(f.detail) },
        "claim.cancel": { f in
            let why = f.detail.hasPrefix("import ") ? LocalizedText("（小程序导入）", " (from the mini-program import)") : AuditDetail.reason(f.detail)
            return review(f, LocalizedText("取消认领", "cancelled the claim of")) + why
        },
        "claim.revoke": { f in review(f, LocalizedText("撤销审核通过", "revoked the approval of")) + AuditDetail.reason(f.detail) },
        "claim.import": { f in
            if f.entry.target.hasPrefix("file:") {
                let file = String(f.entry.target.dropFirst(5))
                let n = { (w: String) in AuditDetail.int(after: w, in: f.detail) ?? 0 }
                return LocalizedText("从小程序文件 \(file) 导入认领：\(n("行")) 行，新增 \(n("新增"))，回复 \(n("回复"))，取消 \(n("取消"))，未变 \(n("未变"))",
                                     "imported claims from \(file): \(n("行")) lines, \(n("新增")) new, \(n("回复")) replied, \(n("取消")) cancelled, \(n("未变")) unchanged")
            }
            return review(f, LocalizedText("导入已取消的认领：", "imported a cancelled claim:"))
        },
        "ledger.credit": { f in points(f, LocalizedText("获得", "earned"), LocalizedText("积分", "points")) },
        "ledger.debit": { f in points(f, LocalizedText("兑换扣减", "spent"), LocalizedText("积分", "points")) },
        "ledger.adjustment": { f in points(f, LocalizedText("积分调整", "had points adjusted by"), LocalizedText("分", "")) },
        "ledger.reversal": { f in points(f, LocalizedText("冲正", "had a reversal of"), LocalizedText("积分", "points")) },
    ]

    /// "王芳（CZ-0012） 认领「核酸检测」".
    static func claim(_ f: AuditSentence.Facts, _ verb: LocalizedText) -> LocalizedText {
        guard let c = f.claim else { return LocalizedText("\(verb.zh) \(f.subject)", "\(verb.en) \(f.subject)") }
        return LocalizedText("\(c.who) \(verb.zh)「\(c.task)」", "\(c.who) \(verb.en) “\(c.task)”")
    }

    /// "审核通过 王芳（CZ-0012） 的「核酸检测」".
    static func review(_ f: AuditSentence.Facts, _ verb: LocalizedText) -> LocalizedText {
        guard let c = f.claim else { return LocalizedText("\(verb.zh) \(f.subject)", "\(verb.en) \(f.subject)") }
        return LocalizedText("\(verb.zh) \(c.who) 的「\(c.task)」", "\(verb.en) \(c.who)’s claim on “\(c.task)”")
    }

    /// "公交集团党委 获得 20 积分（防诈骗宣传），余额 20".
    static func points(_ f: AuditSentence.Facts, _ verb: LocalizedText, _ unit: LocalizedText) -> LocalizedText {
        guard let l = f.ledger else { return LocalizedText("\(verb.zh) \(f.subject)", "\(verb.en) \(f.subject)") }
        let amount = f.entry.action == "ledger.adjustment" ? (l.amount > 0 ? "+\(l.amount)" : "\(l.amount)") : "\(abs(l.amount))"
        let reason = l.reason.isEmpty ? LocalizedText("", "") : LocalizedText("（\(l.reason)）", " (\(l.reason))")
        let unitEn = unit.en.isEmpty ? "" : " \(unit.en)"
        return LocalizedText("\(l.who) \(verb.zh) \(amount) \(unit.zh)", "\(l.who) \(verb.en) \(amount)\(unitEn)") + reason
            + LocalizedText("，余额 \(l.after)", ", balance \(l.after)")
    }
}
