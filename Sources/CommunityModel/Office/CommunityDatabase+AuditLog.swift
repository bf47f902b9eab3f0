import CSV
import Foundation
import GRDB

/// What the audit screen shows: by operator, kind of change, date range (inclusive days) and text.
public struct AuditFilter: Sendable, Equatable {
    public var operatorName: String?
    public var kind: AuditKind?
    /// "YYYY-MM-DD", inclusive.
    public var from: String?
    public var to: String?
    /// Matched against the names of the members (name or code) and organisations the lines are about — their
    /// own lines, points, claims, receipts and vouchers — and of the issues (number or title), tasks and
    /// operators: by name first, then their lines through an index, so a rare word costs what its matches
    /// cost, not a scan of a million lines.
    public var text = ""

    public init(operatorName: String? = nil, kind: AuditKind? = nil, from: String? = nil, to: String? = nil, text: String = "") {
        self.operatorName = operatorName
        self.kind = kind
        self.from = from
        self.to = to
        self.text = text
    }

    public var isEmpty: Bool { operatorName == nil && kind == nil && from == nil && to == nil && text.isEmpty }

    /// The text as searched: without the spaces around it.
    var searchText: String { text.trimmingCharacters(in: .whitespaces) }
    var hasText: Bool { !searchText.isEmpty }

    /// The same filter with no text.
    var withoutText: AuditFilter {
        var f = self
        f.text = ""
        return f
    }
}

extension CommunityDatabase {
    /// Counting a filtered list stops here; the screen shows "10,000+" (SPEC §9: one frame per key).
    public static let auditCountCap = 10_000

    /// The audit log newest first, keyset-paged on (at, id) over the indexes of v7-office; each page's names
    /// are read in a few batched lookups.
    public func auditLines(_ filter: AuditFilter, _ request: PageRequest) throws -> [AuditLine] {
        try pool.read { db in
            if filter.hasText {
                let ids = try AuditTextMatches.of(db, filter).page(request)
                let byId = Dictionary(uniqueKeysWithValues: try AuditEntry.fetchAll(db, keys: ids).compactMap { e in e.id.map { ($0, e) } })
                return try AuditSentence.lines(db, ids.compactMap { byId[$0] })
            }
            let rows: [AuditEntry] = try Self.auditQuery(db, filter).fetch(db, request)
            return try AuditSentence.lines(db, rows)
        }
    }

    /// Lines matching `filter` (before `key`, when given), counted up to `auditCountCap`.
    public func auditCount(_ filter: AuditFilter, before key: ListKey? = nil) throws -> Int {
        try pool.read { db in
            // The log is append-only with contiguous ids, so its size is its largest id.
            if filter.isEmpty && key == nil { return try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM audit_log") ?? 0 }
            if filter.hasText {
                let matches = try AuditTextMatches.of(db, filter)
                return min(Self.auditCountCap, key.map { matches.position(of: $0) } ?? matches.keys.count)
            }
            return try Self.auditQuery(db, filter, select: "SELECT id FROM audit_log").count(db, before: key, cap: Self.auditCountCap)
        }
    }

    /// Everyone who appears in the log as its operator: the operators (active or not) and "system".
    public func auditOperatorNames() throws -> [String] {
        try pool.read { db in try String.fetchAll(db, sql: "SELECT name FROM operator ORDER BY id") } + ["system"]
    }

    static func auditQuery(_ db: Database, _ filter: AuditFilter, select: String = "SELECT * FROM audit_log") throws -> KeysetQuery {
        // The (kind | operator | time) indexes give the order directly. A text search reads its kept matches
        // (`AuditTextMatches`); the condition below says the same in one query, for the tests to compare.
        var q = KeysetQuery(select: select, sortExpression: "at", idExpression: "id", descending: true)
        if let name = filter.operatorName {
            q.conditions.append("operator_name = ?")
            q.arguments.append(name)
        }
        if let kind = filter.kind {
            q.conditions.append("kind = ?")
            q.arguments.append(kind.rawValue)
        }
        if let from = filter.from {
            q.conditions.append("at >= ?")
            q.arguments.append(from)
        }
        if let to = filter.to {
            // "~" sorts after every time of that day, so the whole day is included.
            q.conditions.append("at < ?")
            q.arguments.append(to + "~")
        }
        if filter.hasText {
            let found = try AuditTextTargets.find(db, text: filter.searchText)
            q.conditions.append("(target IN (SELECT value FROM json_each(?)) OR id IN (SELECT audit_id FROM audit_holder WHERE holder IN (SELECT value FROM json_each(?))))")
            q.arguments.append(AuditHolders.jsonArray(found.targets))
            q.arguments.append(AuditHolders.jsonArray(found.holders))
        }
        return q
    }

    /// Writes the whole log, oldest first, as CSV with BOM (Excel/WPS): time, operator, kind, the sentence in
    /// Chinese, and the stored action and target for whoever needs to trace a line.
    /// - Returns: the number of lines written.
    public func exportAudit(to stream: OutputStream, json: Bool = false) throws -> Int {
        if stream.streamStatus == .notOpen { stream.open() }
        return try pool.read { db in
            let csv: CSVWriter?
            if json {
                csv = nil
                try ConsultationExport.writeBytes(stream, Array("[".utf8))
            } else {
                try ConsultationExport.writeBytes(stream, [0xEF, 0xBB, 0xBF])
                csv = try CSVWriter(stream: stream, newline: .crlf)
                try csv?.write(row: ["编号", "时间", "操作员", "类别", "内容", "操作代码", "对象代码"])
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            var n = 0
            var lastKey: (String, Int64)?
            // Batches of 500 keep the name lookups batched while memory stays flat.
            while true {
                let rows: [AuditEntry]
                if let (at, id) = lastKey {
                    rows = try AuditEntry.fetchAll(db, sql: "SELECT * FROM audit_log WHERE (at, id) > (?, ?) ORDER BY at, id LIMIT 500", arguments: [at, id])
                } else {
                    rows = try AuditEntry.fetchAll(db, sql: "SELECT * FROM audit_log ORDER BY at, id LIMIT 500")
                }
                guard let last = rows.last else { break }
                for line in try AuditSentence.lines(db, rows) {
                    let e = line.entry
                    if let csv {
                        try csv.write(row: [String(e.id ?? 0), e.at, e.operatorName, line.kind.label.zh, line.sentence.zh, e.action, e.target].map(Self.spreadsheetSafe))
                    } else {
                        let object = ["id": String(e.id ?? 0), "at": e.at, "operator": e.operatorName, "kind": line.kind.rawValue,
                                      "sentence_zh": line.sentence.zh, "sentence_en": line.sentence.en, "action": e.action, "target": e.target]
                        try ConsultationExport.writeBytes(stream, Array((n == 0 ? "\n  " : ",\n  ").utf8) + Array(try encoder.encode(object)))
                    }
                    n += 1
                }
                lastKey = (last.at, last.id ?? 0)
            }
            try ConsultationExport.writeBytes(stream, Array((json ? (n == 0 ? "]\n" : "\n]\n") : "\r\n").utf8))
            return n
        }
    }

    /// A cell starting with = + - @ would run as a formula in Excel; a leading apostrophe keeps it text.
    static func spreadsheetSafe(_ cell: String) -> String {
        guard let first = cell.first, "=+-@".contains(first) else { return cell }
        return "'" + cell
    }
}
