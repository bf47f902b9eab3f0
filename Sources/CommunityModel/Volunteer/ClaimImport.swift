import Foundation
import GRDB

// `ImportProblem` (line, column, message) is shared with the roster import (RosterImportError.swift).

/// The file was refused as a whole; nothing was written.
public struct ClaimImportError: UserFacingError, Equatable {
    public var file: String
    public var problems: [ImportProblem]

    public var message: LocalizedText {
        // Every problem, none summarised away (`--errors FILE` writes them as a table too).
        let zh = problems.map { "  " + $0.text.zh }.joined(separator: "\n")
        let en = problems.map { "  " + $0.text.en }.joined(separator: "\n")
        return LocalizedText("文件 \(file) 有 \(problems.count) 处错误，未导入任何内容：\n\(zh)",
                             "\(file) has \(problems.count) problem(s); nothing was imported:\n\(en)")
    }
}

/// What an import did. Importing the same file again gives all zeros but `unchanged`.
public struct ClaimImportSummary: Sendable, Equatable, Codable {
    public var lines = 0
    public var created = 0
    public var replied = 0
    public var cancelled = 0
    public var unchanged = 0

    /// "已导入认领文件：12 行，新增 8，回复 3，取消 1，未变 0。"
    public func text(dryRun: Bool = false) -> LocalizedText {
        let verb = dryRun ? LocalizedText("检查通过，可导入认领文件", "Checked, ready to import claims") : LocalizedText("已导入认领文件", "Imported claims")
        return verb + LocalizedText("：\(lines) 行，新增 \(created)，回复 \(replied)，取消 \(cancelled)，未变 \(unchanged)。",
                                    ": \(lines) lines, \(created) new, \(replied) replied, \(cancelled) cancelled, \(unchanged) unchanged.")
    }
}

/// Import of claims and replies from the mini-program's CSV export (issue 4 item 5).
///
/// Columns (header names in Chinese or English, any order): 外部编号/external_id, 任务/task (a title or #id),
/// 认领人/claimant (member phone, member code, or organisation name/phone), 状态/state (已认领, 已回复, 已取消),
/// 时间/time (yyyy-MM-dd HH:mm[:ss]), 备注/note. Reviews are made in the office, so 已通过 and the like are refused.
///
/// Idempotent by external id (UNIQUE in the table): a row already imported changes nothing; a later state of
/// the same claim (已认领 → 已回复) applies once. The whole file is checked and applied in one IMMEDIATE write
/// transaction: any problem rolls everything back, and two terminals importing overlapping files take turns,
/// the second finding the first's rows already there.
public enum ClaimImport {
    enum Column: CaseIterable {
        case externalId, task, claimant, state, time, note
        var names: [String] {
            switch self {
            case .externalId: return ["外部编号", "编号", "认领编号", "external_id", "id"]
            case .task: return ["任务", "任务名称", "任务编号", "task"]
            case .claimant: return ["认领人", "手机号", "党员编号", "claimant", "phone", "member_code"]
            case .state: return ["状态", "state"]
            case .time: return ["时间", "time"]
            case .note: return ["备注", "回复", "note"]
            }
        }
        var label: LocalizedText {
            switch self {
            case .externalId: return LocalizedText("外部编号", "external_id")
            case .task: return LocalizedText("任务", "task")
            case .claimant: return LocalizedText("认领人", "claimant")
            case .state: return LocalizedText("状态", "state")
            case .time: return LocalizedText("时间", "time")
            case .note: return LocalizedText("备注", "note")
            }
        }
    }

    struct Line {
        var line: Int
        var externalId: String
        var task: String
        var claimant: String
        var state: ClaimState
        var time: String
        var note: String
    }

