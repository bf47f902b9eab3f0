import Foundation
import GRDB

/// What the roster list shows: a search text (name, its pinyin or initials, organisation, member code in any
/// case, phone tail) and whether to include the deactivated.
public struct RosterFilter: Sendable, Equatable {
    public var text: String
    public var includeInactive: Bool
    public init(text: String = "", includeInactive: Bool = true) {
        self.text = text
        self.includeInactive = includeInactive
    }
}

extension MemberRow: KeyedRow {
    public var listKey: ListKey { ListKey(sort: memberCode, id: id) }
}

extension Organisation: KeyedRow {
    public var listKey: ListKey { ListKey(sort: name, id: id ?? 0) }
}

public struct RosterCounts: Sendable, Equatable, Codable {
    public var organisations: Int
    public var organisationsActive: Int
    public var organisationsCity: Int
    public var organisationsDistrict: Int
    public var members: Int
    public var membersActive: Int
    public var membersCity: Int
    public var membersDistrict: Int

    // `stats --json` is read by scripts: its keys are snake_case whatever encoder is used.
    enum CodingKeys: String, CodingKey {
        case organisations, members
        case organisationsActive = "organisations_active"
        case organisationsCity = "organisations_city"
        case organisationsDistrict = "organisations_district"
        case membersActive = "members_active"
        case membersCity = "members_city"
        case membersDistrict = "members_district"
    }
}

extension CommunityDatabase {
    // MARK: Reading

    static func memberQuery(_ filter: RosterFilter) -> KeysetQuery {
        var q = KeysetQuery(select: """
            SELECT m.id, m.name, m.phone, m.organisation_id, o.name AS organisation_name, m.level,
                   m.member_code, m.reported_on, m.active
            FROM member m LEFT JOIN organisation o ON o.id = m.organisation_id
            """, sortExpression: "m.member_code", idExpression: "m.id")
        if !filter.includeInactive { q.conditions.append("m.active = 1") }
        let text = filter.text.trimmingCharacters(in: .whitespaces)
        if !text.isEmpty {
            // Name or organisation anywhere, member code from the start, phone by its tail (what people remember).
            // The organisations are matched once (a few hundred names) rather than joined for each of 5,000
            // members, so the test needs member columns only and the count can skip the join.
            var tests = ["m.name LIKE ? ESCAPE '\\'", "m.organisation_id IN (SELECT id FROM organisation WHERE name LIKE ? ESCAPE '\\')",
                         "m.member_code LIKE ? ESCAPE '\\'", "m.phone LIKE ? ESCAPE '\\'"]
            q.arguments += [likePattern(contains: text), likePattern(contains: text), escapeLike(text) + "%", "%" + escapeLike(text)]
            if let pinyin = pinyinQuery(text) {
                // Latin letters may be the name's pinyin or its initials (李成: licheng, lc), read from the start as
                // the desk's lookup reads them, in `member_lookup` (kept by Core's PinyinText): one SQL pass.
                tests.append("m.id IN (SELECT member_id FROM member_lookup WHERE initials LIKE ? ESCAPE '\\' OR pinyin LIKE ? ESCAPE '\\')")
                q.arguments += [escapeLike(pinyin) + "%", escapeLike(pinyin) + "%"]
            }
            q.conditions.append("(" + tests.joined(separator: " OR ") + ")")
        }
        return q
    }

    /// The search text as `member_lookup` stores pinyin (lower case, no spaces), when it could be pinyin at all.
    static func pinyinQuery(_ text: String) -> String? {
        let compact = text.lowercased().filter { !$0.isWhitespace }
        guard !compact.isEmpty, compact.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
        return compact
    }

    static func organisationQuery(_ filter: RosterFilter) -> KeysetQuery {
        var q = KeysetQuery(select: "SELECT id, name, level, contact, phone, active, reported_on FROM organisation",
                            sortExpression: "name", idExpression: "id")
        if !filter.includeInactive { q.conditions.append("active = 1") }
        let text = filter.text.trimmingCharacters(in: .whitespaces)
        if !text.isEmpty {
            q.conditions.append("(name LIKE ? ESCAPE '\\' OR contact LIKE ? ESCAPE '\\' OR phone LIKE ? ESCAPE '\\')")
            q.arguments += [likePattern(contains: text), likePattern(contains: text), "%" + escapeLike(text)]
        }
        return q
    }

    /// One page of members in member-code order.
    public func members(_ filter: RosterFilter, _ request: PageRequest) throws -> [MemberRow] {
        if Self.pinyinQuery(filter.text) != nil { try refreshMemberLookup() }
        return try pool.read { db in try Self.memberQuery(filter).fetch(db, request) }
    }

