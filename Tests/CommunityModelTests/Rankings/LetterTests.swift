import CommunityTestSupport
import Foundation
import GRDB
import XCTest
@testable import CommunityModel

/// The outbox: generation with ties, no duplicates, frozen text, sending and withdrawing (issue 9 items 3–6).
final class LetterTests: XCTestCase {
    let november = RankingPeriod(year: 2026, month: 11)!
    let settings = RankingSettings(members: .init(thanks: 2, reminders: 2), organisations: .init(thanks: 1, reminders: 1))

    /// Six members: 50, 40, 40, 30, 0, 0 points in November.
    func sixMembers(_ f: RankingsFixture) throws -> [PointsHolder] {
        let names = [("张建华", "CD001", 50), ("李娜", "CD002", 40), ("王芳", "CD003", 40), ("赵磊", "CD004", 30), ("刘洋", "CD005", 0), ("陈静", "CD006", 0)]
        var holders: [PointsHolder] = []
        for (name, code, points) in names {
            let h = try f.member(name, code)
            if points > 0 { try f.serve(h, points: points, on: "2026-11-0\(holders.count + 1)") }
            holders.append(h)
        }
        return holders
    }

    func testGeneratingMakesTopAndBottomWithTiesAndTwiceMakesNoDuplicate() throws {
        let f = try RankingsFixture()
        defer { f.remove() }
        _ = try sixMembers(f)
        let first = try f.db.generateLetters(november, templates: f.templates, today: "2026-12-01", by: f.actor, settings: settings)
        XCTAssertEqual(first.thanksMade, 3, "rank 1 and both tied at rank 2")
        XCTAssertEqual(first.remindersMade, 2, "the two tied at zero")
        let again = try f.db.generateLetters(november, templates: f.templates, today: "2026-12-02", by: f.actor, settings: settings)
        XCTAssertEqual(again.made, 0)
        XCTAssertEqual(again.thanksExisting + again.remindersExisting, 5)
        XCTAssertEqual(try f.db.letterCount(november), 5)
        XCTAssertEqual(try f.db.pendingLetterPeriods(today: "2026-12-01", settings: settings).map(\.period), [],
                       "November is generated; Q4 has not ended and Q3 had no organisations")
    }

    func testAnOpenPeriodIsRefused() throws {
        let f = try RankingsFixture()
        defer { f.remove() }
        XCTAssertThrowsError(try f.db.generateLetters(november, templates: f.templates, today: "2026-11-30", by: f.actor)) { error in
            XCTAssertEqual(error as? RankingsError, .periodNotClosed("2026年11月"))
        }
    }

    func testAReversalAfterGenerationLeavesTheLetterAsIssuedAndTheRankingShowsTheDifference() throws {
        let f = try RankingsFixture()
        defer { f.remove() }
        let holders = try sixMembers(f)
        try f.db.generateLetters(november, templates: f.templates, today: "2026-12-01", by: f.actor, settings: settings)
        let letter = try XCTUnwrap(try f.db.letters(november, .first(10)).first { $0.holder == holders[0] })
        XCTAssertEqual(letter.points, 50)
        // When 张建华's service is revoked after the letter went out…
        let claim = try XCTUnwrap(try f.db.pool.read { try Int64.fetchOne($0, sql: "SELECT id FROM claim WHERE member_id = ?", arguments: [holders[0].memberId]) })
        _ = try f.db.revokeApproval(claimId: claim, reason: "登记错误", by: f.actor)
        // …the letter keeps its text and figures, and the ranking says the figure changed.
        XCTAssertEqual(try f.db.letter(id: letter.id ?? 0), letter)
        let row = try XCTUnwrap(try f.db.ranking(november, settings: settings).rows.first { $0.holder == holders[0] })
        XCTAssertEqual(row.points, 0)
        XCTAssertEqual(row.issued?.points, 50)
        XCTAssertEqual(try f.db.ranking(november, settings: settings).changedSinceIssued, 1)
        // And the database itself refuses to rewrite or delete it.
        XCTAssertThrowsError(try f.db.pool.write { try $0.execute(sql: "UPDATE letter SET points = 0 WHERE id = ?", arguments: [letter.id]) })
        XCTAssertThrowsError(try f.db.pool.write { try $0.execute(sql: "DELETE FROM letter WHERE id = ?", arguments: [letter.id]) })
    }

