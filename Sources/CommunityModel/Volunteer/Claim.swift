import Foundation
import GRDB

/// Where a claim stands: 已认领 → 已回复 → 已通过 / 已驳回 / 未到, or 已取消.
public enum ClaimState: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    case claimed = "已认领"
    case replied = "已回复"
    case approved = "已通过"
    case rejected = "已驳回"
    case noShow = "未到"
    case cancelled = "已取消"

    public var label: LocalizedText {
        switch self {
        case .claimed: return LocalizedText("已认领", "claimed")
        case .replied: return LocalizedText("已回复", "reported back")
        case .approved: return LocalizedText("已通过", "approved")
        case .rejected: return LocalizedText("已驳回", "rejected")
        case .noShow: return LocalizedText("未到", "no-show")
        case .cancelled: return LocalizedText("已取消", "cancelled")
        }
    }

    /// Claims still waiting for something to happen; cancelling a task cancels these.
    public var isOpen: Bool { self == .claimed || self == .replied }
}

/// Where a claim came from: recorded at the office (phoned in, on behalf) or imported from the mini-program.
public enum ClaimSource: String, Codable, Sendable, DatabaseValueConvertible {
    case office = "办公室"
    case miniProgram = "小程序"
}

/// One organisation's or member's claim on a task.
public struct Claim: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "claim"

    public var id: Int64?
    public var taskId: Int64
    public var memberId: Int64?
    public var organisationId: Int64?
    public var state: ClaimState
    public var claimedAt: String
    public var replyNote: String
    public var repliedAt: String?
    public var reviewedAt: String?
    public var reviewedBy: String
    public var reviewReason: String
    public var source: ClaimSource
    public var externalId: String?

    enum CodingKeys: String, CodingKey {
        case id, state, source
        case taskId = "task_id"
        case memberId = "member_id"
        case organisationId = "organisation_id"
        case claimedAt = "claimed_at"
        case replyNote = "reply_note"
        case repliedAt = "replied_at"
        case reviewedAt = "reviewed_at"
        case reviewedBy = "reviewed_by"
        case reviewReason = "review_reason"
        case externalId = "external_id"
    }

    public enum Columns {
        public static let id = Column("id")
        public static let taskId = Column("task_id")
        public static let state = Column("state")
        public static let externalId = Column("external_id")
    }

    public init(id: Int64? = nil, taskId: Int64, holder: PointsHolder, state: ClaimState = .claimed, claimedAt: String,
                replyNote: String = "", repliedAt: String? = nil, source: ClaimSource = .office, externalId: String? = nil) {
        self.id = id
        self.taskId = taskId
        self.memberId = holder.memberId
        self.organisationId = holder.organisationId
        self.state = state
        self.claimedAt = claimedAt
        self.replyNote = replyNote
        self.repliedAt = repliedAt
        self.reviewedAt = nil
        self.reviewedBy = ""
        self.reviewReason = ""
        self.source = source
        self.externalId = externalId
    }

    public var holder: PointsHolder? { PointsHolder(memberId: memberId, organisationId: organisationId) }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A claim as lists show it: with the task and the claimant's name joined in.
public struct ClaimRow: Sendable, Equatable, FetchableRecord, Decodable, KeyedRow {
    public var id: Int64
    public var taskId: Int64
    public var taskTitle: String
    public var taskPoints: Int
    public var memberId: Int64?
    public var organisationId: Int64?
    public var claimantName: String
    public var claimantCode: String
    public var state: ClaimState
    public var claimedAt: String
    public var replyNote: String
    public var repliedAt: String?
    public var reviewReason: String
    public var source: ClaimSource
    public var externalId: String?
    /// The column the list is ordered by (claimed_at, replied_at…), so the row knows its key.
    public var sortKey: String

    enum CodingKeys: String, CodingKey {
        case id, state, source
        case taskId = "task_id"
        case taskTitle = "task_title"
        case taskPoints = "task_points"
        case memberId = "member_id"
        case organisationId = "organisation_id"
        case claimantName = "claimant_name"
        case claimantCode = "claimant_code"
        case claimedAt = "claimed_at"
        case replyNote = "reply_note"
        case repliedAt = "replied_at"
        case reviewReason = "review_reason"
        case externalId = "external_id"
        case sortKey = "sort_key"
    }

    public var holder: PointsHolder? { PointsHolder(memberId: memberId, organisationId: organisationId) }
    public var listKey: ListKey { ListKey(sort: sortKey, id: id) }
    /// "张三（D0012）" or "公交集团党委".
    public var claimantDisplayName: String { claimantCode.isEmpty ? claimantName : "\(claimantName)（\(claimantCode)）" }
}
