import CommunityModel

/// The forms of screen 6. Each submits one store action; the store checks the stage rules again inside its
/// transaction, and a refusal keeps the form open with the reason.
enum StarForms {
    static func done(_ text: LocalizedText) -> [Effect] { [.ok(text), .reload] }

    static func caseLabel(_ c: StarStandard.Deduction, _ i: Int) -> String {
        "\(i + 1). \(c.label.text()) −\(c.points)" + (c.perOccurrence ? LocalizedText("/次", "/each").text() : "")
    }

    static func deduct(_ line: StarScorecard.Line, quarter: StarQuarter, standard: StarStandard) -> FormState {
        let c = line.criterion
        let labels = c.deductions.enumerated().map { caseLabel($0.element, $0.offset) }
        return FormState(title: LocalizedText("扣分 · \(c.name)", "Deduct · \(c.nameEn)"), fields: [
            FormField(id: "case", label: LocalizedText("扣分情形", "Case"), kind: .choice(labels)),
            FormField(id: "count", label: LocalizedText("次数", "Count"), value: "1", required: true, validate: { text in
                guard let n = Int(text.trimmingCharacters(in: .whitespaces)), (1...99).contains(n) else {
                    return LocalizedText("请填写 1 到 99 的整数", "enter a whole number from 1 to 99")
                }
                return nil
            }),
            FormField(id: "note", label: LocalizedText("佐证说明", "Evidence"), required: true,
                      placeholder: LocalizedText("例如 10 月缺 1 次支委会", "e.g. one committee meeting missed in October")),
        ]) { values, ctx in
            let index = labels.firstIndex(of: values["case"]) ?? 0
            let count = Int(values["count"]) ?? 1
            if !c.deductions[index].perOccurrence, count != 1 { throw FieldError(field: "count", message: StarError.notPerOccurrence.message) }
            try ctx.db.applyStarDeduction(quarter, criterion: c.key, caseIndex: index, count: count, note: values["note"], standard: standard, by: ctx.signedIn)
            return done(LocalizedText("已扣分：\(c.name) −\(c.deductions[index].points * count)。", "Deducted: \(c.nameEn) −\(c.deductions[index].points * count)."))
        }
    }

    static func remove(_ line: StarScorecard.Line, quarter: StarQuarter, standard: StarStandard) -> FormState {
        let c = line.criterion
        let labels = line.applied.map { caseLabel(c.deductions[$0.caseIndex], $0.caseIndex) }
        return FormState(title: LocalizedText("取消扣分 · \(c.name)", "Remove a deduction · \(c.nameEn)"), fields: [
            FormField(id: "case", label: LocalizedText("已扣情形", "Applied case"), kind: .choice(labels)),
        ]) { values, ctx in
            let i = labels.firstIndex(of: values["case"]) ?? 0
            try ctx.db.removeStarDeduction(quarter, criterion: c.key, caseIndex: line.applied[i].caseIndex, standard: standard, by: ctx.signedIn)
            return done(LocalizedText("已取消扣分：\(c.name)。", "Deduction removed: \(c.nameEn)."))
        }
    }

