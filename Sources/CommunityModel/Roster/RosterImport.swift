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
    public static func detect(csv: Data) -> RosterImportKind? { detect(.data(csv)) }

    /// The same for a file, reading only its first lines.
    public static func detect(_ source: CSVSource) -> RosterImportKind? {
        let fitting = allCases.filter { kind in
            guard let importer = try? RosterImport(kind: kind, source: source, today: "") else { return false }
            return importer.mapping.index.count > 0
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

/// Which pass of an import a progress report is about: the check of every line, then the writing.
public enum ImportPhase: Sendable, Equatable {
    case checking, writing
}

/// Reads a roster CSV record by record (never the whole file in memory), checks every line against the
/// field rules and the database, and either reports every problem (writing nothing) or hands the rows on.
struct RosterImport {
    var kind: RosterImportKind
    var source: CSVSource
    var mapping: RosterImportColumns.Mapping
    var today: String
    var encoding: SourceEncoding
    /// How many records precede the first data line (the header, and a title row or blank lines above it).
    var recordsBeforeData: Int

    /// Reads the first lines to find the header and map its columns.
    /// - Throws: `RosterImportError` for an unreadable file, an empty one, or a header that lacks columns.
    init(kind: RosterImportKind, source: CSVSource, today: String) throws {
        self.kind = kind
        self.source = source
        self.today = today
        var stream = try CSVStream(source)
        encoding = stream.encoding
        var first: [CSVStream.Record] = []
        while first.count < 6, let record = try stream.next() { first.append(record) }
        guard let line1 = first.first, !(first.allSatisfy(\.isBlank)) else { throw RosterImportError.empty }
        var header = line1
        var headerIndex = 0
        // A sheet title such as "朝东社区在职党员名册" or blank lines above the table: the real header is
        // the first of the next lines whose names fit, when line 1 names no known column.
        if RosterImportColumns.map(line1.fields, kind: kind).0.index.isEmpty,
           let index = first.indices.dropFirst().first(where: { RosterImportColumns.map(first[$0].fields, kind: kind).1.isEmpty }) {
            header = first[index]
            headerIndex = index
        }
        recordsBeforeData = headerIndex + 1
        var (mapping, headerProblems) = RosterImportColumns.map(header.fields, kind: kind)
        for i in headerProblems.indices where headerProblems[i].line == 1 { headerProblems[i].line = header.line }
        self.mapping = mapping
        // A broken header makes every line's findings noise: report the header alone.
        if !headerProblems.isEmpty { throw RosterImportError.problems(headerProblems) }
    }

    /// Streams the data lines (blank ones counted, not handed on). Returns (data lines, blank lines).
    @discardableResult
    func eachRecord(progress: ((Int64, Int64) -> Void)? = nil, _ body: (CSVStream.Record) throws -> Void) throws -> (rows: Int, blank: Int) {
        var stream = try CSVStream(source)
        var skipped = 0, rows = 0, blank = 0
        while let record = try stream.next() {
            if skipped < recordsBeforeData { skipped += 1; continue }
            if record.isBlank && record.badBytes.isEmpty { blank += 1; continue }
            rows += 1
            try body(record)
            if rows % 2048 == 0 { progress?(stream.bytesRead, stream.totalBytes) }
        }
        progress?(stream.totalBytes, stream.totalBytes)
        if rows == 0 { throw RosterImportError.noRows }
        return (rows, blank)
    }

    // MARK: Reading one record

    /// The field's raw text (trimmed), or nil when the file has no such column.
    func value(_ field: ImportField, in record: CSVStream.Record) -> String? {
        guard let i = mapping.index[field] else { return nil }
        // Our own export writes codes as ="…" and formula-like text with a leading ': read back as they were.
        return i < record.fields.count ? TextRules.unneutralised(record.fields[i].trimmingCharacters(in: .whitespacesAndNewlines)) : ""
    }

    /// The field's text after the shared text rules (`TextRules`) for its kind of content.
    func text(_ field: ImportField, in record: CSVStream.Record) throws -> String {
        try TextRules.check(value(field, in: record) ?? "", field.textKind, field: field.label)
    }

    /// Collects problems while the lines are checked: a failed field rule becomes one problem at its line and column.
    final class Problems {
        let mapping: RosterImportColumns.Mapping
        var list: [ImportProblem] = []
        init(mapping: RosterImportColumns.Mapping) { self.mapping = mapping }

        func report(_ record: CSVStream.Record, _ field: ImportField?, _ message: LocalizedText) {
            let column = field.flatMap { mapping.column($0) }
            let value = field.flatMap { f in mapping.index[f].flatMap { $0 < record.fields.count ? record.fields[$0] : nil } }
            list.append(ImportProblem(line: record.line, column: column?.name, columnNumber: column?.number, value: value, message: message))
        }

        /// A byte that is not text in the file's encoding, by line and column.
        func reportBadBytes(_ record: CSVStream.Record, encoding: SourceEncoding) {
            for bad in record.badBytes {
                let name = bad.field < mapping.header.count ? mapping.header[bad.field].trimmingCharacters(in: .whitespaces) : nil
                list.append(ImportProblem(line: bad.line, column: name, columnNumber: bad.field + 1,
                                          value: bad.field < record.fields.count ? record.fields[bad.field] : nil,
                                          message: LocalizedText("第 \(bad.character) 个字符不是有效的 \(encoding.rawValue) 文字（文件可能已损坏或混用了编码），请改正后再导入。",
                                                                 "character \(bad.character) is not valid \(encoding.rawValue) text (the file may be damaged or mix encodings); correct it and import again.")))
            }
        }

        /// Runs a field's rule; a field whose bytes were already reported as undecodable is not checked again.
        func check<T>(_ record: CSVStream.Record, _ field: ImportField, _ rule: () throws -> T) -> T? {
            if let i = mapping.index[field], record.badBytes.contains(where: { $0.field == i }) { return nil }
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

    func checkFieldCount(_ record: CSVStream.Record, _ problems: Problems) {
        let extra = record.fields.dropFirst(mapping.header.count)
        if extra.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            problems.report(record, nil, LocalizedText(
                "本行有 \(record.fields.count) 个值，比表头的 \(mapping.header.count) 列多；可能某个值里有逗号却没加引号。",
                "this line has \(record.fields.count) values but the header has \(mapping.header.count) columns; a value may contain a comma without quotes."))
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

    /// Blank or absent: reported today.
    func validDate(_ text: String?) throws -> String {
        guard let text, !text.isEmpty else { return today }
        return try RosterValidation.date(RosterImportColumns.normaliseDate(text))
    }
}

/// A rule of the import itself (not of the roster), e.g. a code repeated within the file.
struct RosterImportFieldError: UserFacingError {
    var message: LocalizedText
}
