import CommunityModel

/// The forms of screen 2. Each submits one store action; the store checks again in its transaction and
/// a refusal keeps the form open with the reason (nothing half-saved).
enum ConsultationForms {
    static func date(_ text: String) -> LocalizedText? {
        Day.normaliseTyped(text).map { Day.parse($0) } == nil
            ? LocalizedText("日期不对：请写成 2026-05-01、2026/5/1 或 5-1", "not a date: write it as 2026-05-01, 2026/5/1 or 5-1") : nil
    }

    /// A day that has already happened: meetings, publication, completion and surveys are never in the future.
    static func pastDate(_ today: String) -> (String) -> LocalizedText? {
        { text in
            if let bad = date(text) { return bad }
            guard let day = Day.normaliseTyped(text), day > today else { return nil }
            return LocalizedText("\(day) 还没有到：只能登记今天（\(today)）或以前的日期", "\(day) has not come yet: only today (\(today)) or earlier")
        }
    }

    static func count(_ text: String) -> LocalizedText? {
        guard let n = Int(text.trimmingCharacters(in: .whitespaces)), n >= 0 else {
            return LocalizedText("请填写 0 或正整数", "enter 0 or a whole number")
        }
        _ = n
        return nil
    }

    static func number(_ values: FormValues, _ id: String) -> Int { Int(values[id]) ?? 0 }

    static func done(_ text: LocalizedText) -> [Effect] { [.ok(text), .reload] }

    static func title(_ d: IssueDossier, _ what: LocalizedText) -> LocalizedText {
        LocalizedText("\(what.zh) · \(d.issue.number)", "\(what.en) · \(d.issue.number)")
    }

    // MARK: Step 1

    static func newIssue(_ ctx: AppContext) -> FormState {
        let reference = ctx.reference.consultation
        let categories = reference.categories.map { $0.label.text() }
        let sources = reference.sources.map { $0.label.text() }
        return FormState(title: LocalizedText("登记新议题（①收集议题）", "New issue (① collect)"), fields: [
            FormField(id: "title", label: LocalizedText("议题", "Title"), required: true, placeholder: LocalizedText("例如 5号楼北侧绿地被圈占种菜", "e.g. fenced plots north of building 5")),
            FormField(id: "category", label: LocalizedText("类别", "Category"), kind: .choice(categories)),
            FormField(id: "source", label: LocalizedText("来源", "Source"), kind: .choice(sources)),
            FormField(id: "reporter", label: LocalizedText("反映人", "Reporter"), required: true),
            FormField(id: "location", label: LocalizedText("位置", "Where"), placeholder: LocalizedText("楼/单元，例如 5号楼1单元", "building/entrance")),
            FormField(id: "description", label: LocalizedText("情况描述", "Description"), lines: 3),
        ]) { values, ctx in
            let category = reference.categories.first { $0.label.text() == values["category"] }?.key ?? ""
            let source = reference.sources.first { $0.label.text() == values["source"] }?.key ?? ""
            let issue = try ctx.db.createIssue(IssueDraft(title: values["title"], description: values["description"], category: category,
                                                          source: source, reporter: values["reporter"], location: values["location"]),
                                               on: ctx.today, by: ctx.signedIn, reference: reference)
            return done(LocalizedText("已登记议题 \(issue.number)「\(issue.title)」。", "Recorded issue \(issue.number) “\(issue.title)”."))
        }
    }

    // MARK: Moves

    static func sendBack(_ d: IssueDossier, _ ctx: AppContext) -> FormState {
        let reference = ctx.reference.consultation
        let earlier = (1..<max(2, d.issue.step)).reversed().map { reference.stepLabel($0).text() }
        return FormState(title: title(d, LocalizedText("退回", "Send back")), fields: [
            FormField(id: "to", label: LocalizedText("退回到", "Back to"), kind: .choice(earlier)),
            FormField(id: "reason", label: LocalizedText("理由", "Reason"), required: true),
        ]) { values, ctx in
            let to = (1...8).first { reference.stepLabel($0).text() == values["to"] }
            let id = d.issue.id ?? 0
            let t = try ctx.db.sendBackIssue(id: id, to: to, reason: values["reason"], expectedStep: d.issue.step, on: ctx.today,
                                             by: ctx.signedIn, reference: reference)
            return done(ConsultationScreen.describe(t, number: d.issue.number, reference: reference))
        }
    }

