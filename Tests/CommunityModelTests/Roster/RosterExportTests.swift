import Foundation
import XCTest
@testable import CommunityModel

final class RosterExportTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws { directory = try MaintenanceFixtures.scratchDirectory() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    private func export(_ database: CommunityDatabase, _ kind: ExportKind, _ format: ExportFormat) throws -> (Data, Int) {
        let file = directory.appendingPathComponent("\(kind.rawValue).\(format.rawValue)")
        XCTAssertTrue(FileManager.default.createFile(atPath: file.path, contents: nil))
        let handle = try FileHandle(forWritingTo: file)
        let count = try kind.write(from: database, as: format, to: handle)
        try handle.close()
        return (try Data(contentsOf: file), count)
    }

    func testMembersCSVOpensInExcel() throws {
        // Given 12 members, one of them deactivated, in an organisation whose name has a comma
        let (database, actor) = try MaintenanceFixtures.makeDatabase(in: directory)
        try MaintenanceFixtures.addRoster(database, by: actor, organisations: 2, members: 12)
        let org = try database.addOrganisation(Organisation(name: "公交集团党委, 第一支部", level: .city, contact: "李明",
                                                            phone: "13911112222", reportedOn: "2026-01-10"), by: actor)
        let special = try database.addMember(Member(name: "赵“小”红", phone: "13633334444", organisationId: org.id, level: .city,
                                                    memberCode: "ZD9999", reportedOn: "2026-03-08"), by: actor)
        try database.setMemberActive(id: try XCTUnwrap(special.id), active: false, by: actor)

        // When the members are exported as CSV
        let (data, count) = try export(database, .members, .csv)

        // Then the file starts with the UTF-8 byte-order mark and a Chinese header row
        XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF])
        let text = try XCTUnwrap(String(data: data.dropFirst(3), encoding: .utf8))
        let lines = text.components(separatedBy: "\r\n")
        XCTAssertEqual(lines.first, "党员编号,姓名,手机号,所属单位,层级,报到日期,状态")
        // and one line per member, in member-code order, ending with a line break
        XCTAssertEqual(count, 13)
        XCTAssertEqual(lines.count, 1 + 13 + 1)
        XCTAssertEqual(lines.last, "")
        // phone numbers as ="…" so Excel keeps them as text (not 1.38E+10)
        XCTAssertTrue(lines[1].hasPrefix("ZD0001,党员1,\"=\"\"13800000000\"\"\",测试单位1党支部,市直,2026-02-01,在册"), lines[1])
        XCTAssertEqual(lines[13], "ZD9999,赵“小”红,\"=\"\"13633334444\"\"\",\"公交集团党委, 第一支部\",市直,2026-03-08,已停用")
    }

    func testOrganisationsCSVCountsTheirMembers() throws {
        let (database, actor) = try MaintenanceFixtures.makeDatabase(in: directory)
        try MaintenanceFixtures.addRoster(database, by: actor, organisations: 3, members: 7)
        let (data, count) = try export(database, .organisations, .csv)
        let lines = String(decoding: data.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
        XCTAssertEqual(count, 3)
        XCTAssertEqual(lines[0], "单位名称,层级,联系人,联系电话,报到日期,报到党员数,状态")
        XCTAssertEqual(lines[1], "测试单位1党支部,市级,联系人1,\"=\"\"13900000000\"\"\",2026-01-05,3,在册")
    }

    func testMembersJSONForScripts() throws {
        let (database, actor) = try MaintenanceFixtures.makeDatabase(in: directory)
        try MaintenanceFixtures.addRoster(database, by: actor, organisations: 0, members: 4)
        let (data, count) = try export(database, .members, .json)
        XCTAssertEqual(count, 4)
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        XCTAssertEqual(rows.count, 4)
        XCTAssertEqual(rows[0]["member_code"] as? String, "ZD0001")
        XCTAssertEqual(rows[0]["name"] as? String, "党员1")
        XCTAssertEqual(rows[0]["active"] as? Bool, true)
        XCTAssertTrue(rows[0]["organisation"] is NSNull, "a member without an organisation has null")
        XCTAssertEqual(Set(rows[0].keys), ["member_code", "name", "phone", "organisation", "level", "reported_on", "active"])
    }

    func testEmptyRosterExportsHeaderOnlyAndEmptyList() throws {
        let (database, _) = try MaintenanceFixtures.makeDatabase(in: directory)
        let (csv, csvCount) = try export(database, .organisations, .csv)
        XCTAssertEqual(csvCount, 0)
        XCTAssertEqual(String(decoding: csv.dropFirst(3), as: UTF8.self), "单位名称,层级,联系人,联系电话,报到日期,报到党员数,状态\r\n")
        let (json, _) = try export(database, .members, .json)
        XCTAssertEqual((try JSONSerialization.jsonObject(with: json) as? [Any])?.count, 0)
    }

    func testLargeExportIsWrittenCompletely() throws {
        // More than one 64 KB block, so buffered writes are flushed in order and in full.
        let (database, actor) = try MaintenanceFixtures.makeDatabase(in: directory)
        try database.pool.write { db in
            for i in 0..<3000 {
                var m = Member(name: "批量党员\(i)", phone: String(format: "135%08d", i), organisationId: nil, level: .district,
                               memberCode: String(format: "PL%05d", i), reportedOn: "2026-04-01")
                try CommunityDatabase.insertMember(&m, db, by: actor)
            }
        }
        let (data, count) = try export(database, .members, .csv)
        XCTAssertGreaterThan(data.count, 64 * 1024)
        XCTAssertEqual(count, 3000)
        let lines = String(decoding: data.dropFirst(3), as: UTF8.self).components(separatedBy: "\r\n")
        XCTAssertEqual(lines.count, 3002)
        XCTAssertTrue(lines[3000].hasPrefix("PL02999,批量党员2999,"), lines[3000])
    }

    /// What we export must import back unchanged into another community's file, deactivated rows included.
    func testExportedRosterImportsBackAsItWas() throws {
        let source = try FoundationFixture()
        defer { source.remove() }
        let bus = try source.organisation("公交集团党委")
        let court = try source.organisation("区法院党组", level: .district)
        _ = try source.member("张建华", code: "D0001", phone: "13912345678", organisation: bus.id)
        let li = try source.member("李娜", code: "D0002", phone: "13800001111", organisation: court.id)
        try source.db.setMemberActive(id: li.id ?? 0, active: false, by: source.secretary)
        try source.db.setOrganisationActive(id: court.id ?? 0, active: false, by: source.secretary)

        let target = try FoundationFixture()
        defer { target.remove() }
        try target.db.importRoster(.organisations, csv: try export(source.db, .organisations, .csv).0, by: target.secretary)
        try target.db.importRoster(.members, csv: try export(source.db, .members, .csv).0, by: target.secretary)

        XCTAssertEqual(try target.db.rosterCounts(), try source.db.rosterCounts())
        let rows = { (db: CommunityDatabase) in try db.members(RosterFilter(), .first(10)).map { [$0.name, $0.phone, $0.organisationName ?? "", $0.memberCode, $0.reportedOn, "\($0.active)"] } }
        XCTAssertEqual(try rows(target.db), try rows(source.db))
    }
}

