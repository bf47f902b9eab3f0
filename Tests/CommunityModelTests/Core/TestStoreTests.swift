import CommunityModel
import CommunityTestSupport
import XCTest

/// The shared fixture itself: each demo copy is its own file, so a test's writes never leak into another's.
final class TestStoreTests: XCTestCase {
    func testDemoCopiesAreIndependentFilesOfTheSeededDemo() throws {
        let a = try TestStore.demo()
        let b = try TestStore.demo()
        defer { a.remove(); b.remove() }
        XCTAssertNotEqual(a.path, b.path)
        XCTAssertTrue(try a.db.profile()?.isDemo ?? false)
        XCTAssertEqual(a.secretary.name, "演示书记")
        let before = try b.db.stats(today: TestStore.demoToday).roster.members
        _ = try a.db.addMember(Member(name: "新党员", phone: "13811112222", organisationId: nil, level: .district,
                                      memberCode: "NEW0001", reportedOn: "2026-11-01"), by: a.secretary)
        XCTAssertEqual(try a.db.stats(today: TestStore.demoToday).roster.members, before + 1)
        XCTAssertEqual(try b.db.stats(today: TestStore.demoToday).roster.members, before)
    }

    func testFreshStoreHasTheCommunityAndItsSecretary() throws {
        let store = try TestStore()
        defer { store.remove() }
        XCTAssertEqual(try store.db.profile()?.name, "朝东社区")
        XCTAssertEqual(try store.db.login(name: "王书记", pin: TestStore.pin).name, "王书记")
    }
}
