import Foundation

/// The kind of change an audit line records, read from the action's prefix ("claim.approve" → tasks).
/// The audit screen filters by it; the database keeps it in a generated column with its own index
/// (v7-office), so "only points changes" is one index range even at a million lines.
public enum AuditKind: String, Sendable, CaseIterable {
    case roster, consultation, tasks, points, redemption, rankings, star, operators, settings, system

    public var label: LocalizedText {
        switch self {
        case .roster: return LocalizedText("名册", "roster")
        case .consultation: return LocalizedText("议事", "consultation")
        case .tasks: return LocalizedText("任务", "tasks")
        case .points: return LocalizedText("积分", "points")
        case .redemption: return LocalizedText("兑换", "redemption")
        case .rankings: return LocalizedText("排名信函", "rankings")
        case .star: return LocalizedText("星级", "star rating")
        case .operators: return LocalizedText("操作员", "operators")
        case .settings: return LocalizedText("设置", "settings")
        case .system: return LocalizedText("系统", "system")
        }
    }

    /// Action prefixes (the part before the first dot) of each kind. The capabilities still being built
    /// (redemption, rankings and letters, star) are listed by the names they are expected to use, so their
    /// lines land in the right kind from the first day; a prefix not listed here counts as `system`.
    public static let prefixes: [(prefix: String, kind: AuditKind)] = [
        ("member", .roster), ("organisation", .roster), ("roster", .roster),
        ("issue", .consultation),
        ("task", .tasks), ("claim", .tasks),
        ("ledger", .points), ("points", .points),
        ("redemption", .redemption), ("redeem", .redemption), ("voucher", .redemption), ("stock", .redemption),
        ("catalog", .redemption), ("receipt", .redemption), ("day", .redemption), ("kiosk", .redemption),
        ("ranking", .rankings), ("letter", .rankings), ("letters", .rankings), ("reminder", .rankings),
        ("star", .star), ("assessment", .star),
        ("operator", .operators),
        ("setting", .settings), ("settings", .settings), ("community", .settings),
    ]

    public static func of(action: String) -> AuditKind {
        let prefix = action.split(separator: ".", maxSplits: 1).first.map(String.init) ?? action
        return prefixes.first { $0.prefix == prefix }?.kind ?? .system
    }

    /// The SQL that computes the kind from `action`, for the generated column; built from `prefixes` so the
    /// Swift and SQL readings cannot disagree for the prefixes known when the migration ran.
    static var sqlExpression: String {
        let cases = prefixes.map { "WHEN '\($0.prefix)' THEN '\($0.kind.rawValue)'" }.joined(separator: " ")
        return "CASE substr(action, 1, instr(action || '.', '.') - 1) \(cases) ELSE 'system' END"
    }
}

/// The record an audit line is about, for jumping to it from the audit screen.
public enum AuditRecord: Sendable, Equatable {
    case issue(Int64)
    case task(Int64)
    case member(Int64)
    case organisation(Int64)
    case operatorAccount(Int64)
    /// A redemption receipt (built on the redemption branch); the target text after "receipt:".
    case receipt(String)
}

/// An audit line as people read it: the stored row, the sentence, its kind and the record it concerns.
public struct AuditLine: Sendable, KeyedRow {
    public var entry: AuditEntry
    public var sentence: LocalizedText
    public var kind: AuditKind
    public var record: AuditRecord?

    public var listKey: ListKey { ListKey(sort: entry.at, id: entry.id ?? 0) }
}
