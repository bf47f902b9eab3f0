import Foundation
import GRDB

/// Someone who signs in to the workbench.
public struct Operator: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "operator"

    public enum Role: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
        case secretary = "书记/管理员"
        case worker = "社区工作者"
        case kiosk = "兑换窗口"

        public var label: LocalizedText {
            switch self {
            case .secretary: return LocalizedText("书记/管理员", "secretary/admin")
            case .worker: return LocalizedText("社区工作者", "community worker")
            case .kiosk: return LocalizedText("兑换窗口", "redemption desk")
            }
        }

        /// 社区工作者 may do everything but manage operators and sign off the star self-assessment.
        public var mayManageOperators: Bool { self == .secretary }
        public var mayUseDesk: Bool { self != .kiosk }
    }

    public var id: Int64?
    public var name: String
    public var role: Role
    public var pinHash: String
    public var pinSalt: String
    public var failedAttempts: Int
    public var lockedUntil: String?
    public var active: Bool
    public var createdAt: String
    /// The last successful sign-in (v7-office); nil for an operator who never signed in.
    public var lastSignIn: String? = nil

    enum CodingKeys: String, CodingKey {
        case id, name, role, active
        case pinHash = "pin_hash"
        case pinSalt = "pin_salt"
        case failedAttempts = "failed_attempts"
        case lockedUntil = "locked_until"
        case createdAt = "created_at"
        case lastSignIn = "last_sign_in"
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// Who is doing something: every write names its operator for the audit log.
public struct Actor: Sendable, Equatable {
    public var operatorId: Int64
    public var name: String
    public var role: Operator.Role

    public init(operatorId: Int64, name: String, role: Operator.Role) {
        self.operatorId = operatorId
        self.name = name
        self.role = role
    }
}
