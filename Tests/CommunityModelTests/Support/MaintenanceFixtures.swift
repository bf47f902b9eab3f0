import CommunityTestSupport
import Foundation
import XCTest
@testable import CommunityModel

/// The maintenance suites' helpers on top of the shared `TestStore`: a database in the suite's own scratch
/// folder (beside the backups and exports it writes), and a small roster added through the public API.
enum MaintenanceFixtures {
    static var dataDirectory: URL { TestStore.dataDirectory }

    static func scratchDirectory() throws -> URL { try TestStore.scratchDirectory() }

    /// A database in `directory` with 朝东社区 set up and its first secretary.
    static func makeDatabase(in directory: URL, name: String = "community.sqlite") throws -> (CommunityDatabase, Actor) {
        let store = try TestStore(in: directory, fileName: name)
        return (store.db, store.secretary)
    }

    /// Adds `organisations` organisations and `members` members (spread over them) through the public API.
    @discardableResult
    static func addRoster(_ database: CommunityDatabase, by actor: Actor, organisations: Int, members: Int) throws -> [Organisation] {
        var orgs: [Organisation] = []
        for i in 0..<organisations {
            orgs.append(try database.addOrganisation(Organisation(
                name: "测试单位\(i + 1)党支部", level: i % 2 == 0 ? .city : .district, contact: "联系人\(i + 1)",
                phone: String(format: "1390000%04d", i), reportedOn: "2026-01-05"), by: actor))
        }
        for i in 0..<members {
            try database.addMember(Member(
                name: "党员\(i + 1)", phone: String(format: "1380000%04d", i),
                organisationId: orgs.isEmpty ? nil : orgs[i % orgs.count].id, level: i % 3 == 0 ? .city : .district,
                memberCode: String(format: "ZD%04d", i + 1), reportedOn: "2026-02-01"), by: actor)
        }
        return orgs
    }
}
