import CommunityModel
import Foundation
import XCTest

final class RosterStoreTests: XCTestCase {
    func testBadMobileNumbersAreRefusedAndNothingIsWritten() throws {
        let f = try FoundationFixture()
        defer { f.remove() }
        for bad in ["1380000000", "23800000000", "138-0000-00000", "电话"] {
            XCTAssertThrowsError(try f.member("张三", code: "D0001", phone: bad)) { error in
                guard case RosterError.badPhone = error else { return XCTFail("\(bad): \(error)") }
            }
        }
        XCTAssertEqual(try f.db.memberCount(RosterFilter()), 0)
        // Spaces and dashes people type are accepted and stored as 11 digits.
        XCTAssertEqual(try f.member("张三", code: "D0001", phone: "138 0000 0000").phone, "13800000000")
    }

    func testDuplicateMemberCodeIsRefusedOnAddAndEdit() throws {
        let f = try FoundationFixture()
        defer { f.remove() }
        _ = try f.member("张三", code: "D0001")
        var li = try f.member("李四", code: "D0002")
        XCTAssertThrowsEqual(try f.member("王五", code: "D0001"), RosterError.duplicateMemberCode("D0001"))
        li.memberCode = "D0001"
        XCTAssertThrowsEqual(try f.db.updateMember(li, by: f.secretary), RosterError.duplicateMemberCode("D0001"))
        XCTAssertTrue(RosterError.duplicateMemberCode("D0001").message.zh.contains("D0001"))
    }

    func testRequiredNameAndValidDate() throws {
        let f = try FoundationFixture()
        defer { f.remove() }
        XCTAssertThrowsError(try f.member("  ", code: "D0001")) { error in
            guard case RosterError.required = error else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try f.db.addMember(Member(name: "张三", phone: "13800000000", organisationId: nil, level: .city,
                                                       memberCode: "D9", reportedOn: "2026-02-30"), by: f.secretary))
    }

    func testDeactivatedMembersAreHiddenWhenAskedAndCounted() throws {
        let f = try FoundationFixture()
        defer { f.remove() }
        let m = try f.member("张三", code: "D0001")
        _ = try f.member("李四", code: "D0002")
        try f.db.setMemberActive(id: m.id ?? 0, active: false, by: f.secretary)
        XCTAssertEqual(try f.db.memberCount(RosterFilter(includeInactive: false)), 1)
        XCTAssertEqual(try f.db.memberCount(RosterFilter()), 2)
        XCTAssertEqual(try f.db.rosterCounts().membersActive, 1)
    }

    func testKeysetPagesWalkTheWholeListWithoutOverlap() throws {
        let f = try FoundationFixture()
        defer { f.remove() }
        for i in 1...25 { _ = try f.member("党员\(i)", code: String(format: "D%04d", i), phone: String(format: "139000000%02d", i)) }
        let first = try f.db.members(RosterFilter(), .first(10))
        let second = try f.db.members(RosterFilter(), .after(first.last!.listKey, 10))
        let third = try f.db.members(RosterFilter(), .after(second.last!.listKey, 10))
        XCTAssertEqual(first.map(\.memberCode).first, "D0001")
        XCTAssertEqual(third.count, 5)
        XCTAssertEqual(Set((first + second + third).map(\.id)).count, 25)
        let back = try f.db.members(RosterFilter(), .before(second.first!.listKey, 10))
        XCTAssertEqual(back.map(\.id), first.map(\.id))
        XCTAssertEqual(try f.db.memberCount(RosterFilter(), before: third.first!.listKey), 20)
        XCTAssertEqual(try f.db.members(RosterFilter(), .last(3)).map(\.memberCode), ["D0023", "D0024", "D0025"])
    }

    func testSearchByNameOrganisationCodeAndPhoneTail() throws {
        let f = try FoundationFixture()
        defer { f.remove() }
        let bus = try f.organisation("公交集团党委")
        _ = try f.member("张建华", code: "D0001", phone: "13912345678", organisation: bus.id)
        _ = try f.member("李秀英", code: "D0002", phone: "13800001111")
        XCTAssertEqual(try f.db.members(RosterFilter(text: "建华"), .first(10)).map(\.name), ["张建华"])
        XCTAssertEqual(try f.db.members(RosterFilter(text: "公交"), .first(10)).map(\.name), ["张建华"])
        XCTAssertEqual(try f.db.members(RosterFilter(text: "1111"), .first(10)).map(\.name), ["李秀英"])
        XCTAssertEqual(try f.db.members(RosterFilter(text: "D0002"), .first(10)).map(\.name), ["李秀英"])
        // LIKE wildcards typed by a user match literally.
        XCTAssertEqual(try f.db.memberCount(RosterFilter(text: "%")), 0)
    }
}
