import Foundation
import GRDB

/// The `stats --json` document (SPEC §3): the community profile, the roster counts, then each module's
/// sections under their names. Scripts read it, so keys are snake_case, sorted, and the output is stable.
public struct StatsReport: Sendable {
    /// Who the figures are for.
    public struct Community: Sendable, Equatable, Encodable {
        public var name: String
        public var street: String
        public var district: String
        public var city: String
        /// True for databases made by `seed-demo` or `generate`: figures from them are not real.
        public var demo: Bool
    }

    /// The day the figures are computed for (`COMMUNITY_TODAY` pins it in demos and tests).
    public var asOf: String
    public var community: Community
    public var roster: RosterCounts
    /// Each module's sections, in `Modules.all` order; a section named like a fixed key never replaces it.
    public var sections: [StatsSection]

    /// Every name at the top level of the document, sorted as written.
    public var keys: [String] {
        Array(Set(["as_of", "community", "roster"] + sections.map(\.name))).sorted()
    }

    /// The document as pretty-printed JSON with sorted keys and a final newline.
    /// - Throws: `EncodingError` only if a module's section cannot be encoded (a programming error).
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Modules' section types may use camelCase property names; the document stays snake_case throughout.
        encoder.keyEncodingStrategy = .convertToSnakeCase
        var data = try encoder.encode(Document(report: self))
        data.append(UInt8(ascii: "\n"))
        return data
    }

    /// Encodes the fixed keys, then every section under its name.
    private struct Document: Encodable {
        let report: StatsReport

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(_ name: String) { stringValue = name }
            init?(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(report.asOf, forKey: Key("as_of"))
            try container.encode(report.community, forKey: Key("community"))
            try container.encode(report.roster, forKey: Key("roster"))
            let fixed: Set<String> = ["as_of", "community", "roster"]
            var seen = fixed
            for section in report.sections where seen.insert(section.name).inserted {
                try container.encode(AnyEncodable(section.value), forKey: Key(section.name))
            }
        }
    }

    private struct AnyEncodable: Encodable {
        let value: any Encodable
        init(_ value: any Encodable) { self.value = value }
        func encode(to encoder: Encoder) throws { try value.encode(to: encoder) }
    }
}

extension CommunityDatabase {
    /// Collects the `stats --json` figures in one read transaction, so every number describes the same moment
    /// even while another terminal keeps writing.
    /// - Throws: `StoreError.missingProfile` on a database that has not been set up; `StoreError` for a damaged
    ///   or locked file.
    public func stats(today: String = Day.today()) throws -> StatsReport {
        do {
            return try figures("stats", context: today) { db in try Self.stats(db, today: today, modules: Modules.all) }
        } catch let error as DatabaseError {
            // A damaged or locked file is told in words, not as an SQLite code.
            throw Self.translate(error, path: path)
        }
    }

    static func stats(_ db: Database, today: String, modules: [any ModuleHooks.Type]) throws -> StatsReport {
        guard let profile = try CommunityProfile.fetchOne(db, key: 1) else { throw StoreError.missingProfile }
        var sections: [StatsSection] = []
        for module in modules {
            sections += try module.stats(db, today: today)
        }
        // The overview's twelve-month charts, which `report month` also draws on (issue 11).
        sections.append(StatsSection(name: "monthly", value: try monthlyActivity(db, today: today)))
        return StatsReport(
            asOf: today,
            community: .init(name: profile.name, street: profile.street, district: profile.district, city: profile.city, demo: profile.isDemo),
            roster: try rosterCounts(db),
            sections: sections)
    }
}
