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
        "generate.start": LocalizedText("生成数据", "generated data"),
        "generate.members": LocalizedText("生成党员", "generated members"),
        "generate.organisations": LocalizedText("生成单位", "generated organisations"),
        "generate.volunteer": LocalizedText("生成任务", "generated tasks"),
        "issue.create": LocalizedText("登记议题", "recorded issue"),
        "issue.advance": LocalizedText("议题推进", "advanced issue"),
        "issue.send_back": LocalizedText("议题退回", "sent issue back"),
        "issue.party": LocalizedText("添加议事主体", "added party"),
        "issue.option": LocalizedText("写入方案", "added plan"),
        "issue.meeting": LocalizedText("记录会议", "recorded meeting"),
        "issue.resolution": LocalizedText("形成决议", "wrote resolution"),
        "issue.implementation": LocalizedText("组织实施", "implementation"),
        "issue.survey": LocalizedText("满意度测评", "recorded survey"),
        "issue.close": LocalizedText("议题办结", "closed issue"),
        "issue.reopen": LocalizedText("议题重开", "reopened issue"),
        "star.deduct": LocalizedText("星级扣分", "star deduction"),
        "star.undeduct": LocalizedText("取消扣分", "deduction removed"),
        "star.sign": LocalizedText("星级签署", "star stage signed"),
        "star.reopen": LocalizedText("星级重开", "star stage reopened"),
        "task.publish": LocalizedText("发布任务", "published task"),
        "task.create": LocalizedText("新建任务", "created task"),
        "task.edit": LocalizedText("修改任务", "edited task"),
        "task.cancel": LocalizedText("取消任务", "cancelled task"),
        "claim.create": LocalizedText("认领任务", "claimed task"),
        "claim.reply": LocalizedText("回复完成", "reported done"),
        "claim.approve": LocalizedText("审核通过", "approved claim"),
        "claim.reject": LocalizedText("审核驳回", "rejected claim"),
        "claim.no_show": LocalizedText("未到", "no-show"),
        "claim.cancel": LocalizedText("取消认领", "cancelled claim"),
        "claim.revoke": LocalizedText("撤销通过", "revoked approval"),
        "claim.import": LocalizedText("导入认领", "imported claims"),
    ]

    static func label(_ action: String) -> String {
        known[action]?.text() ?? action
    }
}