    static func close(_ d: IssueDossier, _ ctx: AppContext) -> FormState {
        let reference = ctx.reference.consultation
        let outcomes = IssueOutcome.allCases.filter { $0.allowed(atStep: d.issue.step) }
        return FormState(title: title(d, LocalizedText("办结", "Close")), fields: [
            FormField(id: "outcome", label: LocalizedText("结果", "Outcome"), kind: .choice(outcomes.map { $0.label.text() })),
            FormField(id: "reason", label: LocalizedText("理由", "Reason"), placeholder: LocalizedText("不予立项、撤回、转报须填写", "needed unless resolved/unresolved")),
        ]) { values, ctx in
            guard let outcome = outcomes.first(where: { $0.label.text() == values["outcome"] }) else { return [] }
            let t = try ctx.db.closeIssue(id: d.issue.id ?? 0, outcome: outcome, reason: values["reason"], expectedStep: d.issue.step,
                                          on: ctx.today, by: ctx.signedIn, reference: reference)
            return done(ConsultationScreen.describe(t, number: d.issue.number, reference: reference))
        }
    }

    static func reopen(_ d: IssueDossier, _ ctx: AppContext) -> FormState {
        let reference = ctx.reference.consultation
        return FormState(title: title(d, LocalizedText("重新打开", "Reopen")), fields: [
            FormField(id: "reason", label: LocalizedText("理由", "Reason"), required: true),
        ]) { values, ctx in
            let t = try ctx.db.reopenIssue(id: d.issue.id ?? 0, reason: values["reason"], on: ctx.today, by: ctx.signedIn)
            return done(ConsultationScreen.describe(t, number: d.issue.number, reference: reference))
        }
    }

    // MARK: What the steps record

    static func party(_ d: IssueDossier, _ ctx: AppContext) -> FormState {
        let reference = ctx.reference.consultation
        let have = Set(d.parties.map(\.kind))
        // The list keeps the standard's order, so "→ twice" always lands on the same kind; it starts on the first
        // kind still missing (the Party organisation before all).
        let kinds = reference.partyKinds
        let firstMissing = kinds.first { !have.contains($0.key) } ?? kinds.first
        // A person or unit is picked from the roster as you type; a body that is not on it (the property company,
        // a resident representative) is kept as typed from the list's last row.
        let organisations = (try? ctx.db.organisationChoices()) ?? []
        var name = FormField(id: "name", label: LocalizedText("名称/姓名", "Name"), required: true,
                             placeholder: LocalizedText("姓名、拼音首字母、手机尾号或党员编号；名册外的直接输入",
                                                        "name, pinyin initials, phone tail or member code; or a name not on the roster"))
        name.lookup = .allowingTyped(notOnRoster) { query, ctx in RosterPicks.people(query, ctx, organisations: organisations) }
        return FormState(title: title(d, LocalizedText("添加议事主体", "Add a party")), fields: [
            FormField(id: "kind", label: LocalizedText("主体类别", "Kind"), value: firstMissing?.label.text() ?? "",
                      kind: .choice(kinds.map { $0.label.text() })),
            name,
            FormField(id: "contact", label: LocalizedText("联系方式", "Contact")),
        ]) { values, ctx in
            let kind = kinds.first { $0.label.text() == values["kind"] }?.key ?? ""
            let p = try ctx.db.addIssueParty(issueId: d.issue.id ?? 0, name: values["name"], kind: kind, contact: values["contact"],
                                             on: ctx.today, by: ctx.signedIn, reference: reference)
            return done(LocalizedText("已添加议事主体 \(p.name)。", "Added party \(p.name)."))
        }
    }

