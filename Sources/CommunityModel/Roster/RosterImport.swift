import Foundation
import GRDB

/// What a roster CSV holds. `community import --what` names one of these.
public enum RosterImportKind: String, Sendable, CaseIterable {
    case members, organisations

    public var label: LocalizedText {
        switch self {
        case .members: return LocalizedText("在职党员", "members")
        case .organisations: return LocalizedText("报到单位", "organisations")
        }
    }
}

extension RosterImportKind {
    /// Guesses what a file holds from its header (for `community import FILE` without `--what`): the kind
    /// whose required columns are all there. Nil when the file cannot be read or neither (or both) fit.
    public static func detect(csv: Data) -> RosterImportKind? {
        guard let text = try? CSVText.parse(csv) else { return nil }
        let fitting = allCases.filter { kind in
            var located = text
            located.locateHeader(recognises: { !RosterImportColumns.map($0, kind: kind).0.index.isEmpty },
                                 fits: { RosterImportColumns.map($0, kind: kind).1.isEmpty })
            return RosterImportColumns.map(located.header, kind: kind).1.isEmpty
        }
        return fitting.count == 1 ? fitting[0] : nil
    }
}

/// What an import wrote (or, for a check, would write).
public struct ImportSummary: Sendable, Equatable {
    public var kind: RosterImportKind
    public var rows: Int
    public var blankLinesSkipped: Int
    public var encoding: SourceEncoding
}

/// Reads a roster CSV whole, checks every line against the field rules and the database, and either
/// reports every problem (writing nothing) or hands back the rows to write.
struct RosterImport {
    var kind: RosterImportKind
    var csv: CSVText
    var mapping: RosterImportColumns.Mapping
    var today: String

    init(kind: RosterImportKind, data: Data, today: String) throws {
        self.kind = kind
        self.today = today
        csv = try CSVText.parse(data)
        csv.locateHeader(recognises: { !RosterImportColumns.map($0, kind: kind).0.index.isEmpty },
                         fits: { RosterImportColumns.map($0, kind: kind).1.isEmpty })
        var (mapping, headerProblems) = RosterImportColumns.map(csv.header, kind: kind)
        for i in headerProblems.indices where headerProblems[i].line == 1 { headerProblems[i].line = csv.headerLine }
        self.mapping = mapping
        // A broken header makes every line's findings noise: report the header alone.
        if !headerProblems.isEmpty { throw RosterImportError.problems(headerProblems) }
        if csv.records.allSatisfy(\.isBlank) { throw RosterImportError.noRows }
    }

    var dataRecords: [CSVText.Record] { csv.records.filter { !$0.isBlank } }
    var blankCount: Int { csv.records.count - dataRecords.count }

    // MARK: Reading one record

    func value(_ field: ImportField, in record: CSVText.Record) -> String? {
        guard let i = mapping.index[field] else { return nil }
        return i < record.fields.count ? record.fields[i].trimmingCharacters(in: .whitespacesAndNewlines) : ""
    }

    /// Collects problems while the lines are checked: a failed field rule becomes one problem at its line and column.
    final class Problems {
        let mapping: RosterImportColumns.Mapping
        var list: [ImportProblem] = []
        init(mapping: RosterImportColumns.Mapping) { self.mapping = mapping }

        func report(_ record: CSVText.Record, _ field: ImportField?, _ message: LocalizedText) {
            let column = field.flatMap { mapping.column($0) }
            list.append(ImportProblem(line: record.line, column: column?.name, columnNumber: column?.number, message: message))
        }

        func check<T>(_ record: CSVText.Record, _ field: ImportField, _ rule: () throws -> T) -> T? {
            do {
                return try rule()
            } catch let error as UserFacingError {
                report(record, field, error.message)
            } catch {
                report(record, field, userMessage(for: error))
            }
            return nil
        }

        /// In line order, and left to right within a line.
        var sorted: [ImportProblem] {
            list.enumerated().sorted { a, b in
                (a.element.line, a.element.columnNumber ?? 0, a.offset) < (b.element.line, b.element.columnNumber ?? 0, b.offset)
            }.map(\.element)
        }
    }

