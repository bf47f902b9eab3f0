import Foundation
import GRDB

extension CommunityDatabase {
    /// The community's settings; defaults for any never changed.
    public func settings() throws -> CommunitySettings {
        try pool.read { db in try Self.settings(db) }
    }

    static func settings(_ db: Database) throws -> CommunitySettings {
        var s = CommunitySettings()
        for row in try Row.fetchAll(db, sql: "SELECT key, value FROM community_setting") {
            if let key = SettingKey(rawValue: row["key"]) { s[key] = row["value"] }
        }
        return s
    }

    /// Changes the settings and the community profile (书记 only) in one transaction, one audit line per value
    /// that changed. Everything is checked before anything is written.
    /// - Returns: how many values changed.
    /// - Throws: `SettingsError`, `RosterError` for an empty profile field.
    @discardableResult
    public func changeSettings(_ values: [SettingKey: String], profile: CommunityProfile? = nil, by actor: Actor) throws -> Int {
        guard actor.role.mayManageOperators else { throw SettingsError.notPermitted }
        var checked: [SettingKey: String] = [:]
        for (key, raw) in values { checked[key] = try CommunitySettings.validated(key, raw) }
        var newProfile: CommunityProfile?
        if var p = profile {
            p.name = try RosterValidation.required(p.name, LocalizedText("社区名称", "Community name"))
            p.street = try RosterValidation.required(p.street, LocalizedText("街道", "Street"))
            p.district = try RosterValidation.required(p.district, LocalizedText("区", "District"))
            p.city = try RosterValidation.required(p.city, LocalizedText("市", "City"))
            newProfile = p
        }
        return try pool.write { db in
            var changed = 0
            if let p = newProfile, var old = try CommunityProfile.fetchOne(db, key: 1) {
                let parts: [(String, String, String)] = [("name", old.name, p.name), ("street", old.street, p.street),
                                                         ("district", old.district, p.district), ("city", old.city, p.city)]
                let diffs = parts.filter { $0.1 != $0.2 }.map { "\($0.1) → \($0.2)" }
                if !diffs.isEmpty {
                    old.name = p.name; old.street = p.street; old.district = p.district; old.city = p.city
                    try old.update(db)
                    try AuditEntry.record(db, by: actor, action: "community.profile", target: "community", detail: diffs.joined(separator: "; "))
                    changed += 1
                }
            }
            let current = try Self.settings(db)
            for key in SettingKey.allCases {
                guard let value = checked[key], value != current[key] else { continue }
                try db.execute(sql: """
                    INSERT INTO community_setting (key, value, changed_at, changed_by) VALUES (?, ?, ?, ?)
                    ON CONFLICT(key) DO UPDATE SET value = excluded.value, changed_at = excluded.changed_at, changed_by = excluded.changed_by
                    """, arguments: [key.rawValue, value, Day.timestamp(), actor.name])
                let show = { (v: String) in v.isEmpty ? "—" : v }
                try AuditEntry.record(db, by: actor, action: "setting.change", target: "setting:\(key.rawValue)",
                                      detail: "\(show(current[key])) → \(show(value))")
                changed += 1
            }
            return changed
        }
    }
}