    static func stateNamed(_ text: String) -> ClaimState? {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "已认领", "claimed": return .claimed
        case "已回复", "replied": return .replied
        case "已取消", "cancelled", "canceled": return .cancelled
        default: return nil
        }
    }

    /// "2026-06-28 08:30" or "2026-06-28 08:30:15" → "2026-06-28 08:30:15"; nil if not a time.
    static func normalizedStamp(_ text: String) -> String? {
        let t = text.trimmingCharacters(in: .whitespaces)
        let base = t.count == 19 ? String(t.prefix(16)) : t
        guard let minute = try? TaskValidation.normalizedTime(base) else { return nil }
        if t.count == 19 {
            let sec = t.suffix(2)
            guard t.dropFirst(16).first == ":", let s = Int(sec), (0...59).contains(s) else { return nil }
            return minute + ":" + sec
        }
        return minute + ":00"
    }

    /// True when the header names the claim columns (external id and state), so `community import` can tell a
    /// claims file from a roster file without being told.
    public static func looksLikeClaims(_ data: Data) -> Bool { looksLikeClaims(.data(data)) }

    /// The same for a file, reading only its first line.
    public static func looksLikeClaims(_ source: CSVSource) -> Bool {
        guard var stream = try? CSVStream(source), let header = try? stream.next() else { return false }
        let names = Set(header.fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
        return [Column.externalId, .state, .claimant].allSatisfy { !names.isDisjoint(with: $0.names) }
    }

    /// The kind of text each column holds (`TextRules`).
    static func textKind(_ column: Column) -> TextFieldKind {
        switch column {
        case .externalId: return .code
        case .task, .claimant: return .line
        case .state, .time: return .value
        case .note: return .text
        }
    }

    /// Parses and checks the file's shape: header, required fields, text rules, states and times. No database
    /// access. Every problem is listed, each at its line and column.
    static func parse(_ source: CSVSource) throws -> (lines: [Line], problems: [ImportProblem]) {
        var stream = try CSVStream(source)
        guard let header = try stream.next(), !header.isBlank else {
            return ([], [ImportProblem(line: 1, message: LocalizedText("文件是空的。", "The file is empty."))])
        }
        var index: [Column: Int] = [:]
        for (i, name) in header.fields.enumerated() {
            let n = name.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\u{FEFF}"))).lowercased()
            if let col = Column.allCases.first(where: { $0.names.contains(n) }), index[col] == nil { index[col] = i }
        }
        let missing = Column.allCases.filter { $0 != .note && index[$0] == nil }
        if !missing.isEmpty {
            let zh = missing.map(\.label.zh).joined(separator: "、"), en = missing.map(\.label.en).joined(separator: ", ")
            return ([], [ImportProblem(line: header.line, message: LocalizedText("表头缺少列：\(zh)。", "The header is missing: \(en)."))])
        }
        var lines: [Line] = []
        var problems: [ImportProblem] = []
        while let r = try stream.next() {
            if r.isBlank && r.badBytes.isEmpty { continue }
            var lineProblems: [ImportProblem] = []
            func report(_ c: Column?, _ message: LocalizedText, fieldIndex: Int? = nil) {
                let i = fieldIndex ?? c.flatMap { index[$0] }
                let name = i.flatMap { $0 < header.fields.count ? header.fields[$0].trimmingCharacters(in: .whitespaces) : nil }
                let value = i.flatMap { $0 < r.fields.count ? r.fields[$0] : nil }
                lineProblems.append(ImportProblem(line: r.line, column: name, columnNumber: i.map { $0 + 1 }, value: value, message: message))
            }
            for bad in r.badBytes {
                report(nil, LocalizedText("第 \(bad.character) 个字符不是有效的 \(stream.encoding.rawValue) 文字，请改正后再导入。",
                                          "character \(bad.character) is not valid \(stream.encoding.rawValue) text; correct it and import again."), fieldIndex: bad.field)
            }
            var fields: [Column: String] = [:]
            for c in Column.allCases {
                guard let i = index[c], !r.badBytes.contains(where: { $0.field == i }) else { continue }
                let raw = i < r.fields.count ? TextRules.unneutralised(r.fields[i].trimmingCharacters(in: .whitespacesAndNewlines)) : ""
                do { fields[c] = try TextRules.check(raw, textKind(c), field: c.label) } catch let error as TextRuleError { report(c, error.message) }
            }
            func field(_ c: Column) -> String { fields[c] ?? "" }
            for c in [Column.externalId, .task, .claimant, .state, .time] where fields[c]?.isEmpty == true {
                report(c, LocalizedText("「\(c.label.zh)」为空", "\(c.label.en) is empty"))
            }
            let state = stateNamed(field(.state))
            if !field(.state).isEmpty && state == nil {
                report(.state, LocalizedText("状态「\(field(.state))」不能导入（只接受 已认领、已回复、已取消；审核请在工作台进行）",
                                             "state “\(field(.state))” cannot be imported (only claimed, replied, cancelled; reviews are made in the workbench)"))
            }
            let stamp = normalizedStamp(field(.time))
            if !field(.time).isEmpty && stamp == nil {
                report(.time, LocalizedText("时间「\(field(.time))」格式不对，应为 2026-06-28 08:30", "time “\(field(.time))” should look like 2026-06-28 08:30"))
            }
            if !lineProblems.isEmpty {
                problems += lineProblems
                continue
            }
            if let state, let stamp {
                lines.append(Line(line: r.line, externalId: field(.externalId), task: field(.task), claimant: field(.claimant),
                                  state: state, time: stamp, note: field(.note)))
            }
        }
        return (lines, problems)
    }
}

