import Foundation
import GRDB

/// What `generate` made.
public struct GenerateSummary: Sendable, Equatable {
    public var scale: GenerateScale
    public var organisations: Int
    public var members: Int
    public var seconds: Double
}

/// Deterministic synthetic data for demos and benchmarks (SPEC §3, §9).
///
/// `demo` is exactly the demo seed (one transaction). `district` and `stress` commit in batches: the
/// demo-marked profile and operators first, then organisations and members `batchSize` rows per write
/// transaction, then each module's `generate` — so an interrupted run leaves a consistent, usable file.
public enum Generator {
    public static let batchSize = 500

    /// The roster part of each scale.
    public static func rosterSize(_ scale: GenerateScale) -> (organisations: Int, members: Int) {
        switch scale {
        case .demo: return (30, DemoSeeder.memberCount)
        case .district: return (60, 1_500)
        case .stress: return (200, 5_000)
        }
    }

    /// Generates `scale` into an empty database.
    /// - Throws: `SetupError.alreadySetUp` when the file already holds a community (nothing is written),
    ///   `SetupError.badDemoData` when `data/demo/` is wrong.
    /// - Parameter modules: the capabilities whose data is generated after the roster (all of them unless a
    ///   test wants the roster alone).
    @discardableResult
    public static func generate(_ database: CommunityDatabase, scale: GenerateScale, dataDirectory: URL,
                                today: String = Day.today(), modules: [any ModuleHooks.Type] = Modules.all,
                                progress: ProgressHandler? = nil) throws -> GenerateSummary {
        let started = Date()
        if scale == .demo {
            progress?(LocalizedText("演示数据", "demo data"), 0, 1)
            try DemoSeeder.seed(database, dataDirectory: dataDirectory, today: today, modules: modules)
            progress?(LocalizedText("演示数据", "demo data"), 1, 1)
            let counts = try database.rosterCounts()
            return GenerateSummary(scale: scale, organisations: counts.organisations, members: counts.members,
                                   seconds: Date().timeIntervalSince(started))
        }
        let data = try DemoData.load(from: dataDirectory)
        let hashed = try DemoSeeder.hashOperatorPins()
        let size = rosterSize(scale)
        let actor = try database.pool.write { db in
            let actor = try DemoSeeder.writeProfile(db, path: database.path, profile: DemoSeeder.profile, operators: hashed)
            try AuditEntry.record(db, by: actor, action: "generate.start", target: "community",
                                  detail: "scale \(scale.rawValue): \(size.organisations) organisations, \(size.members) members")
            return actor
        }

        var roster = SyntheticRoster(data: data, seed: DemoSeeder.seed, today: today)
        let organisations = roster.organisations(count: size.organisations)
        let orgLabel = LocalizedText("报到单位", "organisations")
        var ids: [(id: Int64, level: Organisation.Level)] = []
        try inBatches(organisations, label: orgLabel, progress: progress) { batch, range in
            try database.pool.write { db in
                ids += try RosterBulkWriter.insert(Array(batch), db)
                try AuditEntry.record(db, by: actor, action: "generate.organisations", target: "organisation",
                                      detail: "rows \(range.lowerBound + 1)–\(range.upperBound)")
            }
        }

        let members = roster.members(count: size.members, organisations: ids)
        try inBatches(members, label: LocalizedText("在职党员", "members"), progress: progress) { batch, range in
            try database.pool.write { db in
                try RosterBulkWriter.insert(batch, db)
                try AuditEntry.record(db, by: actor, action: "generate.members", target: "member",
                                      detail: "rows \(range.lowerBound + 1)–\(range.upperBound)")
            }
        }

        for module in modules {
            var context = SeedContext(today: today, actor: actor, random: SeededRandom(seed: DemoSeeder.moduleSeed(module)))
            try module.generate(database.pool, scale: scale, context: &context, progress: progress)
        }
        return GenerateSummary(scale: scale, organisations: organisations.count, members: members.count,
                               seconds: Date().timeIntervalSince(started))
    }

    /// Runs `write` once per slice of `batchSize` rows, reporting progress after each committed slice.
    static func inBatches<T>(_ rows: [T], label: LocalizedText, progress: ProgressHandler?,
                             _ write: (ArraySlice<T>, Range<Int>) throws -> Void) throws {
        progress?(label, 0, rows.count)
        var start = 0
        while start < rows.count {
            let end = min(start + batchSize, rows.count)
            try write(rows[start..<end], start..<end)
            progress?(label, end, rows.count)
            start = end
        }
    }
}

extension CommunityDatabase {
    /// `community generate`: deterministic synthetic data at a scale, into this empty database.
    /// - Throws: see `Generator.generate`.
    @discardableResult
    public func generate(scale: GenerateScale, dataDirectory: URL, today: String = Day.today(),
                         modules: [any ModuleHooks.Type] = Modules.all, progress: ProgressHandler? = nil) throws -> GenerateSummary {
        try Generator.generate(self, scale: scale, dataDirectory: dataDirectory, today: today, modules: modules, progress: progress)
    }
}
