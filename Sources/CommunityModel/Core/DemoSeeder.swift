import Foundation
import GRDB

/// Fills an empty database with the demo 朝东社区 (公园街道, 运河区, 沧州市): its ~30 organisations, ~400
/// members, three demo operators, and every module's demo data — all in one transaction, always the same rows.
public enum DemoSeeder {
    /// The fixed seed: the demo looks the same on every machine and in every test.
    public static let seed: UInt64 = 0x0C4A_0D09_0168_2024
    /// The PIN of every demo operator. Demo databases are marked, and `--demo` refuses real ones.
    public static let pin = "1234"
    public static let secretaryName = "演示书记"
    public static let workerName = "演示社工"
    public static let kioskName = "兑换窗口"
    public static let memberCount = 400

    /// 朝东社区, marked as demo data.
    public static var profile: CommunityProfile {
        CommunityProfile(name: "朝东社区", street: "公园街道", district: "运河区", city: "沧州市", isDemo: true)
    }

    static var operators: [(name: String, role: Operator.Role)] {
        [(secretaryName, .secretary), (workerName, .worker), (kioskName, .kiosk)]
    }

    /// Seeds the demo community into an empty database, "today" being `today` (dates are relative to it).
    /// - Returns: the demo secretary, who is recorded as doing the seeding.
    /// - Throws: `SetupError.alreadySetUp` when the file already holds a community (nothing is written),
    ///   `SetupError.badDemoData` when a file under `data/demo/` is wrong.
    @discardableResult
    public static func seed(_ database: CommunityDatabase, dataDirectory: URL, today: String = Day.today()) throws -> Actor {
        try seed(database, dataDirectory: dataDirectory, today: today, modules: Modules.all)
    }

    /// `modules` is every module in the product; tests of the roster alone pass fewer.
    static func seed(_ database: CommunityDatabase, dataDirectory: URL, today: String, modules: [any ModuleHooks.Type]) throws -> Actor {
        let data = try DemoData.load(from: dataDirectory)
        let hashed = try hashOperatorPins()
        return try database.pool.write { db in
            let actor = try writeProfile(db, path: database.path, profile: profile, operators: hashed)
            var roster = SyntheticRoster(data: data, seed: seed, today: today)
            let organisations = roster.organisations(count: data.organisations.count)
            let ids = try RosterBulkWriter.insert(organisations, db)
            let members = roster.members(count: memberCount, organisations: ids)
            try RosterBulkWriter.insert(members, db)
            try AuditEntry.record(db, by: actor, action: "demo.seed", target: "community",
                                  detail: "\(organisations.count) organisations, \(members.count) members")
            for module in modules {
                var context = SeedContext(today: today, actor: actor, random: SeededRandom(seed: moduleSeed(module)))
                try module.seedDemo(db, context: &context)
            }
            return actor
        }
    }

    /// Hashes the demo PIN once per operator (each with its own salt) before any write lock is taken.
    static func hashOperatorPins() throws -> [(name: String, role: Operator.Role, hash: String, salt: String)] {
        try operators.map { op in
            let salt = PinHasher.makeSalt()
            return (op.name, op.role, try PinHasher.hash(pin: pin, salt: salt), salt)
        }
    }

    /// Writes the demo-marked profile and the demo operators; refuses a database that already holds a community.
    /// - Returns: the demo secretary.
    static func writeProfile(_ db: Database, path: String, profile: CommunityProfile,
                             operators: [(name: String, role: Operator.Role, hash: String, salt: String)]) throws -> Actor {
        if let existing = try CommunityProfile.fetchOne(db, key: 1) {
            throw SetupError.alreadySetUp(path: path, community: existing.name)
        }
        try profile.insert(db)
        var secretary: Actor?
        for op in operators {
            let actor = try CommunityDatabase.insertOperator(db, name: op.name, role: op.role, pinHash: op.hash,
                                                             pinSalt: op.salt, by: secretary)
            if secretary == nil, op.role == .secretary { secretary = actor }
        }
        guard let secretary else { throw StoreError.notFound(LocalizedText("演示书记账号", "The demo secretary")) }
        try AuditEntry.record(db, by: secretary, action: "community.setup", target: "community", detail: profile.fullName + " (demo)")
        return secretary
    }

    /// Each module draws from its own stream, derived from its name, so a module adding rows never changes
    /// what another module (or the roster) generates.
    static func moduleSeed(_ module: any ModuleHooks.Type) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 // FNV-1a: stable across runs, unlike Hasher.
        for byte in String(describing: module).utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return seed ^ hash
    }
}

extension CommunityDatabase {
    /// Fills this (empty) database with the demo 朝东社区.
    /// - Throws: see `DemoSeeder.seed`.
    @discardableResult
    public func seedDemo(dataDirectory: URL, today: String = Day.today()) throws -> Actor {
        try DemoSeeder.seed(self, dataDirectory: dataDirectory, today: today)
    }

    /// Opens the demo database for `community --demo`: creates and seeds it on first use (an absent or
    /// empty file), otherwise opens it if it is demo-marked.
    /// - Throws: `DemoError.notDemo` for a database holding real data, `StoreError` when it cannot be opened,
    ///   `SetupError.badDemoData` when `data/demo/` is wrong.
    public static func openDemo(path: String, dataDirectory: URL, today: String = Day.today()) throws -> CommunityDatabase {
        let database = try open(path: path)
        if try database.profile() == nil {
            do {
                try DemoSeeder.seed(database, dataDirectory: dataDirectory, today: today)
            } catch SetupError.alreadySetUp {
                // Another terminal seeded it a moment ago: fall through and check what it made.
            }
        }
        guard let profile = try database.profile() else { throw StoreError.missingProfile }
        guard profile.isDemo else { throw DemoError.notDemo(path: path) }
        return database
    }
}
