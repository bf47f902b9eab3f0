import Foundation
import GRDB
import CommunityTestSupport
import XCTest
@testable import CommunityModel

/// The shared `TestStore` (a fresh 朝东社区, its secretary 李书记) with the real 168 reference and helpers
/// to record issues and walk them through the eight steps.
struct ConsultationFixture {
    let store: TestStore
    let reference: ConsultationReference
    var db: CommunityDatabase { store.db }
    var actor: Actor { store.secretary }
    var folder: URL { store.directory }

    static var dataDirectory: URL { TestStore.dataDirectory }

    static func loadReference() throws -> ConsultationReference {
        try ReferenceData.load(from: dataDirectory).consultation
    }

    static func make() throws -> ConsultationFixture {
        ConsultationFixture(store: try TestStore(secretaryName: "李书记"), reference: try loadReference())
    }

    func remove() { store.remove() }

    /// An issue recorded on `day` at step 1.
    func newIssue(_ title: String = "5号楼北侧绿地被圈占种菜", category: String = "vegetable_plots", on day: String = "2026-05-01") throws -> Issue {
        try db.createIssue(IssueDraft(title: title, category: category, source: "resident", reporter: "王秀兰", location: "5号楼1单元"),
                           on: day, by: actor, reference: reference)
    }

    /// Takes an issue from step 1 to step `target`, meeting every gate on the way, all on `day`.
    func walk(_ issue: Issue, to target: Int, on day: String = "2026-05-02", votePasses: Bool = true) throws {
        guard let id = issue.id else { return XCTFail("issue without id") }
        var step = try XCTUnwrap(db.issueDossier(id: id)).issue.step
        while step < target {
            switch step {
            case 3:
                try db.addIssueParty(issueId: id, name: "朝东社区党委", kind: "party_org", on: day, by: actor, reference: reference)
                try db.addIssueParty(issueId: id, name: "朝东社区居委会", kind: "residents_committee", on: day, by: actor, reference: reference)
                try db.addIssueParty(issueId: id, name: "宏运物业", kind: "property_company", on: day, by: actor, reference: reference)
            case 4:
                try db.addIssueOption(issueId: id, title: "恢复绿化", on: day, by: actor)
            case 5:
                let people = [MeetingAttendee(name: "李书记", kind: "party_org"), MeetingAttendee(name: "张主任", kind: "residents_committee"),
                              MeetingAttendee(name: "王经理", kind: "property_company")]
                try db.recordIssueMeeting(issueId: id, MeetingInput(heldOn: day, attendees: people, minutes: "同意恢复绿化",
                                                                      vote: votePasses ? Vote(inFavour: 3, against: 0, abstain: 0) : Vote(inFavour: 1, against: 2, abstain: 0)),
                                          by: actor, reference: reference)
            case 6:
                try db.recordIssueResolution(issueId: id, text: "拆除围挡，恢复绿地", publishedOn: day, by: actor, reference: reference)
            case 7:
                try db.recordIssueImplementation(issueId: id, ImplementationInput(owner: "宏运物业", due: "2026-06-01", done: day), by: actor, reference: reference)
            case 8:
                try db.recordIssueSurvey(issueId: id, IssueSurvey(satisfied: 30, basic: 5, dissatisfied: 1, surveyedOn: day), by: actor, reference: reference)
            default:
                break
            }
            let t = try db.advanceIssue(id: id, on: day, by: actor, reference: reference)
            if t.kind == .close || t.kind == .voteFailed { return }
            step = t.toStep
        }
    }
}

/// Asserts that `body` throws exactly `expected`, and that its Chinese and English messages are not empty.
func assertRefused<T>(_ expected: ConsultationError, file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> T) {
    do {
        _ = try body()
        XCTFail("expected refusal: \(expected.message.en)", file: file, line: line)
    } catch let error as ConsultationError {
        XCTAssertEqual(error, expected, file: file, line: line)
        XCTAssertFalse(error.message.zh.isEmpty, file: file, line: line)
        XCTAssertFalse(error.message.en.isEmpty, file: file, line: line)
    } catch {
        XCTFail("unexpected error \(error)", file: file, line: line)
    }
}
