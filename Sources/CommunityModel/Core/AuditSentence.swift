import Foundation
import GRDB

/// Turns audit rows into sentences people read: who did what to whom, by name ("公交集团党委 获得 20 积分
/// （防诈骗宣传）"), never internal codes ("ledger.credit organisation:2"). The overview's recent changes,
/// the audit screen and the audit export all read lines through here.
///
/// To give a new action its sentence, add one entry to `table` (the key is the stored action); an action
/// without an entry still reads as a sentence from its kind, verb and target (`generic`).
public enum AuditSentence {
    /// What a sentence is built from: the row, the name of its target and the looked-up facts.
    public struct Facts {
        public var entry: AuditEntry
        /// The target by name: "王芳（CZ-0012）", "YS-2026-003 圈地种菜", "核酸检测".
        public var subject: String
        /// The stored detail with any "kind:id" codes replaced by names.
        public var detail: String
        var names: AuditNames
        var targetId: Int64?

        var claim: AuditNames.ClaimFacts? { targetId.flatMap { names.claims[$0] } }
        var ledger: AuditNames.LedgerFacts? { targetId.flatMap { names.ledger[$0] } }
    }

    public typealias Template = @Sendable (Facts) -> LocalizedText

    /// Reads names for `entries` in a few batched queries and returns one readable line per entry.
    public static func lines(_ db: Database, _ entries: [AuditEntry]) throws -> [AuditLine] {
        let names = try AuditNames.load(db, for: entries)
        return entries.map { line($0, names) }
    }

    static func line(_ entry: AuditEntry, _ names: AuditNames) -> AuditLine {
        let t = AuditNames.parse(entry.target)
        let facts = Facts(entry: entry, subject: names.name(entry.target), detail: names.namingCodes(in: entry.detail),
                          names: names, targetId: t.id)
        var sentence = (table[entry.action] ?? generic)(facts)
        // Names are written the Chinese way, 王芳（CZ-0012）; English text takes ASCII brackets.
        // (Foundation's replacing is slow enough to show in a page's time, so only when there is one to replace.)
        if sentence.en.contains("（") || sentence.en.contains("）") {
            sentence.en = sentence.en.replacingOccurrences(of: "（", with: " (").replacingOccurrences(of: "）", with: ")")
                .replacingOccurrences(of: "  (", with: " (")
        }
        return AuditLine(entry: entry, sentence: sentence, kind: AuditKind.of(action: entry.action), record: record(entry, names))
    }

    /// The record to open from a line: the issue, the task (also for a claim), the member or organisation
    /// (also for a ledger entry), the operator, or a receipt.
    static func record(_ entry: AuditEntry, _ names: AuditNames) -> AuditRecord? {
        let t = AuditNames.parse(entry.target)
        guard let id = t.id else { return t.kind == "receipt" && !t.rest.isEmpty ? .receipt(t.rest) : nil }
        switch t.kind {
        case "issue": return .issue(id)
        case "task": return .task(id)
        case "claim": return names.claims[id].map { .task($0.taskId) }
        case "member": return .member(id)
        case "organisation": return .organisation(id)
        case "ledger_entry": return names.ledger[id]?.holder
        case "operator": return .operatorAccount(id)
        case "receipt": return .receipt(t.rest)
        default: return nil
        }
    }

    /// The sentence of every action the store writes today.
    public static let table: [String: Template] = {
        var t: [String: Template] = [:]
        t.merge(RosterSentences.table) { a, _ in a }
        t.merge(ConsultationSentences.table) { a, _ in a }
        t.merge(VolunteerSentences.table) { a, _ in a }
        t.merge(OfficeSentences.table) { a, _ in a }
        t.merge(RedemptionSentences.table) { a, _ in a }
        return t
    }()

    /// An action no entry describes (a capability newer than this table): its kind, its verb and its target,
    /// still in words — "兑换：作废 兑换单 R-0001".
    public static let generic: Template = { f in
        let parts = f.entry.action.split(separator: ".", maxSplits: 1).map(String.init)
        let verbCode = parts.count > 1 ? parts[1] : parts[0]
        let verb = verbs[verbCode] ?? LocalizedText(verbCode.replacingOccurrences(of: "_", with: " "), verbCode.replacingOccurrences(of: "_", with: " "))
        let kind = AuditKind.of(action: f.entry.action).label
        let t = AuditNames.parse(f.entry.target)
        let noun = t.id == nil && !t.rest.isEmpty ? (nouns[t.kind] ?? LocalizedText(t.kind, t.kind)) + LocalizedText(" ", " ") : LocalizedText("", "")
        let subject = f.subject.isEmpty ? "" : " " + noun.zh + f.subject
        let subjectEn = f.subject.isEmpty ? "" : " " + noun.en + f.subject
        let detail = f.detail.isEmpty ? LocalizedText("", "") : LocalizedText("（\(f.detail)）", " (\(f.detail))")
        return LocalizedText("\(kind.zh)：\(verb.zh)\(subject)", "\(kind.en): \(verb.en)\(subjectEn)") + detail
    }

    static let verbs: [String: LocalizedText] = [
        "create": LocalizedText("新建", "created"), "add": LocalizedText("新增", "added"), "edit": LocalizedText("修改", "edited"),
        "update": LocalizedText("修改", "updated"), "change": LocalizedText("修改", "changed"), "delete": LocalizedText("删除", "deleted"),
        "remove": LocalizedText("移除", "removed"), "void": LocalizedText("作废", "voided"), "cancel": LocalizedText("取消", "cancelled"),
        "approve": LocalizedText("通过", "approved"), "reject": LocalizedText("驳回", "rejected"), "issue": LocalizedText("签发", "issued"),
        "generate": LocalizedText("生成", "generated"), "export": LocalizedText("导出", "exported"), "print": LocalizedText("打印", "printed"),
        "sign": LocalizedText("签字确认", "signed off"), "sign_off": LocalizedText("签字确认", "signed off"), "close": LocalizedText("关闭", "closed"),
        "open": LocalizedText("开启", "opened"), "use": LocalizedText("使用", "used"), "check": LocalizedText("核验", "checked"),
        "redeem": LocalizedText("兑换", "redeemed"), "restock": LocalizedText("入库", "restocked"), "adjust": LocalizedText("调整", "adjusted"),
        "score": LocalizedText("评分", "scored"), "submit": LocalizedText("提交", "submitted"), "evidence": LocalizedText("上传佐证", "added evidence"),
        "day_close": LocalizedText("日结", "closed the day"), "z_report": LocalizedText("日结（Z 报表）", "closed the day (Z report)"),
    ]

    static let nouns: [String: LocalizedText] = [
        "receipt": LocalizedText("兑换单", "receipt"), "voucher": LocalizedText("兑换券", "voucher"),
        "letter": LocalizedText("信函", "letter"), "item": LocalizedText("物品", "item"), "file": LocalizedText("文件", "file"),
        "assessment": LocalizedText("评定", "assessment"), "period": LocalizedText("期间", "period"), "quarter": LocalizedText("季度", "quarter"),
    ]
}

extension CommunityDatabase {
    /// The overview's latest changes, newest first, as sentences.
    public func recentAuditLines(limit: Int) throws -> [AuditLine] {
        try pool.read { db in
            let rows = try AuditEntry.fetchAll(db, sql: "SELECT * FROM audit_log ORDER BY at DESC, id DESC LIMIT ?", arguments: [max(0, limit)])
            return try AuditSentence.lines(db, rows)
        }
    }
}
