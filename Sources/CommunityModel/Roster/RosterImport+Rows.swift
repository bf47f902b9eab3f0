import Foundation
import GRDB

extension RosterImport {
    // MARK: Members

    /// Every member line checked against the rules, the organisations on the roster and the member codes in
    /// use; `each` gets every line that passed, in file order. Returns the number of lines and blank lines.
    @discardableResult
    func members(_ db: Database, _ problems: Problems, progress: ((Int64, Int64) -> Void)? = nil,
                 each: (Member) throws -> Void) throws -> (rows: Int, blank: Int) {
        var organisations: [String: (id: Int64, level: Organisation.Level)] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, name, level FROM organisation") {
            let level: Organisation.Level = row["level"]
            organisations[row["name"]] = (row["id"], level)
        }
        let codeInUse = try db.cachedStatement(sql: "SELECT 1 FROM member WHERE member_code = ?")
        var firstLineOfCode: [String: Int] = [:]
        var phones = try PhoneClaims(db)
        return try eachRecord(progress: progress) { record in
            problems.reportBadBytes(record, encoding: encoding)
            checkFieldCount(record, problems)
            let name = problems.check(record, .name) {
                try RosterValidation.required(RosterImportColumns.normaliseName(text(.name, in: record)), RosterValidation.nameField, max: 30, kind: .name)
            }
            let phone = problems.check(record, .phone) { try validPhone(text(.phone, in: record)) }
            let organisation = problems.check(record, .organisation) { () throws -> (id: Int64, level: Organisation.Level) in
                let required = try RosterValidation.required(text(.organisation, in: record), LocalizedText("报到单位", "Organisation"), kind: .name)
                guard let org = organisations[required] else {
                    // "公交集团" for "公交集团党委": name the one unit meant, so the fix is obvious.
                    let close = organisations.keys.filter { $0.contains(required) || required.contains($0) }
                    if close.count == 1, let name = close.first {
                        throw RosterImportFieldError(message: RosterError.unknownOrganisation(required).message
                            + LocalizedText("是不是“\(name)”？", " Did you mean “\(name)”?"))
                    }
                    throw RosterError.unknownOrganisation(required)
                }
                return org
            }
            var level: Member.Level?
            if let raw = value(.level, in: record), !raw.isEmpty {
                level = problems.check(record, .level) { try RosterValidation.memberLevel(text(.level, in: record)) }
            } else if let organisation {
                // Left blank: a member of a city-level unit is 市直, of a district one 区直.
                level = organisation.level == .city ? .city : .district
            }
            let code = problems.check(record, .code) { () throws -> String in
                let code = try RosterValidation.required(text(.code, in: record), RosterValidation.codeField, max: 30, kind: .code)
                if let first = firstLineOfCode[code] {
                    throw RosterImportFieldError(message: LocalizedText("党员编号“\(code)”与第 \(first) 行重复。",
                                                                        "member code “\(code)” repeats line \(first)."))
                }
                firstLineOfCode[code] = record.line
                if try Int.fetchOne(codeInUse, arguments: [code]) != nil { throw RosterError.duplicateMemberCode(code) }
                return code
            }
            let reported = problems.check(record, .reportedOn) { try validDate(text(.reportedOn, in: record)) }
            let active = problems.check(record, .state) { try validState(text(.state, in: record)) }
            if let phone, active != false {
                // One member, one phone, as the form has it: checked once the line's own fields are read, so the
                // other holder is named with their code.
                _ = problems.check(record, .phone) { try phones.claim(phone, line: record.line, name: name ?? "", code: code ?? "") }
            }
            if problems.list.isEmpty, let name, let phone, let organisation, let level, let code, let reported, let active {
                try each(Member(name: name, phone: phone, organisationId: organisation.id, level: level,
                                memberCode: code, reportedOn: reported, active: active))
            }
        }
    }

    // MARK: Organisations

    @discardableResult
    func organisations(_ db: Database, _ problems: Problems, progress: ((Int64, Int64) -> Void)? = nil,
                       each: (Organisation) throws -> Void) throws -> (rows: Int, blank: Int) {
        let nameInUse = try db.cachedStatement(sql: "SELECT 1 FROM organisation WHERE name = ?")
        var firstLineOfName: [String: Int] = [:]
        return try eachRecord(progress: progress) { record in
            problems.reportBadBytes(record, encoding: encoding)
            checkFieldCount(record, problems)
            let name = problems.check(record, .name) { () throws -> String in
                let name = try RosterValidation.required(text(.name, in: record), RosterValidation.orgNameField, max: 60, kind: .name)
                if let first = firstLineOfName[name] {
                    throw RosterImportFieldError(message: LocalizedText("单位“\(name)”与第 \(first) 行重复。",
                                                                        "organisation “\(name)” repeats line \(first)."))
                }
                firstLineOfName[name] = record.line
                if try Int.fetchOne(nameInUse, arguments: [name]) != nil { throw RosterError.duplicateOrganisation(name) }
                return name
            }
            let level = problems.check(record, .level) { () throws -> Organisation.Level in
                let raw = try text(.level, in: record)
                if raw.isEmpty { throw RosterError.required(LocalizedText("级别", "Level")) }
                return try RosterValidation.organisationLevel(raw)
            }
            let contact = problems.check(record, .contact) {
                try RosterValidation.required(RosterImportColumns.normaliseName(text(.contact, in: record)), RosterValidation.contactField, max: 30, kind: .name)
            }
            let phone = problems.check(record, .phone) { try validPhone(text(.phone, in: record)) }
            let reported = problems.check(record, .reportedOn) { try validDate(text(.reportedOn, in: record)) }
            let active = problems.check(record, .state) { try validState(text(.state, in: record)) }
            if problems.list.isEmpty, let name, let level, let contact, let phone, let reported, let active {
                try each(Organisation(name: name, level: level, contact: contact, phone: phone, active: active, reportedOn: reported))
            }
        }
    }
}
