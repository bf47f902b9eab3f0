import Foundation

/// Field rules for the roster, shared by the forms, the CSV import and the store.
public enum RosterError: UserFacingError, Equatable {
    case required(LocalizedText)
    case badPhone(String)
    case badDate(String)
    case duplicateMemberCode(String)
    case duplicateOrganisation(String)
    case unknownOrganisation(String)
    case badLevel(String, allowed: [String])
    case tooLong(LocalizedText, max: Int)
    /// One member, one phone: the number is already on another active member.
    case phoneInUse(String, name: String, code: String)

    public var message: LocalizedText {
        switch self {
        case .required(let field):
            return LocalizedText("\(field.zh)不能为空，请填写。", "\(field.en) is required.")
        case .badPhone(let text):
            return LocalizedText("手机号“\(text)”不对：应为 11 位数字，以 1 开头。", "Phone “\(text)” is not valid: use 11 digits starting with 1.")
        case .badDate(let text):
            return LocalizedText("日期“\(text)”不对：请按 2024-03-01 的格式填写。", "Date “\(text)” is not valid: write it as 2024-03-01.")
        case .duplicateMemberCode(let code):
            return LocalizedText("党员编号“\(code)”已被使用，请核对后换一个。", "Member code “\(code)” is already in use; check it and use another.")
        case .duplicateOrganisation(let name):
            return LocalizedText("单位“\(name)”已在名册中。", "Organisation “\(name)” is already on the roster.")
        case .unknownOrganisation(let name):
            return LocalizedText("找不到报到单位“\(name)”，请先在名册中添加该单位。", "No organisation named “\(name)”; add it to the roster first.")
        case .badLevel(let text, let allowed):
            return LocalizedText("层级“\(text)”不对：只能是 \(allowed.joined(separator: "、"))。", "Level “\(text)” is not valid: use \(allowed.joined(separator: ", ")).")
        case .tooLong(let field, let max):
            return LocalizedText("\(field.zh)太长：最多 \(max) 个字。", "\(field.en) is too long: at most \(max) characters.")
        case .phoneInUse(let phone, let name, let code):
            // The brackets follow the language: full-width （） only inside Chinese.
            return LocalizedText("手机号 \(phone) 已登记在党员 \(code.isEmpty ? name : "\(name)（\(code)）") 名下：一人一号，请核对后再填。",
                                 "Phone \(phone) is already on member \(code.isEmpty ? name : "\(name) (\(code))"): one member, one phone — check it and try again.")
        }
    }
}

public enum RosterValidation {
    public static let nameField = LocalizedText("姓名", "Name")
    public static let orgNameField = LocalizedText("单位名称", "Organisation name")
    public static let contactField = LocalizedText("联系人", "Contact")
    public static let codeField = LocalizedText("党员编号", "Member code")
    public static let phoneField = LocalizedText("手机号", "Phone")

    /// An 11-digit mainland mobile number starting with 1; spaces and dashes typed by hand are removed.
    public static func normalisedPhone(_ text: String) throws -> String {
        try TextRules.check(text, .value, field: phoneField)
        // Full-width digits (１８２…) are what a Chinese input method types.
        let digits = Day.halfWidth(text).filter { !$0.isWhitespace && $0 != "-" }
        guard digits.count == 11, digits.first == "1", digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw RosterError.badPhone(text)
        }
        return digits
    }

    /// Trims, applies the shared `TextRules` for `kind`, and checks the text is there and not too long.
    /// - Throws: `TextRuleError` for a character no field may hold, `RosterError` for a blank or long text.
    public static func required(_ text: String, _ field: LocalizedText, max: Int = 60, kind: TextFieldKind = .line) throws -> String {
        let trimmed = try TextRules.check(text, kind, field: field)
        guard !trimmed.isEmpty else { throw RosterError.required(field) }
        guard trimmed.count <= max else { throw RosterError.tooLong(field, max: max) }
        return trimmed
    }

    public static func date(_ text: String) throws -> String {
        try TextRules.check(text, .value, field: LocalizedText("日期", "Date"))
        guard let day = Day.normaliseTyped(text), !day.contains(" ") else { throw RosterError.badDate(text) }
        return day
    }

    public static func organisationLevel(_ text: String) throws -> Organisation.Level {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let l = Organisation.Level(rawValue: t) { return l }
        switch t.lowercased() { case "city", "市": return .city; case "district", "区": return .district; default: break }
        throw RosterError.badLevel(text, allowed: Organisation.Level.allCases.map(\.rawValue))
    }

    public static func memberLevel(_ text: String) throws -> Member.Level {
        let t = text.trimmingCharacters(in: .whitespaces)
        if let l = Member.Level(rawValue: t) { return l }
        switch t.lowercased() { case "city", "市", "市级": return .city; case "district", "区", "区级": return .district; default: break }
        throw RosterError.badLevel(text, allowed: Member.Level.allCases.map(\.rawValue))
    }

    /// Checks and normalises a member before it is written.
    public static func validate(_ member: Member) throws -> Member {
        var m = member
        m.name = try required(m.name, nameField, max: 30, kind: .name)
        m.phone = try normalisedPhone(m.phone)
        m.memberCode = try required(m.memberCode, codeField, max: 30, kind: .code)
        m.reportedOn = try date(m.reportedOn)
        return m
    }

    public static func validate(_ organisation: Organisation) throws -> Organisation {
        var o = organisation
        o.name = try required(o.name, orgNameField, max: 60, kind: .name)
        o.contact = try required(o.contact, contactField, max: 30, kind: .name)
        o.phone = try normalisedPhone(o.phone)
        o.reportedOn = try date(o.reportedOn)
        return o
    }
}
