import CommunityModel

/// Forms for running the office: operators (add, reset PIN), one's own PIN, and the community settings.
/// The store checks every rule again (PIN strength, the last 书记); its refusal lands on the field it concerns.
enum OfficeForms {
    static func roleNames() -> [String] { Operator.Role.allCases.map { $0.label.text() } }
    static func role(named text: String) -> Operator.Role {
        Operator.Role.allCases.first { $0.label.text() == text } ?? .worker
    }

    static func pinHint(_ ctx: AppContext) -> LocalizedText {
        ((try? ctx.db.profile()?.isDemo) ?? false) ? LocalizedText("4–8 位数字（演示数据）", "4–8 digits (demo data)")
            : LocalizedText("6–8 位数字，不能是 123456 之类", "6–8 digits, nothing like 123456")
    }

    /// Turns the store's PIN refusals into a field error, so the form stays open on the PIN.
    static func onPin<T>(_ field: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as PinError {
            throw FieldError(field: field, message: error.message)
        } catch let error as LoginError {
            throw FieldError(field: field == "pin" ? "pin" : "old", message: error.message)
        }
    }

    static func addOperator(_ ctx: AppContext) -> FormState {
        FormState(title: LocalizedText("新增操作员", "Add operator"), fields: [
            FormField(id: "name", label: LocalizedText("姓名", "Name"), required: true),
            FormField(id: "role", label: LocalizedText("角色", "Role"), value: Operator.Role.worker.label.text(), kind: .choice(roleNames())),
            FormField(id: "pin", label: LocalizedText("初始 PIN", "First PIN"), kind: .secret, required: true, placeholder: pinHint(ctx)),
            FormField(id: "pin2", label: LocalizedText("再次输入", "PIN again"), kind: .secret, required: true),
        ]) { values, ctx in
            if values["pin"] != values["pin2"] { throw FieldError(field: "pin2", message: PinError.mismatch.message) }
            let role = role(named: values["role"])
            let op = try onPin("pin") { try ctx.db.addOperator(name: values["name"], role: role, pin: values["pin"], by: ctx.signedIn) }
            return [.ok(LocalizedText("已新增操作员 \(op.name)（\(role.label.zh)）。", "Added operator \(op.name) (\(role.label.en)).")), .reload]
        }
    }

    static func resetPin(_ op: Operator, _ ctx: AppContext) -> FormState {
        FormState(title: LocalizedText("重设 PIN · \(op.name)", "Reset PIN · \(op.name)"), fields: [
            FormField(id: "pin", label: LocalizedText("新 PIN", "New PIN"), kind: .secret, required: true, placeholder: pinHint(ctx)),
            FormField(id: "pin2", label: LocalizedText("再次输入", "PIN again"), kind: .secret, required: true),
        ]) { values, ctx in
            if values["pin"] != values["pin2"] { throw FieldError(field: "pin2", message: PinError.mismatch.message) }
            try onPin("pin") { try ctx.db.resetOperatorPin(id: op.id ?? 0, newPin: values["pin"], by: ctx.signedIn) }
            return [.ok(LocalizedText("已重设 \(op.name) 的 PIN，并解除锁定。", "Reset the PIN of \(op.name) and lifted any lock.")), .reload]
        }
    }

    static func changeOwnPin(_ ctx: AppContext) -> FormState {
        FormState(title: LocalizedText("修改我的 PIN · \(ctx.signedIn.name)", "Change my PIN · \(ctx.signedIn.name)"), fields: [
            FormField(id: "old", label: LocalizedText("原 PIN", "Old PIN"), kind: .secret, required: true),
            FormField(id: "pin", label: LocalizedText("新 PIN", "New PIN"), kind: .secret, required: true, placeholder: pinHint(ctx)),
            FormField(id: "pin2", label: LocalizedText("再次输入", "PIN again"), kind: .secret, required: true),
        ]) { values, ctx in
            if values["pin"] != values["pin2"] { throw FieldError(field: "pin2", message: PinError.mismatch.message) }
            do {
                try ctx.db.changeOwnPin(ctx.signedIn, old: values["old"], new: values["pin"])
            } catch let error as LoginError {
                throw FieldError(field: "old", message: error.message)
            } catch let error as PinError {
                throw FieldError(field: "pin", message: error.message)
            }
            return [.ok(LocalizedText("PIN 已修改，下次登录请用新 PIN。", "PIN changed; use the new one next time."))]
        }
    }

    /// The community settings (书记 only): profile, letter counts, kiosk idle seconds, receipts, printer, lock.
    static func settings(_ ctx: AppContext) -> FormState {
        let s = (try? ctx.db.settings()) ?? CommunitySettings()
        let p = try? ctx.db.profile()
        func number(_ key: SettingKey) -> FormField {
            FormField(id: key.rawValue, label: key.shortLabel, value: s[key], required: true,
                      placeholder: key.range.map { LocalizedText("\($0.lowerBound)–\($0.upperBound)", "\($0.lowerBound)–\($0.upperBound)") },
                      validate: { value in
                          do { _ = try CommunitySettings.validated(key, value); return nil } catch { return userMessage(for: error) }
                      })
        }
        func text(_ key: SettingKey, _ hint: LocalizedText) -> FormField {
            FormField(id: key.rawValue, label: key.shortLabel, value: s[key], placeholder: hint)
        }
        return FormState(title: LocalizedText("社区设置", "Community settings"), fields: [
            FormField(id: "name", label: LocalizedText("社区名称", "Community"), value: p?.name ?? "", required: true),
            FormField(id: "street", label: LocalizedText("所属街道", "Street"), value: p?.street ?? "", required: true),
            FormField(id: "district", label: LocalizedText("所属区", "District"), value: p?.district ?? "", required: true),
            FormField(id: "city", label: LocalizedText("所属市", "City"), value: p?.city ?? "", required: true),
            number(.lettersMembers),
            number(.lettersOrganisations),
            number(.kioskIdleSeconds),
            text(.receiptFolder, LocalizedText("留空：与数据库同目录", "empty: beside the database")),
            text(.printerPath, LocalizedText("留空：不打印", "empty: no printer")),
            number(.deskLockMinutes),
        ]) { values, ctx in
            var profile = p ?? CommunityProfile(name: "", street: "", district: "", city: "")
            profile.name = values["name"]; profile.street = values["street"]; profile.district = values["district"]; profile.city = values["city"]
            var changes: [SettingKey: String] = [:]
            for key in SettingKey.allCases { changes[key] = values[key.rawValue] }
            let n = try ctx.db.changeSettings(changes, profile: profile, by: ctx.signedIn)
            return [.ok(n == 0 ? LocalizedText("设置没有改动。", "Nothing changed.") : LocalizedText("已保存 \(n) 项设置。", "Saved \(n) setting(s).")), .reload]
        }
    }
}
