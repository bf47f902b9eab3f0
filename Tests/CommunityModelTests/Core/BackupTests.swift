import Foundation
import GRDB
import XCTest
@testable import CommunityModel

final class BackupTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws { directory = try MaintenanceFixtures.scratchDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    func testBackupIsACompleteWorkingDatabase() throws {
        let (database, actor) = try MaintenanceFixtures.makeDatabase(in: directory)
        try MaintenanceFixtures.addRoster(database, by: actor, organisations: 3, members: 25)
        let target = directory.appendingPathComponent("backups/2026-05-01.sqlite").path

        let result = try database.backup(to: target)

        XCTAssertEqual(result.path, target)
        XCTAssertGreaterThan(result.bytes, 0)
        XCTAssertEqual(try CommunityDatabase.check(path: target), [])
        let restored = try CommunityDatabase.open(path: target)
        XCTAssertEqual(try restored.rosterCounts(), try database.rosterCounts())
        XCTAssertEqual(try restored.profile()?.name, "朝东社区")
        XCTAssertEqual(try restored.login(name: "王书记", pin: "246810").name, "王书记")
        // Nothing but the backup is left in its folder.
        try restored.pool.close()
        let left = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("backups").path)
        XCTAssertEqual(left.filter { !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") }, ["2026-05-01.sqlite"])
    }

    func testBackupIsOneSelfContainedFile() throws {
        let (database, _) = try MaintenanceFixtures.makeDatabase(in: directory)
        let target = directory.appendingPathComponent("copy.sqlite").path
        try database.backup(to: target)
        XCTAssertFalse(FileManager.default.fileExists(atPath: target + "-wal"))
        var config = Configuration()
        config.readonly = true
        let queue = try DatabaseQueue(path: target, configuration: config)
        XCTAssertEqual(try queue.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }, "delete")
        XCTAssertEqual(try queue.read { db in try String.fetchOne(db, sql: "SELECT name FROM community_profile") }, "朝东社区")
    }

    func testAnExistingTargetIsRefusedAndLeftAlone() throws {
        let (database, _) = try MaintenanceFixtures.makeDatabase(in: directory)
        let target = directory.appendingPathComponent("keep.sqlite")
        try Data("precious".utf8).write(to: target)

        XCTAssertThrowsError(try database.backup(to: target.path)) { error in
            XCTAssertEqual(error as? SetupError, .backupTargetExists(target.path))
        }
        XCTAssertEqual(try String(contentsOf: target, encoding: .utf8), "precious")
        // Backing up onto the live database itself is refused the same way.
        XCTAssertThrowsError(try database.backup(to: database.path)) { error in
            XCTAssertEqual(error as? SetupError, .backupTargetExists(database.path))
        }
    }

    func testBackupWhileAnotherTerminalKeepsWriting() throws {
        // Given a second connection (another terminal) adding members in a loop
        let (database, actor) = try MaintenanceFixtures.makeDatabase(in: directory)
        try MaintenanceFixtures.addRoster(database, by: actor, organisations: 2, members: 50)
        let other = try CommunityDatabase.open(path: database.path)
        let writer = BackgroundWriter(database: other, actor: actor)
        writer.start(count: 150)

        // When backups are taken meanwhile
        var counts: [Int] = []
        for i in 0..<3 {
            let target = directory.appendingPathComponent("during-\(i).sqlite").path
            try database.backup(to: target)
            XCTAssertEqual(try CommunityDatabase.check(path: target), [], "backup \(i) is consistent")
            let copy = try CommunityDatabase.open(path: target)
            counts.append(try copy.rosterCounts().members)
        }
        writer.wait()

        // Then the writer lost nothing, and each backup holds a moment between the start and the end
        XCTAssertNil(writer.failure)
        XCTAssertEqual(try database.rosterCounts().members, 200)
        for count in counts { XCTAssertTrue((50...200).contains(count), "\(count)") }
        XCTAssertEqual(counts, counts.sorted(), "later backups never hold fewer members")
    }
}

/// Adds members on a background thread, as a second terminal would.
private final class BackgroundWriter: @unchecked Sendable {
    let database: CommunityDatabase
    let actor: Actor
    private let group = DispatchGroup()
    private let lock = NSLock()
    private var error: Error?

    init(database: CommunityDatabase, actor: Actor) {
        self.database = database
        self.actor = actor
    }

    var failure: Error? { lock.withLock { error } }

    func start(count: Int) {
        group.enter()
        DispatchQueue.global().async {
            defer { self.group.leave() }
            do {
                for i in 0..<count {
                    try self.database.addMember(Member(
                        name: "新党员\(i)", phone: String(format: "1370000%04d", i), organisationId: nil, level: .district,
                        memberCode: String(format: "BG%04d", i), reportedOn: "2026-03-01"), by: self.actor)
                }
            } catch {
                self.lock.withLock { self.error = error }
            }
        }
    }

    func wait() { group.wait() }
}
