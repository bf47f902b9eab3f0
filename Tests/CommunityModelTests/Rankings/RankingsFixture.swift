import CommunityTestSupport
import Foundation
import GRDB
@testable import CommunityModel

/// A fresh 朝东社区 with helpers to record approved service on a given day, as the review queue would.
struct RankingsFixture {
    let store: TestStore
    var db: CommunityDatabase { store.db }
    var actor: Actor { store.secretary }
    let templates: LetterTemplates

    init() throws {
        store = try TestStore()
        templates = try LetterTemplates.load(from: TestStore.dataDirectory)
    }

    func member(_ name: String, _ code: String, reported: String = "2026-01-01") throws -> PointsHolder {
        let phone = "139" + String(format: "%08d", abs(code.hashValue) % 100_000_000)
        let m = try db.addMember(Member(name: name, phone: phone, organisationId: nil, level: .city, memberCode: code, reportedOn: reported), by: actor)
        return .member(m.id ?? 0)
    }

    func organisation(_ name: String, reported: String = "2026-01-01") throws -> PointsHolder {
        let o = try db.addOrganisation(Organisation(name: name, level: .district, contact: "联系人", phone: "13900000001", reportedOn: reported), by: actor)
        return .organisation(o.id ?? 0)
    }

    /// A task on `day` worth `points`, claimed by `holder`, reported and approved (points credited). Returns the claim id.
    @discardableResult
    func serve(_ holder: PointsHolder, points: Int, on day: String, title: String = "核酸检测") throws -> Int64 {
        try db.pool.write { db in
            let task = try CommunityDatabase.insertTask(db, TaskDraft(title: title, category: .nucleicTesting, audience: .both,
                                                                      startsAt: "\(day) 08:00", endsAt: "\(day) 11:00", place: "卫生站",
                                                                      places: 50, points: points), publish: true, by: actor)
            let claim = try CommunityDatabase.insertClaim(db, taskId: task.id ?? 0, holder: holder, now: (Day.adding(-1, to: day) ?? day) + " 09:00", by: actor)
            _ = try CommunityDatabase.reply(db, id: claim.id ?? 0, note: "完成", at: "\(day) 12:00:00", by: actor)
            _ = try CommunityDatabase.approve(db, claimId: claim.id ?? 0, by: actor)
            return claim.id ?? 0
        }
    }

    func remove() { store.remove() }
}
