import CommunityModel
import CommunityTestSupport
import Foundation
import GRDB
import XCTest

final class RedeemTests: XCTestCase {
    func testRedeemDebitsMovesStockNumbersTheReceiptAndIssuesVouchers() throws {
        let f = try RedemptionFixture()
        let li = try f.member("李成", code: "CD0001", phone: "13812341234", points: 1000)
        let receipt = try f.db.redeem(f.request(li, ["rice_5kg": 1, "towel": 2, "car_wash_voucher": 1]), by: f.secretary)
        XCTAssertTrue(receipt.applied)
        XCTAssertEqual(receipt.points, 200 + 100 + 60)
        XCTAssertEqual(receipt.balanceAfter, 640)
        XCTAssertEqual(try f.balance(li), 640)
        XCTAssertEqual(try f.stock("rice_5kg"), 39)
        XCTAssertEqual(try f.stock("towel"), 98)
        let day = Day.today().replacingOccurrences(of: "-", with: "")
        XCTAssertEqual(receipt.receipt, "DH\(day)-0001")
        XCTAssertEqual(receipt.vouchers.count, 1)
        XCTAssertTrue(VoucherCode.isValid(receipt.vouchers[0].code))
        XCTAssertTrue(receipt.vouchers[0].code.hasPrefix("XC"))
        let second = try f.db.redeem(f.request(li, ["towel": 1]), by: f.secretary)
        XCTAssertEqual(second.receipt, "DH\(day)-0002")
    }

    func testRetriedRequestIdAppliesOnceAndReturnsTheSameReceipt() throws {
        let f = try RedemptionFixture()
        let li = try f.member("李成", code: "CD0001", phone: "13812341234", points: 500)
        let request = f.request(li, ["towel": 2], id: "req-1")
        let first = try f.db.redeem(request, by: f.secretary)
        let again = try f.db.redeem(request, by: f.secretary)
        XCTAssertFalse(again.applied)
        XCTAssertEqual(again.receipt, first.receipt)
        XCTAssertEqual(try f.balance(li), 400)
        XCTAssertEqual(try f.stock("towel"), 98)
        XCTAssertEqual(try f.count("SELECT COUNT(*) FROM redemption"), 1)
        assertThrows(try f.db.redeem(f.request(li, ["towel": 3], id: "req-1"), by: f.secretary), RedemptionError.requestIdReused("req-1"))
    }

    func testEveryRefusalSaysWhyAndWritesNothing() throws {
        let f = try RedemptionFixture()
        let poor = try f.member("张晓明", code: "CD0002", phone: "13900001111", points: 100)
        assertThrows(try f.db.redeem(f.request(poor, ["rice_5kg": 1]), by: f.secretary),
                     RedemptionError.notEnoughPoints(holder: "张晓明", balance: 100, needed: 200))
        let rich = try f.member("王芳", code: "CD0003", phone: "13900002222", points: 100_000)
        assertThrows(try f.db.redeem(f.request(rich, ["oil_5l": 2]), by: f.secretary),
                     RedemptionError.overLimit(item: "食用油 5L", limit: 1, period: .month, already: 0, asked: 2,
                                               resetsOn: LimitPeriodProbe.nextMonth(Day.today())))
        try f.db.redeem(f.request(rich, ["rice_5kg": 1]), by: f.secretary)
        assertThrows(try f.db.redeem(f.request(rich, ["rice_5kg": 1]), by: f.secretary),
                     RedemptionError.overLimit(item: "大米 5kg", limit: 1, period: .month, already: 1, asked: 1,
                                               resetsOn: LimitPeriodProbe.nextMonth(Day.today())))
        assertThrows(try f.db.redeem(f.request(rich, ["flour_5kg": 41]), by: f.secretary),
                     RedemptionError.outOfStock(item: "面粉 5kg", left: 40, asked: 41))
        let gone = try f.member("赵德明", code: "CD0004", phone: "13900003333", points: 1000, active: false)
        assertThrows(try f.db.redeem(f.request(gone, ["towel": 1]), by: f.secretary),
                     RedemptionError.holderDeactivated(holder: "赵德明"))
        assertThrows(try f.db.redeem(f.request(rich, ["caviar": 1]), by: f.secretary), RedemptionError.unknownItem("caviar"))
        assertThrows(try f.db.redeem(f.request(rich, [:]), by: f.secretary), RedemptionError.emptyBasket)
        XCTAssertEqual(try f.count("SELECT COUNT(*) FROM redemption"), 1)
        XCTAssertEqual(try f.balance(poor), 100)
        XCTAssertEqual(try f.stock("flour_5kg"), 40)
    }

