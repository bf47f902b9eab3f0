import CommunityModel
import Foundation
import XCTest

final class OperatorLoginTests: XCTestCase {
    func testRightPinSignsInAndPinIsStoredOnlyAsSaltedHash() throws {
        let f = try FoundationFixture()
        defer { f.remove() }
        let actor = try f.db.login(name: "王书记", pin: FoundationFixture.pin)
        XCTAssertEqual(actor.role, .secretary)
        let stored = try f.db.pool.read { db in try String.fetchAll(db, sql: "SELECT hex(pin_hash) || hex(pin_salt) FROM operator") }
        XCTAssertFalse(stored.joined().contains(FoundationFixture.pin))
        // The same PIN for two operators gives two different hashes (each has its own salt).
        _ = try f.db.addOperator(name: "李社工", role: .worker, pin: FoundationFixture.pin, by: f.secretary)
        let hashes = try f.db.pool.read { db in try String.fetchAll(db, sql: "SELECT hex(pin_hash) FROM operator") }
        XCTAssertEqual(Set(hashes).count, 2)
    }

    func testWrongPinCountsDownThenLocksForFiveMinutes() throws {
        let f = try FoundationFixture()
        defer { f.remove() }
        let now = Date()
        for remaining in (1...4).reversed() {
            XCTAssertThrowsEqual(try f.db.login(name: "王书记", pin: "0000", now: now), LoginError.wrongPin(remaining: remaining))
        }
        XCTAssertThrowsError(try f.db.login(name: "王书记", pin: "0000", now: now)) { error in
            guard case LoginError.locked = error else { return XCTFail("expected locked, got \(error)") }
        }
        // Locked: even the right PIN is refused until five minutes have passed.
        XCTAssertThrowsError(try f.db.login(name: "王书记", pin: FoundationFixture.pin, now: now.addingTimeInterval(240)))
        XCTAssertNoThrow(try f.db.login(name: "王书记", pin: FoundationFixture.pin, now: now.addingTimeInterval(301)))
    }

    func testRightPinResetsTheCount() throws {
        let f = try FoundationFixture()
        defer { f.remove() }
        for _ in 0..<3 { _ = try? f.db.login(name: "王书记", pin: "1111") }
        _ = try f.db.login(name: "王书记", pin: FoundationFixture.pin)
        XCTAssertThrowsEqual(try f.db.login(name: "王书记", pin: "1111"), LoginError.wrongPin(remaining: 4))
    }

    func testUnknownOperatorAndBadPinFormatAreRefused() throws {
        let f = try FoundationFixture()
        defer { f.remove() }
        XCTAssertThrowsEqual(try f.db.login(name: "张三", pin: "1234"), LoginError.unknownOperator("张三"))
        XCTAssertThrowsEqual(try f.db.addOperator(name: "李社工", role: .worker, pin: "12", by: f.secretary), PinError.tooShort(minimum: 6))
    }

    func testDemoActorIsRefusedOnARealDatabase() throws {
        let f = try FoundationFixture()
        defer { f.remove() }
        XCTAssertThrowsEqual(try f.db.demoActor(), DemoError.notDemo(path: f.path))
    }
}