    static func signOff(_ stage: StarStage, _ a: StarAssessment, standard: StarStandard) -> Modal {
        let q = a.quarter
        switch stage {
        case .selfAssessment:
            let card = a.scorecard
            let pending = card.proposals.isEmpty ? LocalizedText("", "")
                : LocalizedText("\n还有 \(card.proposals.count) 项建议扣分未确认。", "\n\(card.proposals.count) proposed deduction(s) are not confirmed.")
            return .confirm(ConfirmState(
                title: LocalizedText("签署自评", "Sign off the self-assessment"),
                message: LocalizedText("\(q) 自评 \(card.total) 分，申报 \(card.claimedStars) 星。签署后锁定，更正须由书记写明理由重新打开。",
                                       "\(q): \(card.total) points, claiming \(card.claimedStars) stars. Once signed it is locked; a correction needs the secretary to reopen it with a reason.") + pending,
                onConfirm: [.write(StoreAction { db, actor in
                    let e = try db.signOffSelfAssessment(q, standard: standard, by: actor)
                    return LocalizedText("自评已签署：\(e.total ?? 0) 分，申报 \(e.claimedStars ?? 0) 星。", "Self-assessment signed: \(e.total ?? 0) points, \(e.claimedStars ?? 0) stars claimed.")
                })]))
        case .publicDefence:
            let yes = LocalizedText("确认五星", "confirmed").text(), no = LocalizedText("未确认", "not confirmed").text()
            return .form(FormState(title: LocalizedText("记录公开讲（街道答辩）", "Record the public defence"), fields: [
                FormField(id: "score", label: LocalizedText("答辩得分", "Defence score"), required: true, validate: { t in
                    guard let v = Double(t.trimmingCharacters(in: .whitespaces)), (0...100).contains(v) else { return StarError.badDefenceScore.message }
                    return nil
                }),
                FormField(id: "confirmed", label: LocalizedText("街道结论", "Street's decision"), kind: .choice([yes, no])),
                FormField(id: "note", label: LocalizedText("备注", "Remark")),
            ]) { values, ctx in
                let e = try ctx.db.recordPublicDefence(q, score: Double(values["score"]) ?? 0, confirmed: values["confirmed"] == yes,
                                                       note: values["note"], standard: standard, by: ctx.signedIn)
                return done(LocalizedText("已记录公开讲：\(StreetRollUp.score(e.defenceScore ?? 0)) 分，\(e.confirmed == true ? "街道确认五星" : "街道未确认五星")。",
                                          "Defence recorded: \(StreetRollUp.score(e.defenceScore ?? 0)), \(e.confirmed == true ? "five stars confirmed" : "not confirmed")."))
            })
        case .siteCheck:
            let pass = LocalizedText("通过", "pass").text(), fail = LocalizedText("未通过", "fail").text()
            var fields: [FormField] = []
            for c in standard.siteChecks {
                fields.append(FormField(id: "r." + c.key, label: c.shortLabel, kind: .choice([pass, fail])))
                fields.append(FormField(id: "n." + c.key, label: LocalizedText("  说明", "  note")))
            }
            return .form(FormState(title: LocalizedText("记录实地看（三查三看）", "Record the on-site check"), fields: fields) { values, ctx in
                let results = standard.siteChecks.map { SiteCheckResult(key: $0.key, passed: values["r." + $0.key] == pass, note: values["n." + $0.key]) }
                try ctx.db.recordSiteCheck(q, results: results, standard: standard, by: ctx.signedIn)
                let passed = results.filter(\.passed).count
                return done(LocalizedText("已记录实地看：\(passed)/\(results.count) 项通过。", "On-site check recorded: \(passed)/\(results.count) passed."))
            })
        case .districtReview:
            let most = a.progress.starsAfterDefence ?? 5
            let options = (3...most).reversed().map { "\($0)" + LocalizedText(" 星", " stars").text() }
            return .form(FormState(title: LocalizedText("记录复评（区级）", "Record the district review"), fields: [
                FormField(id: "stars", label: LocalizedText("最终星级", "Final star"), kind: .choice(options)),
                FormField(id: "note", label: LocalizedText("备注", "Remark")),
            ]) { values, ctx in
                let stars = Int(values["stars"].prefix(1)) ?? 3
                try ctx.db.recordDistrictReview(q, finalStars: stars, note: values["note"], standard: standard, by: ctx.signedIn)
                return done(LocalizedText("已记录复评：最终 \(stars) 星。", "District review recorded: \(stars) stars final."))
            })
        }
    }

    static func reopen(_ stage: StarStage, quarter: StarQuarter, standard: StarStandard) -> FormState {
        FormState(title: LocalizedText("重新打开「\(stage.label.zh)」", "Reopen the \(stage.label.en)"), fields: [
            FormField(id: "reason", label: LocalizedText("理由", "Reason"), required: true),
        ]) { values, ctx in
            try ctx.db.reopenStarStage(quarter, stage, reason: values["reason"], standard: standard, by: ctx.signedIn)
            return done(LocalizedText("已重新打开「\(stage.label.zh)」，原签署记录保留。", "The \(stage.label.en) is reopened; the earlier sign-off stays on record."))
        }
    }
}
