import CommunityTestSupport
import Foundation
import GRDB
import XCTest
@testable import CommunityModel

/// Files with every kind of odd byte a user can put in a cell: each one refused by line and column,
/// nothing written, nothing stored changed.
final class RosterImportFuzzTests: XCTestCase {
    var store: TestStore!

    override func setUpWithError() throws {
        store = try TestStore()
        try store.db.importRoster(.organisations, csv: Data("名称,级别,联系人,电话\n公交集团党委,市级,刘建国,13903170121\n".utf8),
                                  by: store.secretary, today: "2026-11-30")
    }

    static let header = "姓名,手机,单位,级别,党员编号\n"

    func problems(_ bytes: [UInt8]) throws -> [ImportProblem] {
        let before = try store.db.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM member") }
        do {
            try store.db.importRoster(.members, csv: Data(bytes), by: store.secretary, today: "2026-11-30")
            XCTFail("the file should have been refused")
        } catch let error as RosterImportError {
            XCTAssertEqual(try store.db.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM member") }, before, "nothing written")
            return error.problemList
        }
        return []
    }

    func testEveryBadKindIsReportedAtItsLineAndColumn() throws {
        // Given one bad cell per line, of every kind
        let rows: [(String, column: String)] = [
            ("张\u{1}明,13800000001,公交集团党委,市直,A1", "姓名"),                  // line 2: control character
            ("张\u{1B}[31m明,13800000002,公交集团党委,市直,A2", "姓名"),             // 3: escape sequence
            ("张\u{0}明,13800000003,公交集团党委,市直,A3", "姓名"),                  // 4: NUL (was stored as 张)
            ("\"张\n明\",13800000004,公交集团党委,市直,A4", "姓名"),                 // 5–6: line break in a name
            ("王五,13800000005,公交集团党委,市直,\"A\n5\"", "党员编号"),             // 7–8: line break in a code
            ("\"王\"\"五\",13800000006,公交集团党委,市直,A6", "姓名"),               // 9: quote in a name
            ("=HYPERLINK(\"\"x\"\"),13800000007,公交集团党委,市直,A7", "姓名"),      // 10: formula
            ("李四,13800000008,公交集团党委,市直,@A8", "党员编号"),                  // 11: formula in a code
            ("李\u{202E}四,13800000009,公交集团党委,市直,A9", "姓名"),               // 12: direction override
            ("赵六,1380000\u{1}0010,公交集团党委,市直,A10", "手机"),                 // 13: control in a phone
        ]
        let text = Self.header + rows.map(\.0).joined(separator: "\n") + "\n"
        let found = try problems(Array(text.utf8))
        XCTAssertEqual(found.map(\.line), [2, 3, 4, 5, 7, 9, 10, 11, 12, 13])
        XCTAssertEqual(found.map(\.column), rows.map(\.column))
        XCTAssertTrue(found[2].message.en.contains("NUL"))
        XCTAssertTrue(found[1].message.en.contains("ESC"))
        XCTAssertTrue(found[3].message.en.contains("line break"))
        XCTAssertTrue(found[6].message.en.contains("formula"))
        XCTAssertEqual(found[2].value, "张\u{0}明", "the error file gets the cell as it was")
    }

    func testInvalidUTF8IsReportedByLineAndColumnNotByByte() throws {
        // Given a UTF-8 file with one damaged byte on line 300
        var bytes = Array(Self.header.utf8)
        for i in 2..<300 { bytes += Array("党员\(i),138\(String(format: "%08d", i)),公交集团党委,市直,C\(i)\n".utf8) }
        bytes += Array("王".utf8) + [0xFF] + Array("芳,13900000000,公交集团党委,市直,BAD\n".utf8)
        let found = try problems(bytes)
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first?.line, 300)
        XCTAssertEqual(found.first?.column, "姓名")
        XCTAssertEqual(found.first?.columnNumber, 1)
        XCTAssertTrue(found.first?.message.en.contains("character 2") == true, "\(found)")
    }

    func testATenThousandLineFileWithFiveHundredBadLinesNamesEveryOne() throws {
        // Given 10,000 lines, every 20th bad in one of several ways
        let bad = ["\u{0}", "\u{1B}[1m", "\u{7}", "=", "\u{202E}"]
        var text = Self.header
        var badLines: [Int] = []
        for i in 0..<10_000 {
            let line = i + 2
            var name = "党员\(i)"
            if i % 20 == 0 {
                let kind = bad[(i / 20) % bad.count]
                name = kind == "=" ? "=" + name : "党" + kind + "员\(i)"
                badLines.append(line)
            }
            text += "\(name),1\(String(format: "%010d", i)),公交集团党委,市直,M\(i)\n"
        }
        let found = try problems(Array(text.utf8))
        XCTAssertEqual(found.count, 500)
        XCTAssertEqual(found.map(\.line), badLines)
        let message = RosterImportError.problems(found).message.en
        XCTAssertFalse(message.contains("more"), "no “… and N more”: every problem is listed")
        XCTAssertTrue(message.contains("line \(badLines.last!)"))
    }

    func testTheErrorTableOpensInExcelAndIsItselfSafe() throws {
        let found = try problems(Array((Self.header + "=cmd|' /C calc'!A0,13800000001,公交集团党委,市直,A1\n张\u{1B}明,13800000002,公交集团党委,市直,A2\n").utf8))
        let table = ImportProblem.csvTable(found, language: .en)
        XCTAssertEqual(Array(table.prefix(3)), [0xEF, 0xBB, 0xBF])
        let text = String(decoding: table.dropFirst(3), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        XCTAssertEqual(lines[0], "line,column,value,problem")
        XCTAssertTrue(lines[1].hasPrefix("2,姓名 (1),'=cmd|"), lines[1])
        XCTAssertTrue(lines[2].contains("张\\u{1B}明"), "the escape is spelled out in the table")
        XCTAssertFalse(text.contains("\u{1B}"))
    }

    func testStreamingFromAFileGivesTheSameResultAndReportsProgress() throws {
        var text = Self.header
        for i in 0..<5_000 { text += "党员\(i),1\(String(format: "%010d", i)),公交集团党委,市直,S\(i)\n" }
        let url = store.directory.appendingPathComponent("big.csv")
        try Data(text.utf8).write(to: url)
        var phases: [ImportPhase] = []
        var last: (Int64, Int64) = (0, 0)
        let summary = try store.db.importRoster(.members, from: .file(url), by: store.secretary, today: "2026-11-30") { phase, done, total in
            if phases.last != phase { phases.append(phase) }
            last = (done, total)
        }
        XCTAssertEqual(summary.rows, 5_000)
        XCTAssertEqual(phases, [.checking, .writing])
        XCTAssertEqual(last.0, last.1)
        XCTAssertEqual(try store.db.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM member") }, 5_000)
    }
}
