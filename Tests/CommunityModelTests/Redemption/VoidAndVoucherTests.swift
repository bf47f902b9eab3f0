import CommunityModel
import CommunityTestSupport
import Foundation
import GRDB
import XCTest

final class VoidAndVoucherTests: XCTestCase {
    func testVoidReversesStockAndVouchersInOneGoAndKeepsBothNames() throws {
        let f = try RedemptionFixture()
        let li = try f.member("李成", code: "CD0001", phone: "13812341234", points: 500)
        let clerk = try f.db.addOperator(name: "兑换员", role: .kiosk, pin: "135790", by: f.secretary)
        let clerkActor = Actor(operatorId: clerk.id ?? 0, name: clerk.name, role: .kiosk)
        let r = try f.db.redeem(f.request(li, ["towel": 2, "laundry_voucher": 1]), by: clerkActor)
        assertThrows(try f.db.voidRedemption(receipt: r.receipt, reason: "拿错", clerk: clerkActor, supervisor: clerkActor),
                     RedemptionError.supervisorRequired)
        let supervisor = try f.db.authorizeSupervisor(name: "王书记", pin: TestStore.pin)
        let voided = try f.db.voidRedemption(receipt: r.receipt, reason: "拿错", clerk: clerkActor, supervisor: supervisor)
        XCTAssertEqual(voided.redemption.state, .voided)
        XCTAssertEqual(voided.redemption.voidClerk, "兑换员")
        XCTAssertEqual(voided.redemption.voidSupervisor, "王书记")
        XCTAssertEqual(try f.balance(li), 500)
        XCTAssertEqual(try f.stock("towel"), 100)
        XCTAssertEqual(try f.stock("laundry_voucher"), 200)
        XCTAssertEqual(try f.db.checkVoucher(r.vouchers[0].code).state, .cancelled)
        assertThrows(try f.db.voidRedemption(receipt: r.receipt, reason: "再来", clerk: nil, supervisor: supervisor),
                     RedemptionError.alreadyVoided(receipt: r.receipt))
    }

    func testUsedVoucherBlocksTheVoidAndClosedDayNeedsASecretaryCorrection() throws {
        let f = try RedemptionFixture()
        let li = try f.member("李成", code: "CD0001", phone: "13812341234", points: 500)
        let r = try f.db.redeem(f.request(li, ["car_wash_voucher": 1]), by: f.secretary)
        try f.db.useVoucher(r.vouchers[0].code, shop: "朝东汽车美容店", by: nil)
        XCTAssertThrowsError(try f.db.voidRedemption(receipt: r.receipt, reason: "x", clerk: nil, supervisor: f.secretary)) { error in
            guard case RedemptionError.voucherAlreadyUsed = error else { return XCTFail("\(error)") }
        }
        let towel = try f.db.redeem(f.request(li, ["towel": 1]), by: f.secretary)
        let z = try f.db.closeDay(by: f.secretary)
        XCTAssertEqual(z.closeNumber, 1)
        XCTAssertEqual(z.redemptions, 2)
        XCTAssertEqual(z.firstReceipt, r.receipt)
        XCTAssertEqual(z.lastReceipt, towel.receipt)
        XCTAssertEqual(z.vouchersIssued, 1)
        XCTAssertEqual(z.vouchersUsed, 1)
        XCTAssertEqual(z.items.first { $0.key == "towel" }?.closing, 99)
        assertThrows(try f.db.voidRedemption(receipt: towel.receipt, reason: "x", clerk: nil, supervisor: f.secretary),
                     RedemptionError.dayClosed(day: Day.today()))
        assertThrows(try f.db.closeDay(by: f.secretary), RedemptionError.dayAlreadyClosed(day: Day.today(), closeNumber: 1))
        let fixed = try f.db.correctClosedRedemption(receipt: towel.receipt, reason: "登记错人", by: f.secretary)
        XCTAssertEqual(fixed.redemption.state, .adjusted)
        XCTAssertEqual(try f.balance(li), 440)
        XCTAssertEqual(try f.db.dayReport().redemptions, 2, "the Z report stays as closed")
    }

