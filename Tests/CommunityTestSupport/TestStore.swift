import CommunityModel
import Foundation

/// The one test fixture both test targets share: a real SQLite file in its own temporary folder, either a
/// fresh community with its secretary or a copy of the seeded demo 朝东社区, and the repository's `data/`.
/// Suites add only what is particular to them (a few rows, a walk through the 8 steps) on top of this.
public struct TestStore {
    public let directory: URL
    public let db: CommunityDatabase
    /// The signed-in person every write is made by: the fresh file's 王书记, or the demo's 演示书记.
    public let secretary: Actor

    /// The fresh file's secretary PIN (the demo's operators have 1234).
    public static let pin = "246810"
    /// The "today" the demo copy was seeded for, unless a test asks for another.
    public static let demoToday = "2026-11-30"

    public static let profile = CommunityProfile(name: "朝东社区", street: "公园街道", district: "运河区", city: "沧州市")

    /// The repository root, found from this file's path (Tests/CommunityTestSupport/…).
    public static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    public static var dataDirectory: URL { repositoryRoot.appendingPathComponent("data") }

    /// A new empty folder under the system temporary folder.
    public static func scratchDirectory(_ prefix: String = "community-tests") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A fresh database: 朝东社区 set up with its first secretary (`setUp: false` leaves it empty, as a first run finds it).
    public init(fileName: String = "community.sqlite", setUp: Bool = true, secretaryName: String = "王书记") throws {
        try self.init(in: try Self.scratchDirectory(), fileName: fileName, setUp: setUp, secretaryName: secretaryName)
    }

    /// The same, in a folder the suite already made (and removes itself) beside other files it writes.
    public init(in directory: URL, fileName: String = "community.sqlite", setUp: Bool = true, secretaryName: String = "王书记") throws {
        self.directory = directory
        db = try CommunityDatabase.open(path: directory.appendingPathComponent(fileName).path)
        if setUp {
            secretary = try db.setUp(profile: Self.profile, secretaryName: secretaryName, pin: Self.pin)
        } else {
            secretary = Actor(operatorId: 0, name: "", role: .secretary)
        }
    }

    private init(directory: URL, db: CommunityDatabase, secretary: Actor) {
        self.directory = directory
        self.db = db
        self.secretary = secretary
    }

    /// A private copy of the demo 朝东社区 as seeded for `today`. The demo is seeded once per process and day
    /// and copied with SQLite's backup, so each test gets its own file in milliseconds and may write freely.
    public static func demo(today: String = demoToday) throws -> TestStore {
        let template = try DemoTemplates.shared.template(today: today)
        let directory = try scratchDirectory("community-demo")
        let path = directory.appendingPathComponent("community.sqlite").path
        try template.db.backup(to: path)
        return TestStore(directory: directory, db: try CommunityDatabase.open(path: path), secretary: template.secretary)
    }

    public var path: String { db.path }

    public func remove() {
        try? FileManager.default.removeItem(at: directory)
    }
}

/// The seeded demo files copies are made from, one per "today", kept for the life of the test process.
private final class DemoTemplates: @unchecked Sendable {
    static let shared = DemoTemplates()
    private let lock = NSLock()
    private var templates: [String: (db: CommunityDatabase, secretary: Actor)] = [:]

    func template(today: String) throws -> (db: CommunityDatabase, secretary: Actor) {
        lock.lock()
        defer { lock.unlock() }
        if let t = templates[today] { return t }
        let directory = try TestStore.scratchDirectory("community-demo-template")
        let db = try CommunityDatabase.open(path: directory.appendingPathComponent("demo.sqlite").path)
        let secretary = try DemoSeeder.seed(db, dataDirectory: TestStore.dataDirectory, today: today)
        templates[today] = (db, secretary)
        return (db, secretary)
    }
}
