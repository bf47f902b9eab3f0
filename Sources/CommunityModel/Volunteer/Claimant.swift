import Foundation

/// What the claim rules need to know about the organisation or member who claims: who, name, still registered.
public struct Claimant: Sendable, Equatable {
    public var holder: PointsHolder
    public var name: String
    public var active: Bool
    /// Member code for members, "" for organisations.
    public var code: String
    public var phone: String

    public init(holder: PointsHolder, name: String, active: Bool, code: String = "", phone: String = "") {
        self.holder = holder
        self.name = name
        self.active = active
        self.code = code
        self.phone = phone
    }

    /// "张三（D0012）" or "公交集团党委" — how forms and messages name a claimant.
    public var displayName: String { code.isEmpty ? name : "\(name)（\(code)）" }
}
