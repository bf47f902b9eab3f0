import Foundation
import GRDB

/// The demo 朝东社区's star history (issue 10 item 8): of the three quarters before today's, the first rated
/// four stars, the next two five stars (defended, checked, reviewed); today's quarter is in self-assessment
/// with one deduction applied by hand and the live figures proposing more.
enum StarDemo {
    private typealias Case = (criterion: String, index: Int, count: Int, note: String)

    private static let past: [(stars: Int, defence: Double?, cases: [Case])] = [
        (4, nil, [("team_complete", 0, 1, "组织委员 1 月调离，4 月底才补齐"), ("three_meetings_one_lesson", 0, 3, "1–3 月缺 3 次党小组会"),
                  ("records_in_order", 0, 1, "双报到档案未分类"), ("centre_area", 1, 1, "活动室兼作仓库"),
                  ("member_education", 1, 2, "1 月、2 月未开展主题党日"), ("signature_brand", 1, 1, "品牌成效材料未整理")]),
        (5, 92.5, [("three_meetings_one_lesson", 0, 2, "缺 2 次党小组会"), ("signage", 1, 1, "上墙制度为旧版"),
                   ("member_education", 1, 1, "5 月主题党日未开展"), ("in_service_members", 0, 1, "3 名党员报到信息不全")]),
        (5, 90.0, [("duties_clear", 1, 2, "2 名委员未联系报到单位"), ("grid_management", 0, 2, "第 3、第 7 网格缺网格员"),
                   ("facilities", 1, 1, "议事厅投影仪损坏"), ("recruitment_quality", 0, 1, "1 名发展对象材料缺政审"),
                   ("platform_use", 1, 1, "8 月有审核超期")]),
    ]

    static func seed(_ db: Database, context: SeedContext, standard: StarStandard) throws {
        guard let current = StarQuarter(day: context.today) else { return }
        let actor = context.actor
        let name = actor?.name ?? "system"
        let role = actor?.role.rawValue ?? Operator.Role.secretary.rawValue
        let quarters = [current.previous.previous.previous, current.previous.previous, current.previous]
        for (quarter, plan) in zip(quarters, past) {
            let after = { (days: Int, time: String) in (Day.adding(days, to: quarter.endDay) ?? quarter.endDay) + " " + time }
            for c in plan.cases {
                var e = StarDeductionEvent(id: nil, quarter: quarter.description, criterion: c.criterion, caseIndex: c.index, action: .apply,
                                           count: c.count, note: c.note, proposed: false, operatorId: actor?.operatorId,
                                           operatorName: name, at: after(1, "09:00:00"))
                try e.insert(db)
            }
            let card = StarScorecard(standard: standard, quarter: quarter, history: try StarDeductionEvent.fetchAll(
                db, sql: "SELECT * FROM star_deduction WHERE quarter = ? ORDER BY id", arguments: [quarter.description]), evidence: nil)
            func stage(_ s: StarStage, _ day: Int, _ fill: (inout StarStageEvent) -> Void) throws {
                var e = StarStageEvent.probe(quarter, s, .signOff)
                e.operatorId = actor?.operatorId
                e.operatorName = name
                e.operatorRole = role
                e.at = after(day, "10:00:00")
                fill(&e)
                try e.insert(db)
            }
            try stage(.selfAssessment, 3) { $0.total = card.total; $0.claimedStars = card.claimedStars }
            if let score = plan.defence, card.claimedStars == 5 {
                try stage(.publicDefence, 10) { $0.defenceScore = score; $0.confirmed = true; $0.note = "街道答辩赛" }
            }
            try stage(.siteCheck, 17) { e in
                e.siteResults = StarStageEvent.encode(standard.siteChecks.map { SiteCheckResult(key: $0.key, passed: true, note: "符合要求") })
            }
            try stage(.districtReview, 25) { $0.finalStars = min(plan.stars, card.claimedStars); $0.note = "区委组织部复评" }
        }
        var e = StarDeductionEvent(id: nil, quarter: current.description, criterion: "three_meetings_one_lesson", caseIndex: 1, action: .apply,
                                   count: 1, note: "10 月支委会记录为事后补记", proposed: false, operatorId: actor?.operatorId,
                                   operatorName: name, at: context.today + " 09:30:00")
        try e.insert(db)
    }
}
