import Foundation
import GRDB
import XCTest
@testable import CommunityModel

final class GenerateTests: XCTestCase {
    typealias F = MaintenanceFixture

    /// Collects progress reports from any thread.
    final class ProgressLog: @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [(String, Int, Int)] = []
        var handler: ProgressHandler { { [self] label, done, total in lock.lock(); entries.append((label.en, done, total)); lock.unlock() } }
        var all: [(String, Int, Int)] { lock.lock(); defer { lock.unlock() }; return entries }
    }

    func testStressScaleMakesExactly200OrganisationsAnd5000Members() throws {
        let database = try F.freshDatabase()
        let log = ProgressLog()
        let summary = try F.generateRoster(database, .stress, progress: log.handler)
        XCTAssertEqual(summary.organisations, 200)
        XCTAssertEqual(summary.members, 5_000)
        let counts = try database.rosterCounts()
        XCTAssertEqual(counts.organisations, 200)
        XCTAssertEqual(counts.members, 5_000)
        XCTAssertTrue(try XCTUnwrap(try database.profile()).isDemo)
        XCTAssertEqual(try F.count(database, "SELECT COUNT(DISTINCT phone) FROM member"), 5_000)
        XCTAssertEqual(try F.count(database, "SELECT COUNT(*) FROM member WHERE organisation_id IS NULL"), 0)
        // the community's own units come first, exactly as in the demo
        XCTAssertEqual(try database.organisation(id: 1)?.name, "公交集团党委")
        // committed in batches of 500: ten member batches, each audited, progress reported after each
        XCTAssertEqual(try F.count(database, "SELECT COUNT(*) FROM audit_log WHERE action = 'generate.members'"), 10)
        let memberProgress = log.all.filter { $0.0 == "members" }
        XCTAssertEqual(memberProgress.map(\.1), [0, 500, 1000, 1500, 2000, 2500, 3000, 3500, 4000, 4500, 5000])
        XCTAssertTrue(memberProgress.allSatisfy { $0.2 == 5_000 })
        // demo operators exist so `--demo --db` can sign in
        XCTAssertEqual(try database.demoActor().name, DemoSeeder.secretaryName)
    }

    func testReRunGivesTheSameRows() throws {
        let a = try F.freshDatabase(), b = try F.freshDatabase()
        try F.generateRoster(a, .district, today: F.today)
        try F.generateRoster(b, .district, today: F.today)
        let orgs = try F.dump(a, "organisation")
        XCTAssertEqual(orgs.count, 60)
        XCTAssertEqual(orgs, try F.dump(b, "organisation"))
        let members = try F.dump(a, "member")
        XCTAssertEqual(members.count, 1_500)
        XCTAssertEqual(members, try F.dump(b, "member"))
    }

    func testStressReRunGivesTheSameRows() throws {
        let a = try F.freshDatabase(), b = try F.freshDatabase()
        try F.generateRoster(a, .stress, today: F.today)
        try F.generateRoster(b, .stress, today: F.today)
        XCTAssertEqual(try F.dump(a, "organisation"), try F.dump(b, "organisation"))
        XCTAssertEqual(try F.dump(a, "member"), try F.dump(b, "member"))
        // and a different "today" moves the dates, not the people
        let c = try F.freshDatabase()
        try F.generateRoster(c, .stress, today: "2026-01-01")
        XCTAssertEqual(try F.count(c, "SELECT COUNT(*) FROM member WHERE reported_on > '2026-01-01'"), 0)
        XCTAssertEqual(try c.members(RosterFilter(), .first(3)).map(\.name), try a.members(RosterFilter(), .first(3)).map(\.name))
    }

    func testDistrictScaleIsSixtyOrganisationsAndFifteenHundredMembersWithUniqueNames() throws {
        let database = try F.freshDatabase()
        try F.generateRoster(database, .district, today: F.today)
        XCTAssertEqual(try F.count(database, "SELECT COUNT(DISTINCT name) FROM organisation"), 60)
        XCTAssertEqual(try F.count(database, "SELECT COUNT(DISTINCT member_code) FROM member"), 1_500)
        // both levels present, and no unit left without members
        XCTAssertGreaterThan(try database.rosterCounts().organisationsCity, 10)
        XCTAssertGreaterThan(try database.rosterCounts().organisationsDistrict, 10)
        XCTAssertEqual(try F.count(database, "SELECT COUNT(*) FROM organisation o WHERE NOT EXISTS (SELECT 1 FROM member m WHERE m.organisation_id = o.id)"), 0)
    }

    func testDemoScaleIsTheDemoSeed() throws {
        let generated = try F.freshDatabase(), seeded = try F.freshDatabase()
        let summary = try F.generateRoster(generated, .demo, today: F.today)
        try F.seedRoster(seeded)
        XCTAssertEqual(summary.organisations, 30)
        XCTAssertEqual(summary.members, 400)
        XCTAssertEqual(try F.dump(generated, "member"), try F.dump(seeded, "member"))
    }

    func testGenerateRefusesADatabaseThatHoldsACommunity() throws {
        let database = try F.freshDatabase()
        try F.seedRoster(database)
        XCTAssertThrowsError(try F.generateRoster(database, .district, today: F.today)) { error in
            guard case SetupError.alreadySetUp = error else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(try database.rosterCounts().members, 400)
    }

    func testEveryModuleGeneratesOnTopOfTheRoster() throws {
        // Given the public entry point (all modules), at the district scale
        let database = try F.freshDatabase()
        let log = ProgressLog()
        try database.generate(scale: .district, dataDirectory: F.dataDirectory, today: F.today, progress: log.handler)
        // Then the roster is there and the modules added their rows after it
        XCTAssertEqual(try database.rosterCounts().members, 1_500)
        XCTAssertGreaterThan(try F.moduleRowCount(database), 0)
        XCTAssertTrue(Set(log.all.map(\.0)).count > 2, "modules report their own progress: \(Set(log.all.map(\.0)))")
    }

    func testScalesGrow() {
        XCTAssertEqual(Generator.rosterSize(.stress).organisations, 200)
        XCTAssertEqual(Generator.rosterSize(.stress).members, 5_000)
        XCTAssertLessThan(Generator.rosterSize(.demo).members, Generator.rosterSize(.district).members)
    }
}
