import GRDB

/// Which member or organisation each audit line is about ("member:12", "organisation:3"), kept beside the
/// append-only log by a trigger: lines about the holder itself, their points entries, claims, receipts and
/// vouchers. A name typed in the audit search finds the holders, then their lines here, newest first, in one
/// contiguous range per holder.
///
/// Before, a name went through the holders' points entries and claims (the newest 200 of the first 50 holders
/// found), then probed the log's target index for each of those records — hundreds of scattered index pages.
/// At stress the first search key was 19–25 ms through the terminal, most of it reading those pages back in
/// after the system had let them go from its cache. Receipts and vouchers were not found by name at all.
enum AuditHolders {
    static func register(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v12-audit-holder") { db in
            try db.execute(sql: """
            CREATE TABLE audit_holder (
                holder TEXT NOT NULL CHECK (holder GLOB 'member:*' OR holder GLOB 'organisation:*'),
                -- The line's time as the number its digits make (20261130140512), which orders as the text does:
                -- a search reads two numbers a line, not a string (see AuditMatchKey).
                time INTEGER NOT NULL,
                audit_id INTEGER NOT NULL REFERENCES audit_log(id) ON DELETE RESTRICT,
                PRIMARY KEY (holder, time, audit_id)
            ) STRICT, WITHOUT ROWID;
            INSERT INTO audit_holder (holder, time, audit_id)
                SELECT holder, \(AuditMatchKey.timeSQL("at")), id FROM (SELECT \(holderOf("target")) AS holder, at, id FROM audit_log)
                WHERE holder IS NOT NULL;
            CREATE TRIGGER audit_holder_add AFTER INSERT ON audit_log
            BEGIN
                INSERT INTO audit_holder (holder, time, audit_id)
                SELECT holder, \(AuditMatchKey.timeSQL("NEW.at")), NEW.id FROM (SELECT \(holderOf("NEW.target")) AS holder) WHERE holder IS NOT NULL;
            END;
            CREATE TRIGGER audit_holder_no_update BEFORE UPDATE ON audit_holder
            BEGIN SELECT RAISE(ABORT, '审计日志不可修改或删除 (the audit log cannot be changed)'); END;
            CREATE TRIGGER audit_holder_no_delete BEFORE DELETE ON audit_holder
            BEGIN SELECT RAISE(ABORT, '审计日志不可修改或删除 (the audit log cannot be changed)'); END;
            """)
        }
    }

    /// The holder a line with this target is about, or NULL. Each record is written before the line that
    /// names it, in the same transaction, so the trigger finds it.
    static func holderOf(_ target: String) -> String {
        let holder = "COALESCE('member:' || member_id, 'organisation:' || organisation_id)"
        return """
        CASE substr(\(target), 1, instr(\(target), ':'))
            WHEN 'member:' THEN \(target)
            WHEN 'organisation:' THEN \(target)
            WHEN 'ledger_entry:' THEN (SELECT \(holder) FROM ledger_entry WHERE id = CAST(substr(\(target), 14) AS INTEGER))
            WHEN 'claim:' THEN (SELECT \(holder) FROM claim WHERE id = CAST(substr(\(target), 7) AS INTEGER))
            WHEN 'receipt:' THEN (SELECT \(holder) FROM redemption WHERE receipt = substr(\(target), 9))
            WHEN 'voucher:' THEN (SELECT \(holder) FROM redemption WHERE id = (SELECT redemption_id FROM voucher WHERE id = CAST(substr(\(target), 9) AS INTEGER)))
        END
        """
    }

    /// Where the kept holders differ from the lines (for `check`): lines missing, or rows that name another
    /// holder or no line.
    static func problems(_ db: Database) throws -> [IntegrityProblem] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT id, expected, NULL AS kept FROM (SELECT id, \(AuditMatchKey.timeSQL("at")) AS time, \(holderOf("target")) AS expected FROM audit_log) e
            WHERE expected IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM audit_holder h WHERE h.holder = e.expected AND h.time = e.time AND h.audit_id = e.id)
            UNION ALL
            SELECT h.audit_id, (SELECT \(holderOf("a.target")) FROM audit_log a WHERE a.id = h.audit_id AND \(AuditMatchKey.timeSQL("a.at")) = h.time) AS expected, h.holder
            FROM audit_holder h WHERE expected IS NOT h.holder
            ORDER BY 1 LIMIT \(CommunityDatabase.problemListLimit + 1)
            """)
        return rows.prefix(CommunityDatabase.problemListLimit).map { row in
            let id: Int64 = row["id"], expected: String = row["expected"] ?? "—", kept: String = row["kept"] ?? "—"
            return IntegrityProblem(area: "audit", detail: LocalizedText(
                "审计日志第 \(id) 行所涉对象应为 \(expected)，记为 \(kept)：按人名查审计日志会漏掉或多出这一行。请从备份恢复。",
                "audit line \(id) is about \(expected) but is kept under \(kept): a search by name would miss or add it. Restore from a backup."))
        } + (rows.count > CommunityDatabase.problemListLimit
            ? [IntegrityProblem(area: "audit", detail: LocalizedText("另有更多审计对象记录不符，未列出。", "More audit holder rows differ; not listed."))] : [])
    }

    /// The lines about any of `holders`, filtered by the rest of `filter` (not its text), newest first.
    static func keys(_ db: Database, holders: [String], _ filter: AuditFilter) throws -> [AuditMatchKey] {
        if holders.isEmpty { return [] }
        var from = "FROM audit_holder h"
        var conditions = ["h.holder IN (SELECT value FROM json_each(?))"]
        var arguments: [(any DatabaseValueConvertible)?] = [jsonArray(holders)]
        // Operator, kind and dates are compared on the line itself, with the list's own conditions (their
        // columns are audit_log's alone, so they need no table name here).
        let rest = try CommunityDatabase.auditQuery(db, filter.withoutText, select: "")
        if !rest.conditions.isEmpty {
            from += " JOIN audit_log a ON a.id = h.audit_id"
            conditions += rest.conditions
            arguments += rest.arguments
        }
        // Each holder's lines come in order; the holders' runs interleave, so they are sorted once, as numbers.
        let rows = try Row.fetchCursor(db, sql: "SELECT h.time, h.audit_id " + from + " WHERE " + conditions.joined(separator: " AND "),
                                       arguments: StatementArguments(arguments))
        var keys: [AuditMatchKey] = []
        while let row = try rows.next() { keys.append(AuditMatchKey(time: row[0], id: row[1])) }
        keys.sort(by: <)
        return keys
    }

    /// Targets and holders are letters, an underscore, a colon and digits, so quoting is all JSON needs;
    /// JSONEncoder took longer than the queries for thousands.
    static func jsonArray(_ values: [String]) -> String {
        "[" + values.map { "\"\($0)\"" }.joined(separator: ",") + "]"
    }
}

/// An audit line's place in a text search's list: its time as the number its digits make (2026-11-30 14:05:12
/// is 20261130140512, which orders as the text does) and its id. `<` is list order, newest first.
struct AuditMatchKey: Comparable, Hashable {
    var time: Int64
    var id: Int64

    static func < (a: AuditMatchKey, b: AuditMatchKey) -> Bool {
        a.time != b.time ? a.time > b.time : a.id > b.id
    }

    /// The number SQLite makes of a time: its digits, the separators taken out.
    static func timeSQL(_ column: String) -> String {
        "CAST(replace(replace(replace(\(column), '-', ''), ' ', ''), ':', '') AS INTEGER)"
    }

    /// The same number made in Swift, for a list key the screen hands back: the leading digits once the
    /// separators are taken out, as SQLite's CAST reads them.
    init(_ key: ListKey) {
        var n: Int64 = 0
        for byte in key.sort.utf8 where byte != UInt8(ascii: "-") && byte != UInt8(ascii: " ") && byte != UInt8(ascii: ":") {
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"), n < Int64.max / 10 - 9 else { break }
            n = n * 10 + Int64(byte - UInt8(ascii: "0"))
        }
        self.init(time: n, id: key.id)
    }

    init(time: Int64, id: Int64) {
        self.time = time
        self.id = id
    }
}
