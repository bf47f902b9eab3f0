import CommunityModel

/// Forms of the task screen. Fields check themselves as the user leaves them; the store checks again in
/// its transaction, and a refusal (full, ended, not the audience…) stays on the form in words.
enum TaskForms {
    static let publishNow = "立即发布"
    static let keepDraft = "存为草稿"

    /// New task (nil) or edit. Times are "2026-06-28 08:30"; a new task starts a week from today.
    static func task(_ existing: VolunteerTask?, _ ctx: AppContext) -> FormState {
        let day = Day.adding(7, to: ctx.today) ?? ctx.today
        let title = existing.map { LocalizedText("修改任务 · \($0.title)", "Edit task · \($0.title)") } ?? LocalizedText("发布新任务", "New task")
        var fields = [
            FormField(id: "title", label: LocalizedText("任务名称", "Title"), value: existing?.title ?? "", required: true,
                      placeholder: LocalizedText("例如 防诈骗宣传进社区", "e.g. 防诈骗宣传进社区")),
            FormField.choice(id: "category", label: LocalizedText("类别", "Category"), value: existing?.category.rawValue ?? TaskCategory.other.rawValue,
                             options: TaskCategory.allCases.map { ($0.rawValue, $0.label) }),
            FormField.choice(id: "audience", label: LocalizedText("认领对象", "Who may claim"), value: existing?.audience.rawValue ?? TaskAudience.both.rawValue,
                             options: TaskAudience.allCases.map { ($0.rawValue, $0.label) }),
            FormField(id: "starts", label: LocalizedText("开始时间", "Starts"), value: existing?.startsAt ?? "\(day) 09:00", required: true,
                      normalise: FormField.typedDate, validate: time),
            FormField(id: "ends", label: LocalizedText("结束时间", "Ends"), value: existing?.endsAt ?? "\(day) 11:30", required: true,
                      normalise: FormField.typedDate, validate: time),
            FormField(id: "place", label: LocalizedText("地点", "Place"), value: existing?.place ?? "", required: true),
            FormField(id: "places", label: LocalizedText("名额", "Places"), value: existing.map { String($0.places) } ?? "10", required: true,
                      numeric: true, validate: number(1...10_000)),
            FormField(id: "points", label: LocalizedText("每人积分", "Points each"), value: existing.map { String($0.points) } ?? "10", required: true,
                      numeric: true, validate: number(0...1_000)),
            FormField(id: "description", label: LocalizedText("说明", "Description"), value: existing?.description ?? "", lines: 3),
        ]
        if existing == nil {
            fields.append(FormField.choice(id: "publish", label: LocalizedText("保存方式", "Save as"), value: publishNow,
                                           options: [(publishNow, LocalizedText(publishNow, "publish now")), (keepDraft, LocalizedText(keepDraft, "save as a draft"))]))
        }
        let now = TaskScreen.now(ctx)
        return FormState(title: title, fields: fields) { values, ctx in
            let draft = TaskDraft(title: values["title"], category: TaskCategory(rawValue: values["category"]) ?? .other,
                                  audience: TaskAudience(rawValue: values["audience"]) ?? .both, startsAt: values["starts"], endsAt: values["ends"],
                                  place: values["place"], places: Int(values["places"]) ?? 0, points: Int(values["points"]) ?? -1,
                                  description: values["description"])
            do {
                if let existing, let id = existing.id {
                    let saved = try ctx.db.updateTask(id: id, draft, by: ctx.signedIn, now: now)
                    return [.ok(LocalizedText("已保存任务「\(saved.title)」。", "Saved “\(saved.title)”.")), .select(.task(id))]
                }
                let publish = values["publish"] != keepDraft
                let made = try ctx.db.createTask(draft, publish: publish, by: ctx.signedIn)
                return [.ok(publish ? LocalizedText("已发布任务「\(made.title)」。", "Published “\(made.title)”.")
                                    : LocalizedText("已存为草稿「\(made.title)」，按 p 发布。", "Saved “\(made.title)” as a draft; press p to publish.")),
                        .select(.task(made.id ?? 0))]
            } catch let error as TaskError {
                throw FieldError(field: field(for: error), message: error.message)
            }
        }
    }

    static func time(_ text: String) -> LocalizedText? {
        do { _ = try TaskValidation.normalizedTime(text); return nil } catch { return userMessage(for: error) }
    }

