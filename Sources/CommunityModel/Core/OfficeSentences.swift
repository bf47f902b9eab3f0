import Foundation

/// Audit sentences of running the office: setting up, demo and generated data, operators and PINs, settings.
enum OfficeSentences {
    static let table: [String: AuditSentence.Template] = [
        "community.setup": { f in
            let demo = f.detail.hasSuffix(" (demo)")
            let name = demo ? String(f.detail.dropLast(7)) : f.detail
            return LocalizedText("建立社区 \(name)\(demo ? "（演示数据）" : "")", "set up the community \(name)\(demo ? " (demo data)" : "")")
        },
        "community.profile": { f in LocalizedText("修改社区资料：\(f.detail)", "changed the community profile: \(f.detail)") },
        "demo.seed": { f in
            let o = AuditDetail.int(before: " organisations", in: f.detail) ?? 0, m = AuditDetail.int(before: " members", in: f.detail) ?? 0
            return LocalizedText("填入演示数据：报到单位 \(o) 个、在职党员 \(m) 名", "filled in demo data: \(o) organisations, \(m) members")
        },
        "generate.start": { f in
            let scale = AuditDetail.text(after: "scale ", upTo: ":", in: f.detail) ?? ""
            return LocalizedText("开始生成测试数据（规模 \(scale)）", "started generating test data (scale \(scale))")
        },
        "generate.organisations": { f in
            LocalizedText("生成报到单位（第 \(rows(f.detail)) 行）", "generated organisations (rows \(rows(f.detail)))")
        },
        "generate.members": { f in
            LocalizedText("生成在职党员（第 \(rows(f.detail)) 行）", "generated members (rows \(rows(f.detail)))")
        },
        "generate.volunteer": { f in
            let range = f.detail.split(separator: " ").last.map(String.init) ?? ""
            return LocalizedText("生成任务、认领与积分（\(range)）", "generated tasks, claims and points (\(range))")
        },
        "operator.add": { f in
            let role = Operator.Role.allCases.first { f.detail.hasSuffix($0.rawValue) }
            let r = role.map { LocalizedText("（\($0.label.zh)）", " (\($0.label.en))") } ?? LocalizedText("", "")
            return LocalizedText("新增操作员 \(f.subject)", "added operator \(f.subject)") + r
        },
        "operator.login": { f in LocalizedText("\(f.subject) 登录", "\(f.subject) signed in") },
        "operator.wrong_pin": { f in LocalizedText("\(f.subject) 输错 PIN", "\(f.subject) typed a wrong PIN") },
        "operator.locked": { f in LocalizedText("\(f.subject) 连续输错 5 次 PIN，已锁定", "\(f.subject) was locked after five wrong PINs") },
        "operator.deactivate": { f in LocalizedText("停用操作员 \(f.subject)", "deactivated operator \(f.subject)") },
        "operator.activate": { f in LocalizedText("恢复操作员 \(f.subject)", "reactivated operator \(f.subject)") },
        "operator.reset_pin": { f in LocalizedText("重设操作员 \(f.subject) 的 PIN", "reset the PIN of operator \(f.subject)") },
        "operator.change_pin": { f in LocalizedText("\(f.subject) 修改了自己的 PIN", "\(f.subject) changed their own PIN") },
        "operator.unlock": { f in LocalizedText("解锁操作员 \(f.subject)", "unlocked operator \(f.subject)") },
        "operator.role": { f in
            let role = Operator.Role.allCases.first { f.detail.hasSuffix($0.rawValue) }
            return LocalizedText("把操作员 \(f.subject) 的角色改为 \(role?.label.zh ?? f.detail)",
                                 "changed the role of operator \(f.subject) to \(role?.label.en ?? f.detail)")
        },
        "setting.change": { f in
            let key = AuditNames.parse(f.entry.target).rest
            let label = SettingKey(rawValue: key)?.label ?? LocalizedText(key, key)
            return LocalizedText("修改社区设置「\(label.zh)」：\(f.detail)", "changed the setting “\(label.en)”: \(f.detail)")
        },
    ]

    static func rows(_ detail: String) -> String {
        detail.hasPrefix("rows ") ? String(detail.dropFirst(5)) : detail
    }
}