    public func memberCount(_ filter: RosterFilter, before key: ListKey? = nil) throws -> Int {
        if Self.pinyinQuery(filter.text) != nil { try refreshMemberLookup() }
        return try pool.read { db in
            // Every condition names member columns only (see memberQuery): counting needs no organisation join.
            var q = Self.memberQuery(filter)
            q.select = "SELECT m.id FROM member m"
            return try q.count(db, before: key)
        }
    }

    public func organisations(_ filter: RosterFilter, _ request: PageRequest) throws -> [Organisation] {
        try pool.read { db in try Self.organisationQuery(filter).fetch(db, request) }
    }

    public func organisationCount(_ filter: RosterFilter, before key: ListKey? = nil) throws -> Int {
        try pool.read { db in try Self.organisationQuery(filter).count(db, before: key) }
    }

    public func member(id: Int64) throws -> MemberRow? {
        try pool.read { db in
            var q = Self.memberQuery(RosterFilter())
            q.conditions.append("m.id = ?")
            q.arguments.append(id)
            let rows: [MemberRow] = try q.fetch(db, .first(1))
            return rows.first
        }
    }

    public func organisation(id: Int64) throws -> Organisation? {
        try pool.read { db in try Organisation.fetchOne(db, key: id) }
    }

    /// Finds an organisation by its exact name (used by import and forms).
    public func organisation(named name: String) throws -> Organisation? {
        try pool.read { db in try Organisation.filter(Organisation.Columns.name == name).fetchOne(db) }
    }

