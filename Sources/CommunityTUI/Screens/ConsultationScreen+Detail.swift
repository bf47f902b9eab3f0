import CommunityModel

extension ConsultationScreen {
    /// One line of the detail page and how it is drawn.
    struct DetailLine: Equatable {
        var text: String
        var style: StyleRole = .normal
    }

    /// The issue's header, the eight-step timeline, then every section as scrollable lines.
    func renderDetail(_ d: IssueDossier, into buffer: inout ScreenBuffer, area: Rect, ctx: AppContext) {
        let reference = ctx.reference.consultation
        let issue = d.issue
        let state: (String, StyleRole)
        if let outcome = issue.outcome {
            state = (LocalizedText("已办结：", "closed: ").text() + outcome.label.text(), .muted)
        } else if ConsultationWorkflow.isOverdue(issue, today: ctx.today, reference: reference) {
            state = (LocalizedText("办理中 · 逾期", "open · overdue").text(), .warning)
        } else {
            state = (LocalizedText("办理中", "open").text(), .ok)
        }
        let sw = DisplayWidth.of(state.0)
        let w = buffer.put(" " + issue.number + "  ", x: area.x, y: area.y, style: .header)
        buffer.put(issue.title, x: area.x + w, y: area.y, maxWidth: area.width - w - sw - 2, style: .header)
        buffer.put(state.0, x: area.x + area.width - sw - 1, y: area.y, style: state.1)
        renderTimeline(d, into: &buffer, x: area.x, y: area.y + 1, width: area.width, ctx: ctx)
        let body = Rect(x: area.x, y: area.y + 4, width: area.width, height: area.height - 4)
        let lines = detailLines(d, width: body.width - 2, ctx: ctx)
        let first = min(detailScroll, max(0, lines.count - body.height))
        for (i, line) in lines.dropFirst(first).prefix(body.height).enumerated() {
            buffer.put(line.text, x: body.x + 1, y: body.y + i, maxWidth: body.width - 2, style: line.style)
        }
        if lines.count > body.height {
            let more = "\(first + 1)–\(min(lines.count, first + body.height))/\(lines.count)"
            buffer.put(more, x: area.x + area.width - DisplayWidth.of(more) - 1, y: area.maxY - 1, style: .muted)
        }
    }

    /// Eight cells across the width: the step (current one highlighted) and the day it was last entered.
    func renderTimeline(_ d: IssueDossier, into buffer: inout ScreenBuffer, x: Int, y: Int, width: Int, ctx: AppContext) {
        let reference = ctx.reference.consultation
        let cell = max(6, width / 8)
        let entered = d.enteredOn
        for step in 1...8 {
            let cx = x + (step - 1) * cell
            let reached = step <= d.issue.furthestStep
            let current = step == d.issue.step
            let style: StyleRole = current ? (d.issue.isClosed ? .accent : .selected) : (reached ? .normal : .muted)
            let label = TextFit.fit(reference.stepLabel(step).text(), to: cell - 1)
            buffer.put(label, x: cx, y: y, maxWidth: cell - 1, style: style)
            let day = entered[step].map { String($0.dropFirst(5)) } ?? "—"
            buffer.put(TextFit.fit(day, to: cell - 1), x: cx, y: y + 1, maxWidth: cell - 1, style: current ? .accent : .muted)
        }
    }

