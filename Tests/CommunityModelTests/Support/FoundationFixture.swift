import CommunityModel
import Foundation
import XCTest

/// A real SQLite file in a fresh temporary folder, set up with a community and a secretary.
struct FoundationFixture {
    let directory: URL
    let db: CommunityDatabase
    let secretary: Actor

    static let pin = "2468"

    init(file: StaticString = #filePath, line: UInt = #line) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("community-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        db = try CommunityDatabase.open(path: directory.appendingPathComponent("test.sqlite").path)
        secretary = try db.setUp(profile: CommunityProfile(name: "朝东社区", street: "公园街道", district: "运河区", city: "沧州市"),
                                 secretaryName: "王书记", pin: Self.pin)
    }

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

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}

/// Asserts that `body` throws an error equal to `expected`.
func XCTAssertThrowsEqual<E: Error & Equatable, T>(_ body: @autoclosure () throws -> T, _ expected: E,
                                                   file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertThrowsError(try body(), file: file, line: line) { error in
        XCTAssertEqual(error as? E, expected, "got \(error)", file: file, line: line)
    }
}
