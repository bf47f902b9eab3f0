import CommunityModel
import CommunityTestSupport
import Foundation
import GRDB
import XCTest

final class LookupAndReceiptTests: XCTestCase {
    func testFindsByNamePinyinInitialsPhoneTailCodeAndOrganisation() throws {
        let f = try RedemptionFixture()
        let org = try f.db.addOrganisation(Organisation(name: "沧州市供电公司", level: .city, contact: "刘", phone: "13700000000",
                                                        reportedOn: "2026-01-01"), by: f.secretary)
        let li = try f.db.addMember(Member(name: "李成", phone: "13812341234", organisationId: org.id, level: .city, memberCode: "CD0001",
                                           reportedOn: "2026-01-01"), by: f.secretary)
        try f.member("张晓明", code: "CD0002", phone: "13900005678")
        let liHolder = PointsHolder.member(li.id ?? 0)
        XCTAssertEqual(try f.db.findHolders("李成").first?.holder, liHolder)
        XCTAssertEqual(try f.db.findHolders("lc").first?.holder, liHolder)
        XCTAssertEqual(try f.db.findHolders("licheng").first?.holder, liHolder)
        XCTAssertEqual(try f.db.findHolders("1234").first?.holder, liHolder)
        XCTAssertEqual(try f.db.findHolders("cd0001").first?.holder, liHolder)
        let byOrg = try f.db.findHolders("供电")
        XCTAssertTrue(byOrg.contains { $0.holder == .organisation(org.id ?? 0) })
        XCTAssertTrue(byOrg.contains { $0.holder == liHolder })
        let card = try XCTUnwrap(try f.db.findHolders("李成").first)
        XCTAssertEqual(card.maskedPhone, "138****1234")
        XCTAssertEqual(card.unit, "沧州市供电公司")
        XCTAssertEqual(card.maskedName, "李*")
        XCTAssertEqual(try f.db.findHolders("李"), [], "one character is not enough to browse the roster")
        XCTAssertEqual(try f.db.findHolders("123"), [])
        // Paging by cursor continues where the page ended.
        let all = try f.db.findHolders("cd", limit: 10)
        let page = try f.db.findHolders("cd", limit: 1)
        XCTAssertEqual(try f.db.findHolders("cd", limit: 10, after: page[0].cursor), Array(all.dropFirst()))
        // A renamed member is found by the new pinyin.
        var renamed = li
        renamed.name = "王成"
        try f.db.updateMember(renamed, by: f.secretary)
        XCTAssertEqual(try f.db.findHolders("wc").first?.holder, liHolder)
    }

    func testReceiptFits32ColumnsWithChineseAndMasksTheHolder() throws {
        let f = try RedemptionFixture()
        let holder = try f.member("张晓明", code: "CD0002", phone: "13812341234", points: 1000)
        let r = try f.db.redeem(f.request(holder, ["rice_5kg": 1, "car_wash_voucher": 2]), by: f.secretary)
        let lines = ReceiptText.lines(r, community: "朝东社区")
        for line in lines { XCTAssertLessThanOrEqual(TextWidth.of(line), 32, line) }
        let text = lines.joined(separator: "\n")
        XCTAssertTrue(text.contains("张*明"))
        XCTAssertTrue(text.contains("138****1234"))
        XCTAssertFalse(text.contains("张晓明"))
        XCTAssertTrue(text.contains(r.receipt))
        XCTAssertTrue(text.contains(r.vouchers[1].displayCode))
        XCTAssertTrue(text.contains("有效期至"))
        XCTAssertFalse(text.contains("重印"))
        XCTAssertTrue(ReceiptText.text(r, community: "朝东社区", reprint: true).contains("重印"))
        XCTAssertTrue(lines.contains { $0.hasPrefix("兑换后余额") && $0.hasSuffix("680分") && TextWidth.of($0) == 32 })
    }

    func testGB18030BytesDecodeBackAndFilesAreOwnerOnly() throws {
        let f = try RedemptionFixture()
        let holder = try f.member("张晓明", code: "CD0002", phone: "13812341234", points: 1000)
        let r = try f.db.redeem(f.request(holder, ["towel": 1]), by: f.secretary)
        let text = ReceiptText.text(r, community: "朝东社区")
        let bytes = ReceiptEncoding.gb18030.encode(text)
        XCTAssertNotEqual(bytes, Data(text.utf8))
        XCTAssertEqual(ReceiptEncoding.gb18030.decode(bytes), text)
        XCTAssertEqual(Array(ReceiptEncoding.gb18030.encode("中")), [0xD6, 0xD0])
        let folder = f.store.directory.appendingPathComponent("receipts")
        let url = try ReceiptWriter.write(text, receipt: r.receipt, to: folder, encoding: .gb18030)
        let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)
        XCTAssertEqual(ReceiptEncoding.gb18030.decode(try Data(contentsOf: url)), text)
        let reprint = try ReceiptWriter.write(text, receipt: r.receipt, to: folder, reprint: true)
        XCTAssertNotEqual(reprint, url)
        let esc = ReceiptWriter.escPos(text)
        XCTAssertEqual(Array(esc.prefix(2)), [0x1B, 0x40])
        XCTAssertEqual(Array(esc.suffix(4)), [0x1D, 0x56, 0x42, 0x00])
    }

    func testModelWidthAgreesWithPlainCases() {
        XCTAssertEqual(TextWidth.of("中文ab"), 6)
        XCTAssertEqual(TextWidth.of("e\u{301}"), 1)
        XCTAssertEqual(Masking.name("欧阳晓明"), "欧**明")
        XCTAssertEqual(Masking.phone("13812341234"), "138****1234")
    }
}
