import Foundation

/// Audit sentences of the "168" consultation: issues recorded, moved through the eight steps, closed.
enum ConsultationSentences {
    static let table: [String: AuditSentence.Template] = [
        "issue.create": { f in LocalizedText("登记议题 \(f.subject)", "recorded issue \(f.subject)") },
        "issue.advance": { f in
            let m = move(f.detail)
            return LocalizedText("议题 \(f.subject) 推进到第\(m.to)步", "moved issue \(f.subject) on to step \(m.to)")
        },
        "issue.send_back": { f in
            let m = move(f.detail)
            return LocalizedText("议题 \(f.subject) 从第\(m.from)步退回第\(m.to)步", "sent issue \(f.subject) back from step \(m.from) to \(m.to)")
                + AuditDetail.reason(m.rest)
        },
        "issue.close": { f in
            let m = move(f.detail)
            let outcome = m.outcome.map { LocalizedText("（\($0.label.zh)）", " (\($0.label.en))") } ?? LocalizedText("", "")
            return LocalizedText("议题 \(f.subject) 办结", "closed issue \(f.subject)") + outcome + AuditDetail.reason(m.rest)
        },
        "issue.reopen": { f in
            LocalizedText("重新打开议题 \(f.subject)", "reopened issue \(f.subject)") + AuditDetail.reason(move(f.detail).rest)
        },
        "issue.party": { f in
            LocalizedText("为议题 \(f.subject) 添加议事主体 \(AuditDetail.droppingFirstWord(f.detail))",
                          "added a party to issue \(f.subject): \(AuditDetail.droppingFirstWord(f.detail))")
        },
        "issue.option": { f in
            LocalizedText("为议题 \(f.subject) 写入方案：\(AuditDetail.droppingFirstWord(f.detail))",
                          "added a plan to issue \(f.subject): \(AuditDetail.droppingFirstWord(f.detail))")
        },
        "issue.meeting": { f in
            let rest = AuditDetail.droppingFirstWord(f.detail)
            let day = rest.split(separator: " ").first.map(String.init) ?? ""
            let vote: LocalizedText
            if let yes = AuditDetail.int(after: "赞成", in: rest) {
                let no = AuditDetail.int(after: "反对", in: rest) ?? 0, abstain = AuditDetail.int(after: "弃权", in: rest) ?? 0
                vote = LocalizedText("，表决 赞成\(yes) 反对\(no) 弃权\(abstain)", ", vote \(yes) for, \(no) against, \(abstain) abstaining")
            } else {
                vote = LocalizedText("，未表决", ", no vote")
            }
            return LocalizedText("记录议题 \(f.subject) 的议事会议（\(day)）", "recorded a meeting on issue \(f.subject) (\(day))") + vote
        },
        "issue.resolution": { f in
            let until = AuditDetail.text(after: "公示 ", in: f.detail) ?? ""
            return LocalizedText("议题 \(f.subject) 形成决议，公示 \(until)", "wrote the resolution of issue \(f.subject), published \(until)")
        },
        "issue.implementation": { f in
            let rest = AuditDetail.droppingFirstWord(f.detail)
            let owner = rest.components(separatedBy: " 期限").first ?? rest
            let due = AuditDetail.text(after: "期限 ", upTo: " ", in: rest) ?? "-"
            let done = AuditDetail.text(after: "完成 ", in: rest) ?? "-"
            return LocalizedText("记录议题 \(f.subject) 的组织实施：\(owner) 负责，期限 \(due)，完成 \(done)",
                                 "recorded the implementation of issue \(f.subject): \(owner) in charge, due \(due), done \(done)")
        },
        "issue.survey": { f in
            let s = AuditDetail.int(after: " 满意", in: f.detail) ?? 0
            let b = AuditDetail.int(after: "基本满意", in: f.detail) ?? 0
            let d = AuditDetail.int(after: "不满意", in: f.detail) ?? 0
            return LocalizedText("记录议题 \(f.subject) 的满意度：满意 \(s)、基本满意 \(b)、不满意 \(d)",
                                 "recorded satisfaction on issue \(f.subject): \(s) satisfied, \(b) fairly, \(d) dissatisfied")
        },
    ]

    /// "YS-2026-003 5→4 已解决 reason" → from 5, to 4, outcome, the reason.
    static func move(_ detail: String) -> (from: Int, to: Int, outcome: IssueOutcome?, rest: String) {
        let words = detail.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard let i = words.firstIndex(where: { $0.contains("→") }) else { return (0, 0, nil, AuditDetail.droppingFirstWord(detail)) }
        let ends = words[i].split(separator: "→").map { Int($0) ?? 0 }
        var restWords = Array(words[(i + 1)...])
        var outcome: IssueOutcome?
        if let first = restWords.first, let o = IssueOutcome(rawValue: first) {
            outcome = o
            restWords.removeFirst()
        }
        return (ends.first ?? 0, ends.count > 1 ? ends[1] : 0, outcome, restWords.joined(separator: " "))
    }
}
