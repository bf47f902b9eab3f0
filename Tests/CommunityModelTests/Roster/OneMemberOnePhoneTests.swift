import CommunityModel
import Foundation
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
            XCTAssertEqual(error as? RosterError, .phoneInUse("18231700005", name: "贾成", code: "CD00005"))
            XCTAssertTrue((error as? RosterError)?.message.zh.contains("贾成（CD00005）") ?? false)
            // English keeps the name as written but its brackets are English ones.
            XCTAssertTrue((error as? RosterError)?.message.en.contains("贾成 (CD00005)") ?? false)
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

    func testAnImportRefusesAPhoneHeldByAnActiveMemberOrAnEarlierLineNamingThemAndWritesNothing() throws {
        let store = try TestStore()
        defer { store.remove() }
        try store.db.addOrganisation(Organisation(name: "公交集团党委", level: .city, contact: "刘建国", phone: "13903170121",
                                                  reportedOn: "2026-03-01"), by: store.secretary)
        try store.db.addMember(member("贾成", "CD00005", "18231700005"), by: store.secretary)
        var gone = try store.db.addMember(member("张旧", "CD00009", "18231700009"), by: store.secretary)
        try store.db.setMemberActive(id: gone.id ?? 0, active: false, by: store.secretary)
        gone.active = false
        let before = try store.db.memberCount(RosterFilter())
        // Given a file whose line 2 takes 贾成's phone, line 4 repeats line 3's, and line 5 reuses a deactivated
        // member's number (free again) while line 6, itself deactivated, repeats line 3's (allowed, as in the form)
        let csv = """
            姓名,手机,单位,级别,党员编号,报到日期,状态
            李晓婷,18231700005,公交集团党委,市直,CD00112,2026-03-02,在册
            王芳,18231700113,公交集团党委,市直,CD00113,2026-03-02,在册
            赵强,１８２３１７００１１３,公交集团党委,市直,CD00114,2026-03-02,在册
            孙丽,18231700009,公交集团党委,市直,CD00115,2026-03-02,在册
            周老,18231700113,公交集团党委,市直,CD00116,2026-03-02,已停用

            """
        XCTAssertThrowsError(try store.db.importRoster(.members, csv: Data(csv.utf8), by: store.secretary, today: "2026-11-30")) { error in
            let problems = (error as? RosterImportError)?.problemList ?? []
            XCTAssertEqual(problems.map(\.line), [2, 4], "\(problems)")
            XCTAssertEqual(problems.map(\.column), ["手机", "手机"])
            XCTAssertEqual(problems.first?.message, RosterError.phoneInUse("18231700005", name: "贾成", code: "CD00005").message)
            XCTAssertTrue(problems.last?.message.zh.contains("第 3 行的 王芳（CD00113）") ?? false, "\(problems)")
            XCTAssertTrue(problems.last?.message.en.contains("line 3 (王芳, CD00113)") ?? false, "\(problems)")
        }
        XCTAssertEqual(try store.db.memberCount(RosterFilter()), before, "validated whole: nothing written")
        // With the two clashing lines corrected, the file goes in.
        let fixed = csv.replacingOccurrences(of: "李晓婷,18231700005", with: "李晓婷,18231700112")
            .replacingOccurrences(of: "赵强,１８２３１７００１１３", with: "赵强,18231700114")
        XCTAssertEqual(try store.db.importRoster(.members, csv: Data(fixed.utf8), by: store.secretary, today: "2026-11-30").rows, 5)
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