    func testEveryPlaceholderIsRenderedAndNoBraceIsLeft() throws {
        let f = try RankingsFixture()
        defer { f.remove() }
        _ = try sixMembers(f)
        let bus = try f.organisation("公交集团党委")
        try f.serve(bus, points: 20, on: "2026-10-08")
        try f.db.generateLetters(november, templates: f.templates, today: "2026-12-01", by: f.actor, settings: settings)
        let q4 = RankingPeriod(year: 2026, quarter: 4)!
        try f.db.generateLetters(q4, templates: f.templates, today: "2027-01-04", by: f.actor, settings: settings)
        // Render a template that uses every placeholder, too.
        let row = try XCTUnwrap(try f.db.ranking(november, settings: settings).rows.first)
        let values = CommunityDatabase.letterValues(row, period: november, profile: TestStore.profile, today: "2026-12-01")
        XCTAssertEqual(Set(values.keys), Set(LetterTemplates.Placeholder.allCases))
        let all = LetterTemplates.Template(kind: .thanks, audience: .member, file: "x", text: LetterTemplates.Placeholder.allCases.map { "{\($0.rawValue)}" }.joined(separator: "|"),
                                           placeholders: LetterTemplates.Placeholder.allCases)
        XCTAssertEqual(all.render(values), "张建华|朝东社区|公园街道|运河区|沧州市|2026年11月|50|1|2026年12月1日")
        let letters = try f.db.letters(november, .first(50)) + f.db.letters(q4, .first(50))
        XCTAssertEqual(Set(letters.map { "\($0.kind)-\($0.holderKind)" }), ["thanks-member", "reminder-member", "thanks-organisation"])
        for l in letters {
            XCTAssertFalse(l.body.contains("{") || l.body.contains("}"), "unrendered placeholder in \(l.body)")
            XCTAssertTrue(l.body.contains(l.recipient))
            XCTAssertTrue(l.body.contains("朝东社区"))
            XCTAssertTrue(l.body.contains(l.period.hasSuffix("Q4") ? "2026年第四季度" : "2026年11月"))
            XCTAssertTrue(l.body.contains("\(l.points) 分") && l.body.contains("第 \(l.rank) 名"))
        }
        XCTAssertTrue(letters.first { $0.period == "2026Q4" }?.body.contains("2027年1月4日") ?? false)
    }

    func testSendingAndWithdrawingFollowTheStatesAndAreKept() throws {
        let f = try RankingsFixture()
        defer { f.remove() }
        _ = try sixMembers(f)
        try f.db.generateLetters(november, templates: f.templates, today: "2026-12-01", by: f.actor, settings: settings)
        let ids = try f.db.letters(november, .first(10)).compactMap(\.id)
        XCTAssertEqual(try f.db.markLettersSent(Array(ids.prefix(2)), channel: .wechat, on: "2026-12-02", by: f.actor), 2)
        XCTAssertEqual(try f.db.markLettersSent(Array(ids.prefix(2)), channel: .wechat, on: "2026-12-02", by: f.actor), 0, "a retry marks nothing twice")
        XCTAssertThrowsError(try f.db.withdrawLetter(ids[0], reason: "写错", by: f.actor), "a sent letter cannot be withdrawn")
        XCTAssertThrowsError(try f.db.withdrawLetter(ids[2], reason: "  ", by: f.actor)) { XCTAssertEqual($0 as? RankingsError, .reasonRequired) }
        let withdrawn = try f.db.withdrawLetter(ids[2], reason: "本人已调离", by: f.actor)
        XCTAssertEqual(withdrawn.state, .withdrawn)
        XCTAssertThrowsError(try f.db.markLettersSent([ids[3], ids[2]], channel: .paper, on: "2026-12-03", by: f.actor))
        XCTAssertEqual(try f.db.letter(id: ids[3])?.state, .pending, "all or nothing")
        XCTAssertEqual(try f.db.letterCount(november, state: .sent), 2)
        XCTAssertEqual(try f.db.letterCount(november, state: .withdrawn), 1)
        // Generating again does not bring the withdrawn letter back as a new one.
        XCTAssertEqual(try f.db.generateLetters(november, templates: f.templates, today: "2026-12-04", by: f.actor, settings: settings).made, 0)
        let stats = try f.db.pool.read { try RankingsStats.read($0, today: "2026-12-05") }
        XCTAssertEqual(stats.month, RankingsStats.Period(period: "2026-11", generated: true, thanks: 2, reminders: 2, pending: 2))
    }

    func testExcludedFromRemindersWithAReasonUntilLifted() throws {
        let f = try RankingsFixture()
        defer { f.remove() }
        let holders = try sixMembers(f)
        try f.db.excludeFromReminders(holders[5], reason: "长期病假", by: f.actor)
        XCTAssertThrowsError(try f.db.excludeFromReminders(holders[5], reason: "再次", by: f.actor))
        var r = try f.db.ranking(november, settings: settings)
        XCTAssertEqual(r.rows.first { $0.holder == holders[5] }?.excludedReason, "长期病假")
        XCTAssertNil(r.rows.first { $0.holder == holders[5] }?.letter)
        // The next from the bottom (赵磊, 30) now shares the two reminders with 刘洋.
        XCTAssertEqual(r.rows.filter { $0.letter == .reminder }.map(\.name).sorted(), ["刘洋", "赵磊"])
        try f.db.liftReminderExclusion(holders[5], by: f.actor)
        r = try f.db.ranking(november, settings: settings)
        XCTAssertEqual(r.rows.first { $0.holder == holders[5] }?.letter, .reminder)
        XCTAssertEqual(try f.db.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM reminder_exclusion") }, 1, "the record stays")
    }

    func testPendingHintNamesTheClosedPeriodWithCounts() throws {
        let f = try RankingsFixture()
        defer { f.remove() }
        _ = try sixMembers(f)
        XCTAssertEqual(try f.db.pendingLetterPeriods(today: "2026-12-01", settings: settings), [PendingLetters(period: november, thanks: 3, reminders: 2)])
        XCTAssertEqual(try f.db.pendingLetterPeriods(today: "2026-11-30", settings: settings).map(\.period.key), ["2026-10"],
                       "before December the latest closed month is October (everyone at zero: reminders only)")
    }
}
