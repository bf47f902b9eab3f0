import Foundation
import GRDB

/// The names of the people and things a page of audit lines points at ("member:12" → 王芳（CZ-0012）),
/// read with one query per kind of target, so a screenful of lines costs a handful of lookups, not one each.
public struct AuditNames: Sendable {
    struct ClaimFacts: Sendable { var who: String; var task: String; var taskId: Int64 }
    struct LedgerFacts: Sendable { var who: String; var amount: Int; var after: Int; var reason: String; var holder: AuditRecord? }

    var members: [Int64: String] = [:]
    var organisations: [Int64: String] = [:]
    var issues: [Int64: String] = [:]
    var tasks: [Int64: String] = [:]
    var operators: [Int64: String] = [:]
    var claims: [Int64: ClaimFacts] = [:]
    var ledger: [Int64: LedgerFacts] = [:]

    /// "member:12" → ("member", 12); a target without a number (e.g. "community", "file:x.csv") gives nil id.
    static func parse(_ target: String) -> (kind: String, id: Int64?, rest: String) {
        guard let colon = target.firstIndex(of: ":") else { return (target, nil, "") }
        let kind = String(target[..<colon])
        let rest = String(target[target.index(after: colon)...])
        return (kind, Int64(rest), rest)
    }

    /// Looks up every target of `entries` (and numbers named in their details, like "task:8").
    static func load(_ db: Database, for entries: [AuditEntry]) throws -> AuditNames {
        var wanted: [String: Set<Int64>] = [:]
        for e in entries {
            let t = parse(e.target)
            if let id = t.id { wanted[t.kind, default: []].insert(id) }
            for (kind, id) in codes(in: e.detail) { wanted[kind, default: []].insert(id) }
        }
        var names = AuditNames()
        func ids(_ kind: String) -> [Int64] { Array(wanted[kind] ?? []) }
        func fetch(_ sql: String, _ list: [Int64]) throws -> [Row] {
            guard !list.isEmpty else { return [] }
            let marks = Array(repeating: "?", count: list.count).joined(separator: ",")
            return try Row.fetchAll(db, sql: sql.replacingOccurrences(of: "(?)", with: "(\(marks))"), arguments: StatementArguments(list))
        }
        // Every table named here exists from the migrations on. Claims and ledger entries name a holder and a
        // task, so those are read first and added to the lists.
        var memberIds = Set(ids("member")), orgIds = Set(ids("organisation")), taskIds = Set(ids("task"))
        do {
            for row in try fetch("SELECT c.id, c.task_id, c.member_id, c.organisation_id, t.title FROM claim c JOIN task t ON t.id = c.task_id WHERE c.id IN (?)", ids("claim")) {
                let m: Int64? = row["member_id"], o: Int64? = row["organisation_id"]
                if let m { memberIds.insert(m) }
                if let o { orgIds.insert(o) }
                names.claims[row["id"]] = ClaimFacts(who: m.map { "member:\($0)" } ?? o.map { "organisation:\($0)" } ?? "",
                                                     task: row["title"], taskId: row["task_id"])
            }
        }
        do {
            for row in try fetch("SELECT id, member_id, organisation_id, amount, balance_after, reason FROM ledger_entry WHERE id IN (?)", ids("ledger_entry")) {
                let m: Int64? = row["member_id"], o: Int64? = row["organisation_id"]
                if let m { memberIds.insert(m) }
                if let o { orgIds.insert(o) }
                names.ledger[row["id"]] = LedgerFacts(who: m.map { "member:\($0)" } ?? o.map { "organisation:\($0)" } ?? "",
                                                      amount: row["amount"], after: row["balance_after"], reason: row["reason"],
                                                      holder: m.map { .member($0) } ?? o.map { .organisation($0) })
            }
        }
        for row in try fetch("SELECT id, name, member_code FROM member WHERE id IN (?)", Array(memberIds)) {
            names.members[row["id"]] = "\(row["name"] as String)（\(row["member_code"] as String)）"
        }
        for row in try fetch("SELECT id, name FROM organisation WHERE id IN (?)", Array(orgIds)) { names.organisations[row["id"]] = row["name"] }
        for row in try fetch("SELECT id, name FROM operator WHERE id IN (?)", ids("operator")) { names.operators[row["id"]] = row["name"] }
        do {
            for row in try fetch("SELECT id, number, title FROM issue WHERE id IN (?)", ids("issue")) {
                names.issues[row["id"]] = "\(row["number"] as String) \(row["title"] as String)"
            }
        }
        do {
            for row in try fetch("SELECT id, title FROM task WHERE id IN (?)", Array(taskIds)) { names.tasks[row["id"]] = row["title"] }
        }
        // A claim's holder is stored as a code above; now that names are known, put the name in.
        let resolved = names
        for (id, facts) in resolved.claims { names.claims[id]?.who = resolved.name(facts.who) }
        for (id, facts) in resolved.ledger { names.ledger[id]?.who = resolved.name(facts.who) }
        return names
    }

    /// The name behind a code such as "member:12", or a neutral "#12" when the row is gone.
    func name(_ code: String) -> String {
        let t = Self.parse(code)
        guard let id = t.id else { return t.rest.isEmpty ? t.kind : t.rest }
        let found: String?
        switch t.kind {
        case "member": found = members[id]
        case "organisation": found = organisations[id]
        case "issue": found = issues[id]
        case "task": found = tasks[id]
        case "operator": found = operators[id]
        case "claim": found = claims[id].map { "\($0.who)·\($0.task)" }
        case "ledger_entry": found = ledger[id]?.who
        default: found = nil
        }
        return found ?? "#\(id)"
    }

    /// Codes like "task:8" written into a detail text by older store methods.
    static func codes(in text: String) -> [(String, Int64)] {
        guard text.contains(":") else { return [] }
        var out: [(String, Int64)] = []
        let scalars = Array(text)
        var i = 0
        while i < scalars.count {
            if scalars[i] == ":", i > 0 {
                var s = i - 1
                while s >= 0, scalars[s].isASCII, scalars[s].isLetter || scalars[s] == "_" { s -= 1 }
                var e = i + 1
                while e < scalars.count, scalars[e].isASCII, scalars[e].isNumber { e += 1 }
                let kind = String(scalars[(s + 1)..<i])
                if !kind.isEmpty, e > i + 1, let id = Int64(String(scalars[(i + 1)..<e])) { out.append((kind, id)) }
            }
            i += 1
        }
        return out
    }

    /// Replaces every "kind:id" code in `text` with the name it stands for.
    func namingCodes(in text: String) -> String {
        var out = text
        for (kind, id) in Self.codes(in: text) {
            out = out.replacingOccurrences(of: "\(kind):\(id)", with: name("\(kind):\(id)"))
        }
        return out
    }
}
