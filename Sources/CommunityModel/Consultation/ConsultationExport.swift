import CSV
import Foundation
import GRDB

/// `community export --what issues`: every issue with its current step and outcome, streamed row by row so
/// 20,000 issues never sit in memory at once.
public enum ConsultationExport {
    public enum Format: String, Sendable, CaseIterable {
        case csv, json
    }

    struct Field: Sendable {
        var key: String
        var header: LocalizedText
        var value: @Sendable (Issue, ConsultationReference, String) -> String
    }

    static let fields: [Field] = [
        Field(key: "number", header: LocalizedText("编号", "number")) { i, _, _ in i.number },
        Field(key: "title", header: LocalizedText("议题", "title")) { i, _, _ in i.title },
        Field(key: "description", header: LocalizedText("描述", "description")) { i, _, _ in i.description },
        Field(key: "category", header: LocalizedText("类别", "category")) { i, r, _ in r.categoryLabel(i.category).text() },
        Field(key: "source", header: LocalizedText("来源", "source")) { i, r, _ in r.sourceLabel(i.source).text() },
        Field(key: "reporter", header: LocalizedText("反映人", "reporter")) { i, _, _ in i.reporter },
        Field(key: "location", header: LocalizedText("位置", "location")) { i, _, _ in i.location },
        Field(key: "created_on", header: LocalizedText("登记日期", "recorded on")) { i, _, _ in i.createdOn },
        Field(key: "step", header: LocalizedText("当前步骤", "step")) { i, _, _ in String(i.step) },
        Field(key: "step_name", header: LocalizedText("步骤名称", "step name")) { i, r, _ in (r.stepInfo(i.step)?.label ?? LocalizedText("", "")).text() },
        Field(key: "step_since", header: LocalizedText("本步开始", "in step since")) { i, _, _ in i.stepSince },
        Field(key: "overdue", header: LocalizedText("逾期", "overdue")) { i, r, today in
            ConsultationWorkflow.isOverdue(i, today: today, reference: r) ? LocalizedText("是", "yes").text() : LocalizedText("否", "no").text()
        },
        Field(key: "outcome", header: LocalizedText("办结结果", "outcome")) { i, _, _ in i.outcome?.label.text() ?? "" },
        Field(key: "closed_on", header: LocalizedText("办结日期", "closed on")) { i, _, _ in i.closedOn ?? "" },
        Field(key: "resolution", header: LocalizedText("决议", "resolution")) { i, _, _ in i.resolution ?? "" },
        Field(key: "published_on", header: LocalizedText("公示日期", "published on")) { i, _, _ in i.publishedOn ?? "" },
        Field(key: "implementation_owner", header: LocalizedText("实施负责人", "owner")) { i, _, _ in i.implementationOwner ?? "" },
        Field(key: "implementation_due", header: LocalizedText("完成期限", "due")) { i, _, _ in i.implementationDue ?? "" },
        Field(key: "implementation_done", header: LocalizedText("完成日期", "done on")) { i, _, _ in i.implementationDone ?? "" },
        Field(key: "survey_satisfied", header: LocalizedText("满意", "satisfied")) { i, _, _ in i.surveySatisfied.map(String.init) ?? "" },
        Field(key: "survey_basic", header: LocalizedText("基本满意", "fairly satisfied")) { i, _, _ in i.surveyBasic.map(String.init) ?? "" },
        Field(key: "survey_dissatisfied", header: LocalizedText("不满意", "dissatisfied")) { i, _, _ in i.surveyDissatisfied.map(String.init) ?? "" },
    ]

    /// Writes every issue to `stream` (opened if needed; CSV output closes it at the end).
    /// CSV is UTF-8 with a BOM and CRLF line ends so Excel and WPS open it as Chinese text; headers follow the
    /// interface language. JSON is an array of objects with snake_case keys; numbers stay numbers.
    /// - Returns: how many issues were written.
    @discardableResult
    public static func write(_ database: CommunityDatabase, format: Format, to stream: OutputStream, today: String = Day.today(),
                             reference: ConsultationReference = .active) throws -> Int {
        if stream.streamStatus == .notOpen { stream.open() }
        return try database.pool.read { db in
            switch format {
            case .csv: return try writeCSV(db, stream, today: today, reference: reference)
            case .json: return try writeJSON(db, stream, today: today, reference: reference)
            }
        }
    }

    static func writeCSV(_ db: Database, _ stream: OutputStream, today: String, reference: ConsultationReference) throws -> Int {
        try writeBytes(stream, [0xEF, 0xBB, 0xBF])
        let csv = try CSVWriter(stream: stream, newline: .crlf)
        try csv.write(row: fields.map { $0.header.text() })
        var n = 0
        let cursor = try Issue.fetchCursor(db, sql: "SELECT * FROM issue ORDER BY id")
        while let issue = try cursor.next() {
            // Free text such as a title "=…" or "-…" must not run as a formula in Excel/WPS (OWASP CSV injection).
            try csv.write(row: fields.map { TextRules.spreadsheetSafe($0.value(issue, reference, today)) })
            n += 1
        }
        try writeBytes(stream, Array("\r\n".utf8))
        return n
    }

    static func writeJSON(_ db: Database, _ stream: OutputStream, today: String, reference: ConsultationReference) throws -> Int {
        let numeric: Set<String> = ["step", "survey_satisfied", "survey_basic", "survey_dissatisfied"]
        try writeBytes(stream, Array("[".utf8))
        var n = 0
        let cursor = try Issue.fetchCursor(db, sql: "SELECT * FROM issue ORDER BY id")
        while let issue = try cursor.next() {
            var object: [String: Any] = [:]
            for f in fields {
                let v = f.value(issue, reference, today)
                if f.key == "overdue" {
                    object[f.key] = ConsultationWorkflow.isOverdue(issue, today: today, reference: reference)
                } else if numeric.contains(f.key) {
                    object[f.key] = Int(v).map { $0 as Any } ?? NSNull()
                } else if f.key == "outcome" {
                    object[f.key] = issue.outcome?.rawValue ?? NSNull()
                } else {
                    object[f.key] = v
                }
            }
            object["category_key"] = issue.category
            object["source_key"] = issue.source
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
            try writeBytes(stream, Array((n == 0 ? "\n" : ",\n").utf8) + Array(data))
            n += 1
        }
        try writeBytes(stream, Array("\n]\n".utf8))
        return n
    }

    static func writeBytes(_ stream: OutputStream, _ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBufferPointer { p in
                p.baseAddress.map { stream.write($0, maxLength: p.count) } ?? 0
            }
            if written <= 0 { throw CSVError.cannotWriteStream }
            offset += written
        }
    }
}
