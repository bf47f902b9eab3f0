import CommunityModel
import CommunityTestSupport
import XCTest

/// The roster's `/` finds a member the way a clerk remembers them: name, its pinyin or initials (李成 → licheng,
/// lc), member code in any case, phone tail; through `member_lookup`, so it stays one query at 5,000 members.
final class RosterSearchTests: XCTestCase {
    var store: TestStore!

    override func setUpWithError() throws {
        store = try TestStore()
        for (name, code, phone) in [("李成", "CD00005", "18231700005"), ("刘畅", "CD00006", "18231700006"),
                                    ("王建国", "CD00112", "13912341234"), ("Wang Li", "CD00200", "13800002000")] {
            try store.db.addMember(Member(name: name, phone: phone, organisationId: nil, level: .district, memberCode: code,
                                          reportedOn: "2026-03-02"), by: store.secretary)
        }
    }

    override func tearDown() { store.remove() }

    func names(_ text: String) throws -> [String] {
        try store.db.members(RosterFilter(text: text), .first(20)).map(\.name)
    }

    func testInitialsFullPinyinCodeAndPhoneTailFindTheMember() throws {
        // Given members just added (their pinyin not yet filled in: the search fills it first)
        XCTAssertEqual(try names("lc"), ["李成", "刘畅"], "initials, from the start, in code order")
        XCTAssertEqual(try names("LC"), ["李成", "刘畅"], "any case")
        XCTAssertEqual(try names("licheng"), ["李成"])
        XCTAssertEqual(try names("li cheng"), ["李成"], "spaces typed between syllables do not matter")
        XCTAssertEqual(try names("wjg"), ["王建国"])
        XCTAssertEqual(try names("cd00005"), ["李成"], "member code in any case")
        XCTAssertEqual(try names("1234"), ["王建国"], "phone tail")
        XCTAssertEqual(try names("成"), ["李成"], "the name as written")
        XCTAssertEqual(try names("wang"), ["王建国", "Wang Li"], "pinyin and a Latin name alike")
        XCTAssertEqual(try store.db.memberCount(RosterFilter(text: "lc")), 2, "the count agrees with the rows")
        XCTAssertEqual(try names("lcx"), [])
    }

    func testARenamedMemberIsFoundByTheNewNamesPinyin() throws {
        var li = try XCTUnwrap(store.db.members(RosterFilter(text: "CD00005"), .first(1)).first).member
        XCTAssertEqual(try names("lc"), ["李成", "刘畅"])
        li.name = "赵成"
        try store.db.updateMember(li, by: store.secretary)
        XCTAssertEqual(try names("lc"), ["刘畅"], "the old initials no longer find him")
        XCTAssertEqual(try names("zc"), ["赵成"])
    }
}
