import CommunityModel
import CommunityTestSupport
import Foundation
import XCTest

/// Running the office's operators (issue 14): the rules a community lives by for a year without anyone
/// touching the database by hand.
final class OperatorAdminTests: XCTestCase {
    func testWeakPinsAreRefusedOnARealDatabaseWithTheReason() throws {
        let store = try TestStore()
        defer { store.remove() }
        let weak: [(String, PinError)] = [
            ("1234", .tooShort(minimum: 6)), ("12345", .tooShort(minimum: 6)), ("123456", .weak(.run)), ("654321", .weak(.run)),
            ("000000", .weak(.repeated)), ("111111", .weak(.repeated)), ("890123", .weak(.run)), ("121212", .weak(.pattern)),
            ("12a456", .notDigits), ("123456789", .tooLong(maximum: 8)),
        ]
        for (pin, error) in weak {
            XCTAssertThrowsEqual(try store.db.addOperator(name: "李社工", role: .worker, pin: pin, by: store.secretary), error)
        }
        // The tail of the person's own phone (a roster member of the same name).
        _ = try store.db.addMember(Member(name: "李社工", phone: "13911385027", organisationId: nil, level: .district,
                                          memberCode: "M9001", reportedOn: "2026-03-01"), by: store.secretary)
        XCTAssertThrowsEqual(try store.db.addOperator(name: "李社工", role: .worker, pin: "385027", by: store.secretary), PinError.weak(.phoneTail))
        XCTAssertNoThrow(try store.db.addOperator(name: "李社工", role: .worker, pin: "385028", by: store.secretary))
        XCTAssertEqual(try store.db.operators().map(\.name), ["王书记", "李社工"])
        XCTAssertTrue(PinError.weak(.run).message.zh.contains("123456"))
    }

    func testSetUpOfARealDatabaseRefusesAWeakPin() throws {
        let store = try TestStore(setUp: false)
        defer { store.remove() }
        XCTAssertThrowsEqual(try store.db.setUp(profile: TestStore.profile, secretaryName: "王书记", pin: "2468"), PinError.tooShort(minimum: 6))
        XCTAssertNil(try store.db.profile(), "nothing is written")
    }

    func testDemoDatabasesKeepShortPins() throws {
        let store = try TestStore.demo()
        defer { store.remove() }
        let clerk = try store.db.addOperator(name: "新窗口", role: .kiosk, pin: "1234", by: store.secretary)
        try store.db.resetOperatorPin(id: clerk.id!, newPin: "4321", by: store.secretary)
        XCTAssertEqual(try store.db.login(name: "新窗口", pin: "4321").role, .kiosk)
    }

    func testTheLastActiveSecretaryCannotBeDeactivatedOrDemoted() throws {
        let store = try TestStore()
        defer { store.remove() }
        let me = store.secretary
        XCTAssertThrowsEqual(try store.db.setOperatorActive(id: me.operatorId, active: false, by: me), OperatorError.lastSecretary("王书记"))
        XCTAssertThrowsEqual(try store.db.setOperatorRole(id: me.operatorId, role: .worker, by: me), OperatorError.lastSecretary("王书记"))
        // With a second secretary, the first may go; then the second is the last one.
        let second = try store.db.addOperator(name: "张书记", role: .secretary, pin: "582046", by: me)
        try store.db.setOperatorRole(id: me.operatorId, role: .worker, by: me)
        let zhang = try store.db.login(name: "张书记", pin: "582046")
        XCTAssertThrowsEqual(try store.db.setOperatorActive(id: second.id!, active: false, by: zhang), OperatorError.lastSecretary("张书记"))
        XCTAssertEqual(try store.db.operatorNamed("王书记").role, .worker)
    }

