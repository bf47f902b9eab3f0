import CommunityModel
import CommunityTestSupport
import Foundation
import XCTest

/// The shared `TestStore` (a fresh 朝东社区 with its secretary) plus the roster rows the foundation tests add.
struct FoundationFixture {
    let store: TestStore
    var directory: URL { store.directory }
    var db: CommunityDatabase { store.db }
    var secretary: Actor { store.secretary }

    static let pin = TestStore.pin

    init() throws { store = try TestStore(fileName: "test.sqlite") }

    var path: String { db.path }

    func organisation(_ name: String, level: Organisation.Level = .city) throws -> Organisation {
        try db.addOrganisation(Organisation(name: name, level: level, contact: "刘建国", phone: "13903170121", reportedOn: "2026-03-01"), by: secretary)
    }

    /// A member; without a phone, one made from the code's digits (one member, one phone).
    func member(_ name: String, code: String, phone: String? = nil, organisation: Int64? = nil) throws -> Member {
        let digits = String(code.filter(\.isNumber).suffix(8))
        let phone = phone ?? "138" + String(repeating: "0", count: 8 - digits.count) + digits
        return try db.addMember(Member(name: name, phone: phone, organisationId: organisation, level: .district,
                                memberCode: code, reportedOn: "2026-03-02"), by: secretary)
    }

    func remove() { store.remove() }
}

/// Asserts that `body` throws an error equal to `expected`.
func XCTAssertThrowsEqual<E: Error & Equatable, T>(_ body: @autoclosure () throws -> T, _ expected: E,
                                                   file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertThrowsError(try body(), file: file, line: line) { error in
        XCTAssertEqual(error as? E, expected, "got \(error)", file: file, line: line)
    }
}
