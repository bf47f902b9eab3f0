@testable import CommunityTUI
import CommunityModel
import CommunityTestSupport
import Foundation
import XCTest

/// English mode is English: every screen, list, detail, help page and form, over a community whose own data
/// (names, titles, places) are Latin, must show no Chinese character, Chinese punctuation or full-width form.
/// Whatever CJK appears can then only come from the program's own strings.
final class EnglishModeTests: XCTestCase {
    var store: TestStore!
    var app: App!

    override func setUpWithError() throws {
        store = try TestStore(setUp: false)
        let secretary = try store.db.setUp(profile: CommunityProfile(name: "Chaodong", street: "Park Street", district: "Canal", city: "Cangzhou"),
                                           secretaryName: "Secretary Wang", pin: TestStore.pin)
        let reference = try ReferenceData.load(from: TestStore.dataDirectory)
        ConsultationReference.active = reference.consultation
        let bus = try store.db.addOrganisation(Organisation(name: "Bus Group", level: .city, contact: "Liu", phone: "13903170121", reportedOn: "2026-03-01"), by: secretary)
        _ = try store.db.addMember(Member(name: "Wang Li", phone: "18631700033", organisationId: bus.id, level: .district,
                                          memberCode: "D0004", reportedOn: "2026-04-01"), by: secretary)
        let c = reference.consultation
        let issue = try store.db.createIssue(IssueDraft(title: "Wires over block 5", category: c.categories[0].key, source: c.sources[0].key,
                                                        reporter: "Zhao", location: "Block 5"), on: "2026-11-20", by: secretary, reference: c)
        try store.db.advanceIssue(id: issue.id ?? 0, on: "2026-11-21", by: secretary, reference: c)
        _ = try store.db.createTask(TaskDraft(title: "Anti-fraud talk", category: .antiFraud, audience: .both, startsAt: "2099-06-28 08:00",
                                              endsAt: "2099-06-28 11:30", place: "Hall", places: 5, points: 10), publish: true, by: secretary)
        Language.current = .en
        let ctx = AppContext(db: store.db, actor: secretary, today: "2026-11-30", reference: reference, bodyHeight: 21, bodyWidth: 80)
        app = App(ctx: ctx, width: 80, height: 24)
    }

    override func tearDown() {
        Language.current = .zh
        store?.remove()
    }

    static func cjk(_ text: String) -> [Character] {
        text.filter { c in
            c.unicodeScalars.contains { s in
                (0x4E00...0x9FFF).contains(s.value) || (0x3000...0x303F).contains(s.value) || (0xFF00...0xFFEF).contains(s.value)
            }
        }.map { $0 }
    }

    func assertEnglish(_ what: String, file: StaticString = #filePath, line: UInt = #line) {
        let text = app.render().lines.joined(separator: "\n")
        let stray = Self.cjk(text)
        XCTAssertTrue(stray.isEmpty, "\(what): Chinese in English mode: \(String(stray))\n\(text)", file: file, line: line)
    }

    func press(_ keys: Key...) { for k in keys { app.handle(k) } }

    func testEveryScreenListAndHelpIsEnglish() {
        for n in 1...7 {
            press(.char(Character(String(n))))
            assertEnglish("screen \(n)")
            press(.char("?"))
            assertEnglish("help of screen \(n)")
            press(.escape)
        }
    }

    func testDetailsAndFormsAreEnglish() {
        press(.char("2"), .enter)
        assertEnglish("issue dossier")
        press(.escape, .char("n"))
        assertEnglish("new issue form")
        press(.escape)
        press(.char("3"), .char("n"))
        assertEnglish("new task form")
        press(.escape, .char("l"), .enter)
        assertEnglish("task detail")
        press(.char("c"))
        assertEnglish("claim on behalf form")
        app.handle(.char("W"))
        assertEnglish("claimant picker")
        press(.escape, .char("y"), .escape)
        press(.char("7"), .char("a"))
        assertEnglish("new member form")
        press(.escape, .tab, .char("a"))
        assertEnglish("new organisation form")
    }

    func testEveryConsultationFormIsEnglish() throws {
        press(.char("2"))
        let issue = try XCTUnwrap(store.db.issue(number: "2026-0001"))
        let d = try XCTUnwrap(store.db.issueDossier(id: issue.id ?? 0))
        let ctx = app.ctx
        let forms: [(String, FormState)] = [
            ("send back", ConsultationForms.sendBack(d, ctx)), ("close", ConsultationForms.close(d, ctx)),
            ("party", ConsultationForms.party(d, ctx)), ("option", ConsultationForms.option(d, ctx)),
            ("meeting", ConsultationForms.meeting(d, ctx)), ("resolution", ConsultationForms.resolution(d, ctx)),
            ("implementation", ConsultationForms.implementation(d, ctx)), ("survey", ConsultationForms.survey(d, ctx)),
        ]
        for (name, form) in forms {
            app.modals = [.form(form)]
            assertEnglish("\(name) form")
        }
    }
}
