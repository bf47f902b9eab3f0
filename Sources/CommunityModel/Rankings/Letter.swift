import Foundation
import GRDB

/// Where a letter stands: 待发送 → 已发送 (with channel and date) or 已撤回 (with a reason). Never deleted.
public enum LetterState: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    case pending = "待发送"
    case sent = "已发送"
    case withdrawn = "已撤回"

    public var label: LocalizedText {
        switch self {
        case .pending: return LocalizedText("待发送", "to send")
        case .sent: return LocalizedText("已发送", "sent")
        case .withdrawn: return LocalizedText("已撤回", "withdrawn")
        }
    }
}

/// How a letter went out.
public enum LetterChannel: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    case paper = "纸质"
    case wechat = "微信"
    case sms = "短信"

    public var label: LocalizedText {
        switch self {
        case .paper: return LocalizedText("纸质", "paper")
        case .wechat: return LocalizedText("微信", "WeChat")
        case .sms: return LocalizedText("短信", "SMS")
        }
    }

    /// Accepts the stored Chinese word or the English one (paper, wechat, sms).
    public init?(text: String) {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let c = LetterChannel(rawValue: t) { self = c; return }
        switch t {
        case "paper": self = .paper
        case "wechat", "weixin": self = .wechat
        case "sms", "text": self = .sms
        default: return nil
        }
    }
}

extension LetterTemplates.Kind: Codable, DatabaseValueConvertible {}

/// One letter in the outbox: what was issued (frozen at generation) and where it stands now.
public struct Letter: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord, KeyedRow {
    public static let databaseTableName = "letter"

    public var id: Int64?
    public var period: String
    public var kind: LetterTemplates.Kind
    public var holderKind: String
    public var holderId: Int64
    public var recipient: String
    public var recipientCode: String
    /// Rank and points as they were when the letter was generated.
    public var rank: Int
    public var points: Int
    public var services: Int
    /// The rendered text, as issued.
    public var body: String
    public var state: LetterState
    public var channel: LetterChannel?
    public var sentOn: String?
    public var withdrawnReason: String
    public var generatedAt: String
    public var generatedBy: String
    public var changedAt: String?
    public var changedBy: String

    enum CodingKeys: String, CodingKey {
        case id, period, kind, recipient, rank, points, services, body, state, channel
        case holderKind = "holder_kind"
        case holderId = "holder_id"
        case recipientCode = "recipient_code"
        case sentOn = "sent_on"
        case withdrawnReason = "withdrawn_reason"
        case generatedAt = "generated_at"
        case generatedBy = "generated_by"
        case changedAt = "changed_at"
        case changedBy = "changed_by"
    }

    public var holder: PointsHolder {
        holderKind == "member" ? .member(holderId) : .organisation(holderId)
    }

    /// "张三（CD00012）" or "公交集团党委".
    public var recipientDisplay: String {
        recipientCode.isEmpty ? recipient : LocalizedText("\(recipient)（\(recipientCode)）", "\(recipient) (\(recipientCode))").text()
    }

    public var listKey: ListKey { ListKey(id: id ?? 0) }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// What generating a period's letters did: new letters, and those already in the outbox from an earlier run.
public struct LetterGeneration: Sendable, Equatable {
    public var period: RankingPeriod
    public var thanksMade: Int
    public var remindersMade: Int
    public var thanksExisting: Int
    public var remindersExisting: Int

    public var made: Int { thanksMade + remindersMade }
}

/// A closed period whose letters are due but not yet generated, for the overview's hint.
public struct PendingLetters: Sendable, Equatable {
    public var period: RankingPeriod
    public var thanks: Int
    public var reminders: Int
}