    static func number(_ range: ClosedRange<Int>) -> (String) -> LocalizedText? {
        { text in
            guard let n = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(n) else {
                return LocalizedText("请填 \(range.lowerBound) 到 \(range.upperBound) 之间的整数", "Enter a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return nil
        }
    }

    private static func field(for error: TaskError) -> String {
        switch error {
        case .emptyTitle, .titleTooLong, .notDraft, .alreadyCancelled, .ended, .reasonRequired: return "title"
        case .emptyPlace: return "place"
        case .badTime, .endsBeforeStart: return "ends"
        case .badPlaces, .placesBelowTaken: return "places"
        case .badPoints: return "points"
        }
    }

    /// Claim on behalf of someone who phoned in or came to the desk, picked from the roster as you type:
    /// name, pinyin or its initials, phone tail, member code or organisation name.
    static func claimFor(_ task: VolunteerTask, now: String) -> FormState {
        var who = FormField(id: "who", label: LocalizedText("认领人", "Claimant"), required: true,
                            placeholder: LocalizedText("姓名、拼音首字母、手机尾号、党员编号或单位", "name, pinyin initials, phone tail, member code or unit"))
        who.lookup = Lookup(search: RosterPicks.claimants)
        return FormState(title: LocalizedText("代为认领 · \(task.title)", "Claim on behalf · \(task.title)"), fields: [who]) { values, ctx in
            guard let taskId = task.id else { return [] }
            let found = try values.picked["who"].flatMap { RosterPicks.claimant(for: $0, ctx) } ?? ctx.db.findClaimant(values["who"])
            guard let who = found else {
                throw FieldError(field: "who", message: ClaimError.unknownClaimant(values["who"]).message)
            }
            do {
                try ctx.db.claimTask(id: taskId, for: who.holder, by: ctx.signedIn, now: now)
            } catch let error as ClaimError {
                throw FieldError(field: "who", message: error.message)
            }
            return [.ok(LocalizedText("已为\(who.displayName)认领「\(task.title)」。", "\(who.displayName) now holds a place on “\(task.title)”.")), .reload]
        }
    }

    static func reply(_ claim: ClaimRow, now: String) -> FormState {
        FormState(title: LocalizedText("登记回复 · \(claim.claimantDisplayName)", "Report back · \(claim.claimantDisplayName)"), fields: [
            FormField(id: "note", label: LocalizedText("完成情况", "What was done"), required: true,
                      placeholder: LocalizedText("例如 按时到岗，发放宣传册 300 份", "e.g. on time, handed out 300 leaflets")),
        ]) { values, ctx in
            try ctx.db.replyToClaim(id: claim.id, note: values["note"], by: ctx.signedIn, now: now)
            return [.ok(LocalizedText("已登记回复，进入审核队列。", "Report recorded; the claim is in the review queue.")), .reload]
        }
    }

    static func reject(_ ids: [Int64]) -> FormState {
        FormState(title: LocalizedText("驳回 \(ids.count) 条认领", "Reject \(ids.count) claim(s)"), fields: [
            FormField(id: "reason", label: LocalizedText("驳回原因", "Reason"), required: true,
                      placeholder: LocalizedText("认领人会看到，例如 请补充现场照片", "the claimant sees it, e.g. please add photos")),
        ]) { values, ctx in
            let done = try ctx.db.rejectClaims(ids, reason: values["reason"], by: ctx.signedIn)
            return [.ok(LocalizedText("已驳回 \(done.changed.count) 条认领。", "Rejected \(done.changed.count) claim(s).")), .reload]
        }
    }

    /// Cancels the task; the claimants whose claims went with it are listed so the office can tell them.
    static func cancel(_ task: VolunteerTask, now: String) -> FormState {
        FormState(title: LocalizedText("取消任务 · \(task.title)", "Cancel task · \(task.title)"), fields: [
            FormField(id: "reason", label: LocalizedText("取消原因", "Reason"), required: true,
                      placeholder: LocalizedText("认领人会被告知，例如 暴雨预警", "claimants are told, e.g. storm warning")),
        ]) { values, ctx in
            guard let id = task.id else { return [] }
            let result = try ctx.db.cancelTask(id: id, reason: values["reason"], by: ctx.signedIn, now: now)
            let n = result.cancelledClaims.count
            var effects: [Effect] = [.ok(LocalizedText("已取消任务「\(task.title)」，\(n) 条认领随之取消。", "Cancelled “\(task.title)”; \(n) claim(s) cancelled with it.")), .reload]
            if n > 0 {
                let lines = [LocalizedText("请通知以下认领人（原因：\(values["reason"])）：", "Please tell these claimants (reason: \(values["reason"])):").text(), ""]
                    + result.cancelledClaims.map { "· \($0.claimantDisplayName)" }
                effects.append(.present(.text(TextPage(title: LocalizedText("需要通知的认领人", "Claimants to tell"), lines: lines))))
            }
            return effects
        }
    }

    static func revoke(_ claim: ClaimRow) -> FormState {
        FormState(title: LocalizedText("撤销审核通过 · \(claim.claimantDisplayName)", "Revoke approval · \(claim.claimantDisplayName)"), fields: [
            FormField(id: "reason", label: LocalizedText("撤销原因", "Reason"), required: true,
                      placeholder: LocalizedText("例如 误点通过", "e.g. approved by mistake")),
        ]) { values, ctx in
            let reversal = try ctx.db.revokeApproval(claimId: claim.id, reason: values["reason"], by: ctx.signedIn)
            let points = reversal.map { -$0.amount } ?? 0
            return [.ok(LocalizedText("已撤销，冲正 \(points) 积分，认领回到审核队列。", "Revoked: \(points) points reversed; the claim is back in the review queue.")), .reload]
        }
    }

    static func reverse(_ entry: LedgerEntry) -> FormState {
        FormState(title: LocalizedText("冲正积分记录 #\(entry.id ?? 0)（\(entry.amount)）", "Reverse entry #\(entry.id ?? 0) (\(entry.amount))"), fields: [
            FormField(id: "reason", label: LocalizedText("冲正原因", "Reason"), required: true),
        ]) { values, ctx in
            guard let id = entry.id else { return [] }
            let r = try ctx.db.reverseEntry(id: id, reason: values["reason"], by: ctx.signedIn)
            return [.ok(LocalizedText("已冲正：记一笔 \(r.amount) 积分。", "Reversed: an entry of \(r.amount) points.")), .reload]
        }
    }
}