    func testQuoteShowsTotalsBalanceAfterAndTheRefusalWithoutWriting() throws {
        let f = try RedemptionFixture()
        let li = try f.member("李成", code: "CD0001", phone: "13812341234", points: 250)
        let ok = try f.db.quote(holder: li, basket: [BasketLine(itemKey: "rice_5kg"), BasketLine(itemKey: "towel")])
        XCTAssertEqual(ok.total, 250)
        XCTAssertEqual(ok.balanceAfter, 0)
        XCTAssertTrue(ok.canConfirm)
        XCTAssertEqual(ok.lines.first?.limitResetsOn, LimitPeriodProbe.nextMonth(Day.today()))
        let short = try f.db.quote(holder: li, basket: [BasketLine(itemKey: "oil_5l")])
        XCTAssertEqual(short.refusal, .notEnoughPoints(holder: "李成", balance: 250, needed: 300))
        XCTAssertEqual(try f.count("SELECT COUNT(*) FROM redemption"), 0)
    }

    func testStockNeverGoesNegativeEvenThroughRawSQL() throws {
        let f = try RedemptionFixture()
        XCTAssertThrowsError(try f.db.pool.write { try $0.execute(sql: "UPDATE redemption_item SET stock = -1 WHERE key = 'towel'") })
        XCTAssertThrowsError(try f.db.pool.write { try $0.execute(sql: "UPDATE redemption_item SET stock = 500 WHERE key = 'towel'") })
        XCTAssertThrowsError(try f.db.pool.write { db in
            try db.execute(sql: """
                INSERT INTO stock_move (item_id, kind, quantity, stock_after, source, at, day, operator_name)
                SELECT id, 'stocktake', -101, -1, '', '2026-12-02 10:00:00', '2026-12-02', 'x' FROM redemption_item WHERE key = 'towel'
                """)
        })
        XCTAssertThrowsError(try f.db.pool.write { try $0.execute(sql: "DELETE FROM stock_move") })
        XCTAssertEqual(try f.stock("towel"), 100)
        try f.db.recordStocktake(itemKey: "towel", counted: 97, reason: "三条受潮报废", by: f.secretary)
        XCTAssertEqual(try f.stock("towel"), 97)
        try f.db.restock(itemKey: "towel", quantity: 50, source: "沧州市供电公司", note: "捐赠", by: f.secretary)
        XCTAssertEqual(try f.stock("towel"), 147)
        XCTAssertEqual(try f.db.stockMoves(itemKey: "towel", .first(10)).map(\.kind), [.restock, .stocktake, .opening])
    }

    func testPriceChangeKeepsOldReceiptsAndRetiredItemsAreRefused() throws {
        let f = try RedemptionFixture()
        let li = try f.member("李成", code: "CD0001", phone: "13812341234", points: 1000)
        let before = try f.db.redeem(f.request(li, ["towel": 1]), by: f.secretary)
        try f.db.changePrice(itemKey: "towel", points: 70, by: f.secretary)
        let after = try f.db.redeem(f.request(li, ["towel": 1]), by: f.secretary)
        XCTAssertEqual(try f.db.redemption(receipt: before.receipt)?.lines.first?.unitPoints, 50)
        XCTAssertEqual(after.points, 70)
        try f.db.retireItem(key: "towel", by: f.secretary)
        assertThrows(try f.db.redeem(f.request(li, ["towel": 1]), by: f.secretary), RedemptionError.itemRetired("毛巾"))
        XCTAssertFalse(try f.db.catalogItems().contains { $0.key == "towel" })
        XCTAssertEqual(try f.count("SELECT COUNT(*) FROM audit_log WHERE action = 'catalog.price'"), 1)
    }
}

/// The first day of the month after `day`, computed independently of the model.
enum LimitPeriodProbe {
    static func nextMonth(_ day: String) -> String {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        let (y, m) = parts[1] == 12 ? (parts[0] + 1, 1) : (parts[0], parts[1] + 1)
        return String(format: "%04d-%02d-01", y, m)
    }
}
