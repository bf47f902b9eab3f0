import Foundation

/// Who owns a balance and makes claims: a registered organisation (报到单位党组织) or an in-service member (在职党员).
public enum PointsHolder: Sendable, Hashable, CustomStringConvertible {
    case member(Int64)
    case organisation(Int64)

    public var memberId: Int64? {
        if case .member(let id) = self { return id }
        return nil
    }

    public var organisationId: Int64? {
        if case .organisation(let id) = self { return id }
        return nil
    }

    public var isMember: Bool { memberId != nil }

    /// Rebuilds a holder from the two nullable columns every holder-carrying table has.
    public init?(memberId: Int64?, organisationId: Int64?) {
        switch (memberId, organisationId) {
        case (let m?, nil): self = .member(m)
        case (nil, let o?): self = .organisation(o)
        default: return nil
        }
    }

    /// "member:12" / "organisation:3", used in audit targets and idempotency keys.
    public var key: String {
        switch self {
        case .member(let id): return "member:\(id)"
        case .organisation(let id): return "organisation:\(id)"
        }
    }

    public var description: String { key }

    public var kindLabel: LocalizedText {
        isMember ? LocalizedText("在职党员", "member") : LocalizedText("报到单位", "organisation")
    }
}
