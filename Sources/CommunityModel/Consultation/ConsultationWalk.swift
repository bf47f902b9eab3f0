import Foundation

extension ConsultationWorkflow {
    /// Checks that `history` (oldest first) is a valid walk of the eight steps and that the issue's stored
    /// step, outcome, furthest step and step date agree with it. Returns what is wrong, empty when all is well.
    /// Used by `community check` (SPEC §3).
    public static func walkProblems(issue: Issue, history: [IssueTransition]) -> [LocalizedText] {
        let n = issue.number
        var problems: [LocalizedText] = []
        func bad(_ zh: String, _ en: String) { problems.append(LocalizedText("议题 \(n)：\(zh)", "issue \(n): \(en)")) }

        guard let first = history.first else {
            bad("没有任何流转记录", "has no history")
            return problems
        }
        if first.kind != .create || first.fromStep != nil || first.toStep != ConsultationSteps.first {
            bad("第一条记录应是登记进入第①步", "the first history row must record it entering step 1")
        }
        var step = first.toStep
        var closedWith: IssueOutcome? = nil
        var furthest = step
        for (index, t) in history.enumerated() {
            let where_ = "第 \(t.seq) 条记录"
            let whereEn = "history row \(t.seq)"
            if t.seq != index + 1 { bad("\(where_)序号不连续（应为 \(index + 1)）", "\(whereEn) is out of sequence (expected \(index + 1))") }
            guard ConsultationSteps.all.contains(t.toStep) else {
                bad("\(where_)到达了不存在的第 \(t.toStep) 步", "\(whereEn) goes to step \(t.toStep), which does not exist")
                continue
            }
            if index == 0 { continue }
            if t.fromStep != step {
                bad("\(where_)从第 \(t.fromStep.map(String.init) ?? "?") 步出发，但议题当时在第 \(step) 步",
                    "\(whereEn) starts from step \(t.fromStep.map(String.init) ?? "?") but the issue was at step \(step)")
            }
            let from = step
            if closedWith != nil, t.kind != .reopen {
                bad("\(where_)在议题办结后又有\(t.kind.label.zh)，办结后只能重新打开", "\(whereEn) \(t.kind.label.en) after closing; only reopening may follow")
            }
            switch t.kind {
            case .create:
                bad("\(where_)重复登记", "\(whereEn) records the issue a second time")
            case .advance:
                if t.toStep != from + 1 { bad("\(where_)从第 \(from) 步跳到第 \(t.toStep) 步，只能逐步推进", "\(whereEn) jumps from step \(from) to \(t.toStep); steps advance one at a time") }
            case .voteFailed:
                if from != ConsultationSteps.deliberate || t.toStep != ConsultationSteps.deliberate - 1 {
                    bad("\(where_)表决未通过只能从第⑤步退回第④步", "\(whereEn) a failed vote may only go from step 5 to step 4")
                }
            case .sendBack:
                if t.toStep >= from { bad("\(where_)退回的目标第 \(t.toStep) 步不在第 \(from) 步之前", "\(whereEn) sends back to step \(t.toStep), not before step \(from)") }
                if t.reason.consultTrimmed.isEmpty { bad("\(where_)退回没有理由", "\(whereEn) sends back without a reason") }
            case .close:
                if t.toStep != from { bad("\(where_)办结时改变了步骤", "\(whereEn) changes step while closing") }
                if let o = t.outcome {
                    if !o.allowed(atStep: from) { bad("\(where_)在第 \(from) 步不能以\(o.label.zh)办结", "\(whereEn) cannot end as \(o.label.en) at step \(from)") }
                    if o.needsReason, t.reason.consultTrimmed.isEmpty { bad("\(where_)以\(o.label.zh)办结没有理由", "\(whereEn) ends as \(o.label.en) without a reason") }
                } else {
                    bad("\(where_)办结没有结果", "\(whereEn) closes without an outcome")
                }
                closedWith = t.outcome ?? closedWith
            case .reopen:
                if closedWith == nil { bad("\(where_)重新打开了一个未办结的议题", "\(whereEn) reopens an issue that was not closed") }
                if t.toStep != from { bad("\(where_)重新打开时改变了步骤", "\(whereEn) changes step while reopening") }
                if t.reason.consultTrimmed.isEmpty { bad("\(where_)重新打开没有理由", "\(whereEn) reopens without a reason") }
                closedWith = nil
            }
            if t.kind != .close, t.kind != .reopen, t.outcome != nil {
                bad("\(where_)不是办结却带有结果", "\(whereEn) carries an outcome but does not close")
            }
            step = t.toStep
            furthest = max(furthest, step)
        }
        if issue.step != step {
            bad("当前步骤记为第 \(issue.step) 步，但流转记录停在第 \(step) 步", "is stored at step \(issue.step) but its history ends at step \(step)")
        }
        if issue.outcome != closedWith {
            bad("办结结果记为「\(issue.outcome?.label.zh ?? "办理中")」，但流转记录为「\(closedWith?.label.zh ?? "办理中")」",
                "outcome is stored as \(issue.outcome?.label.en ?? "open") but its history says \(closedWith?.label.en ?? "open")")
        }
        if issue.furthestStep != furthest {
            bad("最远步骤记为第 \(issue.furthestStep) 步，但流转记录到过第 \(furthest) 步",
                "furthest step is stored as \(issue.furthestStep) but its history reached \(furthest)")
        }
        if let last = history.last, issue.stepSince != last.onDay {
            bad("本步起始日期记为 \(issue.stepSince)，但最后一条流转在 \(last.onDay)",
                "step date is stored as \(issue.stepSince) but the last move was on \(last.onDay)")
        }
        return problems
    }
}
