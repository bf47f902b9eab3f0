import CommunityModel
import CommunityTestSupport
import Foundation
import XCTest

/// The audit screen's list: newest first, filtered by operator, kind, dates and text, paged by key.
final class AuditLogTests: XCTestCase {
    func testFiltersByOperatorKindDateAndText() throws {
        let store = try TestStore.demo()
        defer { store.remove() }
        let db = store.db
        let all = try db.auditCount(AuditFilter())
        XCTAssertGreaterThan(all, 40)
        let points = try db.auditLines(AuditFilter(kind: .points), .first(50))
        XCTAssertFalse(points.isEmpty)
        XCTAssertTrue(points.allSatisfy { $0.entry.action.hasPrefix("ledger.") })
        let tasks = try db.auditLines(AuditFilter(kind: .tasks), .first(50))
        XCTAssertTrue(tasks.allSatisfy { $0.entry.action.hasPrefix("task.") || $0.entry.action.hasPrefix("claim.") })
        // Newest first by time.
        let times = points.map(\.entry.at)
        XCTAssertEqual(times, times.sorted(by: >))
        // A date range keeps the lines of those days only.
        let day = try XCTUnwrap(points.first?.entry.at.prefix(10)).description
        let thatDay = try db.auditLines(AuditFilter(from: day, to: day), .first(500))
        XCTAssertFalse(thatDay.isEmpty)
        XCTAssertTrue(thatDay.allSatisfy { $0.entry.at.hasPrefix(day) })
        // By operator.
        let mine = try db.auditLines(AuditFilter(operatorName: "演示书记"), .first(100))
        XCTAssertTrue(mine.allSatisfy { $0.entry.operatorName == "演示书记" })
        // Text finds a holder by name even though the stored line names it by code.
        let credit = try XCTUnwrap(points.first { $0.entry.action == "ledger.credit" })
        let holder = credit.sentence.zh.components(separatedBy: " 获得 ").first ?? ""
        let name = holder.components(separatedBy: "（").first ?? holder
        let found = try db.auditLines(AuditFilter(kind: .points, text: name), .first(50))
        XCTAssertTrue(found.contains { $0.entry.id == credit.entry.id }, "searching “\(name)”")
        XCTAssertEqual(try db.auditLines(AuditFilter(text: "没有这种内容的文字"), .first(10)).count, 0)
    }

    func testKeysetPagesWalkTheWholeLogOnceInOrder() throws {
        let store = try TestStore.demo()
        defer { store.remove() }
        let filter = AuditFilter(kind: .tasks)
        var seen: [Int64] = []
        var page = try store.db.auditLines(filter, .first(7))
        while let last = page.last {
            seen += page.map { $0.entry.id! }
            page = try store.db.auditLines(filter, .after(last.listKey, 7))
        }
        XCTAssertEqual(seen.count, Set(seen).count, "no line twice")
        XCTAssertEqual(seen.count, min(try store.db.auditCount(filter), CommunityDatabase.auditCountCap))
        // Backwards from the end gives the same lines.
        let tail = try store.db.auditLines(filter, .last(7)).map { $0.entry.id! }
        XCTAssertEqual(tail, Array(seen.suffix(7)))
        let before = try store.db.auditLines(filter, .before(try XCTUnwrap(try store.db.auditLines(filter, .last(7)).first).listKey, 7)).map { $0.entry.id! }
        XCTAssertEqual(before, Array(seen.dropLast(7).suffix(7)))
        // The position count of a line deep in the list.
        let mid = try store.db.auditLines(filter, .first(20)).last!
        XCTAssertEqual(try store.db.auditCount(filter, before: mid.listKey), 19)
    }

    func testExportWritesEveryLineAsCSVWithBOMAndSentences() throws {
        let store = try TestStore()
        defer { store.remove() }
        _ = try store.db.addOperator(name: "兑换员", role: .kiosk, pin: "385028", by: store.secretary)
        let url = store.directory.appendingPathComponent("audit.csv")
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        let n = try ExportKind.audit.write(from: store.db, as: .csv, to: handle)
        try handle.close()
        let data = try Data(contentsOf: url)
        XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF])
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        XCTAssertEqual(n, try store.db.auditCount(AuditFilter()))
        XCTAssertTrue(text.hasPrefix("编号,时间,操作员,类别,内容,操作代码,对象代码\r\n"), text)
        XCTAssertTrue(text.contains("新增操作员 兑换员（兑换窗口）"), text)
        XCTAssertTrue(text.contains("建立社区"), text)
    }
}
