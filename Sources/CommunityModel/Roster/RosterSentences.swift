import Foundation

/// Audit sentences of the roster: members and organisations added, edited, deactivated, imported.
enum RosterSentences {
    static let table: [String: AuditSentence.Template] = [
        "member.add": { f in LocalizedText("新增在职党员 \(f.subject)", "added member \(f.subject)") },
        "member.import": { f in LocalizedText("导入在职党员 \(f.subject)", "imported member \(f.subject)") },
        "member.edit": { f in LocalizedText("修改在职党员 \(f.subject)", "edited member \(f.subject)") + changes(f.detail) },
        "member.activate": { f in LocalizedText("恢复在职党员 \(f.subject)", "reactivated member \(f.subject)") },
        "member.deactivate": { f in LocalizedText("停用在职党员 \(f.subject)", "deactivated member \(f.subject)") },
        "organisation.add": { f in LocalizedText("新增报到单位 \(f.subject)", "added organisation \(f.subject)") },
        "organisation.import": { f in LocalizedText("导入报到单位 \(f.subject)", "imported organisation \(f.subject)") },
        "organisation.edit": { f in LocalizedText("修改报到单位 \(f.subject)", "edited organisation \(f.subject)") + changes(f.detail) },
        "organisation.activate": { f in LocalizedText("恢复报到单位 \(f.subject)", "reactivated organisation \(f.subject)") },
        "organisation.deactivate": { f in LocalizedText("停用报到单位 \(f.subject)", "deactivated organisation \(f.subject)") },
        "roster.import": { f in
            let rows = AuditDetail.int(before: " rows", in: f.detail).map(String.init) ?? "?"
            let what = f.entry.target == "organisations" ? LocalizedText("报到单位", "organisations") : LocalizedText("在职党员", "members")
            return LocalizedText("从文件导入\(what.zh) \(rows) 行", "imported \(rows) rows of \(what.en) from a file")
        },
    ]

    /// The edited fields, as the store wrote them ("phone: 139… → 138…; name: 王芳 → 王芳芳").
    static func changes(_ detail: String) -> LocalizedText {
        detail.isEmpty ? LocalizedText("（无改动）", " (no change)") : LocalizedText("：\(detail)", ": \(detail)")
    }
}

/// Small readers for the numbers and words older store methods wrote into an audit detail.
enum AuditDetail {
    /// The integer written just before `marker` ("12 rows" → 12) or just after it ("满意12" → 12).
    static func int(before marker: String, in text: String) -> Int? {
        guard let r = text.range(of: marker) else { return nil }
        let digits = text[..<r.lowerBound].reversed().prefix { $0.isASCII && $0.isNumber }
        return Int(String(digits.reversed()))
    }

    static func int(after marker: String, in text: String) -> Int? {
        guard let r = text.range(of: marker) else { return nil }
        let rest = text[r.upperBound...].drop { $0 == " " }
        let digits = rest.prefix { ($0.isASCII && $0.isNumber) || $0 == "-" }
        return Int(String(digits))
    }

    /// The text after `marker` up to `end` (or the end of the text).
    static func text(after marker: String, upTo end: String? = nil, in text: String) -> String? {
        guard let r = text.range(of: marker) else { return nil }
        var rest = text[r.upperBound...]
        if let end, let e = rest.range(of: end) { rest = rest[..<e.lowerBound] }
        return rest.trimmingCharacters(in: .whitespaces)
    }

    /// The detail without its first word (the issue number the store puts first).
    static func droppingFirstWord(_ text: String) -> String {
        guard let space = text.firstIndex(of: " ") else { return "" }
        return text[text.index(after: space)...].trimmingCharacters(in: .whitespaces)
    }

    static func reason(_ text: String) -> LocalizedText {
        let t = text.trimmingCharacters(in: .whitespaces)
        return t.isEmpty ? LocalizedText("", "") : LocalizedText("：\(t)", ": \(t)")
    }
}
