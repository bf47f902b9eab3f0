import Foundation
import GRDB

/// `community check` (SPEC §3, §10): SQLite's own integrity check, foreign keys, the schema version, the
/// append-only triggers, then every module's checks. A damaged file yields problems, never a crash.
extension CommunityDatabase {
    /// Tables whose rows are never updated or deleted, guarded by `Schema.appendOnlyTriggers`: the audit log,
    /// the points ledger and the issue history. A table added by a later migration joins this list; one not
    /// (yet) in the file is skipped, since the schema check already reports an unmigrated file.
    static let appendOnlyTables = ["audit_log", "audit_holder", "ledger_entry", "issue_transition", "issue_meeting", "issue_meeting_attendee"]

    /// At most this many lines of one kind are listed; the rest are counted.
    static let problemListLimit = 20

    /// Checks this open database.
    /// - Throws: only when the file cannot be read at all (`StoreError`); everything found is returned.
    public func check() throws -> [IntegrityProblem] {
        do {
            return try pool.read { db in Self.check(db, modules: Modules.all) }
        } catch let error as DatabaseError {
            return [Self.problem(for: error, path: path)]
        }
    }

    /// Checks the file at `path` without migrating or otherwise changing it, so a damaged file or one from a
    /// newer version can be examined as it is.
    /// - Throws: `StoreError.notFound` for a missing file, `StoreError.locked` when another program holds it
    ///   too long, `StoreError.cannotOpen` when it cannot be opened at all. A file that is not a database, or a
    ///   damaged one, gives problems instead.
    public static func check(path: String) throws -> [IntegrityProblem] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw StoreError.notFound(LocalizedText("数据库文件 \(path)", "The database file \(path)"))
        }
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(10)
        config.foreignKeysEnabled = false
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            defer { try? queue.close() }
            return try queue.read { db in check(db, modules: Modules.all) }
        } catch let error as DatabaseError {
            switch error.resultCode {
            case .SQLITE_NOTADB, .SQLITE_CORRUPT: return [problem(for: error, path: path)]
            case .SQLITE_BUSY, .SQLITE_LOCKED: throw StoreError.locked(path: path)
            default: throw StoreError.cannotOpen(path: path, reason: error.message ?? "\(error.resultCode)")
            }
        }
    }

    /// Runs every check in turn; one failing check is reported and the others still run.
    static func check(_ db: Database, modules: [any ModuleHooks.Type]) -> [IntegrityProblem] {
        var problems: [IntegrityProblem] = []
        func run(_ area: String, _ body: () throws -> [IntegrityProblem]) {
            do {
                problems += try body()
            } catch let error as DatabaseError {
                problems.append(IntegrityProblem(area: area, detail: LocalizedText(
                    "检查时读取失败（\(error.message ?? "\(error.resultCode)")），数据库可能已损坏。请从备份恢复。",
                    "reading failed during the check (\(error.message ?? "\(error.resultCode)")); the database may be damaged. Restore from a backup.")))
            } catch {
                problems.append(IntegrityProblem(area: area, detail: userMessage(for: error)))
            }
        }

        var isWorkbench = false
        run("sqlite") {
            isWorkbench = try db.tableExists("community_profile") && db.tableExists("audit_log")
            return isWorkbench ? [] : [IntegrityProblem(area: "sqlite", detail: LocalizedText(
                "不是工作台数据库：缺少社区信息表和审计日志表。请确认 --db 指向的文件。",
                "not a workbench database: it has no community profile or audit log tables. Check the file given with --db."))]
        }
        // Without the workbench's tables the remaining checks mean nothing.
        guard isWorkbench else { return problems }
        run("sqlite") { try sqliteIntegrity(db) }
        run("foreign_keys") { try foreignKeys(db) }
        var schemaCurrent = false
        run("schema") {
            let (current, found) = try schemaState(db)
            schemaCurrent = current
            return found
        }
        run("profile") {
            try CommunityProfile.fetchCount(db) == 1 ? [] : [IntegrityProblem(area: "profile", detail: LocalizedText(
                "没有社区信息：数据库尚未完成首次设置（运行 community init 或直接运行 community）。",
                "no community profile: the database was never set up (run `community init`, or just `community`)."))]
        }
        run("audit") { try appendOnlyTriggerProblems(db, tables: appendOnlyTables) }
        // A module's tables exist only once every migration has run; on an older or newer file they are skipped.
        guard schemaCurrent else { return problems }
        for module in modules {
            run(area(of: module)) { try module.check(db) }
        }
        run("audit") { try AuditHolders.problems(db) }
        return problems
    }

    /// "consultation" for `ConsultationModule`: the name a module's own failures are listed under.
    static func area(of module: any ModuleHooks.Type) -> String {
        let name = String(describing: module)
        return (name.hasSuffix("Module") ? String(name.dropLast("Module".count)) : name).lowercased()
    }

    /// `PRAGMA integrity_check`: SQLite's own verdict on pages, indexes and constraints.
    static func sqliteIntegrity(_ db: Database) throws -> [IntegrityProblem] {
        let lines = try String?.fetchAll(db, sql: "PRAGMA integrity_check(\(problemListLimit))").compactMap { $0 }
        if lines == ["ok"] { return [] }
        return lines.map { line in
            IntegrityProblem(area: "sqlite", detail: LocalizedText(
                "SQLite 完整性检查发现损坏：\(line)。请从备份恢复（community backup 生成的文件）。",
                "SQLite integrity check found damage: \(line). Restore from a backup made with `community backup`."))
        }
    }

    /// `PRAGMA foreign_key_check`: rows that point at rows that no longer exist.
    static func foreignKeys(_ db: Database) throws -> [IntegrityProblem] {
        let rows = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
        var problems = rows.prefix(problemListLimit).map { row -> IntegrityProblem in
            let table: String = row[0] as String? ?? "?"
            let rowid: Int64? = row[1]
            let parent: String = row[2] as String? ?? "?"
            let id = rowid.map(String.init) ?? "?"
            return IntegrityProblem(area: "foreign_keys", detail: LocalizedText(
                "\(table) 表第 \(id) 行引用的 \(parent) 记录不存在。",
                "row \(id) of \(table) refers to a \(parent) row that does not exist."))
        }
        if rows.count > problemListLimit {
            problems.append(IntegrityProblem(area: "foreign_keys", detail: LocalizedText(
                "另有 \(rows.count - problemListLimit) 处外键问题未列出。", "\(rows.count - problemListLimit) more foreign-key problems not listed.")))
        }
        return problems
    }

    /// Whether every migration this program knows has run, and problems when the file is older or newer.
    static func schemaState(_ db: Database) throws -> (current: Bool, problems: [IntegrityProblem]) {
        let migrator = Schema.migrator
        if try migrator.hasBeenSuperseded(db) {
            return (false, [IntegrityProblem(area: "schema", detail: LocalizedText(
                "数据库来自更新版本的工作台，本程序只检查了 SQLite 层面。请用新版本程序检查。",
                "the database was written by a newer version of the workbench; only SQLite-level checks ran. Check it with the newer program."))])
        }
        if try !migrator.hasCompletedMigrations(db) {
            return (false, [IntegrityProblem(area: "schema", detail: LocalizedText(
                "数据库来自较旧版本，尚未升级，模块数据未检查。请先用本程序打开一次（自动升级）再检查。",
                "the database is from an older version and not yet upgraded, so module data was not checked. Open it once with this program (it upgrades itself), then check again."))])
        }
        return (true, [])
    }

    /// The UPDATE and DELETE triggers of each append-only table must exist, on that table, and still refuse.
    static func appendOnlyTriggerProblems(_ db: Database, tables: [String]) throws -> [IntegrityProblem] {
        var problems: [IntegrityProblem] = []
        for table in tables where try db.tableExists(table) {
            for (suffix, verb) in [("no_update", ("修改", "UPDATE")), ("no_delete", ("删除", "DELETE"))] {
                let name = "\(table)_\(suffix)"
                let row = try Row.fetchOne(db, sql: "SELECT tbl_name, sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", arguments: [name])
                let onTable: String? = row?["tbl_name"]
                let sql: String = row?["sql"] ?? ""
                let guards = onTable == table && sql.range(of: "RAISE(ABORT", options: .caseInsensitive) != nil
                    && sql.range(of: "BEFORE \(verb.1)", options: .caseInsensitive) != nil
                if !guards {
                    problems.append(IntegrityProblem(area: "audit", detail: LocalizedText(
                        "\(table) 表缺少防止\(verb.0)的触发器 \(name)：记录可能被改动过。请从备份恢复，并查明是谁动了数据库。",
                        "the trigger \(name) that refuses \(verb.1) on \(table) is missing: rows may have been altered. Restore from a backup and find out who changed the database.")))
                }
            }
        }
        return problems
    }

    static func problem(for error: DatabaseError, path: String) -> IntegrityProblem {
        let reason = error.message ?? "\(error.resultCode)"
        if error.resultCode == .SQLITE_CORRUPT {
            return IntegrityProblem(area: "sqlite", detail: LocalizedText(
                "数据库 \(path) 已损坏，连表结构都无法读取（\(reason)）。请从备份恢复（community backup 生成的文件）。",
                "the database \(path) is damaged so badly that its tables cannot be read (\(reason)). Restore it from a backup made with `community backup`."))
        }
        return IntegrityProblem(area: "sqlite", detail: LocalizedText(
            "文件 \(path) 不是 SQLite 数据库，或文件头已损坏（\(reason)）。请确认 --db 指向的文件，或从备份恢复。",
            "the file \(path) is not an SQLite database or its header is damaged (\(reason)). Check the file given with --db, or restore it from a backup."))
    }
}
