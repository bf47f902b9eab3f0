import CommunityModel
import CommunityTestSupport
import XCTest

/// One member, one phone; phones and dates typed the way a Chinese input method and a hurried clerk type them.
final class OneMemberOnePhoneTests: XCTestCase {
    func member(_ name: String, _ code: String, _ phone: String) -> Member {
        Member(name: name, phone: phone, organisationId: nil, level: .district, memberCode: code, reportedOn: "2026-03-02")
    }

    func testAPhoneOnAnotherActiveMemberIsRefusedNamingThatMember() throws {
        let store = try TestStore()
        defer { store.remove() }
        let jia = try store.db.addMember(member("贾成", "CD00005", "18231700005"), by: store.secretary)
        XCTAssertThrowsError(try store.db.addMember(member("李晓婷", "CD00112", "18231700005"), by: store.secretary)) { error in
            XCTAssertEqual(error as? RosterError, .phoneInUse("18231700005", by: "贾成（CD00005）"))
            XCTAssertTrue((error as? RosterError)?.message.zh.contains("贾成") ?? false)
        }
        // Editing another member onto the number is refused too; the member's own edit is not.
        var li = try store.db.addMember(member("李晓婷", "CD00112", "18231700112"), by: store.secretary)
        li.phone = "18231700005"
        XCTAssertThrowsError(try store.db.updateMember(li, by: store.secretary))
        var same = jia
        same.name = "贾 成"
        XCTAssertNoThrow(try store.db.updateMember(same, by: store.secretary))
        // Once the first holder is deactivated, the number is free; reactivating them then is refused.
        try store.db.setMemberActive(id: jia.id ?? 0, active: false, by: store.secretary)
        li.phone = "18231700005"
        XCTAssertNoThrow(try store.db.updateMember(li, by: store.secretary))
        XCTAssertThrowsError(try store.db.setMemberActive(id: jia.id ?? 0, active: true, by: store.secretary))
    }

    func testFullWidthDigitsAreAcceptedAsTyped() throws {
        XCTAssertEqual(try RosterValidation.normalisedPhone("１８２３１７００００５"), "18231700005")
        XCTAssertEqual(try RosterValidation.normalisedPhone("182 3170 0005"), "18231700005")
        XCTAssertThrowsError(try RosterValidation.normalisedPhone("１８２３１７"))
    }

    func testDatesAreUnderstoodAsPeopleTypeThem() {
        for typed in ["2026-12-3", "2026/12/3", "2026.12.3", "2026年12月3日", "12-3", "12/3", "１２－３", "2026-12-03"] {
            XCTAssertEqual(Day.normaliseTyped(typed, today: "2026-11-30"), "2026-12-03", typed)
        }
        XCTAssertEqual(Day.normaliseTyped("12-3 9:00", today: "2026-11-30"), "2026-12-03 09:00")
        for bad in ["2026-2-30", "13-1", "12", "abc", "2026-12-3 25:00", ""] {
            XCTAssertNil(Day.normaliseTyped(bad, today: "2026-11-30"), bad)
        }
        XCTAssertEqual(try RosterValidation.date("2026/3/2"), "2026-03-02")
    }
}
