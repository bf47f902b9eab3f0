import Foundation
import GRDB

/// An in-service Party member (在职党员) who has registered with the community.
public struct Member: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "member"

    public enum Level: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
        case city = "市直"
        case district = "区直"
        public var label: LocalizedText {
            switch self {
            case .city: return LocalizedText("市直", "city")
            case .district: return LocalizedText("区直", "district")
            }
        }
    }

    public var id: Int64?
    public var name: String
    public var phone: String
    public var organisationId: Int64?
    public var level: Level
    public var memberCode: String
    public var reportedOn: String
    public var active: Bool

    public init(id: Int64? = nil, name: String, phone: String, organisationId: Int64?, level: Level, memberCode: String, reportedOn: String, active: Bool = true) {
        self.id = id
        self.name = name
        self.phone = phone
        self.organisationId = organisationId
        self.level = level
        self.memberCode = memberCode
        self.reportedOn = reportedOn
        self.active = active
    }

    enum CodingKeys: String, CodingKey {
        case id, name, phone, level, active
        case organisationId = "organisation_id"
        case memberCode = "member_code"
        case reportedOn = "reported_on"
    }

    public enum Columns {
        public static let id = Column("id")
        public static let name = Column("name")
        public static let phone = Column("phone")
        public static let memberCode = Column("member_code")
        public static let active = Column("active")
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A member row as the roster shows it: with the organisation's name joined in.
public struct MemberRow: Sendable, Equatable, FetchableRecord, Decodable {
    public var id: Int64
    public var name: String
    public var phone: String
    public var organisationId: Int64?
    public var organisationName: String?
    public var level: Member.Level
    public var memberCode: String
    public var reportedOn: String
    public var active: Bool

    enum CodingKeys: String, CodingKey {
        case id, name, phone, level, active
        case organisationId = "organisation_id"
        case organisationName = "organisation_name"
        case memberCode = "member_code"
        case reportedOn = "reported_on"
    }

    public var member: Member {
        Member(id: id, name: name, phone: phone, organisationId: organisationId, level: level, memberCode: memberCode, reportedOn: reportedOn, active: active)
    }
}

/// Phone numbers on screens that strangers can see are shown as 138****1234.
public func maskedPhone(_ phone: String) -> String {
    guard phone.count == 11 else { return phone }
    return String(phone.prefix(3)) + "****" + String(phone.suffix(4))
}