    /// All active organisation names, for choosing one in a form (at most a few hundred).
    public func organisationChoices() throws -> [(id: Int64, name: String)] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, name FROM organisation WHERE active = 1 ORDER BY name").map { ($0["id"], $0["name"]) }
        }
    }

    /// Counts by level cover active rows only: they are what the community can call on.
    public func rosterCounts() throws -> RosterCounts {
        try pool.read { db in try Self.rosterCounts(db) }
    }

    static func rosterCounts(_ db: Database) throws -> RosterCounts {
        let o = try Row.fetchOne(db, sql: """
            SELECT COUNT(*) AS n, COALESCE(SUM(active),0) AS a,
                   COALESCE(SUM(level = '市级' AND active),0) AS c, COALESCE(SUM(level = '区级' AND active),0) AS d FROM organisation
            """)
        let m = try Row.fetchOne(db, sql: """
            SELECT COUNT(*) AS n, COALESCE(SUM(active),0) AS a,
                   COALESCE(SUM(level = '市直' AND active),0) AS c, COALESCE(SUM(level = '区直' AND active),0) AS d FROM member
            """)
        // An aggregate without GROUP BY always returns one row; the fallbacks only keep this free of force-unwraps.
        return RosterCounts(organisations: o?["n"] ?? 0, organisationsActive: o?["a"] ?? 0,
                            organisationsCity: o?["c"] ?? 0, organisationsDistrict: o?["d"] ?? 0,
                            members: m?["n"] ?? 0, membersActive: m?["a"] ?? 0,
                            membersCity: m?["c"] ?? 0, membersDistrict: m?["d"] ?? 0)
    }

    // MARK: Writing

    /// Adds a member after validating every field; a duplicate member code is refused with a message.
    /// - Throws: `RosterError` for bad or duplicate input.
    @discardableResult
    public func addMember(_ member: Member, by actor: Actor) throws -> Member {
        var m = try RosterValidation.validate(member)
        m.id = nil
        return try pool.write { db in
            try Self.insertMember(&m, db, by: actor)
            return m
        }
    }

    static func insertMember(_ m: inout Member, _ db: Database, by actor: Actor?) throws {
        if try Int.fetchOne(db, sql: "SELECT 1 FROM member WHERE member_code = ?", arguments: [m.memberCode]) != nil {
            throw RosterError.duplicateMemberCode(m.memberCode)
        }
        try requirePhoneFree(m, db)
        if let org = m.organisationId, try Organisation.fetchOne(db, key: org) == nil {
            throw RosterError.unknownOrganisation("#\(org)")
        }
        try m.insert(db)
        try AuditEntry.record(db, by: actor, action: "member.add", target: "member:\(m.id ?? 0)", detail: "\(m.name) \(m.memberCode)")
    }

    /// One member, one phone: an active member's number may not be on another active member (the other is named).
    static func requirePhoneFree(_ m: Member, _ db: Database) throws {
        guard m.active else { return }
        if let other = try Row.fetchOne(db, sql: """
            SELECT name, member_code FROM member WHERE phone = ? AND active = 1 AND id IS NOT ? LIMIT 1
            """, arguments: [m.phone, m.id]) {
            throw RosterError.phoneInUse(m.phone, name: other["name"] ?? "", code: other["member_code"] ?? "")
        }
    }

    /// Saves changes to a member; the code must stay unique.
    public func updateMember(_ member: Member, by actor: Actor) throws {
        let m = try RosterValidation.validate(member)
        guard let id = m.id else { throw StoreError.notFound(LocalizedText("该党员", "That member")) }
        try pool.write { db in
            guard let old = try Member.fetchOne(db, key: id) else { throw StoreError.notFound(LocalizedText("该党员", "That member")) }
            if try Int.fetchOne(db, sql: "SELECT 1 FROM member WHERE member_code = ? AND id <> ?", arguments: [m.memberCode, id]) != nil {
                throw RosterError.duplicateMemberCode(m.memberCode)
            }
            try Self.requirePhoneFree(m, db)
            // Checked here so a stale choice gives a message, not a foreign-key failure.
            if let org = m.organisationId, try Organisation.fetchOne(db, key: org) == nil {
                throw RosterError.unknownOrganisation("#\(org)")
            }
            try m.update(db)
            try AuditEntry.record(db, by: actor, action: "member.edit", target: "member:\(id)", detail: Self.diff(old, m))
        }
    }

    /// Deactivates (or reactivates) a member; nobody is ever deleted, their history stays.
    public func setMemberActive(id: Int64, active: Bool, by actor: Actor) throws {
        try pool.write { db in
            guard var m = try Member.fetchOne(db, key: id) else { throw StoreError.notFound(LocalizedText("该党员", "That member")) }
            m.active = active
            try Self.requirePhoneFree(m, db)
            try m.update(db)
            try AuditEntry.record(db, by: actor, action: active ? "member.activate" : "member.deactivate", target: "member:\(id)", detail: m.name)
        }
    }

    @discardableResult
    public func addOrganisation(_ organisation: Organisation, by actor: Actor) throws -> Organisation {
        var o = try RosterValidation.validate(organisation)
        o.id = nil
        return try pool.write { db in
            try Self.insertOrganisation(&o, db, by: actor)
            return o
        }
    }

    static func insertOrganisation(_ o: inout Organisation, _ db: Database, by actor: Actor?) throws {
        if try Int.fetchOne(db, sql: "SELECT 1 FROM organisation WHERE name = ?", arguments: [o.name]) != nil {
            throw RosterError.duplicateOrganisation(o.name)
        }
        try o.insert(db)
        try AuditEntry.record(db, by: actor, action: "organisation.add", target: "organisation:\(o.id ?? 0)", detail: o.name)
    }

    public func updateOrganisation(_ organisation: Organisation, by actor: Actor) throws {
        let o = try RosterValidation.validate(organisation)
        guard let id = o.id else { throw StoreError.notFound(LocalizedText("该单位", "That organisation")) }
        try pool.write { db in
            guard let old = try Organisation.fetchOne(db, key: id) else { throw StoreError.notFound(LocalizedText("该单位", "That organisation")) }
            if try Int.fetchOne(db, sql: "SELECT 1 FROM organisation WHERE name = ? AND id <> ?", arguments: [o.name, id]) != nil {
                throw RosterError.duplicateOrganisation(o.name)
            }
            try o.update(db)
            try AuditEntry.record(db, by: actor, action: "organisation.edit", target: "organisation:\(id)", detail: Self.diff(old, o))
        }
    }

    public func setOrganisationActive(id: Int64, active: Bool, by actor: Actor) throws {
        try pool.write { db in
            guard var o = try Organisation.fetchOne(db, key: id) else { throw StoreError.notFound(LocalizedText("该单位", "That organisation")) }
            o.active = active
            try o.update(db)
            try AuditEntry.record(db, by: actor, action: active ? "organisation.activate" : "organisation.deactivate", target: "organisation:\(id)", detail: o.name)
        }
    }

    /// "phone: 138… → 139…" for the audit log: what changed, not the whole row.
    static func diff<T: Encodable>(_ old: T, _ new: T) -> String {
        let encoder = JSONEncoder()
        guard let a = try? JSONSerialization.jsonObject(with: encoder.encode(old)) as? [String: Any],
              let b = try? JSONSerialization.jsonObject(with: encoder.encode(new)) as? [String: Any] else { return "" }
        return b.keys.sorted().compactMap { key in
            let x = a[key].map { "\($0)" } ?? "", y = b[key].map { "\($0)" } ?? ""
            return x == y ? nil : "\(key): \(x) → \(y)"
        }.joined(separator: "; ")
    }
}
