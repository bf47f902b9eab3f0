import Foundation
import GRDB

/// The SQL behind the desk's holder lookup.
enum HolderQueries {
    /// One holder's card, or nil.
    static func match(_ db: Database, _ holder: PointsHolder) throws -> HolderMatch? {
        switch holder {
        case .member(let id):
            return try Row.fetchOne(db, sql: memberSelect + " WHERE m.id = ?", arguments: [id]).map { memberMatch($0, rank: 0) }
        case .organisation(let id):
            return try Row.fetchOne(db, sql: organisationSelect + " WHERE o.id = ?", arguments: [id]).map { organisationMatch($0, rank: 0) }
        }
    }

    static let memberSelect = """
        SELECT m.id, m.name, m.phone, m.member_code, m.active, COALESCE(o.name, '') AS unit, COALESCE(b.balance, 0) AS balance
        FROM member m LEFT JOIN organisation o ON o.id = m.organisation_id
        LEFT JOIN points_balance b ON b.holder_kind = 'member' AND b.holder_id = m.id
        """

    static let organisationSelect = """
        SELECT o.id, o.name, o.phone, o.level, o.active, COALESCE(b.balance, 0) AS balance
        FROM organisation o LEFT JOIN points_balance b ON b.holder_kind = 'organisation' AND b.holder_id = o.id
        """

    static func memberMatch(_ row: Row, rank: Int) -> HolderMatch {
        let id: Int64 = row["id"]
        let name: String = row["name"]
        return HolderMatch(holder: .member(id), name: name, maskedPhone: Masking.phone(row["phone"]), unit: row["unit"],
                           memberCode: row["member_code"], active: row["active"], balance: row["balance"],
                           cursor: .init(rank: rank, name: name, key: sortKey("m", id)))
    }

    static func organisationMatch(_ row: Row, rank: Int) -> HolderMatch {
        let id: Int64 = row["id"]
        let name: String = row["name"]
        let level: String = row["level"]
        return HolderMatch(holder: .organisation(id), name: name, maskedPhone: Masking.phone(row["phone"]), unit: level,
                           memberCode: "", active: row["active"], balance: row["balance"],
                           cursor: .init(rank: rank, name: name, key: sortKey("o", id)))
    }

    static func sortKey(_ kind: String, _ id: Int64) -> String { kind + String(format: "%012lld", id) }

    /// Escapes LIKE's wildcards in user text (the query uses ESCAPE '\').
    static func likeEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
    }

    /// Ranked matches of members and organisations, after `cursor`, at most `limit`.
    static func find(_ db: Database, query raw: String, limit: Int, after cursor: HolderMatch.Cursor?) throws -> [HolderMatch] {
        let q = raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let digits = !q.isEmpty && q.allSatisfy(\.isASCII) && q.allSatisfy(\.isNumber)
        let phoneTail = digits && q.count >= RedemptionRules.phoneTailDigits
        guard q.count >= RedemptionRules.minimumQuery || phoneTail, limit > 0 else { return [] }
        let e = likeEscaped(q)
        let compact = likeEscaped(q.replacingOccurrences(of: " ", with: ""))
        let reversed = phoneTail ? likeEscaped(String(q.reversed())) : "\u{1}"
        // Rank: 0 exact member code or phone tail, 1 name/organisation starts with it, 2 pinyin or initials,
        // 3 contains it or code starts with it, 4 the member's organisation matches.
        let sql = """
            SELECT * FROM (
                SELECT 'm' AS kind, m.id, m.name, m.phone, m.member_code, m.active, COALESCE(o.name, '') AS unit,
                       COALESCE(b.balance, 0) AS balance,
                       CASE WHEN lower(m.member_code) = :q THEN 0
                            WHEN l.phone_reversed LIKE :rev || '%' ESCAPE '\\' THEN 0
                            WHEN m.name LIKE :e || '%' ESCAPE '\\' THEN 1
                            WHEN l.initials LIKE :c || '%' ESCAPE '\\' OR l.pinyin LIKE :c || '%' ESCAPE '\\' THEN 2
                            WHEN m.name LIKE '%' || :e || '%' ESCAPE '\\' OR m.member_code LIKE :e || '%' ESCAPE '\\' THEN 3
                            WHEN o.name LIKE '%' || :e || '%' ESCAPE '\\' THEN 4 END AS rank,
                       'm' || printf('%012d', m.id) AS sort_key
                FROM member m JOIN member_lookup l ON l.member_id = m.id
                LEFT JOIN organisation o ON o.id = m.organisation_id
                LEFT JOIN points_balance b ON b.holder_kind = 'member' AND b.holder_id = m.id
                UNION ALL
                SELECT 'o', o.id, o.name, o.phone, '', o.active, o.level, COALESCE(b.balance, 0),
                       CASE WHEN o.name LIKE :e || '%' ESCAPE '\\' THEN 1 WHEN o.name LIKE '%' || :e || '%' ESCAPE '\\' THEN 3 END,
                       'o' || printf('%012d', o.id)
                FROM organisation o LEFT JOIN points_balance b ON b.holder_kind = 'organisation' AND b.holder_id = o.id
            ) WHERE rank IS NOT NULL \(cursor == nil ? "" : "AND (rank, name, sort_key) > (:cr, :cn, :ck)")
            ORDER BY rank, name, sort_key LIMIT :limit
            """
        var args: [String: (any DatabaseValueConvertible)?] = ["q": q, "e": e, "c": compact, "rev": reversed, "limit": limit]
        if let cursor {
            args["cr"] = cursor.rank
            args["cn"] = cursor.name
            args["ck"] = cursor.key
        }
        return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)).map { row in
            let rank: Int = row["rank"]
            let kind: String = row["kind"]
            let id: Int64 = row["id"]
            let name: String = row["name"]
            return HolderMatch(holder: kind == "m" ? .member(id) : .organisation(id), name: name,
                               maskedPhone: Masking.phone(row["phone"]), unit: row["unit"], memberCode: row["member_code"],
                               active: row["active"], balance: row["balance"],
                               cursor: .init(rank: rank, name: name, key: row["sort_key"]))
        }
    }
}
