import Foundation
import GRDB
import CommunityTestSupport
import XCTest
@testable import CommunityModel

final class DemoSeedTests: XCTestCase {
    typealias F = MaintenanceFixture

    func testDemoSeedFillsChaodongWithAboutThirtyOrganisationsAndFourHundredMembers() throws {
        // Given the demo as seeded into an empty database (the shared fixture seeds it once per test run)
        let store = try TestStore.demo()
        defer { store.remove() }
        let database = store.db, actor = store.secretary
        // Then it is 朝东社区, marked as demo data, with the demo roster
        let profile = try XCTUnwrap(try database.profile())
        XCTAssertEqual(profile.fullName, "沧州市运河区公园街道朝东社区")
        XCTAssertTrue(profile.isDemo)
        XCTAssertEqual(actor.name, DemoSeeder.secretaryName)
        XCTAssertEqual(actor.role, .secretary)
        let counts = try database.rosterCounts()
        XCTAssertEqual(counts.organisations, 30)
        XCTAssertEqual(counts.members, 400)
        XCTAssertGreaterThan(counts.membersCity, 50)
        XCTAssertGreaterThan(counts.membersDistrict, 50)
        // a few, not none and not many, are deactivated
        XCTAssertTrue((1...30).contains(counts.members - counts.membersActive), "inactive: \(counts.members - counts.membersActive)")
        XCTAssertNotNil(try database.organisation(named: "公交集团党委"))
        XCTAssertNotNil(try database.organisation(named: "区法院党组"))
        // every phone a distinct plausible mobile, every member in a unit of the matching level
        XCTAssertEqual(try F.count(database, "SELECT COUNT(DISTINCT phone) FROM member WHERE phone GLOB '1[3-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'"), 400)
        XCTAssertEqual(try F.count(database, """
            SELECT COUNT(*) FROM member m JOIN organisation o ON o.id = m.organisation_id
            WHERE (o.level = '市级' AND m.level = '市直') OR (o.level = '区级' AND m.level = '区直')
            """), 400)
        XCTAssertEqual(try F.count(database, "SELECT COUNT(*) FROM organisation o WHERE NOT EXISTS (SELECT 1 FROM member m WHERE m.organisation_id = o.id)"), 0)
        XCTAssertEqual(try F.count(database, "SELECT COUNT(*) FROM member WHERE reported_on > '\(TestStore.demoToday)' OR reported_on < '2022-06-01'"), 0)
        XCTAssertEqual(try database.members(RosterFilter(), .first(1)).first?.memberCode, "CD00001")
        XCTAssertEqual(try F.count(database, "SELECT COUNT(*) FROM audit_log WHERE action = 'demo.seed'"), 1)
        // every module added its part of the demo in the same seeding
        XCTAssertGreaterThan(try F.moduleRowCount(database), 0)
    }

    func testTwoSeedsGiveIdenticalRows() throws {
        let a = try F.freshDatabase(), b = try F.freshDatabase()
        try F.seedRoster(a)
        try F.seedRoster(b)
        XCTAssertEqual(try F.dump(a, "organisation"), try F.dump(b, "organisation"))
        XCTAssertEqual(try F.dump(a, "member"), try F.dump(b, "member"))
        XCTAssertEqual(try a.operatorNames(), try b.operatorNames())
        XCTAssertEqual(try F.dump(a, "member").count, 400)
    }

    func testSeedRefusesADatabaseThatHoldsACommunity() throws {
        // Given a real community
        let database = try F.freshDatabase()
        try database.setUp(profile: CommunityProfile(name: "新华社区", street: "新华街道", district: "新华区", city: "沧州市"),
                           secretaryName: "王书记", pin: "246810")
        // When seeding, then it is refused and nothing is added
        XCTAssertThrowsError(try F.seedRoster(database)) { error in
            guard case SetupError.alreadySetUp(_, let community) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(community, "新华社区")
        }
        XCTAssertEqual(try database.rosterCounts().members, 0)
        XCTAssertEqual(try database.operatorNames(), ["王书记"])
        XCTAssertFalse(try XCTUnwrap(try database.profile()).isDemo)
    }

