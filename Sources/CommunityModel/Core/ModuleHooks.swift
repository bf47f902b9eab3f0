import Foundation
import GRDB

/// How much synthetic data `generate` makes (SPEC §3, §9).
public enum GenerateScale: String, Sendable, CaseIterable {
    case demo, district, stress
}

/// What a seeding or generating step gets: the date "today" means, who does it, and a deterministic generator.
public struct SeedContext: Sendable {
    public var today: String
    public var actor: Actor?
    public var random: SeededRandom
    public init(today: String, actor: Actor?, random: SeededRandom) {
        self.today = today
        self.actor = actor
        self.random = random
    }
}

/// Reports progress of a long job: (what, done, total).
public typealias ProgressHandler = @Sendable (LocalizedText, Int, Int) -> Void

/// One problem found by `community check`.
public struct IntegrityProblem: Sendable, Equatable, CustomStringConvertible {
    public var area: String
    public var detail: LocalizedText
    public init(area: String, detail: LocalizedText) {
        self.area = area
        self.detail = detail
    }
    public var description: String { "[\(area)] \(detail.text())" }
}

/// A named section of `stats --json`, e.g. "consultation" or "volunteer".
public struct StatsSection: Sendable {
    public var name: String
    public var value: any Encodable & Sendable
    public init(name: String, value: any Encodable & Sendable) {
        self.name = name
        self.value = value
    }
}

/// The capabilities beyond the roster (consultation, volunteer & points, …) plug into seeding,
/// generation, `check` and `stats` through one of these, so the maintenance code never names them.
public protocol ModuleHooks {
    /// Adds this module's part of the demo 朝东社区, inside the seeding transaction.
    static func seedDemo(_ db: Database, context: inout SeedContext) throws
    /// Adds this module's synthetic data at a scale, committing in batches.
    static func generate(_ pool: DatabasePool, scale: GenerateScale, context: inout SeedContext, progress: ProgressHandler?) throws
    /// Lists every integrity problem this module can detect.
    static func check(_ db: Database) throws -> [IntegrityProblem]
    /// This module's sections of `stats --json`.
    static func stats(_ db: Database, today: String) throws -> [StatsSection]
    /// What this module asks the secretary to do today, for the overview (none unless implemented).
    static func alerts(_ db: Database, today: String) throws -> [OverviewAlert]
}

/// Seeding runs in this order: the roster first (others refer to its rows).
public enum Modules {
    // Metatypes of stateless enums: nothing here is mutable, whatever the checker can prove.
    nonisolated(unsafe) public static let all: [any ModuleHooks.Type] = [ConsultationModule.self, VolunteerModule.self, RankingsModule.self, StarModule.self, RedemptionModule.self]
}