    func detailLines(_ d: IssueDossier, width: Int, ctx: AppContext) -> [DetailLine] {
        let reference = ctx.reference.consultation
        let issue = d.issue
        var out: [DetailLine] = []
        func heading(_ text: LocalizedText) { out.append(DetailLine(text: "", style: .normal)); out.append(DetailLine(text: text.text(), style: .header)) }
        func add(_ text: String, _ style: StyleRole = .normal) {
            for line in TextFit.wrap(text, width: max(10, width)) { out.append(DetailLine(text: line, style: style)) }
        }
        func pair(_ label: LocalizedText, _ value: String) -> String { label.text() + " " + value }

        add([pair(LocalizedText("类别", "Category"), reference.categoryLabel(issue.category).text()),
             pair(LocalizedText("来源", "Source"), reference.sourceLabel(issue.source).text()),
             pair(LocalizedText("反映人", "Reporter"), issue.reporter),
             pair(LocalizedText("位置", "Where"), issue.location.isEmpty ? "—" : issue.location),
             pair(LocalizedText("登记", "Recorded"), issue.createdOn)].joined(separator: " · "), .muted)
        if !issue.description.isEmpty { add(issue.description) }

        // Where it stands and what the next step needs.
        if issue.isClosed {
            add(LocalizedText("已于 \(issue.closedOn ?? "") 办结。按 o 说明理由可重新打开。",
                              "Closed on \(issue.closedOn ?? ""). Press o to reopen it with a reason.").text(), .muted)
        } else {
            let days = ConsultationWorkflow.daysInStep(issue, today: ctx.today)
            let limit = reference.deadlineDays(issue.step)
            let overdue = days > limit
            add(LocalizedText("当前「\(reference.stepLabel(issue.step).zh)」第 \(days) 天（期限 \(limit) 天\(overdue ? "，已逾期" : "")）",
                              "At \"\(reference.stepLabel(issue.step).en)\" for \(days) day(s) (limit \(limit)\(overdue ? ", overdue" : ""))").text(),
                overdue ? .warning : .normal)
            if let step = reference.stepInfo(issue.step) {
                add(LocalizedText("离开本步需要：", "To leave this step: ").text() + LocalizedText(step.exit, step.exitEn).text(), .muted)
            }
            if let gate = ConsultationWorkflow.unmetGate(d, reference: reference) {
                add(LocalizedText("尚未满足：", "Not yet met: ").text() + gate.message.text(), .warning)
            } else {
                add(LocalizedText("条件已满足，按 a 推进。", "Conditions met: press a to advance.").text(), .ok)
            }
        }

        let kinds = Set(d.parties.map(\.kind))
        heading(LocalizedText("议事主体（\(d.parties.count) 个，\(kinds.count) 类）", "Parties (\(d.parties.count), \(kinds.count) kinds)"))
        if d.parties.isEmpty { add(LocalizedText("③ 尚未确定 — 按 p 添加议事主体。", "③ None yet — press p to add a party.").text(), .muted) }
        for p in d.parties {
            add("· \(p.name)（\(reference.partyKindLabel(p.kind).text())）" + (p.contact.isEmpty ? "" : " \(p.contact)"))
        }

        heading(LocalizedText("方案", "Options"))
        if d.options.isEmpty { add(LocalizedText("④ 尚无方案 — 按 f 写入方案。", "④ None yet — press f to write an option.").text(), .muted) }
        for (i, o) in d.options.enumerated() {
            add("\(i + 1). \(o.title)" + (o.detail.isEmpty ? "" : "：\(o.detail)"))
        }

        heading(LocalizedText("议事会议与表决", "Meetings and votes"))
        if d.meetings.isEmpty { add(LocalizedText("⑤ 尚未开会 — 在协商议事阶段按 m 记录会议和表决。", "⑤ No meeting yet — press m at the deliberation step.").text(), .muted) }
        for m in d.meetings {
            let vote: String
            if let v = m.vote {
                let result = v.passed ? LocalizedText("通过", "passed") : LocalizedText("未通过", "failed")
                vote = LocalizedText("赞成 \(v.inFavour) · 反对 \(v.against) · 弃权 \(v.abstain) → \(result.zh)",
                                     "for \(v.inFavour) · against \(v.against) · abstain \(v.abstain) → \(result.en)").text()
            } else {
                vote = LocalizedText("未表决", "no vote").text()
            }
            add("\(m.heldOn) \(m.place) · " + LocalizedText("参会 \(m.attendees.count) 人", "\(m.attendees.count) attending").text() + " · " + vote,
                m.vote.map { $0.passed ? .normal : .warning } ?? .muted)
            let kindsThere = Set(m.attendees.map(\.kind)).count
            add("  " + LocalizedText("参会：", "Attending: ").text() + m.attendees.map(\.name).joined(separator: "、")
                + LocalizedText("（\(kindsThere) 类主体）", " (\(kindsThere) kinds)").text(), .muted)
            add("  " + LocalizedText("纪要：", "Minutes: ").text() + m.minutes)
        }

        heading(LocalizedText("决议与公示", "Resolution"))
        if let r = issue.resolution {
            add(r)
            add(LocalizedText("公示日期：", "Published: ").text() + (issue.publishedOn ?? "—"), .muted)
        } else {
            add(LocalizedText("⑥ 尚未形成决议 — 在形成决议阶段按 r 记录决议和公示日期。", "⑥ No resolution yet — press r at the resolution step to record it.").text(), .muted)
        }

        heading(LocalizedText("组织实施", "Implementation"))
        if let owner = issue.implementationOwner {
            add([pair(LocalizedText("负责人", "Owner"), owner), pair(LocalizedText("期限", "Due"), issue.implementationDue ?? "—"),
                 pair(LocalizedText("完成", "Done"), issue.implementationDone ?? LocalizedText("未完成", "not yet").text())].joined(separator: " · "))
            if let note = issue.implementationNote, !note.isEmpty { add(note, .muted) }
        } else {
            add(LocalizedText("⑦ 尚未安排 — 按 i 记录组织实施（负责人、期限、完成）。", "⑦ Not arranged yet — press i to record the implementation.").text(), .muted)
        }

        heading(LocalizedText("评议反馈", "Evaluation"))
        if let s = issue.survey {
            let rate = s.rate.map { String(format: "%.1f%%", $0 * 100) } ?? "—"
            add(LocalizedText("满意 \(s.satisfied) · 基本满意 \(s.basic) · 不满意 \(s.dissatisfied) · 满意率 \(rate)（\(s.surveyedOn)）",
                              "satisfied \(s.satisfied) · fairly \(s.basic) · dissatisfied \(s.dissatisfied) · rate \(rate) (\(s.surveyedOn))").text())
        } else {
            add(LocalizedText("⑧ 尚未测评 — 按 s 记录居民满意度。", "⑧ Not surveyed yet — press s to record residents' satisfaction.").text(), .muted)
        }

        heading(LocalizedText("流转记录（不可修改）", "History (cannot be changed)"))
        for t in d.history {
            let move: String
            if let from = t.fromStep, from != t.toStep {
                move = "\(ConsultationSteps.circled(from))→\(ConsultationSteps.circled(t.toStep))"
            } else {
                move = ConsultationSteps.circled(t.toStep)
            }
            let outcome = t.outcome.map { " " + $0.label.text() } ?? ""
            let reason = t.reason.isEmpty ? "" : "：\(t.reason)"
            add("\(t.at.isEmpty ? t.onDay : String(t.at.prefix(16))) \(t.operatorName) \(t.kind.label.text()) \(move)\(outcome)\(reason)",
                t.kind == .sendBack || t.kind == .voteFailed ? .warning : .normal)
        }
        return out
    }
}
