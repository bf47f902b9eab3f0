import Foundation

/// A deduction case in force for a criterion this quarter (the latest `apply` row not followed by a `remove`).
public struct AppliedDeduction: Sendable, Equatable {
    public var caseIndex: Int
    public var count: Int
    public var note: String
    public var proposed: Bool
    public var operatorName: String
    public var at: String
    /// count × the case's points.
    public var points: Int
}

/// A measurable case the quarter's figures say applies but nobody has confirmed yet.
public struct ProposedDeduction: Sendable, Equatable {
    public var criterion: String
    public var caseIndex: Int
    public var points: Int
    /// What the figure is against the rule, e.g. "本季度协商议事 2 项，少于 3 项".
    public var reason: LocalizedText
}

/// The quarter's scorecard (issue 10 item 1): per criterion its weight, the deductions applied and the score,
/// never below 0; area subtotals; the total out of 100; the star it claims.
public struct StarScorecard: Sendable, Equatable {
    public struct Line: Sendable, Equatable {
        public var criterion: StarStandard.Criterion
        public var applied: [AppliedDeduction]
        public var proposals: [ProposedDeduction]
        public var evidence: LocalizedText?
        public var deducted: Int { applied.reduce(0) { $0 + $1.points } }
        /// Weight minus deductions, never below 0.
        public var score: Int { criterion.score(deducting: deducted) }
    }

    public struct AreaTotal: Sendable, Equatable {
        public var area: StarStandard.Area
        public var score: Int
        public var weight: Int { area.weight }
    }

    public var quarter: StarQuarter
    public var lines: [Line]
    public var areas: [AreaTotal]
    public var total: Int
    public var claimedStars: Int
    public var proposals: [ProposedDeduction] { lines.flatMap(\.proposals) }

    /// Builds the card from the standard, the quarter's deduction history and its live figures.
    public init(standard: StarStandard, quarter: StarQuarter, history: [StarDeductionEvent], evidence: StarEvidence?) {
        self.quarter = quarter
        let inForce = Self.inForce(history)
        var lines: [Line] = []
        for criterion in standard.criteria {
            let applied = criterion.deductions.indices.compactMap { index -> AppliedDeduction? in
                guard let e = inForce[CaseKey(criterion: criterion.key, index: index)] else { return nil }
                return AppliedDeduction(caseIndex: index, count: e.count, note: e.note, proposed: e.proposed, operatorName: e.operatorName,
                                        at: e.at, points: e.count * criterion.deductions[index].points)
            }
            let proposals = evidence.map { Self.proposals(criterion, applied: applied, evidence: $0) } ?? []
            lines.append(Line(criterion: criterion, applied: applied, proposals: proposals,
                              evidence: criterion.evidence.flatMap { e in evidence.map { $0.text(e) } }))
        }
        self.lines = lines
        areas = standard.areas.map { area in
            AreaTotal(area: area, score: lines.filter { $0.criterion.area == area.key }.reduce(0) { $0 + $1.score })
        }
        total = lines.reduce(0) { $0 + $1.score }
        claimedStars = standard.claimableStars(score: total)
    }

    struct CaseKey: Hashable {
        var criterion: String
        var index: Int
    }

    /// The last row per case decides: an `apply` in force, a `remove` not.
    static func inForce(_ history: [StarDeductionEvent]) -> [CaseKey: StarDeductionEvent] {
        var out: [CaseKey: StarDeductionEvent] = [:]
        for e in history {
            let key = CaseKey(criterion: e.criterion, index: e.caseIndex)
            switch e.action {
            case .apply: out[key] = e
            case .remove: out[key] = nil
            }
        }
        return out
    }

    /// Measurable cases that apply and are not applied yet. Of several rules on the same figure (below 80%,
    /// below 50%) only the strictest that applies is proposed, so one shortfall is not deducted twice.
    static func proposals(_ criterion: StarStandard.Criterion, applied: [AppliedDeduction], evidence: StarEvidence) -> [ProposedDeduction] {
        var best: [StarStandard.MeasuredFigure: (index: Int, measure: StarStandard.Measure)] = [:]
        for (index, d) in criterion.deductions.enumerated() {
            guard let m = d.measure, evidence.applies(m) == true else { continue }
            if let kept = best[m.figure], kept.measure.below <= m.below { continue }
            best[m.figure] = (index, m)
        }
        let appliedFigures = Set(applied.compactMap { criterion.deductions[$0.caseIndex].measure?.figure })
        return best.values.sorted { $0.index < $1.index }.compactMap { item in
            guard !appliedFigures.contains(item.measure.figure) else { return nil }
            let value = evidence.value(item.measure.figure) ?? 0
            return ProposedDeduction(criterion: criterion.key, caseIndex: item.index, points: criterion.deductions[item.index].points,
                                     reason: reasonText(item.measure, value: value))
        }
    }

    static func reasonText(_ m: StarStandard.Measure, value: Int) -> LocalizedText {
        switch m.figure {
        case .issuesDeliberated: return LocalizedText("本季度协商议事 \(value) 项，少于 \(m.below) 项", "\(value) issues deliberated this quarter, fewer than \(m.below)")
        case .tasksPublished: return LocalizedText("本季度发布任务 \(value) 项，少于 \(m.below) 项", "\(value) tasks published this quarter, fewer than \(m.below)")
        case .participationPercent: return LocalizedText("参与率 \(value)%，低于 \(m.below)%", "participation \(value)%, below \(m.below)%")
        case .redemptions: return LocalizedText("本季度兑换 \(value) 次，少于 \(m.below) 次", "\(value) redemptions this quarter, fewer than \(m.below)")
        case .resolutionPercent: return LocalizedText("办结率 \(value)%，低于 \(m.below)%", "resolved \(value)%, below \(m.below)%")
        case .satisfactionPercent: return LocalizedText("满意率 \(value)%，低于 \(m.below)%", "satisfaction \(value)%, below \(m.below)%")
        case .platformPercent: return LocalizedText("小程序认领占 \(value)%，低于 \(m.below)%", "\(value)% of claims through the mini-program, below \(m.below)%")
        }
    }
}
