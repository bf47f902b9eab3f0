import Foundation
import GRDB
import XCTest
@testable import CommunityModel

final class StatsTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws { directory = try MaintenanceFixtures.scratchDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    func testDocumentHoldsProfileAndRosterWithSortedSnakeCaseKeys() throws {
        // Given 朝东社区 with 3 organisations and 10 members, one of them deactivated
        let (database, actor) = try MaintenanceFixtures.makeDatabase(in: directory)
        try MaintenanceFixtures.addRoster(database, by: actor, organisations: 3, members: 10)
        let first = try XCTUnwrap(database.members(RosterFilter(), .first(1)).first)
        try database.setMemberActive(id: first.id, active: false, by: actor)

        // When the stats document is built
        let data = try database.stats(today: "2026-05-01").json()
        let text = String(decoding: data, as: UTF8.self)
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])

        // Then it names the community and counts the roster
        XCTAssertEqual(object["as_of"] as? String, "2026-05-01")
        let community = try XCTUnwrap(object["community"] as? [String: Any])
        XCTAssertEqual(community["name"] as? String, "朝东社区")
        XCTAssertEqual(community["street"] as? String, "公园街道")
        XCTAssertEqual(community["district"] as? String, "运河区")
        XCTAssertEqual(community["city"] as? String, "沧州市")
        XCTAssertEqual(community["demo"] as? Bool, false)
        let roster = try XCTUnwrap(object["roster"] as? [String: Any])
        XCTAssertEqual(roster["members"] as? Int, 10)
        XCTAssertEqual(roster["members_active"] as? Int, 9)
        XCTAssertEqual(roster["organisations"] as? Int, 3)
        XCTAssertEqual(roster["organisations_city"] as? Int, 2)

        // and is pretty-printed with keys in sorted order, unescaped Chinese
        XCTAssertTrue(text.contains("\n  \"community\""), text)
        XCTAssertTrue(text.contains("朝东社区"))
        let positions = ["\"as_of\"", "\"community\"", "\"roster\""].compactMap { text.range(of: $0)?.lowerBound }
        XCTAssertEqual(positions.count, 3)
        XCTAssertEqual(positions, positions.sorted())
        let rosterKeys = ["\"members\"", "\"members_active\"", "\"members_city\"", "\"organisations\""].compactMap { text.range(of: $0)?.lowerBound }
        XCTAssertEqual(rosterKeys, rosterKeys.sorted())
        XCTAssertTrue(text.hasSuffix("}\n"))
    }

    func testModuleSectionsAppearUnderTheirNamesInSnakeCase() throws {
        let (database, _) = try MaintenanceFixtures.makeDatabase(in: directory)
        let report = try database.pool.read { db in
            try CommunityDatabase.stats(db, today: "2026-05-01", modules: [FakeStatsModule.self])
        }
        XCTAssertEqual(report.keys, ["as_of", "community", "fake_volunteer", "monthly", "roster"], "the core adds the twelve-month series (issue 11)")
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: report.json()) as? [String: Any])
        let section = try XCTUnwrap(object["fake_volunteer"] as? [String: Any])
        XCTAssertEqual(section["tasks_open"] as? Int, 7, "camelCase properties come out snake_case")
        XCTAssertEqual(section["claimsPendingReview"] as? Int, nil)
        XCTAssertEqual(section["claims_pending_review"] as? Int, 2)
        // A module cannot replace a fixed key.
        let roster = try XCTUnwrap(object["roster"] as? [String: Any])
        XCTAssertEqual(roster["members"] as? Int, 0)
    }

    func testStatsOnADatabaseNeverSetUpSaysSo() throws {
        let database = try CommunityDatabase.open(path: directory.appendingPathComponent("empty.sqlite").path)
        XCTAssertThrowsError(try database.stats()) { error in
            XCTAssertEqual(error as? StoreError, .missingProfile)
        }
    }
}

private enum FakeStatsModule: ModuleHooks {
    struct Figures: Encodable, Sendable {
        var tasksOpen = 7
        var claimsPendingReview = 2
    }
    static func seedDemo(_ db: Database, context: inout SeedContext) throws {}
    static func generate(_ pool: DatabasePool, scale: GenerateScale, context: inout SeedContext, progress: ProgressHandler?) throws {}
    static func check(_ db: Database) throws -> [IntegrityProblem] { [] }
    static func stats(_ db: Database, today: String) throws -> [StatsSection] {
        [StatsSection(name: "fake_volunteer", value: Figures()), StatsSection(name: "roster", value: ["members": 999])]
    }
}
