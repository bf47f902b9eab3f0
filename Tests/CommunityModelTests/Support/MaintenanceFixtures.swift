import Foundation
import XCTest
@testable import CommunityModel

/// Shared helpers: a scratch directory per test, the repository's `data/` folder, and a small roster.
enum MaintenanceFixtures {
    /// The repository root, found from this file's path (Tests/CommunityModelTests/…).
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static var dataDirectory: URL { repositoryRoot.appendingPathComponent("data") }

    /// A new empty directory under the system temporary folder.
    static func scratchDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("community-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A database in a scratch directory with 朝东社区 set up and its first secretary.
    static func makeDatabase(in directory: URL, name: String = "community.sqlite") throws -> (CommunityDatabase, Actor) {
        let database = try CommunityDatabase.open(path: directory.appendingPathComponent(name).path)
        let actor = try database.setUp(profile: CommunityProfile(name: "朝东社区", street: "公园街道", district: "运河区", city: "沧州市"),
                                       secretaryName: "王书记", pin: "246810")
        return (database, actor)
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
