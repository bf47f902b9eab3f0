import Foundation
import GRDB

/// The SQL behind the desk's holder lookup.
enum HolderQueries {
    /// One holder's card, or nil.
    static func match(_ db: Database, _ holder: PointsHolder) throws -> HolderMatch? {
        switch holder {
        case .member(let id):
            return try Row.fetchOne(db.cachedStatement(sql: memberSelect + " WHERE m.id = ?"), arguments: [id]).map { memberMatch($0, rank: 0) }
        case .organisation(let id):
            return try Row.fetchOne(db.cachedStatement(sql: organisationSelect + " WHERE o.id = ?"), arguments: [id]).map { organisationMatch($0, rank: 0) }
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

    /// Ranked matches of members and organisations, after `cursor`, at most `limit`: the ranking runs over the
    /// roster's keys held in memory (`HolderSearchIndex`); only the rows returned are read from the store.
    static func find(_ db: Database, query raw: String, limit: Int, after cursor: HolderMatch.Cursor?) throws -> [HolderMatch] {
        let q = raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let digits = !q.isEmpty && q.allSatisfy(\.isASCII) && q.allSatisfy(\.isNumber)
        let phoneTail = digits && q.count >= RedemptionRules.phoneTailDigits
        guard q.count >= RedemptionRules.minimumQuery || phoneTail, limit > 0 else { return [] }
        let query = HolderSearchIndex.Query(text: Array(q.utf8), compact: Array(q.replacingOccurrences(of: " ", with: "").utf8),
                                            reversedPhone: phoneTail ? Array(q.utf8.reversed()) : nil)
        let found = try HolderIndexCache.shared.index(db).find(query, limit: limit, after: cursor)
        return try found.compactMap { hit in
            guard var match = try match(db, hit.holder) else { return nil }
            match.cursor = hit.cursor
            return match
        }
    }
}
