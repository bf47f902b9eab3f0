import CommunityModel

/// Add/edit forms for the roster. Each field checks itself as the user leaves it; the store checks
/// again inside its transaction (duplicates), and its refusal lands on the field it concerns.
enum RosterForms {
    static let noOrganisation = "（无）"

    static func member(_ existing: MemberRow?, _ ctx: AppContext) -> FormState {
        let organisations = (try? ctx.db.organisationChoices()) ?? []
        var unit = FormField(id: "organisation", label: LocalizedText("报到单位", "Organisation"), value: existing?.organisationName ?? "",
                             placeholder: LocalizedText("无；输入单位名称或拼音首字母选择", "none; type a name or pinyin initials to pick"))
        unit.lookup = Lookup(search: { query, _ in RosterPicks.organisations(query, organisations) })
        let title = existing == nil ? LocalizedText("新增在职党员", "Add member") : LocalizedText("修改党员 · \(existing?.name ?? "")", "Edit member · \(existing?.name ?? "")")
        return FormState(title: title, fields: [
            FormField(id: "name", label: LocalizedText("姓名", "Name"), value: existing?.name ?? "", required: true),
            FormField(id: "phone", label: LocalizedText("手机", "Mobile"), value: existing?.phone ?? "", required: true,
                      placeholder: LocalizedText("11 位手机号", "11-digit mobile"), validate: check(RosterValidation.normalisedPhone)),
            unit,
            FormField.choice(id: "level", label: LocalizedText("级别", "Level"), value: existing?.level.rawValue ?? Member.Level.district.rawValue,
                             options: Member.Level.allCases.map { ($0.rawValue, $0.label) }),
            FormField(id: "code", label: LocalizedText("党员编号", "Member code"), value: existing?.memberCode ?? "", required: true),
            FormField(id: "reported", label: LocalizedText("报到日期", "Reported on"), value: existing?.reportedOn ?? ctx.today, required: true,
                      placeholder: LocalizedText("年-月-日", "yyyy-mm-dd"), normalise: FormField.typedDate, validate: check(RosterValidation.date)),
        ]) { values, ctx in
            let orgId = organisations.first { $0.name == values["organisation"] }?.id
            if orgId == nil && !values["organisation"].isEmpty && values["organisation"] != noOrganisation {
                throw FieldError(field: "organisation", message: RosterError.unknownOrganisation(values["organisation"]).message)
            }
            var member = Member(id: existing?.id, name: values["name"], phone: values["phone"], organisationId: orgId,
                                level: Member.Level(rawValue: values["level"]) ?? .district, memberCode: values["code"],
                                reportedOn: values["reported"], active: existing?.active ?? true)
            do {
                if existing == nil {
                    member = try ctx.db.addMember(member, by: ctx.signedIn)
                    return [.ok(LocalizedText("已新增党员 \(member.name)。", "Added member \(member.name).")), .select(.member(member.id ?? 0))]
                }
                try ctx.db.updateMember(member, by: ctx.signedIn)
                return [.ok(LocalizedText("已保存 \(member.name) 的修改。", "Saved changes to \(member.name).")), .select(.member(member.id ?? 0))]
            } catch let error as RosterError {
                throw FieldError(field: field(for: error, member: true), message: error.message)
            }
        }
    }

