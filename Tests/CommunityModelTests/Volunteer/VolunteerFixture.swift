import Foundation
import GRDB
import CommunityTestSupport
import XCTest
@testable import CommunityModel

/// The shared `TestStore` (a fresh 朝东社区 and its secretary) with helpers to add claimants and make tasks.
/// Far-future windows keep tasks open whatever the real date is.
final class VolunteerFixture {
    let store: TestStore
    var dir: URL { store.directory }
    var path: String { store.path }
    var db: CommunityDatabase { store.db }
    var actor: Actor { store.secretary }

    init() throws { store = try TestStore() }

    deinit { store.remove() }

    @discardableResult
    func organisation(_ name: String, phone: String = "13900000000", active: Bool = true) throws -> PointsHolder {
        let o = try db.addOrganisation(Organisation(name: name, level: .city, contact: "联系人", phone: phone, reportedOn: "2026-01-01"), by: actor)
        if !active { try db.setOrganisationActive(id: o.id ?? 0, active: false, by: actor) }
        return .organisation(o.id ?? 0)
    }

    @discardableResult
    func member(_ name: String, code: String, phone: String, active: Bool = true) throws -> PointsHolder {
        let m = try db.addMember(Member(name: name, phone: phone, organisationId: nil, level: .city, memberCode: code, reportedOn: "2026-01-01"), by: actor)
        if !active { try db.setMemberActive(id: m.id ?? 0, active: false, by: actor) }
        return .member(m.id ?? 0)
    }

    @discardableResult
    func task(_ title: String = "核酸检测（上午班）", audience: TaskAudience = .both, places: Int = 5, points: Int = 10,
              starts: String = "2099-06-28 08:00", ends: String = "2099-06-28 11:30", publish: Bool = true) throws -> VolunteerTask {
        try db.createTask(TaskDraft(title: title, category: .nucleicTesting, audience: audience, startsAt: starts, endsAt: ends,
                                    place: "朝东社区卫生服务站", places: places, points: points), publish: publish, by: actor)
    }

    /// Claims, replies (as the task starts: a report-back comes no earlier), and returns the claim id: a claim
    /// ready for review.
    func repliedClaim(_ task: VolunteerTask, _ holder: PointsHolder) throws -> Int64 {
        let c = try db.claimTask(id: task.id ?? 0, for: holder, by: actor)
        try db.replyToClaim(id: c.id ?? 0, note: "已完成", by: actor, now: task.startsAt)
        return c.id ?? 0
    }

    func balance(_ holder: PointsHolder) throws -> Int { try db.balance(of: holder).balance }

    func count(_ sql: String) throws -> Int { try db.pool.read { try Int.fetchOne($0, sql: sql) ?? 0 } }
}

/// Asserts that `body` throws exactly `expected`.
func XCTAssertThrowsError<E: Error & Equatable, T>(_ body: @autoclosure () throws -> T, equals expected: E,
                                                   file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertThrowsError(try body(), file: file, line: line) { error in
        XCTAssertEqual(error as? E, expected, "got \(error)", file: file, line: line)
    }
}