/// OWASP CSV injection: what an older version (or a hand-edited file) let into the database comes out inert.
final class RosterExportInjectionTests: XCTestCase {
    func testFormulaLikeCellsAreNeutralisedAndDigitCodesKeptAsText() throws {
        let store = try FoundationFixture()
        defer { store.remove() }
        let bus = try store.organisation("公交集团党委")
        // Written past the form rules, as a file from before them could hold it
        try store.db.pool.write { db in
            try db.execute(sql: """
                INSERT INTO member (name, phone, organisation_id, level, member_code, reported_on, active)
                VALUES ('=HYPERLINK("http://x","点我")', '13800000001', ?, '市直', '00123', '2026-01-01', 1),
                       ('@SUM(A1)', '13800000002', ?, '市直', '-5', '2026-01-01', 1),
                       ('+1', '13800000003', ?, '市直', 'A3', '2026-01-01', 1)
                """, arguments: [bus.id, bus.id, bus.id])
        }
        let file = store.directory.appendingPathComponent("m.csv")
        let handle = try PrivateFiles.createFile(atPath: file.path)
        try ExportKind.members.write(from: store.db, as: .csv, to: handle)
        try handle.close()
        let text = String(decoding: try Data(contentsOf: file).dropFirst(3), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        XCTAssertTrue(lines.contains("\"=\"\"00123\"\"\",\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\",\"=\"\"13800000001\"\"\",公交集团党委,市直,2026-01-01,在册"), text)
        XCTAssertTrue(lines.contains("\"=\"\"-5\"\"\",'@SUM(A1),\"=\"\"13800000002\"\"\",公交集团党委,市直,2026-01-01,在册"), text)
        XCTAssertTrue(lines.contains("A3,'+1,\"=\"\"13800000003\"\"\",公交集团党委,市直,2026-01-01,在册"), text)
        XCTAssertEqual(PrivateFiles.mode(of: file.path), 0o600)
        for line in lines.dropFirst() where !line.isEmpty {
            for cell in line.split(separator: ",") where !cell.hasPrefix("\"=\"\"") {
                XCTAssertFalse(TextRules.startsLikeFormula(String(cell)), "\(cell) would run in Excel")
            }
        }
    }
}
