@testable import CommunityModel
import CommunityTestSupport
import Foundation
import XCTest

/// Audit lines read as sentences (issue 7 item 5): every action the store writes has one, names people and
/// things by name, and no line shows an internal code such as "task:8".
final class AuditSentenceTests: XCTestCase {
    /// Every action literal the model writes (lines with `action:` in Sources/CommunityModel), read from the
    /// source so that a new store method without a sentence fails here.
    static func actionsInSource() throws -> Set<String> {
        let root = TestStore.repositoryRoot.appendingPathComponent("Sources/CommunityModel")
        var found: Set<String> = []
        let regex = try NSRegularExpression(pattern: "\"([a-z_]+\\.[a-z_]+)\"")
        for case let url as URL in FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)! where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for line in text.split(separator: "\n") where line.contains("action:") && line.contains("AuditEntry.record") || line.contains("action: \"") {
                let s = String(line)
                for m in regex.matches(in: s, range: NSRange(s.startIndex..., in: s)) {
                    if let r = Range(m.range(at: 1), in: s) { found.insert(String(s[r])) }
                }
            }
        }
        // "ledger.\(kind)" is built from the ledger kinds.
        for kind in LedgerKind.allCases { found.insert("ledger.\(kind.rawValue)") }
        return found
    }

    static let code = try! NSRegularExpression(pattern: "[a-z_]+:[0-9]+")

    func assertNoCodes(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertNil(Self.code.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)), "code in “\(text)”", file: file, line: line)
    }

    func testEveryActionTheStoreWritesHasASentence() throws {
        let actions = try Self.actionsInSource()
        XCTAssertGreaterThan(actions.count, 40, "the scan found too few actions: \(actions.sorted())")
        // Capabilities built on other branches (redemption, rankings and letters, star) may arrive before their
        // sentences: they read through the generic sentence meanwhile, which must still be words.
        let newer: Set<AuditKind> = [.redemption, .rankings, .star]
        let missing = actions.filter { AuditSentence.table[$0] == nil && !newer.contains(AuditKind.of(action: $0)) }
        XCTAssertEqual(missing.sorted(), [], "actions without a sentence")
        let store = try TestStore()
        defer { store.remove() }
        for action in actions where AuditSentence.table[action] == nil {
            try store.db.pool.write { db in
                try db.execute(sql: "INSERT INTO audit_log (operator_name, at, action, target) VALUES ('王书记', '2026-11-30 10:00:00', ?, 'receipt:R-1')",
                               arguments: [action])
            }
            let line = try XCTUnwrap(store.db.auditLines(AuditFilter(from: "2026-11-30", to: "2026-11-30"), .first(1)).first)
            XCTAssertFalse(line.sentence.zh.contains(action) || line.sentence.en.contains(action), line.sentence.en)
        }
    }

    func testDemoHistoryReadsAsSentencesInBothLanguages() throws {
        let store = try TestStore.demo()
        defer { store.remove() }
        var lines: [AuditLine] = []
        var request = PageRequest.first(500)
        while true {
            let page = try store.db.auditLines(AuditFilter(), request)
            lines += page
            guard let last = page.last, page.count == 500 else { break }
            request = .after(last.listKey, 500)
        }
        XCTAssertEqual(lines.count, try store.db.auditCount(AuditFilter()))
        let actions = Set(lines.map(\.entry.action))
        XCTAssertTrue(actions.isSuperset(of: ["ledger.credit", "claim.approve", "claim.create", "task.publish"]), "\(actions.sorted())")
        for line in lines {
            XCTAssertNotNil(AuditSentence.table[line.entry.action], line.entry.action)
            assertNoCodes(line.sentence.zh)
            assertNoCodes(line.sentence.en)
            XCTAssertFalse(line.sentence.zh.contains(line.entry.action), line.sentence.zh)
        }
        // An organisation's credit names it, the points and the task: "公交集团党委 获得 20 积分（防诈骗宣传）".
        let credit = try XCTUnwrap(lines.first { $0.entry.action == "ledger.credit" && $0.sentence.zh.contains("党委") } ?? lines.first { $0.entry.action == "ledger.credit" })
        XCTAssertTrue(credit.sentence.zh.contains(" 获得 "), credit.sentence.zh)
        XCTAssertTrue(credit.sentence.zh.contains(" 积分（"), credit.sentence.zh)
        XCTAssertTrue(credit.sentence.en.contains(" earned "), credit.sentence.en)
        XCTAssertEqual(credit.kind, .points)
        // A claim line names the claimant and the task, and opens the task.
        let claim = try XCTUnwrap(lines.first { $0.entry.action == "claim.create" })
        XCTAssertTrue(claim.sentence.zh.contains(" 认领「"), claim.sentence.zh)
        guard case .task = claim.record else { return XCTFail("a claim opens its task, got \(String(describing: claim.record))") }
    }

    func testEnglishSentencesOfASCIIDataHaveNoChinese() throws {
        let store = try TestStore()
        defer { store.remove() }
        let db = store.db, me = store.secretary
        let org = try db.addOrganisation(Organisation(name: "Bus Group", level: .city, contact: "Li", phone: "13911112222", reportedOn: "2026-03-01"), by: me)
        let member = try db.addMember(Member(name: "Wang Fang", phone: "13811112222", organisationId: org.id, level: .city,
                                             memberCode: "M0001", reportedOn: "2026-03-01"), by: me)
        var edited = member
        edited.phone = "13811113333"
        try db.updateMember(edited, by: me)
        try db.setMemberActive(id: member.id!, active: false, by: me)
        try db.setMemberActive(id: member.id!, active: true, by: me)
        _ = try db.adjustPoints(.member(member.id!), amount: 5, reason: "correction", by: me)
        _ = try db.adjustPoints(.organisation(org.id!), amount: 20, reason: "anti-fraud talk", by: me)
        let clerk = try db.addOperator(name: "Desk Clerk", role: .kiosk, pin: "580214", by: me)
        try db.resetOperatorPin(id: clerk.id!, newPin: "580215", by: me)
        try db.unlockOperator(id: clerk.id!, by: me)
        try db.setOperatorActive(id: clerk.id!, active: false, by: me)
        try db.changeSettings([.deskLockMinutes: "5"], by: me)
        let lines = try db.auditLines(AuditFilter(), .first(100))
        for line in lines where line.entry.action != "community.setup" {
            XCTAssertFalse(line.sentence.en.unicodeScalars.contains { $0.value >= 0x2E80 }, "Chinese in “\(line.sentence.en)” (\(line.entry.action))")
            assertNoCodes(line.sentence.en)
            assertNoCodes(line.sentence.zh)
        }
        let adjust = try XCTUnwrap(lines.first { $0.sentence.zh.hasPrefix("Bus Group") })
        XCTAssertEqual(adjust.sentence.zh, "Bus Group 积分调整 +20 分（anti-fraud talk），余额 20")
        XCTAssertEqual(adjust.sentence.en, "Bus Group had points adjusted by +20 (anti-fraud talk), balance 20")
        XCTAssertEqual(adjust.record, .organisation(org.id!))
        let added = try XCTUnwrap(lines.first { $0.entry.action == "member.add" })
        XCTAssertEqual(added.sentence.en, "added member Wang Fang (M0001)")
        XCTAssertEqual(added.sentence.zh, "新增在职党员 Wang Fang（M0001）")
        XCTAssertEqual(added.kind, .roster)
        let lock = try XCTUnwrap(lines.first { $0.entry.action == "setting.change" })
        XCTAssertEqual(lock.sentence.en, "changed the setting “desk lock minutes”: 10 → 5")
        XCTAssertEqual(lines.first { $0.entry.action == "operator.deactivate" }?.sentence.zh, "停用操作员 Desk Clerk")
    }

    func testAnActionNoTableKnowsStillReadsAsASentence() throws {
        let store = try TestStore()
        defer { store.remove() }
        try store.db.pool.write { db in
            try db.execute(sql: """
                INSERT INTO audit_log (operator_id, operator_name, at, action, target, detail) VALUES
                (NULL, '王书记', '2026-11-30 10:00:00', 'redemption.void', 'receipt:R-0001', ''),
                (NULL, '王书记', '2026-11-30 10:01:00', 'star.sign_off', 'assessment:2026Q4', ''),
                (NULL, '王书记', '2026-11-30 10:02:00', 'letters.generate', 'period', 'member:1')
                """)
        }
        let lines = try store.db.auditLines(AuditFilter(from: "2026-11-30", to: "2026-11-30"), .first(3))
        XCTAssertEqual(lines.count, 3)
        XCTAssertEqual(lines[2].sentence.zh, "兑换：作废 兑换单 R-0001")
        XCTAssertEqual(lines[2].sentence.en, "redemption: voided receipt R-0001")
        XCTAssertEqual(lines[2].kind, .redemption)
        XCTAssertEqual(lines[2].record, .receipt("R-0001"))
        XCTAssertEqual(lines[1].sentence.en, "star rating: signed off assessment 2026Q4")
        XCTAssertEqual(lines[1].kind, .star)
        XCTAssertEqual(lines[0].kind, .rankings)
        // A code in the detail whose row is gone reads as a plain number.
        XCTAssertEqual(lines[0].sentence.zh, "排名信函：生成 period（#1）")
    }
}

