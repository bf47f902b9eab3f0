import CommunityModel

/// The kiosk's forms: signing in a 兑换窗口 operator, and a 书记/管理员 typing a PIN to allow something
/// (leaving, training, a void, a day report). PINs are checked by the store's `login`, so five wrong PINs
/// lock that supervisor exactly as at the desk; in training they are checked on the real file.
enum KioskForms {
    static func login(_ ctx: AppContext) -> FormState {
        let names = (try? ctx.db.operatorNames()) ?? []
        return FormState(title: LocalizedText("兑换窗口登录", "Redemption desk sign-in"), fields: [
            FormField(id: "operator", label: LocalizedText("操作员", "Operator"), kind: .choice(names), required: true),
            FormField(id: "pin", label: LocalizedText("PIN 码", "PIN"), kind: .secret, required: true),
        ]) { values, ctx in
            let actor: Actor
            do {
                actor = try ctx.db.login(name: values["operator"], pin: values["pin"])
            } catch let error as LoginError {
                throw FieldError(field: "pin", message: error.message)
            }
            guard actor.role == .kiosk else {
                throw FieldError(field: "operator", message: LocalizedText(
                    "这里是兑换窗口，请用“兑换窗口”角色的账号登录；书记和社工请在工作台（community）办理。",
                    "This is the redemption kiosk: sign in with a redemption-desk operator; the secretary and workers use the desk (community)."))
            }
            return [.signedIn(actor)]
        }
    }

    /// A supervisor (书记/管理员) names themself and types their PIN; `then` gets the signed-in supervisor.
    /// The PIN field has the focus (the first operator, usually the secretary, is preselected; ↑ to change).
    static func supervisor(title: LocalizedText, _ ctx: AppContext, then: @escaping (Actor) -> [Effect]) -> FormState {
        let names = (try? ctx.pinDB.operatorNames()) ?? []
        var form = FormState(title: title + LocalizedText(" · 需书记/管理员 PIN", " · secretary's PIN"), fields: [
            FormField(id: "operator", label: LocalizedText("书记/管理员", "Supervisor"), kind: .choice(names), required: true),
            FormField(id: "pin", label: LocalizedText("PIN 码", "PIN"), kind: .secret, required: true),
        ]) { values, ctx in
            let actor = try checkSupervisor(name: values["operator"], pin: values["pin"], ctx)
            return then(actor)
        }
        form.focus = 1
        return form
    }

    /// The store's `authorizeSupervisor` (a sign-in: wrong PINs count towards the lock) as a field error.
    /// - Throws: `FieldError` on the PIN (wrong, locked) or the name (not a 书记/管理员).
    static func checkSupervisor(name: String, pin: String, _ ctx: AppContext) throws -> Actor {
        do {
            return try ctx.pinDB.authorizeSupervisor(name: name, pin: pin)
        } catch let error as LoginError {
            throw FieldError(field: "pin", message: error.message)
        } catch RedemptionError.supervisorRequired {
            throw FieldError(field: "operator", message: LocalizedText(
                "“\(name)”不是书记/管理员；这一步需要书记/管理员的 PIN。",
                "“\(name)” is not a secretary/admin; this needs a secretary's PIN."))
        }
    }

    static let leaveTitle = LocalizedText("离开兑换窗口", "Leave the kiosk")
    static let trainingTitle = LocalizedText("开启培训模式", "Start training mode")

    static func leave(_ ctx: AppContext) -> FormState {
        supervisor(title: leaveTitle, ctx) { actor in [.kiosk(.leave(supervisor: actor))] }
    }

    static func training(_ ctx: AppContext) -> FormState {
        supervisor(title: trainingTitle, ctx) { actor in
            [.kiosk(.startTraining(supervisor: actor))]
        }
    }
}
