import CommunityModel

/// The audit log stores stable action codes; people read them in words.
enum AuditActionLabels {
    static let known: [String: LocalizedText] = [
        "community.setup": LocalizedText("建立社区", "set up community"),
        "demo.seed": LocalizedText("填入演示数据", "filled demo data"),
        "operator.add": LocalizedText("新增操作员", "added operator"),
        "operator.login": LocalizedText("登录", "signed in"),
        "operator.wrong_pin": LocalizedText("PIN 输错", "wrong PIN"),
        "operator.locked": LocalizedText("账号锁定", "operator locked"),
        "member.add": LocalizedText("新增党员", "added member"),
        "member.edit": LocalizedText("修改党员", "edited member"),
        "member.activate": LocalizedText("恢复党员", "reactivated member"),
        "member.deactivate": LocalizedText("停用党员", "deactivated member"),
        "member.import": LocalizedText("导入党员", "imported member"),
        "organisation.add": LocalizedText("新增单位", "added organisation"),
        "organisation.edit": LocalizedText("修改单位", "edited organisation"),
        "organisation.activate": LocalizedText("恢复单位", "reactivated organisation"),
        "organisation.deactivate": LocalizedText("停用单位", "deactivated organisation"),
        "organisation.import": LocalizedText("导入单位", "imported organisation"),
        "roster.import": LocalizedText("导入名册", "imported roster"),
    ]

    static func label(_ action: String) -> String {
        known[action]?.text() ?? action
    }
}