    func testXReportChangesNothing() throws {
        let f = try RedemptionFixture()
        let li = try f.member("李成", code: "CD0001", phone: "13812341234", points: 500)
        try f.db.redeem(f.request(li, ["towel": 1]), by: f.secretary)
        let audits = try f.count("SELECT COUNT(*) FROM audit_log")
        let x = try f.db.dayReport()
        XCTAssertNil(x.closeNumber)
        XCTAssertEqual(x.points, 50)
        XCTAssertEqual(x.items.first { $0.key == "towel" }?.closing, 99)
        XCTAssertEqual(try f.count("SELECT COUNT(*) FROM audit_log"), audits)
        XCTAssertFalse(try f.db.isDayClosed(Day.today()))
    }

    func testTodaysListCountsTheRowsItShows() throws {
        let f = try RedemptionFixture()
        let li = try f.member("李成", code: "CD0001", phone: "13812341234", points: 500)
        for _ in 0..<3 { try f.db.redeem(f.request(li, ["towel": 1]), by: f.secretary) }
        let day = Day.today()
        let rows = try f.db.redemptions(on: day, .first(10))
        XCTAssertEqual(try f.db.redemptionCount(on: day), 3)
        XCTAssertEqual(try f.db.redemptionCount(on: day), try f.db.dayReport(day).receipts)
        XCTAssertEqual(try f.db.redemptionCount(on: day, before: rows[2].listKey), 2, "two receipts come before the third row")
        XCTAssertEqual(try f.db.redemptionCount(on: "2020-01-01"), 0)
    }

    func testVoucherCodesCatchTyposAndAreUsedOnce() throws {
        let f = try RedemptionFixture()
        let li = try f.member("李成", code: "CD0001", phone: "13812341234", points: 500)
        let code = try f.db.redeem(f.request(li, ["car_wash_voucher": 1]), by: f.secretary).vouchers[0].code
        // Every single-character typo is caught before the lookup.
        var chars = Array(code)
        let last = chars.count - 3
        chars[last] = chars[last] == "2" ? "3" : "2"
        XCTAssertThrowsError(try f.db.checkVoucher(String(chars))) { error in
            guard case VoucherError.badCheckCharacter = error else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try f.db.checkVoucher("XC-0000-OOOO")) { error in
            guard case VoucherError.malformed = error else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(try f.db.checkVoucher(VoucherCode.display(code).lowercased()).state, .unused)
        let used = try f.db.useVoucher(code, shop: "朝东汽车美容店", by: nil)
        XCTAssertEqual(used.state, .used)
        XCTAssertThrowsError(try f.db.useVoucher(code, shop: "别家", by: nil)) { error in
            guard case VoucherError.alreadyUsed(_, _, let shop) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(shop, "朝东汽车美容店")
        }
        XCTAssertEqual(try f.db.checkVoucher(code, today: "2099-01-01").state, .used)
    }

    func testConcurrentUsesOfOneVoucherLetExactlyOneSucceed() throws {
        let f = try RedemptionFixture()
        let li = try f.member("李成", code: "CD0001", phone: "13812341234", points: 500)
        let code = try f.db.redeem(f.request(li, ["car_wash_voucher": 1]), by: f.secretary).vouchers[0].code
        let other = try CommunityDatabase.open(path: f.db.path)
        let results = Results()
        let first = f.db
        DispatchQueue.concurrentPerform(iterations: 8) { i in
            let db = i % 2 == 0 ? first : other
            results.add((try? db.useVoucher(code, shop: "店\(i)", by: nil)) != nil)
        }
        XCTAssertEqual(results.successes, 1)
    }

    func testEveryStoredCodeIsValidAndDisplayRoundTrips() throws {
        var random = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let code = VoucherCode.make(prefix: "XY", using: &random)
            XCTAssertEqual(try VoucherCode.normalise(VoucherCode.display(code)), code)
        }
    }
}

final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Bool] = []
    func add(_ ok: Bool) { lock.lock(); values.append(ok); lock.unlock() }
    var successes: Int { lock.lock(); defer { lock.unlock() }; return values.filter { $0 }.count }
}
