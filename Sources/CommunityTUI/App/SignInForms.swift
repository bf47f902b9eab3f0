import CommunityModel

/// The two forms before the main screens: first-run setup of a new database, and operator login.
enum SignInForms {
    static func login(_ ctx: AppContext) -> FormState {
        let names = (try? ctx.db.operatorNames()) ?? []
        return FormState(title: LocalizedText("登录", "Sign in"), fields: [
            FormField(id: "operator", label: LocalizedText("操作员", "Operator"), kind: .choice(names), required: true),
            FormField(id: "pin", label: LocalizedText("PIN 码", "PIN"), kind: .secret, required: true),
        ]) { values, ctx in
            do {
                return [.signedIn(try ctx.db.login(name: values["operator"], pin: values["pin"]))]
            } catch let error as LoginError {
                throw FieldError(field: "pin", message: error.message)
            }
        }
    }

    static func setup() -> FormState {
        FormState(title: LocalizedText("首次使用：建立社区", "First run: set up the community"), fields: [
            FormField(id: "name", label: LocalizedText("社区名称", "Community"), required: true,
                      placeholder: LocalizedText("例如 朝东社区", "e.g. 朝东社区")),
            FormField(id: "street", label: LocalizedText("所属街道", "Street"), required: true),
            FormField(id: "district", label: LocalizedText("所属区", "District"), required: true),
            FormField(id: "city", label: LocalizedText("所属市", "City"), required: true),
            FormField(id: "secretary", label: LocalizedText("书记姓名", "Secretary"), required: true),
            FormField(id: "pin", label: LocalizedText("PIN 码", "PIN"), kind: .secret, required: true,
                      placeholder: LocalizedText("6–8 位数字", "6–8 digits"), validate: pinRule),
            FormField(id: "pin2", label: LocalizedText("再次输入", "PIN again"), kind: .secret, required: true),
        ]) { values, ctx in
            if values["pin"] != values["pin2"] {
                throw FieldError(field: "pin2", message: LocalizedText("两次输入的 PIN 不一致，请重新输入。", "The two PINs differ; type it again."))
            }
            let profile = CommunityProfile(name: values["name"], street: values["street"],
                                           district: values["district"], city: values["city"])
            let actor = try ctx.db.setUp(profile: profile, secretaryName: values["secretary"], pin: values["pin"])
            return [.signedIn(actor)]
        }
    }

    /// A new PIN on a real database: the store's own policy, so the form says what the store would refuse.
    static func pinRule(_ pin: String) -> LocalizedText? {
        do { try PinPolicy.check(pin, demo: false); return nil } catch { return userMessage(for: error) }
    }
}
