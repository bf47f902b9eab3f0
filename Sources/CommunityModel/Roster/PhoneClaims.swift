import Foundation
import GRDB

/// One member, one phone, across an import file: each active line's number is checked against the active
/// members already on the roster and against the active lines above it, so the file is refused whole
/// (every clash with its line) before anything is written — the rule the form applies to one member.
struct PhoneClaims {
    private let inUse: Statement
    /// The first active line holding each number, and who is on it.
    private var firstLine: [String: (line: Int, name: String, code: String)] = [:]

    init(_ db: Database) throws {
        inUse = try db.cachedStatement(sql: "SELECT name, member_code FROM member WHERE phone = ? AND active = 1 LIMIT 1")
    }

    /// Takes `phone` for the member on `line`.
    /// - Throws: `RosterError.phoneInUse` naming the member on the roster, or `RosterImportFieldError` naming
    ///   the earlier line and its member.
    mutating func claim(_ phone: String, line: Int, name: String, code: String) throws {
        if let other = try Row.fetchOne(inUse, arguments: [phone]) {
            let otherName: String = other["name"] ?? ""
            let otherCode: String = other["member_code"] ?? ""
            throw RosterError.phoneInUse(phone, name: otherName, code: otherCode)
        }
        if let first = firstLine[phone] {
            throw RosterImportFieldError(message: LocalizedText(
                "手机号 \(phone) 与第 \(first.line) 行的 \(first.name)（\(first.code)）相同：一人一号，请核对后再填。",
                "phone \(phone) is also on line \(first.line) (\(first.name), \(first.code)): one member, one phone — check it and try again."))
        }
        firstLine[phone] = (line, name, code)
    }
}