    func checkFieldCount(_ record: CSVText.Record, _ problems: Problems) {
        let extra = record.fields.dropFirst(csv.header.count)
        if extra.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            problems.report(record, nil, LocalizedText(
                "本行有 \(record.fields.count) 个值，比表头的 \(csv.header.count) 列多；可能某个值里有逗号却没加引号。",
                "this line has \(record.fields.count) values but the header has \(csv.header.count) columns; a value may contain a comma without quotes."))
        }
    }

    /// 11 digits, with a plain hint when Excel has turned the number into 1.38E+10.
    func validPhone(_ text: String) throws -> String {
        if text.isEmpty { throw RosterError.required(RosterValidation.phoneField) }
        if text.uppercased().contains("E+") {
            throw RosterImportFieldError(message: LocalizedText(
                "手机号“\(text)”被 Excel 显示成了科学计数法：请把该列设为“文本”格式，重新填写号码后再保存。",
                "phone “\(text)” was turned into scientific notation by Excel: format the column as Text, re-enter the numbers and save again."))
        }
        return try RosterValidation.normalisedPhone(Self.plainDigits(text))
    }

    /// "１３８…" typed with a Chinese input method, and a leading +86, become plain 11 digits.
    static func plainDigits(_ text: String) -> String {
        var out = String(text.unicodeScalars.map { scalar -> Character in
            if (0xFF10...0xFF19).contains(scalar.value), let ascii = Unicode.Scalar(scalar.value - 0xFF10 + 0x30) { return Character(ascii) }
            return Character(scalar)
        })
        out = out.trimmingCharacters(in: .whitespaces)
        for prefix in ["+86", "+ 86", "0086"] where out.hasPrefix(prefix) {
            out = String(out.dropFirst(prefix.count)).trimmingCharacters(in: CharacterSet(charactersIn: " -"))
            break
        }
        return out
    }

    /// Blank or absent: reported today.
    /// The 状态 column our own export writes, so an exported roster imports back as it was; blank means 在册.
    func validState(_ text: String?) throws -> Bool {
        switch (text ?? "").trimmingCharacters(in: .whitespaces).lowercased() {
        case "", "在册", "正常", "active", "是": return true
        case "已停用", "停用", "inactive", "否": return false
        default:
            throw RosterImportFieldError(message: LocalizedText("状态“\(text ?? "")”不对：应为“在册”或“已停用”（可留空，表示在册）。",
                                                                "state “\(text ?? "")” is not valid: use 在册 (active) or 已停用 (inactive), or leave it blank."))
        }
    }

    func validDate(_ text: String?) throws -> String {
        guard let text, !text.isEmpty else { return today }
        return try RosterValidation.date(RosterImportColumns.normaliseDate(text))
    }

    // MARK: Members

    /// Every member line checked against the rules, the organisations on the roster and the member codes in use.
    func members(_ db: Database, _ problems: Problems) throws -> [Member] {
        var organisations: [String: (id: Int64, level: Organisation.Level)] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT id, name, level FROM organisation") {
            let level: Organisation.Level = row["level"]
            organisations[row["name"]] = (row["id"], level)
        }
        let codeInUse = try db.cachedStatement(sql: "SELECT 1 FROM member WHERE member_code = ?")
        var firstLineOfCode: [String: Int] = [:]
        var result: [Member] = []
        for record in dataRecords {
            checkFieldCount(record, problems)
            let name = problems.check(record, .name) { try RosterValidation.required(RosterImportColumns.normaliseName(value(.name, in: record) ?? ""), RosterValidation.nameField, max: 30) }
            let phone = problems.check(record, .phone) { try validPhone(value(.phone, in: record) ?? "") }
            let orgName = value(.organisation, in: record) ?? ""
            let organisation = problems.check(record, .organisation) { () throws -> (id: Int64, level: Organisation.Level) in
                let required = try RosterValidation.required(orgName, LocalizedText("报到单位", "Organisation"))
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
            if let text = value(.level, in: record), !text.isEmpty {
                level = problems.check(record, .level) { try RosterValidation.memberLevel(text) }
            } else if let organisation {
                // Left blank: a member of a city-level unit is 市直, of a district one 区直.
                level = organisation.level == .city ? .city : .district
            }
            let code = problems.check(record, .code) { () throws -> String in
                let code = try RosterValidation.required(value(.code, in: record) ?? "", RosterValidation.codeField, max: 30)
                if let first = firstLineOfCode[code] {
                    throw RosterImportFieldError(message: LocalizedText("党员编号“\(code)”与第 \(first) 行重复。",
                                                                        "member code “\(code)” repeats line \(first)."))
                }
                firstLineOfCode[code] = record.line
                if try Int.fetchOne(codeInUse, arguments: [code]) != nil { throw RosterError.duplicateMemberCode(code) }
                return code
            }
            let reported = problems.check(record, .reportedOn) { try validDate(value(.reportedOn, in: record)) }
            let active = problems.check(record, .state) { try validState(value(.state, in: record)) }
            if let name, let phone, let organisation, let level, let code, let reported, let active {
                result.append(Member(name: name, phone: phone, organisationId: organisation.id, level: level,
                                     memberCode: code, reportedOn: reported, active: active))
            }
        }
        return result
    }

    // MARK: Organisations

    func organisations(_ db: Database, _ problems: Problems) throws -> [Organisation] {
        let nameInUse = try db.cachedStatement(sql: "SELECT 1 FROM organisation WHERE name = ?")
        var firstLineOfName: [String: Int] = [:]
        var result: [Organisation] = []
        for record in dataRecords {
            checkFieldCount(record, problems)
            let name = problems.check(record, .name) { () throws -> String in
                let name = try RosterValidation.required(value(.name, in: record) ?? "", RosterValidation.orgNameField, max: 60)
                if let first = firstLineOfName[name] {
                    throw RosterImportFieldError(message: LocalizedText("单位“\(name)”与第 \(first) 行重复。",
                                                                        "organisation “\(name)” repeats line \(first)."))
                }
                firstLineOfName[name] = record.line
                if try Int.fetchOne(nameInUse, arguments: [name]) != nil { throw RosterError.duplicateOrganisation(name) }
                return name
            }
            let level = problems.check(record, .level) { () throws -> Organisation.Level in
                let text = value(.level, in: record) ?? ""
                if text.isEmpty { throw RosterError.required(LocalizedText("级别", "Level")) }
                return try RosterValidation.organisationLevel(text)
            }
            let contact = problems.check(record, .contact) { try RosterValidation.required(RosterImportColumns.normaliseName(value(.contact, in: record) ?? ""), RosterValidation.contactField, max: 30) }
            let phone = problems.check(record, .phone) { try validPhone(value(.phone, in: record) ?? "") }
            let reported = problems.check(record, .reportedOn) { try validDate(value(.reportedOn, in: record)) }
            let active = problems.check(record, .state) { try validState(value(.state, in: record)) }
            if let name, let level, let contact, let phone, let reported, let active {
                result.append(Organisation(name: name, level: level, contact: contact, phone: phone, active: active, reportedOn: reported))
            }
        }
        return result
    }
}

