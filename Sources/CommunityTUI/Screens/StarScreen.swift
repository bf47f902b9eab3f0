import CommunityModel

/// Screen 6, 星级: this quarter's scorecard by area with live evidence and proposed deductions, the stage
/// timeline with who signed when, the quarterly history and the consequence flags (issue 10 item 5).
struct StarScreen: Screen {
    let id = ScreenID.stars
    var quarter: StarQuarter?
    var assessment: StarAssessment?
    var history: [StarQuarterSummary] = []
    var flags: [StarFlag] = []
    /// Index into `rows` of the selected criterion, and the first row shown.
    var selected = 0
    var scroll = 0

    /// A row of the scorecard list: an area heading or one of its criteria.
    enum Row: Equatable {
        case area(StarScorecard.AreaTotal)
        case criterion(StarScorecard.Line)
    }

    enum Action {
        case move(ListMove), previousQuarter, nextQuarter, deduct, acceptProposal, removeDeduction, signOff, reopen, details, stages
    }

    var rows: [Row] {
        guard let card = assessment?.scorecard else { return [] }
        return card.areas.flatMap { area in
            [Row.area(area)] + card.lines.filter { $0.criterion.area == area.area.key }.map(Row.criterion)
        }
    }

    var selectedLine: StarScorecard.Line? {
        let r = rows
        guard r.indices.contains(selected), case .criterion(let line) = r[selected] else { return nil }
        return line
    }

    private var locked: Bool { assessment?.progress.signed[.selfAssessment] != nil }

    func bindings(_ ctx: AppContext) -> [KeyBinding<Action>] {
        let lockReason: LocalizedText? = locked ? StarError.selfAssessmentLocked.message : nil
        let stage = assessment?.stage
        let signHelp = stage.map { LocalizedText("签署本季度「\($0.label.zh)」", "sign off this quarter's \($0.label.en)") }
            ?? LocalizedText("签署下一环节（本季度已定级）", "sign off the next stage (this quarter is final)")
        return KeyBinding<Action>.listMoves { Action.move($0) } + [
            KeyBinding(keys: [.char("[")], action: .previousQuarter, help: LocalizedText("上一季度", "previous quarter"), footer: true,
                       short: LocalizedText("上季", "prev")),
            KeyBinding(keys: [.char("]")], action: .nextQuarter, help: LocalizedText("下一季度", "next quarter"), footer: true,
                       short: LocalizedText("下季", "next")),
            KeyBinding(keys: [.char("a")], action: .acceptProposal, help: LocalizedText("确认系统建议的扣分", "confirm the proposed deduction"),
                       footer: true, disabledReason: lockReason, short: LocalizedText("确认建议", "accept")),
            KeyBinding(keys: [.char("d")], action: .deduct, help: LocalizedText("扣分（选择扣分情形，填写次数和佐证）", "apply a deduction (case, count, evidence)"),
                       footer: true, disabledReason: lockReason, short: LocalizedText("扣分", "deduct")),
            KeyBinding(keys: [.char("x")], action: .removeDeduction, help: LocalizedText("取消一项已扣的分", "remove an applied deduction"),
                       disabledReason: lockReason),
            KeyBinding(keys: [.char("s")], action: .signOff, help: signHelp, footer: true, disabledReason: stage == nil
                       ? LocalizedText("本季度各环节均已签署，星级已确定。", "Every stage of this quarter is signed; the star is final.") : nil,
                       short: LocalizedText("签署", "sign")),
            KeyBinding(keys: [.char("o")], action: .reopen, help: LocalizedText("重新打开最近签署的环节（书记，须写理由）", "reopen the latest signed stage (secretary, with a reason)")),
            KeyBinding(keys: [.enter], action: .details, help: LocalizedText("指标详情：评分标准、扣分情形、佐证和记录", "criterion details: standard, cases, evidence, history"),
                       footer: true, short: LocalizedText("详情", "details")),
            KeyBinding(keys: [.char("t")], action: .stages, help: LocalizedText("评定环节的全部记录（含重新打开）", "the full stage history, reopenings included")),
        ]
    }

