import Foundation

/// One result of the desk's holder lookup: enough to recognise the person (masked phone, unit) and to
/// redeem (balance, active).
public struct HolderMatch: Sendable, Equatable, Hashable {
    public var holder: PointsHolder
    public var name: String
    /// `138****1234`; empty for an organisation without a phone.
    public var maskedPhone: String
    /// The member's organisation (所属单位), or for an organisation its level.
    public var unit: String
    public var memberCode: String
    public var active: Bool
    public var balance: Int
    /// The place in the result order; pass the last one as `after` for the next page.
    public var cursor: Cursor

    public struct Cursor: Sendable, Equatable, Hashable {
        /// 0 exact code/phone, 1 name starts, 2 initials/pinyin, 3 contains, 4 organisation.
        public var rank: Int
        public var name: String
        public var key: String
        public init(rank: Int, name: String, key: String) {
            self.rank = rank
            self.name = name
            self.key = key
        }
    }

    public init(holder: PointsHolder, name: String, maskedPhone: String, unit: String, memberCode: String,
                active: Bool, balance: Int, cursor: Cursor) {
        self.holder = holder
        self.name = name
        self.maskedPhone = maskedPhone
        self.unit = unit
        self.memberCode = memberCode
        self.active = active
        self.balance = balance
        self.cursor = cursor
    }

    /// 张*明: what a receipt or the public notice shows.
    public var maskedName: String { Masking.name(name) }
}

/// Masks personal data for receipts, the kiosk and the public notice (SPEC §7, §8).
public enum Masking {
    /// `13812341234` → `138****1234`; anything not 11 characters keeps only its last 4.
    public static func phone(_ phone: String) -> String {
        let chars = Array(phone)
        guard chars.count == 11 else {
            return chars.count > 4 ? String(repeating: "*", count: chars.count - 4) + String(chars.suffix(4)) : phone
        }
        return String(chars.prefix(3)) + "****" + String(chars.suffix(4))
    }

    /// 张晓明 → 张*明, 李成 → 李*, 欧阳晓明 → 欧**明; a single character stays.
    public static func name(_ name: String) -> String {
        let chars = Array(name)
        switch chars.count {
        case 0, 1: return name
        case 2: return String(chars[0]) + "*"
        default: return String(chars[0]) + String(repeating: "*", count: chars.count - 2) + String(chars[chars.count - 1])
        }
    }
}
