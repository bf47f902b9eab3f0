import Foundation

/// Which PINs a real community may use. A demo database keeps the short PIN 1234 that its README names;
/// a real one needs at least six digits that are not guessable from across the desk (SPEC §8, issue 14).
public enum PinPolicy {
    public static let realMinimum = 6
    public static let maximum = 8

    /// - Parameters:
    ///   - demo: the database holds demo data, where 4-digit PINs such as 1234 stay allowed.
    ///   - phones: phone numbers of the person (a roster member of the same name), whose tail is refused.
    /// - Throws: `PinError` naming what is wrong.
    public static func check(_ pin: String, demo: Bool, phones: [String] = []) throws {
        if demo { return try PinHasher.validatePin(pin) }
        guard pin.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw PinError.notDigits }
        guard pin.count >= realMinimum else { throw PinError.tooShort(minimum: realMinimum) }
        guard pin.count <= maximum else { throw PinError.tooLong(maximum: maximum) }
        let digits = pin.compactMap { $0.wholeNumberValue }
        if Set(digits).count == 1 { throw PinError.weak(.repeated) }
        let steps = zip(digits.dropFirst(), digits).map { ($0 - $1 + 10) % 10 }
        if steps.allSatisfy({ $0 == 1 }) || steps.allSatisfy({ $0 == 9 }) { throw PinError.weak(.run) }
        // 121212, 123123: a short pattern repeated.
        for size in [2, 3] where digits.count % size == 0 {
            let unit = Array(digits.prefix(size))
            if (0..<(digits.count / size)).allSatisfy({ Array(digits[($0 * size)..<($0 * size + size)]) == unit }) { throw PinError.weak(.pattern) }
        }
        if phones.contains(where: { $0.count >= pin.count && $0.hasSuffix(pin) }) { throw PinError.weak(.phoneTail) }
    }
}

public enum PinError: UserFacingError, Equatable {
    public enum Weakness: Sendable, Equatable { case repeated, run, pattern, phoneTail }
    case notDigits
    case tooShort(minimum: Int)
    case tooLong(maximum: Int)
    case weak(Weakness)
    case mismatch
    case same

    public var message: LocalizedText {
        switch self {
        case .notDigits: return LocalizedText("PIN 只能由数字组成。", "A PIN is digits only.")
        case .tooShort(let n): return LocalizedText("PIN 至少 \(n) 位数字（正式数据库）。", "A PIN needs at least \(n) digits on a real database.")
        case .tooLong(let n): return LocalizedText("PIN 最多 \(n) 位数字。", "A PIN has at most \(n) digits.")
        case .weak(.repeated): return LocalizedText("PIN 太容易猜：不能全是同一个数字（如 000000、111111）。", "That PIN is too easy to guess: not one digit repeated (000000, 111111).")
        case .weak(.run): return LocalizedText("PIN 太容易猜：不能是连续数字（如 123456、654321）。", "That PIN is too easy to guess: not a run of digits (123456, 654321).")
        case .weak(.pattern): return LocalizedText("PIN 太容易猜：不能是重复的短组合（如 121212、123123）。", "That PIN is too easy to guess: not a short pattern repeated (121212, 123123).")
        case .weak(.phoneTail): return LocalizedText("PIN 不能是本人手机号的尾号。", "A PIN must not be the tail of your phone number.")
        case .mismatch: return LocalizedText("两次输入的 PIN 不一致，请重新输入。", "The two PINs differ; type it again.")
        case .same: return LocalizedText("新 PIN 与原 PIN 相同，请换一个。", "The new PIN is the same as the old one; choose another.")
        }
    }
}
