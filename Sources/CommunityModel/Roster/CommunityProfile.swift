import Foundation
import GRDB

/// The one community this database belongs to.
public struct CommunityProfile: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "community_profile"
    public var id: Int64 = 1
    public var name: String
    public var street: String
    public var district: String
    public var city: String
    /// Databases made by `seed-demo` or `generate` are demo data; `--demo` opens only those.
    public var isDemo: Bool
    public var createdAt: String

    public init(name: String, street: String, district: String, city: String, isDemo: Bool = false, createdAt: String = Day.timestamp()) {
        self.name = name
        self.street = street
        self.district = district
        self.city = city
        self.isDemo = isDemo
        self.createdAt = createdAt
    }

    enum CodingKeys: String, CodingKey {
        case id, name, street, district, city
        case isDemo = "is_demo"
        case createdAt = "created_at"
    }

    /// "沧州市运河区公园街道朝东社区"
    public var fullName: String { city + district + street + name }
    /// 沧州市运河区公园街道朝东社区 in Chinese; "Chaodong, Park Street, Canal, Cangzhou" in English.
    public var fullNameText: LocalizedText { LocalizedText(fullName, [name, street, district, city].joined(separator: ", ")) }
}