    mutating func perform(_ action: Action, _ ctx: AppContext) -> [Effect] {
        guard let quarter, let a = assessment else { return [] }
        let standard = ctx.reference.starStandard
        switch action {
        case .move(let m):
            let height = max(1, ctx.bodyHeight - 7)
            move(m, page: height)
            scroll = visibleStart(height)
            return []
        case .previousQuarter:
            self.quarter = quarter.previous
            selected = 1; scroll = 0
            return [.reload]
        case .nextQuarter:
            self.quarter = quarter.next
            selected = 1; scroll = 0
            return [.reload]
        case .acceptProposal:
            guard let line = selectedLine else { return [] }
            guard let p = line.proposals.first ?? a.scorecard.proposals.first else {
                return [.error(LocalizedText("本季度没有待确认的建议扣分。", "There is no proposed deduction to confirm this quarter."))]
            }
            let c = standard.criterion(p.criterion)
            return [.present(.confirm(ConfirmState(
                title: LocalizedText("确认建议扣分", "Confirm the proposed deduction"),
                message: LocalizedText("「\(c?.name ?? p.criterion)」扣 \(p.points) 分：\(p.reason.zh)。确定扣分吗？",
                                       "“\(c?.nameEn ?? p.criterion)” −\(p.points): \(p.reason.en). Apply it?"),
                onConfirm: [.write(StoreAction { db, actor in
                    try db.applyStarDeduction(quarter, criterion: p.criterion, caseIndex: p.caseIndex, note: p.reason.zh, proposed: true,
                                              standard: standard, by: actor)
                    return LocalizedText("已扣分：\(c?.name ?? p.criterion) −\(p.points)。", "Deducted: \(c?.nameEn ?? p.criterion) −\(p.points).")
                })])))]
        case .deduct:
            guard let line = selectedLine else { return [] }
            return [.present(.form(StarForms.deduct(line, quarter: quarter, standard: standard)))]
        case .removeDeduction:
            guard let line = selectedLine else { return [] }
            guard !line.applied.isEmpty else {
                return [.error(LocalizedText("这项指标没有已扣的分。", "Nothing is deducted on this criterion."))]
            }
            return [.present(.form(StarForms.remove(line, quarter: quarter, standard: standard)))]
        case .signOff:
            guard let stage = a.stage else { return [] }
            if let refusal = a.progress.refusal(signing: stage, by: ctx.signedIn.role) { return [.error(refusal.message)] }
            return [.present(StarForms.signOff(stage, a, standard: standard))]
        case .reopen:
            guard let stage = StarStage.allCases.last(where: { a.progress.signed[$0] != nil }) else {
                return [.error(LocalizedText("本季度还没有签署任何环节。", "No stage of this quarter is signed yet."))]
            }
            if let refusal = a.progress.refusal(reopening: stage, by: ctx.signedIn.role, reason: "-") { return [.error(refusal.message)] }
            return [.present(.form(StarForms.reopen(stage, quarter: quarter, standard: standard)))]
        case .details:
            guard let line = selectedLine else { return [] }
            return [.present(.text(TextPage(title: line.criterion.label, lines: detailLines(line, a))))]
        case .stages:
            return [.present(.text(TextPage(title: LocalizedText("\(quarter) 评定环节记录", "\(quarter) stage history"), lines: stageHistoryLines(a, standard: standard))))]
        }
    }

    mutating func move(_ m: ListMove, page: Int) {
        let r = rows
        let criteria = r.indices.filter { if case .criterion = r[$0] { return true } else { return false } }
        guard !criteria.isEmpty else { return }
        let at = criteria.firstIndex(of: selected) ?? 0
        let to: Int
        switch m {
        case .up: to = at - 1
        case .down: to = at + 1
        case .pageUp: to = at - page
        case .pageDown: to = at + page
        case .top: to = 0
        case .bottom: to = criteria.count - 1
        }
        selected = criteria[max(0, min(criteria.count - 1, to))]
    }

    mutating func reload(_ ctx: AppContext) throws {
        let q = quarter ?? StarQuarter(day: ctx.today) ?? StarQuarter(year: 2026, number: 1)
        quarter = q
        assessment = try ctx.db.starAssessment(q, standard: ctx.reference.starStandard)
        history = try ctx.db.starHistory()
        flags = try ctx.db.starFlags(standard: ctx.reference.starStandard)
        // `[` and `]` then find the neighbouring quarters' evidence computed (issue 13 item 7).
        ctx.db.warmStarEvidence([q.previous, q.next])
        if case .criterion = rows[safe: selected] {} else { selected = 1 }
    }
}

private extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