/// The "168" walk writes every consultation action; each reads as a sentence that names the issue.
final class ConsultationAuditSentenceTests: XCTestCase {
    func testAnIssueWalkedThroughTheEightStepsReadsAsSentences() throws {
        let f = try ConsultationFixture.make()
        defer { f.remove() }
        let issue = try f.newIssue()
        try f.walk(issue, to: 4)
        _ = try f.db.sendBackIssue(id: issue.id!, reason: "材料不全", on: "2026-05-03", by: f.actor, reference: f.reference)
        try f.walk(issue, to: 9, on: "2026-05-04")
        let lines = try f.db.auditLines(AuditFilter(kind: .consultation), .first(100))
        let actions = Set(lines.map(\.entry.action))
        XCTAssertTrue(actions.isSuperset(of: ["issue.create", "issue.advance", "issue.send_back", "issue.party", "issue.option", "issue.meeting",
                                              "issue.resolution", "issue.implementation", "issue.survey"]), "\(actions.sorted())")
        let code = try NSRegularExpression(pattern: "[a-z_]+:[0-9]+")
        for line in lines {
            XCTAssertNotNil(AuditSentence.table[line.entry.action], line.entry.action)
            XCTAssertTrue(line.sentence.zh.contains(issue.number), line.sentence.zh)
            XCTAssertTrue(line.sentence.en.contains(issue.number), line.sentence.en)
            XCTAssertEqual(line.record, .issue(issue.id!))
            for s in [line.sentence.zh, line.sentence.en] {
                XCTAssertNil(code.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)), s)
            }
        }
        let back = try XCTUnwrap(lines.first { $0.entry.action == "issue.send_back" })
        XCTAssertEqual(back.sentence.zh, "议题 \(issue.number) \(issue.title) 从第4步退回第3步：材料不全")
        XCTAssertEqual(back.sentence.en, "sent issue \(issue.number) \(issue.title) back from step 4 to 3: 材料不全")
        let survey = try XCTUnwrap(lines.first { $0.entry.action == "issue.survey" })
        XCTAssertTrue(survey.sentence.en.hasSuffix("30 satisfied, 5 fairly, 1 dissatisfied"), survey.sentence.en)
        let meeting = try XCTUnwrap(lines.first { $0.entry.action == "issue.meeting" })
        XCTAssertTrue(meeting.sentence.en.hasSuffix("vote 3 for, 0 against, 0 abstaining"), meeting.sentence.en)
        let impl = try XCTUnwrap(lines.first { $0.entry.action == "issue.implementation" })
        XCTAssertTrue(impl.sentence.zh.hasSuffix("宏运物业 负责，期限 2026-06-01，完成 2026-05-04"), impl.sentence.zh)
    }
}