    static func organisation(_ existing: Organisation?) -> FormState {
        let title = existing == nil ? LocalizedText("新增报到单位", "Add organisation") : LocalizedText("修改单位 · \(existing?.name ?? "")", "Edit organisation · \(existing?.name ?? "")")
        return FormState(title: title, fields: [
            FormField(id: "name", label: LocalizedText("单位党组织", "Organisation"), value: existing?.name ?? "", required: true,
                      placeholder: LocalizedText("例如 公交集团党委", "e.g. 公交集团党委")),
            FormField.choice(id: "level", label: LocalizedText("级别", "Level"), value: existing?.level.rawValue ?? Organisation.Level.district.rawValue,
                             options: Organisation.Level.allCases.map { ($0.rawValue, $0.label) }),
            FormField(id: "contact", label: LocalizedText("联系人", "Contact"), value: existing?.contact ?? "", required: true),
            FormField(id: "phone", label: LocalizedText("电话", "Phone"), value: existing?.phone ?? "", required: true,
                      placeholder: LocalizedText("11 位手机号", "11-digit mobile"), validate: check(RosterValidation.normalisedPhone)),
            FormField(id: "reported", label: LocalizedText("报到日期", "Reported on"), value: existing?.reportedOn ?? Day.today(), required: true,
                      normalise: FormField.typedDate, validate: check(RosterValidation.date)),
        ]) { values, ctx in
            var org = Organisation(id: existing?.id, name: values["name"], level: Organisation.Level(rawValue: values["level"]) ?? .district,
                                   contact: values["contact"], phone: values["phone"], active: existing?.active ?? true,
                                   reportedOn: values["reported"])
            do {
                if existing == nil {
                    org = try ctx.db.addOrganisation(org, by: ctx.signedIn)
                    return [.ok(LocalizedText("已新增单位 \(org.name)。", "Added \(org.name).")), .select(.organisation(org.id ?? 0))]
                }
                try ctx.db.updateOrganisation(org, by: ctx.signedIn)
                return [.ok(LocalizedText("已保存 \(org.name) 的修改。", "Saved changes to \(org.name).")), .select(.organisation(org.id ?? 0))]
            } catch let error as RosterError {
                throw FieldError(field: field(for: error, member: false), message: error.message)
            }
        }
    }

    /// Turns a throwing validator into a field rule: its error's message, or nil.
    static func check<T>(_ rule: @escaping (String) throws -> T) -> (String) -> LocalizedText? {
        { text in
            do { _ = try rule(text); return nil } catch { return userMessage(for: error) }
        }
    }

    private static func field(for error: RosterError, member: Bool) -> String {
        switch error {
        case .badPhone, .phoneInUse: return "phone"
        case .badDate: return "reported"
        case .duplicateMemberCode: return "code"
        case .duplicateOrganisation: return "name"
        case .unknownOrganisation: return "organisation"
        case .badLevel: return "level"
        case .required, .tooLong: return "name"
        }
    }
}

extension RosterForms {
    /// Asks for a CSV file and imports it whole. Problems come back as a page listing every line and
    /// column, and nothing is written until the file is clean.
    static func importFile(_ kind: RosterImportKind) -> FormState {
        FormState(title: LocalizedText("导入\(kind.label.zh)", "Import \(kind.label.en)"), fields: [
            FormField(id: "path", label: LocalizedText("CSV 文件", "CSV file"), required: true,
                      placeholder: LocalizedText("例如 ~/下载/党员名单.csv", "e.g. ~/Downloads/members.csv")),
        ]) { values, ctx in
            let path = (values["path"] as NSString).expandingTildeInPath
            guard FileManager.default.isReadableFile(atPath: path) else {
                throw FieldError(field: "path", message: LocalizedText("读不到文件 \(path)，请检查路径。", "Cannot read \(path); check the path."))
            }
            do {
                // Read in blocks, never whole: a large file does not fill the memory of the desk's machine.
                let summary = try ctx.db.importRoster(kind, from: .file(URL(fileURLWithPath: path)), by: ctx.signedIn, today: ctx.today)
                return [.ok(LocalizedText("已从 \((path as NSString).lastPathComponent) 导入 \(summary.rows) 条\(kind.label.zh)记录。",
                                          "Imported \(summary.rows) \(kind.label.en) from \((path as NSString).lastPathComponent).")), .reload]
            } catch RosterImportError.problems(let problems) {
                let page = TextPage(title: LocalizedText("导入未执行：\(problems.count) 处问题", "Nothing imported: \(problems.count) problem(s)"),
                                    // Every problem, wrapped to the window (a long message is never cut off), scrollable.
                                    lines: (problems.map(\.text) + [LocalizedText("", ""), LocalizedText(
                                        "改正文件后按 i 重新导入（community import --errors 文件 可导出全部问题）。",
                                        "Fix the file, then press i again (community import --errors FILE writes them all to a table).")])
                                        .flatMap { TextFit.wrap($0.text(), width: max(30, ctx.bodyWidth - 6)) })
                return [.present(.text(page)), .error(LocalizedText("文件有 \(problems.count) 处问题，未导入任何记录。", "The file has \(problems.count) problem(s); nothing was imported."))]
            }
        }
    }
}

import Foundation
