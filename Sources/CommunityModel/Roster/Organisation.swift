import Foundation
import GRDB

/// A Party organisation that has registered (报到) with the community.
public struct Organisation: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "organisation"

    public enum Level: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
        case city = "市级"
        case district = "区级"
        public var label: LocalizedText {
            switch self {
            case .city: return LocalizedText("市级", "city")
            case .district: return LocalizedText("区级", "district")
            }
        }
    }

    public var id: Int64?
    public var name: String
    public var level: Level
    public var contact: String
    public var phone: String
    public var active: Bool
    public var reportedOn: String

    public init(id: Int64? = nil, name: String, level: Level, contact: String, phone: String, active: Bool = true, reportedOn: String) {
        self.id = id
        self.name = name
        self.level = level
        self.contact = contact
        self.phone = phone
        self.active = active
        self.reportedOn = reportedOn
    }

    enum CodingKeys: String, CodingKey {
        case id, name, level, contact, phone, active
        case reportedOn = "reported_on"
    }

    public enum Columns {
        public static let id = Column("id")
        public static let name = Column("name")
        public static let active = Column("active")
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