    func testOnlyASecretaryManagesOperators() throws {
        let store = try TestStore()
        defer { store.remove() }
        _ = try store.db.addOperator(name: "李社工", role: .worker, pin: "385028", by: store.secretary)
        let worker = try store.db.login(name: "李社工", pin: "385028")
        XCTAssertThrowsError(try store.db.addOperator(name: "赵", role: .kiosk, pin: "385029", by: worker))
        XCTAssertThrowsError(try store.db.unlockOperator(id: store.secretary.operatorId, by: worker))
        XCTAssertThrowsError(try store.db.resetOperatorPin(id: store.secretary.operatorId, newPin: "385029", by: worker))
    }

    func testChangingYourOwnPinNeedsTheOldOne() throws {
        let store = try TestStore()
        defer { store.remove() }
        let me = store.secretary
        XCTAssertThrowsEqual(try store.db.changeOwnPin(me, old: "999999", new: "730516"), LoginError.wrongPin(remaining: 4))
        XCTAssertThrowsEqual(try store.db.changeOwnPin(me, old: TestStore.pin, new: "123456"), PinError.weak(.run))
        XCTAssertThrowsEqual(try store.db.changeOwnPin(me, old: TestStore.pin, new: TestStore.pin), PinError.same)
        try store.db.changeOwnPin(me, old: TestStore.pin, new: "730516")
        XCTAssertThrowsError(try store.db.login(name: "王书记", pin: TestStore.pin))
        XCTAssertEqual(try store.db.login(name: "王书记", pin: "730516").name, "王书记")
    }

    func testResetAndUnlockLiftALockAndLastSignInIsKept() throws {
        let store = try TestStore()
        defer { store.remove() }
        let clerk = try store.db.addOperator(name: "兑换员", role: .kiosk, pin: "385028", by: store.secretary)
        XCTAssertNil(try store.db.operatorNamed("兑换员").lastSignIn)
        for _ in 0..<5 { _ = try? store.db.login(name: "兑换员", pin: "000000") }
        XCTAssertNotNil(try store.db.operatorNamed("兑换员").lockedUntil)
        XCTAssertThrowsError(try store.db.login(name: "兑换员", pin: "385028"))
        try store.db.unlockOperator(id: clerk.id!, by: store.secretary)
        XCTAssertEqual(try store.db.login(name: "兑换员", pin: "385028").role, .kiosk)
        XCTAssertNotNil(try store.db.operatorNamed("兑换员").lastSignIn)
        for _ in 0..<5 { _ = try? store.db.login(name: "兑换员", pin: "000000") }
        try store.db.resetOperatorPin(id: clerk.id!, newPin: "640213", by: store.secretary)
        XCTAssertNil(try store.db.operatorNamed("兑换员").lockedUntil)
        XCTAssertEqual(try store.db.login(name: "兑换员", pin: "640213").name, "兑换员")
    }

    func testADeactivatedOperatorCannotSignInButStaysInTheAuditLog() throws {
        let store = try TestStore()
        defer { store.remove() }
        let clerk = try store.db.addOperator(name: "兑换员", role: .kiosk, pin: "385028", by: store.secretary)
        let actor = try store.db.login(name: "兑换员", pin: "385028")
        _ = actor
        try store.db.setOperatorActive(id: clerk.id!, active: false, by: store.secretary)
        XCTAssertThrowsEqual(try store.db.login(name: "兑换员", pin: "385028"), LoginError.inactive("兑换员"))
        XCTAssertFalse(try store.db.operatorNames().contains("兑换员"), "not offered at sign-in")
        XCTAssertTrue(try store.db.operators().contains { $0.name == "兑换员" && !$0.active }, "never deleted")
        let theirs = try store.db.auditLines(AuditFilter(operatorName: "兑换员"), .first(10))
        XCTAssertEqual(theirs.map(\.sentence.zh), ["兑换员 登录"])
        let about = try store.db.auditLines(AuditFilter(kind: .operators), .first(10)).map(\.sentence.zh)
        XCTAssertTrue(about.contains("停用操作员 兑换员"), "\(about)")
        XCTAssertTrue(about.contains("新增操作员 兑换员（兑换窗口）"), "\(about)")
    }
}
