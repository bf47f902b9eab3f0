import Foundation
import Crypto
import _CryptoExtras

/// PINs are stored only as a salted PBKDF2-SHA256 hash (SPEC §8).
public enum PinHasher {
    /// OWASP's floor for PBKDF2-SHA256; a PIN is short, so the work factor is what protects it.
    static let rounds = 210_000

    public static func makeSalt() -> String {
        var bytes = [UInt8](repeating: 0, count: 16)
        var rng = SystemRandomNumberGenerator()
        for i in bytes.indices { bytes[i] = UInt8.random(in: 0...255, using: &rng) }
        return Data(bytes).base64EncodedString()
    }

    public static func hash(pin: String, salt: String) throws -> String {
        let key = try KDF.Insecure.PBKDF2.deriveKey(from: Array(pin.utf8), salt: Array(salt.utf8),
                                                    using: .sha256, outputByteCount: 32, rounds: rounds)
        return key.withUnsafeBytes { Data($0).base64EncodedString() }
    }

    public static func verify(pin: String, salt: String, hash expected: String) -> Bool {
        guard let actual = try? hash(pin: pin, salt: salt) else { return false }
        // Compare every byte so timing does not reveal how much matched.
        let a = Array(actual.utf8), b = Array(expected.utf8)
        guard a.count == b.count else { return false }
        var diff: UInt8 = 0
        for i in a.indices { diff |= a[i] ^ b[i] }
        return diff == 0
    }

    /// 4 to 8 digits: what a clerk can type quickly at a desk.
    public static func validatePin(_ pin: String) throws {
        guard (4...8).contains(pin.count), pin.allSatisfy({ $0.isASCII && $0.isNumber }) else { throw LoginError.badPinFormat }
    }
}

public enum LoginError: UserFacingError, Equatable {
    case unknownOperator(String)
    case wrongPin(remaining: Int)
    case locked(until: String)
    case inactive(String)
    case badPinFormat
    case notPermitted(LocalizedText)

    public var message: LocalizedText {
        switch self {
        case .unknownOperator(let name):
            return LocalizedText("没有名为“\(name)”的操作员，请核对姓名。", "No operator named “\(name)”. Check the name.")
        case .wrongPin(let remaining):
            return LocalizedText("PIN 不正确，还可再试 \(remaining) 次，之后将锁定 5 分钟。", "Wrong PIN. \(remaining) tries left before a 5-minute lock.")
        case .locked(let until):
            return LocalizedText("PIN 连续输错 5 次，该操作员已锁定到 \(until)。请稍后再试或请书记协助。", "Five wrong PINs: this operator is locked until \(until). Try later or ask the secretary.")
        case .inactive(let name):
            return LocalizedText("操作员“\(name)”已停用。", "Operator “\(name)” is deactivated.")
        case .badPinFormat:
            return LocalizedText("PIN 应为 4 到 8 位数字。", "A PIN is 4 to 8 digits.")
        case .notPermitted(let what):
            return LocalizedText("当前角色无权\(what.zh)。", "Your role may not \(what.en).")
        }
    }
}