    static func option(_ d: IssueDossier, _ ctx: AppContext) -> FormState {
        FormState(title: title(d, LocalizedText("写入方案", "Write an option")), fields: [
            FormField(id: "title", label: LocalizedText("方案", "Option"), required: true),
            FormField(id: "detail", label: LocalizedText("说明", "Detail"), lines: 3),
        ]) { values, ctx in
            let o = try ctx.db.addIssueOption(issueId: d.issue.id ?? 0, title: values["title"], detail: values["detail"], on: ctx.today, by: ctx.signedIn)
            return done(LocalizedText("已写入方案「\(o.title)」。", "Option “\(o.title)” written."))
        }
    }

    /// The note on a picker's last row, which keeps a name that is not on the roster as typed.
    static let notOnRoster = LocalizedText("名册外，按输入添加", "not on the roster: add as typed")

    /// Attendees default to the issue's parties; more are picked one after another (the parties first, then the
    /// roster) or typed; a name that is not a party comes as a resident representative.
    static func meeting(_ d: IssueDossier, _ ctx: AppContext) -> FormState {
        let reference = ctx.reference.consultation
        let partyNames = d.parties.map(\.name).joined(separator: Lookup.separator)
        let organisations = (try? ctx.db.organisationChoices()) ?? []
        var attendees = FormField(id: "attendees", label: LocalizedText("参会人", "Attending"), value: partyNames, required: true,
                                  placeholder: LocalizedText("逐个输入姓名或拼音首字母选择，用、分隔", "pick one by one by name or pinyin initials; separate with commas"),
                                  lines: 2, normalise: Lookup.trimmedList)
        attendees.lookup = .allowingTyped(notOnRoster, list: true) { query, ctx in
            RosterPicks.attendees(query, ctx, parties: d.parties, organisations: organisations)
        }
        attendees.lookup?.limit = 5
        return FormState(title: title(d, LocalizedText("记录议事会议和表决", "Record meeting and vote")), fields: [
            FormField(id: "date", label: LocalizedText("日期", "Date"), value: ctx.today, required: true, normalise: FormField.typedDate, validate: pastDate(ctx.today)),
            FormField(id: "place", label: LocalizedText("地点", "Place"), value: reference.councilHallLabel.text(), required: true),
            attendees,
            FormField(id: "minutes", label: LocalizedText("纪要", "Minutes"), required: true, lines: 3),
            FormField(id: "for", label: LocalizedText("赞成", "For"), value: "0", required: true, numeric: true, validate: count),
            FormField(id: "against", label: LocalizedText("反对", "Against"), value: "0", required: true, numeric: true, validate: count),
            FormField(id: "abstain", label: LocalizedText("弃权", "Abstain"), value: "0", required: true, numeric: true, validate: count),
        ]) { values, ctx in
            let names = Lookup.names(values["attendees"]).filter { !$0.isEmpty }
            let attendees = names.map { name in
                MeetingAttendee(name: name, kind: d.parties.first { $0.name == name }?.kind ?? "resident_reps")
            }
            let vote = Vote(inFavour: number(values, "for"), against: number(values, "against"), abstain: number(values, "abstain"))
            _ = try ctx.db.recordIssueMeeting(issueId: d.issue.id ?? 0, MeetingInput(heldOn: values["date"], place: values["place"], attendees: attendees,
                                                                                  minutes: values["minutes"], vote: vote),
                                              by: ctx.signedIn, reference: reference)
            let result = vote.passed ? LocalizedText("表决通过，按 a 进入形成决议。", "the vote passed; press a to go on to the resolution.")
                                     : LocalizedText("表决未通过，按 a 退回调研论证。", "the vote failed; press a to return to research.")
            return done(LocalizedText("已记录会议，", "Meeting recorded; ") + result)
        }
    }