    func testSeedingTwiceIsRefused() throws {
        let database = try F.freshDatabase()
        try F.seedRoster(database)
        XCTAssertThrowsError(try F.seedRoster(database)) { error in
            XCTAssertEqual(error as? SetupError, .alreadySetUp(path: database.path, community: "朝东社区"))
        }
        XCTAssertEqual(try database.rosterCounts().members, 400)
    }

    func testDemoOperatorsSignInWith1234() throws {
        let database = try F.freshDatabase()
        try F.seedRoster(database)
        XCTAssertEqual(try database.login(name: "演示书记", pin: "1234").role, .secretary)
        XCTAssertEqual(try database.login(name: "演示社工", pin: "1234").role, .worker)
        XCTAssertEqual(try database.login(name: "兑换窗口", pin: "1234").role, .kiosk)
        XCTAssertThrowsError(try database.login(name: "演示书记", pin: "4321"))
        XCTAssertEqual(try database.demoActor().name, "演示书记")
    }

    func testOpenDemoCreatesOnceThenReopensAndRefusesARealDatabase() throws {
        let folder = try F.temporaryFolder()
        let path = folder.appendingPathComponent("sub/demo.sqlite").path
        // first use creates and seeds it
        let first = try CommunityDatabase.openDemo(path: path, dataDirectory: F.dataDirectory, today: F.today)
        XCTAssertEqual(try first.rosterCounts().members, 400)
        // later uses open the same data (nothing added)
        let again = try CommunityDatabase.openDemo(path: path, dataDirectory: F.dataDirectory, today: "2030-01-01")
        XCTAssertEqual(try again.rosterCounts().members, 400)
        XCTAssertEqual(try F.dump(first, "member"), try F.dump(again, "member"))
        // a real database is refused
        let realPath = folder.appendingPathComponent("real.sqlite").path
        try CommunityDatabase.open(path: realPath).setUp(
            profile: CommunityProfile(name: "新华社区", street: "新华街道", district: "新华区", city: "沧州市"), secretaryName: "王书记", pin: "246810")
        XCTAssertThrowsError(try CommunityDatabase.openDemo(path: realPath, dataDirectory: F.dataDirectory)) { error in
            XCTAssertEqual(error as? DemoError, .notDemo(path: realPath))
        }
    }

    func testBadDemoFileIsNamedWithThePathInsideItAndNothingIsWritten() throws {
        // Given a copy of data/ whose organisations file has a broken phone and a bad level
        let data = try F.temporaryFolder().appendingPathComponent("data")
        try FileManager.default.copyItem(at: F.dataDirectory, to: data)
        let file = data.appendingPathComponent("demo/organisations.json")
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"13831712235\"", with: "\"1383171\"")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let database = try F.freshDatabase()
        XCTAssertThrowsError(try database.seedDemo(dataDirectory: data, today: F.today)) { error in
            guard case SetupError.badDemoData(let name, let path, _) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(name.hasSuffix("demo/organisations.json"), name)
            XCTAssertEqual(path, "organisations[1].phone")
        }
        XCTAssertNil(try database.profile())

        // and a level that is neither 市级 nor 区级 is named too
        text = text.replacingOccurrences(of: "\"1383171\"", with: "\"13831712235\"")
            .replacingOccurrences(of: "{\"name\": \"区法院党组\", \"level\": \"区级\"", with: "{\"name\": \"区法院党组\", \"level\": \"县级\"")
        try text.write(to: file, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try database.seedDemo(dataDirectory: data, today: F.today)) { error in
            guard case SetupError.badDemoData(_, let path, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(path, "organisations[16].level")
        }
        // and a missing names file
        try FileManager.default.removeItem(at: data.appendingPathComponent("demo/names.json"))
        try text.replacingOccurrences(of: "县级", with: "区级").write(to: file, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try database.seedDemo(dataDirectory: data, today: F.today)) { error in
            guard case SetupError.badDemoData(let name, _, _) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(name.hasSuffix("demo/names.json"), name)
        }
        XCTAssertNil(try database.profile())
    }
}
