import Foundation
import GRDB

/// Inserts many roster rows inside the caller's transaction through cached prepared statements:
/// seeding, generating and importing thousands of rows should not compile the same SQL thousands of times.
enum RosterBulkWriter {
    /// Inserts organisations in order and returns their new ids and levels, in the same order.
    static func insert(_ organisations: [Organisation], _ db: Database) throws -> [(id: Int64, level: Organisation.Level)] {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO organisation (name, level, contact, phone, active, reported_on) VALUES (?, ?, ?, ?, ?, ?)
            """)
        var ids: [(id: Int64, level: Organisation.Level)] = []
        ids.reserveCapacity(organisations.count)
        for o in organisations {
            try statement.execute(arguments: [o.name, o.level.rawValue, o.contact, o.phone, o.active, o.reportedOn])
            ids.append((db.lastInsertedRowID, o.level))
        }
        return ids
    }

    /// Inserts members in order and returns their new ids.
    @discardableResult
    static func insert(_ members: some Collection<Member>, _ db: Database) throws -> [Int64] {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO member (name, phone, organisation_id, level, member_code, reported_on, active) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        var ids: [Int64] = []
        ids.reserveCapacity(members.count)
        for m in members {
            try statement.execute(arguments: [m.name, m.phone, m.organisationId, m.level.rawValue, m.memberCode, m.reportedOn, m.active])
            ids.append(db.lastInsertedRowID)
        }
        return ids
    }
}
