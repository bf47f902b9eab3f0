import Foundation

/// What a roster CSV may contain, and how its header line maps onto fields.
enum ImportField: String, Sendable {
    case name, phone, organisation, level, code, reportedOn, contact, state

    /// Which of the shared `TextRules` the column's text must pass before its own rule is applied.
    var textKind: TextFieldKind {
        switch self {
        case .name, .contact, .organisation: return .name
        case .code: return .code
        case .phone, .level, .reportedOn, .state: return .value
        }
    }

    /// The field named in a message about its text.
    var label: LocalizedText {
        switch self {
        case .name: return LocalizedText("名字", "Name")
        case .phone: return RosterValidation.phoneField
        case .organisation: return LocalizedText("单位", "Organisation")
        case .level: return LocalizedText("级别", "Level")
        case .code: return RosterValidation.codeField
        case .reportedOn: return LocalizedText("报到日期", "Reported on")
        case .contact: return RosterValidation.contactField
        case .state: return LocalizedText("状态", "State")
        }
    }
}

struct ImportColumn: Sendable {
    var field: ImportField
    /// The name shown when the column is missing: the Chinese header a template would use.
    var label: LocalizedText
    /// Header names accepted, Chinese first, then English; compared after `RosterImportColumns.normalise`.
    var aliases: [String]
    var required: Bool
}

enum RosterImportColumns {
    static func columns(for kind: RosterImportKind) -> [ImportColumn] {
        switch kind {
        case .members:
            return [
                ImportColumn(field: .name, label: LocalizedText("姓名", "name"), aliases: ["姓名", "党员姓名", "name"], required: true),
                ImportColumn(field: .phone, label: LocalizedText("手机", "phone"),
                             aliases: ["手机", "手机号", "手机号码", "电话", "联系电话", "phone", "mobile"], required: true),
                ImportColumn(field: .organisation, label: LocalizedText("单位", "organisation"),
                             aliases: ["单位", "报到单位", "所在单位", "工作单位", "单位名称", "所属单位", "报到单位党组织", "organisation", "organization", "unit"], required: true),
                ImportColumn(field: .level, label: LocalizedText("级别", "level"), aliases: ["级别", "层级", "level"], required: false),
                ImportColumn(field: .code, label: LocalizedText("党员编号", "member_code"),
                             aliases: ["党员编号", "编号", "member_code", "membercode", "code"], required: true),
                ImportColumn(field: .reportedOn, label: LocalizedText("报到日期", "reported_on"),
                             aliases: ["报到日期", "报到时间", "reported_on", "reportedon", "reported", "date"], required: false),
                ImportColumn(field: .state, label: LocalizedText("状态", "state"),
                             aliases: ["状态", "在册状态", "state", "status"], required: false),
            ]
        case .organisations:
            return [
                ImportColumn(field: .name, label: LocalizedText("名称", "name"),
                             aliases: ["名称", "单位名称", "党组织名称", "单位", "name"], required: true),
                ImportColumn(field: .level, label: LocalizedText("级别", "level"), aliases: ["级别", "层级", "level"], required: true),
                ImportColumn(field: .contact, label: LocalizedText("联系人", "contact"), aliases: ["联系人", "contact"], required: true),
                ImportColumn(field: .phone, label: LocalizedText("电话", "phone"),
                             aliases: ["电话", "联系电话", "手机", "手机号", "phone", "mobile"], required: true),
                ImportColumn(field: .reportedOn, label: LocalizedText("报到日期", "reported_on"),
                             aliases: ["报到日期", "报到时间", "reported_on", "reportedon", "reported", "date"], required: false),
                ImportColumn(field: .state, label: LocalizedText("状态", "state"),
                             aliases: ["状态", "在册状态", "state", "status"], required: false),
            ]
        }
    }

    /// "  手机号* " → "手机号", "Member Code" → "membercode": templates mark required columns with * and
    /// people type English headers in any case and spacing.
    static func normalise(_ header: String) -> String {
        var h = header.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{FEFF}")))
        // "手机号码（11位）", "level (市直/区直)": a note in brackets is not part of the name.
        if let open = h.firstIndex(where: { $0 == "(" || $0 == "（" }), open != h.startIndex { h = String(h[..<open]) }
        h = h.trimmingCharacters(in: .whitespaces)
        while let last = h.last, last == "*" || last == "＊" { h.removeLast() }
        return h.lowercased().filter { $0 != " " && $0 != "_" && $0 != "-" && $0 != "\u{3000}" }
    }

    /// Where each field is in the file, and the headers as written (for problem locations).
    struct Mapping {
        var index: [ImportField: Int] = [:]
        var header: [String]
        func column(_ field: ImportField) -> (name: String, number: Int)? {
            guard let i = index[field] else { return nil }
            return (header[i].trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{FEFF}"))), i + 1)
        }
    }

    /// Maps the header line; problems are a required column missing or a field given twice.
    static func map(_ header: [String], kind: RosterImportKind) -> (Mapping, [ImportProblem]) {
        var mapping = Mapping(header: header)
        var problems: [ImportProblem] = []
        let columns = columns(for: kind)
        for (i, raw) in header.enumerated() {
            let name = normalise(raw)
            guard !name.isEmpty,
                  let column = columns.first(where: { $0.aliases.contains { normalise($0) == name } }) else { continue }
            if let first = mapping.index[column.field] {
                problems.append(ImportProblem(line: 1, column: raw.trimmingCharacters(in: .whitespaces), columnNumber: i + 1,
                    message: LocalizedText("与第 \(first + 1) 列重复（都是“\(column.label.zh)”），请删掉其中一列。",
                                           "repeats column \(first + 1) (both are “\(column.label.en)”); remove one of them.")))
            } else {
                mapping.index[column.field] = i
            }
        }
        for column in columns where column.required && mapping.index[column.field] == nil {
            let accepted = column.aliases.joined(separator: " / ")
            problems.append(ImportProblem(line: 1, message: LocalizedText(
                "表头缺少“\(column.label.zh)”列（可用的列名：\(accepted)）。",
                "the header has no “\(column.label.en)” column (accepted names: \(accepted)).")))
        }
        return (mapping, problems)
    }

    /// "王　芳" and "王  芳" → "王芳": Chinese rosters pad two-character names to line them up with
    /// three-character ones. Spaces next to Latin letters ("Maria Li") are kept.
    static func normaliseName(_ text: String) -> String {
        let chars = Array(text.trimmingCharacters(in: .whitespacesAndNewlines))
        var out = ""
        for (i, ch) in chars.enumerated() {
            if ch.isWhitespace {
                let before = chars[..<i].last { !$0.isWhitespace }
                let after = chars[(i + 1)...].first { !$0.isWhitespace }
                if let before, let after, !before.isASCII, !after.isASCII { continue }
            }
            out.append(ch)
        }
        return out
    }

    /// Dates as Excel and WPS rewrite them — 2024/3/1, 2024.3.1, 2024年3月1日 — become 2024-03-01.
    static func normaliseDate(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(whereSeparator: { "/.-年月日 ".contains($0) })
        guard parts.count == 3, parts[0].count == 4, parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              parts[1].count <= 2, parts[2].count <= 2 else { return trimmed }
        return String(format: "%04d-%02d-%02d", y, m, d)
    }
}
