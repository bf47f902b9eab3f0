import CommunityModel
import Foundation
import XCTest

/// Real `community redeem` and `community voucher use` processes racing on one file (issue 8 item 12).
final class RedeemProcessTests: XCTestCase {
    var binary: URL { CommunityBinary.url }

    private func fixture() throws -> (URL, CommunityDatabase, Actor, PointsHolder) {
        _ = try CommunityBinary.require()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("redeem-proc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let db = try CommunityDatabase.open(path: dir.appendingPathComponent("r.sqlite").path)
        let actor = try db.setUp(profile: CommunityProfile(name: "朝东社区", street: "公园街道", district: "运河区", city: "沧州市"),
                                 secretaryName: "王书记", pin: "246810")
        let m = try db.addMember(Member(name: "李成", phone: "13812341234", organisationId: nil, level: .city, memberCode: "CD0001",
                                        reportedOn: "2026-01-01"), by: actor)
        return (dir, db, actor, .member(m.id ?? 0))
    }

    private func run(_ arguments: [String], count: Int) throws -> [Process] {
        let processes = (0..<count).map { i -> Process in
            let p = Process()
            p.executableURL = binary
            p.arguments = arguments.map { $0.replacingOccurrences(of: "#", with: "\(i)") }
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            return p
        }
        for p in processes { try p.run() }
        for p in processes { p.waitUntilExit() }
        return processes
    }

    func testTwoProcessesRedeemingAgainstOneBalanceNeverOverspend() throws {
        let (dir, db, actor, holder) = try fixture()
        defer { try? FileManager.default.removeItem(at: dir) }
        try db.adjustPoints(holder, amount: 250, reason: "测试", by: actor)
        // Each asks for 200 of the 250: exactly one can have it.
        let ps = try run(["redeem", "--db", db.path, "--operator", "王书记", "--pin", "246810", "--holder", "CD0001",
                          "--item", "flour_5kg", "--request-id", "race-#", "--receipts", dir.appendingPathComponent("receipts").path], count: 2)
        XCTAssertEqual(ps.map(\.terminationStatus).sorted(), [0, 1])
        XCTAssertEqual(try db.balance(of: holder).balance, 70)
        XCTAssertEqual(try db.catalogItem(key: "flour_5kg")?.stock, 39)
        XCTAssertEqual(try db.pool.read { try RedemptionModule.check($0) }, [])
        // The same request id again applies nothing and exits 0 with the same receipt.
        let winner = ps[0].terminationStatus == 0 ? "race-0" : "race-1"
        let again = try run(["redeem", "--db", db.path, "--operator", "王书记", "--pin", "246810", "--holder", "CD0001",
                             "--item", "flour_5kg", "--request-id", winner, "--receipts", dir.appendingPathComponent("receipts").path], count: 1)
        XCTAssertEqual(again[0].terminationStatus, 0)
        XCTAssertEqual(try db.balance(of: holder).balance, 70)
    }

    func testTwoProcessesUsingOneVoucherExactlyOneSucceeds() throws {
        let (dir, db, actor, holder) = try fixture()
        defer { try? FileManager.default.removeItem(at: dir) }
        try db.adjustPoints(holder, amount: 100, reason: "测试", by: actor)
        let code = try db.redeem(RedemptionRequest(holder: holder, basket: [BasketLine(itemKey: "car_wash_voucher")], requestId: "v"),
                                 by: actor).vouchers[0].displayCode
        let ps = try run(["voucher", "use", "--db", db.path, "--operator", "王书记", "--pin", "246810", code, "--shop", "店#"], count: 2)
        XCTAssertEqual(ps.map(\.terminationStatus).sorted(), [0, 1])
        XCTAssertEqual(try db.checkVoucher(code).state, .used)
    }
}
