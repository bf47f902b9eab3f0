import CommunityModel
import CommunityTestSupport
import Foundation
import GRDB
import XCTest

/// The desk's lookup ranks in memory (`HolderSearchIndex`); these pin it to what the SQL ranking meant.
final class HolderSearchIndexTests: XCTestCase {
    /// The ranking as one SQL query, as the desk ran it before: the oracle for order and membership.
    private func sqlRanking(_ db: Database, _ raw: String) throws -> [String] {
        let q = raw.lowercased()
        let digits = q.allSatisfy { $0.isASCII && $0.isNumber }
        let rev = digits && q.count >= RedemptionRules.phoneTailDigits ? String(q.reversed()) : "\u{1}"
        return try String.fetchAll(db, sql: """
            SELECT kind || id FROM (
                SELECT 'm' AS kind, m.id, m.name,
                       CASE WHEN lower(m.member_code) = :q THEN 0
                            WHEN l.phone_reversed LIKE :rev || '%' THEN 0
                            WHEN m.name LIKE :q || '%' THEN 1
                            WHEN l.initials LIKE :q || '%' OR l.pinyin LIKE :q || '%' THEN 2
                            WHEN m.name LIKE '%' || :q || '%' OR m.member_code LIKE :q || '%' THEN 3
                            WHEN o.name LIKE '%' || :q || '%' THEN 4 END AS rank,
                       'm' || printf('%012d', m.id) AS sort_key
                FROM member m JOIN member_lookup l ON l.member_id = m.id LEFT JOIN organisation o ON o.id = m.organisation_id
                UNION ALL
                SELECT 'o', o.id, o.name,
                       CASE WHEN o.name LIKE :q || '%' THEN 1 WHEN o.name LIKE '%' || :q || '%' THEN 3 END,
                       'o' || printf('%012d', o.id)
                FROM organisation o
            ) WHERE rank IS NOT NULL ORDER BY rank, name, sort_key
            """, arguments: ["q": q, "rev": rev])
    }

    private func key(_ h: PointsHolder) -> String {
        switch h {
        case .member(let id): return "m\(id)"
        case .organisation(let id): return "o\(id)"
        }
    }

    func testSameMatchesInTheSameOrderAsTheSQLRankingAndPagesWithoutGapsOrRepeats() throws {
        let store = try TestStore.demo()
        defer { store.remove() }
        _ = try store.db.findHolders("zz") // fills any pinyin a demo write left stale
        for query in ["cd", "CD000", "zh", "lc", "wang", "li", "13", "1380", "5678", "张", "王丽", "公交", "局", "党委", "区", "cd00005"] {
            let expected = try store.db.pool.read { try sqlRanking($0, query) }
            let all = try store.db.findHolders(query, limit: 10_000)
            if query.count >= RedemptionRules.minimumQuery || (query.allSatisfy(\.isNumber) && query.count >= 4) {
                XCTAssertEqual(all.map { key($0.holder) }, expected, "query \(query)")
            } else {
                XCTAssertEqual(all, [], "query \(query)")
            }
            // Page by page, after each page's last cursor, gives the same list.
            var paged: [HolderMatch] = []
            var cursor: HolderMatch.Cursor?
            while true {
                let page = try store.db.findHolders(query, limit: 7, after: cursor)
                paged += page
                guard page.count == 7, let last = page.last else { break }
                cursor = last.cursor
            }
            XCTAssertEqual(paged.map(\.holder), all.map(\.holder), "paging \(query)")
        }
    }

    func testKeysAreKeptWhilePointsMoveAndReloadedWhenTheRosterChanges() throws {
        let f = try RedemptionFixture()
        let holder = try f.member("张晓明", code: "CD0002", phone: "13900005678", points: 1000)
        let stamp = { try f.count("SELECT n FROM roster_stamp") }
        XCTAssertEqual(try f.db.findHolders("zxm").first?.holder, holder)
        let before = try stamp()
        _ = try f.db.redeem(f.request(holder, ["towel": 1]), by: f.secretary)
        XCTAssertEqual(try stamp(), before, "a redemption is not a roster change")
        XCTAssertEqual(try f.db.findHolders("zxm").first?.balance, try f.balance(holder), "the balance is read fresh")
        let added = try f.member("赵小美", code: "CD0003", phone: "13900001111")
        XCTAssertGreaterThan(try stamp(), before)
        XCTAssertEqual(try f.db.findHolders("zxm").map(\.holder), [holder, added], "a new member is found at once, in name order")
    }
}
