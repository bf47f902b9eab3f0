@testable import CommunityTUI
import CommunityModel
import Foundation
import GRDB
import XCTest

/// Switching back to a screen shows it as loaded while nothing changed, and reads it again when something did.
final class ScreenLoadStampTests: XCTestCase {
    func testAScreenIsReadAgainOnlyWhenTheFileOrTheWindowChanged() throws {
        var f = try TUIFixture()
        defer { f.remove() }
        try f.seedRoster()
        f.press(.char("7"))
        let kept = try XCTUnwrap(f.app.loadStamps[.roster])
        f.press(.char("1"), .char("7"))
        XCTAssertEqual(f.app.loadStamps[.roster], kept, "nothing changed: the roster was not read again")
        // Another terminal adds a member: the next visit reads the roster again and shows them.
        let other = try CommunityDatabase.open(path: f.db.path)
        _ = try other.addMember(Member(name: "新党员", phone: "13900000009", organisationId: nil, level: .city,
                                       memberCode: "D0099", reportedOn: "2026-11-30"), by: f.secretary)
        f.press(.char("1"), .char("7"))
        XCTAssertNotEqual(f.app.loadStamps[.roster], kept)
        XCTAssertTrue(f.text.contains("D0099"), f.text)
        // A new window size is a new page size: read again.
        let before = f.app.loadStamps[.roster]
        f.press(.char("1"))
        f.app.resize(width: 100, height: 30)
        f.press(.char("7"))
        XCTAssertNotEqual(f.app.loadStamps[.roster], before)
    }

    func testReadersMapTheFile() throws {
        let f = try TUIFixture()
        defer { f.remove() }
        let mapped = try f.db.pool.read { try Int.fetchOne($0, sql: "PRAGMA mmap_size") ?? 0 }
        XCTAssertGreaterThan(mapped, 0, "reads map the file instead of copying pages through read(2)")
    }
}
