import Foundation

/// One community setting kept in the database (table `community_setting`). Reference data that belongs to
/// the district — the eight steps, the star standard, the catalog defaults — stays in `data/`.
public enum SettingKey: String, Sendable, CaseIterable {
    case lettersMembers = "letters_members"
    case lettersOrganisations = "letters_organisations"
    case kioskIdleSeconds = "kiosk_idle_seconds"
    case receiptFolder = "receipt_folder"
    case printerPath = "printer_path"
    case deskLockMinutes = "desk_lock_minutes"

    public var label: LocalizedText {
        switch self {
        case .lettersMembers: return LocalizedText("党员排名感谢信/提醒函人数", "letters per member ranking")
        case .lettersOrganisations: return LocalizedText("单位排名感谢信/提醒函个数", "letters per organisation ranking")
        case .kioskIdleSeconds: return LocalizedText("兑换窗口无操作返回秒数", "kiosk idle seconds")
        case .receiptFolder: return LocalizedText("兑换单保存目录", "receipt folder")
        case .printerPath: return LocalizedText("打印机路径", "printer path")
        case .deskLockMinutes: return LocalizedText("无操作自动锁屏分钟数", "desk lock minutes")
        }
    }

    /// The label in the settings form, where a line has 16 columns for it.
    public var shortLabel: LocalizedText {
        switch self {
        case .lettersMembers: return LocalizedText("党员信函人数", "member letters")
        case .lettersOrganisations: return LocalizedText("单位信函个数", "org letters")
        case .kioskIdleSeconds: return LocalizedText("窗口空闲秒数", "kiosk idle sec")
        case .receiptFolder: return LocalizedText("兑换单目录", "receipt folder")
        case .printerPath: return LocalizedText("打印机路径", "printer path")
        case .deskLockMinutes: return LocalizedText("锁屏分钟数", "lock minutes")
        }
    }

    /// Allowed range of a number setting; nil for a text (path) setting.
    public var range: ClosedRange<Int>? {
        switch self {
        case .lettersMembers, .lettersOrganisations: return 0...100
        case .kioskIdleSeconds: return 10...3600
        case .deskLockMinutes: return 1...240
        case .receiptFolder, .printerPath: return nil
        }
    }

    public var defaultValue: String {
        switch self {
        case .lettersMembers, .lettersOrganisations: return "10"
        case .kioskIdleSeconds: return "60"
        case .deskLockMinutes: return "10"
        case .receiptFolder, .printerPath: return ""
        }
    }
}

/// The community's settings as the program uses them; a setting never changed reads as its default.
public struct CommunitySettings: Sendable, Equatable {
    public var lettersMembers = 10
    public var lettersOrganisations = 10
    public var kioskIdleSeconds = 60
    /// Where receipts are written; "" means beside the database.
    public var receiptFolder = ""
    /// A printer device or command path; "" means no printer (receipts are shown and saved only).
    public var printerPath = ""
    public var deskLockMinutes = 10

    public init() {}

    public subscript(key: SettingKey) -> String {
        get {
            switch key {
            case .lettersMembers: return String(lettersMembers)
            case .lettersOrganisations: return String(lettersOrganisations)
            case .kioskIdleSeconds: return String(kioskIdleSeconds)
            case .receiptFolder: return receiptFolder
            case .printerPath: return printerPath
            case .deskLockMinutes: return String(deskLockMinutes)
            }
        }
        set {
            switch key {
            case .lettersMembers: lettersMembers = Int(newValue) ?? lettersMembers
            case .lettersOrganisations: lettersOrganisations = Int(newValue) ?? lettersOrganisations
            case .kioskIdleSeconds: kioskIdleSeconds = Int(newValue) ?? kioskIdleSeconds
            case .receiptFolder: receiptFolder = newValue
            case .printerPath: printerPath = newValue
            case .deskLockMinutes: deskLockMinutes = Int(newValue) ?? deskLockMinutes
            }
        }
    }

    /// Checks one value typed by a person; returns the value as stored.
    /// - Throws: `SettingsError` naming the setting and what it takes.
    public static func validated(_ key: SettingKey, _ raw: String) throws -> String {
        let value = raw.trimmingCharacters(in: .whitespaces)
        if value.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) }) { throw SettingsError.controlCharacters(key) }
        guard let range = key.range else {
            if value.count > 500 { throw SettingsError.tooLong(key) }
            return value
        }
        guard let n = Int(value), range.contains(n) else { throw SettingsError.outOfRange(key, range) }
        return String(n)
    }
}

public enum SettingsError: UserFacingError, Equatable {
    case outOfRange(SettingKey, ClosedRange<Int>)
    case controlCharacters(SettingKey)
    case tooLong(SettingKey)
    case notPermitted

    public var message: LocalizedText {
        switch self {
        case .outOfRange(let key, let r):
            return LocalizedText("“\(key.label.zh)”应为 \(r.lowerBound) 到 \(r.upperBound) 之间的整数。", "“\(key.label.en)” takes a whole number from \(r.lowerBound) to \(r.upperBound).")
        case .controlCharacters(let key):
            return LocalizedText("“\(key.label.zh)”不能包含换行或控制字符。", "“\(key.label.en)” cannot hold line breaks or control characters.")
        case .tooLong(let key):
            return LocalizedText("“\(key.label.zh)”太长（最多 500 个字符）。", "“\(key.label.en)” is too long (500 characters at most).")
        case .notPermitted:
            return LocalizedText("只有书记/管理员可以修改社区设置。", "Only the secretary/admin may change the community settings.")
        }
    }
}
