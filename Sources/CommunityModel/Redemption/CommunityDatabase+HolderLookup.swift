import Foundation
import GRDB

/// Finding the holder at the desk (issue 8 item 2).
extension CommunityDatabase {
    /// Finds points holders by name, pinyin initials ("lc" for 李成) or full pinyin, the last 4+ digits of the
    /// phone, member code (any case) or organisation name. Results are ordered by how well they match, then
    /// name; pass the last result's `cursor` as `after` for the next page.
    /// - Throws: `RedemptionError` never; an empty or too short query returns no rows.
    public func findHolders(_ query: String, limit: Int = 20, after: HolderMatch.Cursor? = nil) throws -> [HolderMatch] {
        try refreshMemberLookup()
        return try pool.read { db in try HolderQueries.find(db, query: query, limit: limit, after: after) }
    }

    /// New or renamed members get their pinyin before a search reads `member_lookup` (a roster write or an
    /// import marks them; usually there is nothing to do, and finding that out is one probe of a partial index).
    func refreshMemberLookup() throws {
        if try pool.read({ db in try HolderLookupIndex.hasStale(db) }) {
            try pool.write { db in try HolderLookupIndex.refreshStale(db) }
        }
    }

    /// Loads the lookup's in-memory keys on a background reader (about 20 ms at 5,000 members), so the first
    /// letters typed at the desk or into a people picker find them ready. Nothing happens while they are current.
    public func warmHolderLookup() {
        let db = self
        BackgroundWarmUp.run {
            _ = try? db.pool.read { d in try HolderIndexCache.shared.index(d) }
        }
    }

    /// One holder's desk card (name, masked phone, unit, active, balance), or nil when not on the roster.
    public func holderMatch(_ holder: PointsHolder) throws -> HolderMatch? {
        try pool.read { db in try HolderQueries.match(db, holder) }
    }
}