extension CommunityDatabase {
    /// Imports claims and replies from a mini-program CSV file. See `ClaimImport` for the format and guarantees.
    /// - Throws: `ClaimImportError` listing every problem with its line number (nothing is written then).
    @discardableResult
    public func importClaims(from url: URL, by actor: Actor?, dryRun: Bool = false) throws -> ClaimImportSummary {
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw ClaimImportError(file: url.lastPathComponent, problems: [ImportProblem(line: 0, message: LocalizedText("无法读取文件。", "Cannot read the file."))])
        }
        return try importClaims(from: .file(url), fileName: url.lastPathComponent, by: actor, dryRun: dryRun)
    }

    /// The file's bytes as Excel/WPS or the mini-program saved them: UTF-8 (with or without BOM), UTF-16, or GB18030.
    @discardableResult
    public func importClaims(csv data: Data, fileName: String, by actor: Actor?, dryRun: Bool = false) throws -> ClaimImportSummary {
        try importClaims(from: .data(data), fileName: fileName, by: actor, dryRun: dryRun)
    }

    /// - Parameter dryRun: check everything against the database, then roll back: nothing is written.
    @discardableResult
    public func importClaims(csv text: String, fileName: String, by actor: Actor?, dryRun: Bool = false) throws -> ClaimImportSummary {
        try importClaims(from: .data(Data(text.utf8)), fileName: fileName, by: actor, dryRun: dryRun)
    }

    /// - Throws: `ClaimImportError` listing every problem — of the file's shape and against the database —
    ///   with line and column (nothing is written then).
    @discardableResult
    public func importClaims(from source: CSVSource, fileName: String, by actor: Actor?, dryRun: Bool = false) throws -> ClaimImportSummary {
        let lines: [ClaimImport.Line], parseProblems: [ImportProblem]
        do { (lines, parseProblems) = try ClaimImport.parse(source) } catch let error as UserFacingError {
            throw ClaimImportError(file: fileName, problems: [ImportProblem(line: 1, message: error.message)])
        }
        if lines.isEmpty && !parseProblems.isEmpty { throw ClaimImportError(file: fileName, problems: parseProblems) }
        var summary = ClaimImportSummary()
        // One IMMEDIATE transaction: a second terminal importing at the same time waits, then sees these rows.
        try pool.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                summary = ClaimImportSummary()
                var problems: [ImportProblem] = []
                for line in lines {
                    summary.lines += 1
                    do {
                        try Self.importLine(db, line, summary: &summary, by: actor)
                    } catch let error as UserFacingError {
                        problems.append(ImportProblem(line: line.line, message: error.message))
                    }
                }
                // Throwing here rolls back the whole transaction: the file goes in whole or not at all. The
                // lines that parsed are still checked against the database, so one run lists every problem.
                problems += parseProblems
                if !problems.isEmpty {
                    throw ClaimImportError(file: fileName, problems: problems.sorted { ($0.line, $0.columnNumber ?? 0) < ($1.line, $1.columnNumber ?? 0) })
                }
                if dryRun { return .rollback }
                try AuditEntry.record(db, by: actor, action: "claim.import", target: "file:\(fileName)",
                                      detail: "行 \(summary.lines) 新增 \(summary.created) 回复 \(summary.replied) 取消 \(summary.cancelled) 未变 \(summary.unchanged)")
                return .commit
            }
        }
        return summary
    }

    static func resolveTask(_ db: Database, _ text: String) throws -> VolunteerTask {
        let t = text.hasPrefix("#") ? String(text.dropFirst()) : text
        if let id = Int64(t), let task = try VolunteerTask.fetchOne(db, key: id) { return task }
        let matches = try VolunteerTask.filter(VolunteerTask.Columns.title == text).limit(2).fetchAll(db)
        guard let task = matches.first else { throw ImportLineError.unknownTask(text) }
        if matches.count > 1 { throw ImportLineError.ambiguousTask(text) }
        return task
    }

    static func importLine(_ db: Database, _ line: ClaimImport.Line, summary: inout ClaimImportSummary, by actor: Actor?) throws {
        let task = try resolveTask(db, line.task)
        guard let taskId = task.id else { throw ClaimError.unknownTask }
        guard let who = try findClaimant(db, line.claimant) else { throw ClaimError.unknownClaimant(line.claimant) }
        if var existing = try Claim.filter(Claim.Columns.externalId == line.externalId).fetchOne(db) {
            guard existing.taskId == taskId, existing.holder == who.holder else { throw ImportLineError.externalIdReused(line.externalId) }
            switch (existing.state, line.state) {
            case (.claimed, .replied):
                _ = try reply(db, id: existing.id ?? 0, note: line.note, at: line.time, by: actor)
                summary.replied += 1
            case (.claimed, .cancelled), (.replied, .cancelled):
                existing.state = .cancelled
                existing.reviewedAt = line.time
                existing.reviewReason = line.note.isEmpty ? "小程序取消" : line.note
                try existing.update(db)
                try AuditEntry.record(db, by: actor, action: "claim.cancel", target: "claim:\(existing.id ?? 0)", detail: "import \(line.externalId)")
                summary.cancelled += 1
            default:
                summary.unchanged += 1  // the same row again, or the office has moved the claim on since
            }
            return
        }
        if line.state == .cancelled {
            // A claim made and withdrawn in the mini-program: kept for the record, takes no place.
            var claim = Claim(taskId: taskId, holder: who.holder, state: .cancelled, claimedAt: line.time, source: .miniProgram, externalId: line.externalId)
            claim.reviewReason = line.note.isEmpty ? "小程序取消" : line.note
            claim.reviewedAt = line.time
            try claim.insert(db)
            try AuditEntry.record(db, by: actor, action: "claim.import", target: "claim:\(claim.id ?? 0)", detail: "\(line.externalId) 已取消")
            summary.created += 1
            return
        }
        // Rules are checked as of the time the claim was made in the mini-program.
        let claim = try insertClaim(db, taskId: taskId, holder: who.holder, now: String(line.time.prefix(16)), claimedAt: line.time,
                                    source: .miniProgram, externalId: line.externalId, by: actor)
        summary.created += 1
        if line.state == .replied, let id = claim.id {
            _ = try reply(db, id: id, note: line.note, at: line.time, by: actor)
            summary.replied += 1
        }
    }
}

/// A line of an import file that does not fit the database.
enum ImportLineError: UserFacingError {
    case unknownTask(String)
    case ambiguousTask(String)
    case externalIdReused(String)

    var message: LocalizedText {
        switch self {
        case .unknownTask(let t): return LocalizedText("找不到任务「\(t)」", "no task “\(t)”")
        case .ambiguousTask(let t): return LocalizedText("有多个任务叫「\(t)」，请改用任务编号（如 #12）", "several tasks are called “\(t)”; use the task number (e.g. #12)")
        case .externalIdReused(let id): return LocalizedText("外部编号 \(id) 已用于另一任务或认领人的认领", "external id \(id) already belongs to a claim on another task or by another claimant")
        }
    }
}