    static func resolution(_ d: IssueDossier, _ ctx: AppContext) -> FormState {
        let reference = ctx.reference.consultation
        return FormState(title: title(d, LocalizedText("记录决议", "Record the resolution")), fields: [
            FormField(id: "text", label: LocalizedText("决议内容", "Resolution"), value: d.issue.resolution ?? "", required: true, lines: 3),
            FormField(id: "published", label: LocalizedText("公示日期", "Published on"), value: d.issue.publishedOn ?? ctx.today, required: true, normalise: FormField.typedDate, validate: pastDate(ctx.today)),
        ]) { values, ctx in
            try ctx.db.recordIssueResolution(issueId: d.issue.id ?? 0, text: values["text"], publishedOn: values["published"], by: ctx.signedIn, reference: reference)
            return done(LocalizedText("已记录决议，公示日期 \(values["published"])。", "Resolution recorded, published \(values["published"])."))
        }
    }

    static func implementation(_ d: IssueDossier, _ ctx: AppContext) -> FormState {
        let reference = ctx.reference.consultation
        let i = d.issue
        return FormState(title: title(d, LocalizedText("组织实施", "Implementation")), fields: [
            FormField(id: "owner", label: LocalizedText("负责人", "Owner"), value: i.implementationOwner ?? "", required: true),
            FormField(id: "due", label: LocalizedText("完成期限", "Due"), value: i.implementationDue ?? (Day.adding(30, to: ctx.today) ?? ctx.today),
                      required: true, normalise: FormField.typedDate, validate: date),
            FormField(id: "done", label: LocalizedText("完成日期", "Done on"), value: i.implementationDone ?? "",
                      placeholder: LocalizedText("完成后填写", "when finished"), normalise: FormField.typedDate, validate: pastDate(ctx.today)),
            FormField(id: "note", label: LocalizedText("情况说明", "Note"), value: i.implementationNote ?? "", lines: 2),
        ]) { values, ctx in
            let doneOn = values["done"].isEmpty ? nil : values["done"]
            try ctx.db.recordIssueImplementation(issueId: i.id ?? 0, ImplementationInput(owner: values["owner"], due: values["due"], done: doneOn, note: values["note"]),
                                                 by: ctx.signedIn, reference: reference)
            return done(doneOn == nil ? LocalizedText("已安排实施，完成后再填写完成日期。", "Implementation arranged; add the completion date when done.")
                                      : LocalizedText("已记录实施完成，按 a 进入评议反馈。", "Completion recorded; press a to go on to evaluation."))
        }
    }

    static func survey(_ d: IssueDossier, _ ctx: AppContext) -> FormState {
        let reference = ctx.reference.consultation
        return FormState(title: title(d, LocalizedText("记录满意度", "Record satisfaction")), fields: [
            FormField(id: "satisfied", label: LocalizedText("满意", "Satisfied"), value: "0", required: true, numeric: true, validate: count),
            FormField(id: "basic", label: LocalizedText("基本满意", "Fairly"), value: "0", required: true, numeric: true, validate: count),
            FormField(id: "dissatisfied", label: LocalizedText("不满意", "Dissatisfied"), value: "0", required: true, numeric: true, validate: count),
            FormField(id: "date", label: LocalizedText("测评日期", "Surveyed on"), value: ctx.today, required: true, normalise: FormField.typedDate, validate: pastDate(ctx.today)),
        ]) { values, ctx in
            let s = IssueSurvey(satisfied: number(values, "satisfied"), basic: number(values, "basic"), dissatisfied: number(values, "dissatisfied"),
                                surveyedOn: values["date"])
            try ctx.db.recordIssueSurvey(issueId: d.issue.id ?? 0, s, by: ctx.signedIn, reference: reference)
            let rate = s.rate.map { String(format: "%.1f%%", $0 * 100) } ?? "—"
            return done(LocalizedText("已记录满意度（满意率 \(rate)），按 a 办结。", "Satisfaction recorded (\(rate)); press a to close."))
        }
    }
}
