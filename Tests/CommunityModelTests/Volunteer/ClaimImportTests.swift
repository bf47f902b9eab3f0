import GRDB
import XCTest
@testable import CommunityModel

/// Importing claims and replies from the mini-program's CSV (issue 4 item 5).
final class ClaimImportTests: XCTestCase {
    func fixture() throws -> (VolunteerFixture, VolunteerTask) {
        let f = try VolunteerFixture()
        let task = try f.task("核酸检测（上午班）", places: 10, points: 10)
        try f.member("张伟", code: "D001", phone: "13800000001")
        try f.member("李娜", code: "D002", phone: "13800000002")
        try f.organisation("公交集团党委", phone: "13903170121")
        return (f, task)
    }

    let file = """
    \u{FEFF}外部编号,任务,认领人,状态,时间,备注
    MP-1,核酸检测（上午班）,13800000001,已认领,2026-06-20 09:00,
    MP-2,核酸检测（上午班）,D002,已回复,2026-06-20 09:05,"完成扫码登记，共 120 人"
    MP-3,核酸检测（上午班）,公交集团党委,已认领,2026-06-20 10:00,
    """

    func testImportCreatesClaimsAndRepliesAndIsIdempotent() throws {
        let (f, task) = try fixture()
        let first = try f.db.importClaims(csv: file, fileName: "claims.csv", by: f.actor)
        XCTAssertEqual(first, ClaimImportSummary(lines: 3, created: 3, replied: 1, cancelled: 0, unchanged: 0))
        XCTAssertEqual(try f.db.claimCount(.task(task.id!)), 3)
        XCTAssertEqual(try f.db.claimCount(.reviewQueue), 1)
        let again = try f.db.importClaims(csv: file, fileName: "claims.csv", by: f.actor)
        XCTAssertEqual(again, ClaimImportSummary(lines: 3, created: 0, replied: 0, cancelled: 0, unchanged: 3))
        XCTAssertEqual(try f.db.claimCount(.task(task.id!)), 3)
        XCTAssertEqual(try f.db.task(id: task.id!)?.taken, 3)
    }

    func testALaterExportMovesClaimsOnOnce() throws {
        let (f, _) = try fixture()
        try f.db.importClaims(csv: file, fileName: "a.csv", by: f.actor)
        let later = """
        external_id,task,claimant,state,time,note
        MP-1,核酸检测（上午班）,13800000001,已回复,2026-06-28 12:00,按时完成
        MP-3,核酸检测（上午班）,13903170121,已取消,2026-06-21 08:00,单位另有安排
        """
        let s = try f.db.importClaims(csv: later, fileName: "b.csv", by: f.actor)
        XCTAssertEqual(s, ClaimImportSummary(lines: 2, created: 0, replied: 1, cancelled: 1, unchanged: 0))
        XCTAssertEqual(try f.db.claimCount(.reviewQueue), 2)
        XCTAssertEqual(try f.db.importClaims(csv: later, fileName: "b.csv", by: f.actor).unchanged, 2)
    }

    func testABadFileWritesNothingAndNamesEveryLine() throws {
        let (f, _) = try fixture()
        let bad = """
        外部编号,任务,认领人,状态,时间,备注
        MP-1,核酸检测（上午班）,13800000001,已认领,2026-06-20 09:00,
        MP-2,不存在的任务,D002,已认领,2026-06-20 09:05,
        MP-3,核酸检测（上午班）,13000000000,已认领,2026-06-20 09:05,
        MP-4,核酸检测（上午班）,D002,已通过,2026-06-20 9:5,
        """
        XCTAssertThrowsError(try f.db.importClaims(csv: bad, fileName: "bad.csv", by: f.actor)) { error in
            guard let e = error as? ClaimImportError else { return XCTFail("\(error)") }
            // Every problem in one run: the shape problems of line 5 (state and time, each in its column)
            // and the lines that parse but do not fit the database.
            XCTAssertEqual(e.problems.map(\.line), [3, 4, 5, 5])
            XCTAssertEqual(e.problems.suffix(2).map(\.column), ["状态", "时间"])
            XCTAssertTrue(e.message.zh.contains("第 5 行"), e.message.zh)
        }
        let noShape = bad.replacingOccurrences(of: "已通过,2026-06-20 9:5", with: "已认领,2026-06-20 09:05")
        XCTAssertThrowsError(try f.db.importClaims(csv: noShape, fileName: "bad.csv", by: f.actor)) { error in
            guard let e = error as? ClaimImportError else { return XCTFail("\(error)") }
            XCTAssertEqual(e.problems.map(\.line), [3, 4])
        }
        XCTAssertEqual(try f.count("SELECT COUNT(*) FROM claim"), 0, "validated whole: line 2 was not written")
    }

    func testMissingColumnsAreNamed() throws {
        let (f, _) = try fixture()
        XCTAssertThrowsError(try f.db.importClaims(csv: "外部编号,任务\nMP-1,x\n", fileName: "x.csv", by: f.actor)) { error in
            XCTAssertTrue((error as? ClaimImportError)?.message.zh.contains("认领人") == true, "\(error)")
        }
    }

    func testQuotedFieldsKeepPhysicalLineNumbers() throws {
        var stream = try CSVStream(.data(Data("a,b\n1,\"two\nlines\"\n3,x\n".utf8)))
        var records: [CSVStream.Record] = []
        while let r = try stream.next() { records.append(r) }
        XCTAssertEqual(records.map(\.line), [1, 2, 4])
        XCTAssertEqual(records[1].fields, ["1", "two\nlines"])
    }
}
