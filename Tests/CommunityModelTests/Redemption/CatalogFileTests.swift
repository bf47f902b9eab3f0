import CommunityModel
import CommunityTestSupport
import Foundation
import XCTest

final class CatalogFileTests: XCTestCase {
    func testShippedCatalogEqualsTheBuiltInCopyAndCarriesLimitsAndVoucherDays() throws {
        let catalog = try Catalog.load(from: TestStore.dataDirectory)
        XCTAssertEqual(catalog, Catalog.builtIn)
        XCTAssertEqual(catalog.item("rice_5kg")?.limit, Catalog.Limit(count: 1, per: .month))
        XCTAssertEqual(catalog.item("car_wash_voucher")?.voucherDays, 90)
    }

    func testBadLimitAndVoucherDaysAreRefusedWithTheirPath() throws {
        let dir = try TestStore.scratchDirectory("catalog")
        defer { try? FileManager.default.removeItem(at: dir) }
        func load(_ edit: (inout [[String: Any]]) -> Void) throws -> ReferenceDataError? {
            var root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: TestStore.dataDirectory.appendingPathComponent("catalog.json"))) as? [String: Any])
            var items = try XCTUnwrap(root["items"] as? [[String: Any]])
            edit(&items)
            root["items"] = items
            try JSONSerialization.data(withJSONObject: root).write(to: dir.appendingPathComponent("catalog.json"))
            do { _ = try Catalog.load(from: dir); return nil } catch let e as ReferenceDataError { return e }
        }
        XCTAssertEqual(try load { $0[0]["limit"] = ["count": 1, "per": "fortnight"] }?.path, "items[0].limit.per")
        XCTAssertEqual(try load { $0[0]["limit"] = ["count": 0, "per": "month"] }?.path, "items[0].limit.count")
        XCTAssertEqual(try load { $0[5]["voucher_days"] = nil }?.path, "items[5].voucher_days")
        XCTAssertEqual(try load { $0[0]["voucher_days"] = 30 }?.path, "items[0].voucher_days")
    }

    func testSetupLoadsTheCatalogWithOpeningStockMoves() throws {
        let store = try TestStore()
        defer { store.remove() }
        let items = try store.db.catalogItems()
        XCTAssertEqual(items.map(\.key), Catalog.builtIn.items.map(\.key))
        XCTAssertEqual(items.first?.stock, 40)
        XCTAssertEqual(try store.db.stockMoves(itemKey: "rice_5kg", .first(5)).map(\.kind), [.opening])
        XCTAssertEqual(try store.db.loadCatalog(Catalog.builtIn, by: store.secretary), 0, "loading again adds nothing")
    }
}
