import CommunityModel
import CommunityTestSupport
import Foundation
import GRDB
import XCTest

/// A fresh 朝东社区 (its catalog loaded at setup) with a few members holding points.
final class RedemptionFixture {
    let store: TestStore
    var db: CommunityDatabase { store.db }
    var secretary: Actor { store.secretary }

    init() throws {
        store = try TestStore()
    }

    deinit { store.remove() }

    /// A member with `points` on their balance.
    @discardableResult
    func member(_ name: String, code: String, phone: String, points: Int = 0, active: Bool = true) throws -> PointsHolder {
        let m = try db.addMember(Member(name: name, phone: phone, organisationId: nil, level: .city, memberCode: code,
                                        reportedOn: "2026-01-01"), by: secretary)
        let holder = PointsHolder.member(m.id ?? 0)
        if points > 0 { try db.adjustPoints(holder, amount: points, reason: "测试入账", by: secretary) }
        if !active { try db.setMemberActive(id: m.id ?? 0, active: false, by: secretary) }
        return holder
    }

    func request(_ holder: PointsHolder, _ items: [String: Int], id: String = UUID().uuidString) -> RedemptionRequest {
        RedemptionRequest(holder: holder, basket: items.sorted { $0.key < $1.key }.map { BasketLine(itemKey: $0.key, quantity: $0.value) },
                          requestId: id)
    }

    func balance(_ holder: PointsHolder) throws -> Int { try db.balance(of: holder).balance }
    func stock(_ key: String) throws -> Int { try db.catalogItem(key: key)?.stock ?? -1 }
    func count(_ sql: String) throws -> Int { try db.pool.read { try Int.fetchOne($0, sql: sql) ?? 0 } }
}

/// Asserts that `body` throws exactly `expected`.
func assertThrows<E: Error & Equatable, T>(_ body: @autoclosure () throws -> T, _ expected: E,
                                           file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertThrowsError(try body(), file: file, line: line) { error in
        XCTAssertEqual(error as? E, expected, "got \(error)", file: file, line: line)
    }
}
