import Foundation

/// Voucher codes: the item's prefix, 8 random characters and a check character, all from an alphabet
/// without look-alikes (no 0/O, 1/I/L, U/V). The check is Luhn mod N, which catches every single mistyped
/// character and most swaps of neighbours, so a typo is refused before the database is asked.
public enum VoucherCode {
    /// 30 characters: digits 2–9 and letters without I, L, O, U.
    public static let alphabet: [Character] = Array("23456789ABCDEFGHJKMNPQRSTVWXYZ")
    static let randomLength = 8

    static func value(_ c: Character) -> Int? { alphabet.firstIndex(of: c) }

    /// The check character for `body` (prefix + random part). Prefix characters outside the alphabet count by
    /// their code point, so every prefix the catalog allows still gets a check.
    public static func checkCharacter(for body: String) -> Character {
        let n = alphabet.count
        var factor = 2
        var sum = 0
        for c in body.reversed() {
            let v = value(c) ?? Int(c.unicodeScalars.first?.value ?? 0) % n
            var addend = factor * v
            factor = factor == 2 ? 1 : 2
            addend = addend / n + addend % n
            sum += addend
        }
        return alphabet[(n - sum % n) % n]
    }

    /// A new code for `prefix`, drawn from `random`.
    public static func make<R: RandomNumberGenerator>(prefix: String, using random: inout R) -> String {
        var body = prefix
        for _ in 0..<randomLength { body.append(alphabet[Int.random(in: 0..<alphabet.count, using: &random)]) }
        return body + String(checkCharacter(for: body))
    }

    /// Upper-cases and drops spaces and dashes, then checks the shape and the check character.
    /// - Returns: the code as stored (no dashes).
    /// - Throws: `VoucherError.malformed` or `.badCheckCharacter`.
    public static func normalise(_ text: String) throws -> String {
        let code = text.uppercased().filter { $0 != "-" && $0 != " " }
        // Shortest prefix is 1 character, longest 6.
        guard (randomLength + 2)...(randomLength + 7) ~= code.count, code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
            throw VoucherError.malformed(text)
        }
        let tail = code.suffix(randomLength + 1)
        guard tail.allSatisfy({ value($0) != nil }) else { throw VoucherError.malformed(text) }
        let body = String(code.dropLast())
        guard code.last == checkCharacter(for: body) else { throw VoucherError.badCheckCharacter(display(code)) }
        return code
    }

    /// Whether a stored code is well formed with a valid check character (`check` uses this).
    public static func isValid(_ code: String) -> Bool {
        (try? normalise(code)) == code
    }

    /// `XC7K3M9QPW` → `XC-7K3M-9QPW` (prefix, then the rest in groups of 4) for print and screen.
    public static func display(_ code: String) -> String {
        let chars = Array(code)
        guard chars.count > randomLength + 1 else { return code }
        let prefixLength = chars.count - randomLength - 1
        let prefix = String(chars[0..<prefixLength])
        let rest = Array(chars[prefixLength...])
        var groups: [String] = []
        var i = 0
        while i < rest.count {
            let end = min(i + 4, rest.count)
            // The last group takes the check character too (4 + 4 + 1 → 4 + 5).
            if rest.count - end == 1 {
                groups.append(String(rest[i..<rest.count]))
                break
            }
            groups.append(String(rest[i..<end]))
            i = end
        }
        return ([prefix] + groups).joined(separator: "-")
    }
}