/// A rule of the import itself (not of the roster), e.g. a code repeated within the file.
struct RosterImportFieldError: UserFacingError {
    var message: LocalizedText
}

extension CommunityDatabase {
    /// `community import` and the roster screen's import: validates the whole file — encoding, header, every
    /// field of every line, organisations named, member codes and names already in use — and then writes all
    /// rows in one transaction, one audit line per row plus a summary. With any problem, nothing is written.
    /// - Parameters:
    ///   - csv: the file's bytes: UTF-8 with or without BOM, UTF-16 with BOM, or GB18030/GBK from Excel/WPS.
    ///   - dryRun: check only; nothing is written even when the file is fine.
    /// - Throws: `RosterImportError` (every problem with line and column), `LoginError.notPermitted` for the kiosk role.
    @discardableResult
    public func importRoster(_ kind: RosterImportKind, csv: Data, by actor: Actor?, today: String = Day.today(),
                             dryRun: Bool = false) throws -> ImportSummary {
        if let actor, !actor.role.mayUseDesk {
            throw LoginError.notPermitted(LocalizedText("导入名册", "import the roster"))
        }
        let importer = try RosterImport(kind: kind, data: csv, today: today)
        let summary = ImportSummary(kind: kind, rows: importer.dataRecords.count, blankLinesSkipped: importer.blankCount,
                                    encoding: importer.csv.encoding)
        try pool.write { db in
            switch kind {
            case .members:
                let problems = RosterImport.Problems(mapping: importer.mapping)
                let members = try importer.members(db, problems)
                if !problems.list.isEmpty { throw RosterImportError.problems(problems.sorted) }
                if dryRun { return }
                let ids = try RosterBulkWriter.insert(members, db)
                for (m, id) in zip(members, ids) {
                    try AuditEntry.record(db, by: actor, action: "member.import", target: "member:\(id)", detail: "\(m.name) \(m.memberCode)")
                }
            case .organisations:
                let problems = RosterImport.Problems(mapping: importer.mapping)
                let organisations = try importer.organisations(db, problems)
                if !problems.list.isEmpty { throw RosterImportError.problems(problems.sorted) }
                if dryRun { return }
                let ids = try RosterBulkWriter.insert(organisations, db)
                for (o, entry) in zip(organisations, ids) {
                    try AuditEntry.record(db, by: actor, action: "organisation.import", target: "organisation:\(entry.id)", detail: o.name)
                }
            }
            try AuditEntry.record(db, by: actor, action: "roster.import", target: kind.rawValue,
                                  detail: "\(summary.rows) rows, \(summary.encoding.rawValue)")
        }
        return summary
    }
}
