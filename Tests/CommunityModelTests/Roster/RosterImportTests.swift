import Foundation
import GRDB
import XCTest
@testable import CommunityModel

final class RosterImportTests: XCTestCase {
    typealias F = MaintenanceFixture

    var database: CommunityDatabase!
    var actor: Actor!

    override func setUpWithError() throws {
        database = try F.freshDatabase()
        actor = try database.setUp(profile: CommunityProfile(name: "新华社区", street: "新华街道", district: "运河区", city: "沧州市"),
                                   secretaryName: "王书记", pin: "246810")
        try database.importRoster(.organisations, csv: Data("""
            名称,级别,联系人,电话
            公交集团党委,市级,刘建国,13903170121
            区法院党组,区级,杨俊峰,13832726671

            """.utf8), by: actor, today: F.today)
    }

    static let header = "姓名,手机,单位,级别,党员编号,报到日期\n"

    func testUTF8WithoutBOMImportsEveryRowWithAuditLines() throws {
        let csv = Self.header + "张三,13800000001,公交集团党委,市直,GJ001,2024-03-01\n李四,139 0000 0002,区法院党组,,FY001,2024/3/5\n"
        let summary = try database.importRoster(.members, csv: Data(csv.utf8), by: actor, today: F.today)
        XCTAssertEqual(summary.rows, 2)
        XCTAssertEqual(summary.encoding, .utf8)
        let rows = try database.members(RosterFilter(), .first(10))
        XCTAssertEqual(rows.map(\.name), ["李四", "张三"]) // FY001 sorts before GJ001
        // phone spaces removed, a blank level taken from the unit, an Excel-style date normalised
        XCTAssertEqual(rows[0].phone, "13900000002")
        XCTAssertEqual(rows[0].level, .district)
        XCTAssertEqual(rows[0].reportedOn, "2024-03-05")
        XCTAssertEqual(try F.count(database, "SELECT COUNT(*) FROM audit_log WHERE action = 'member.import' AND operator_name = '王书记'"), 2)
        XCTAssertEqual(try F.count(database, "SELECT COUNT(*) FROM audit_log WHERE action = 'roster.import'"), 2) // orgs + members
        XCTAssertEqual(try database.rosterCounts().organisations, 2)
    }

    func testUTF8WithBOMAndCRLFAndEnglishHeadersIsAccepted() throws {
        let csv = "Name,Mobile,Organisation,Member_Code\r\n王五,13700000003,公交集团党委,GJ002\r\n"
        let summary = try database.importRoster(.members, csv: Data([0xEF, 0xBB, 0xBF] + Array(csv.utf8)), by: actor, today: F.today)
        XCTAssertEqual(summary.encoding, .utf8WithBOM)
        let row = try XCTUnwrap(try database.members(RosterFilter(text: "GJ002"), .first(1)).first)
        XCTAssertEqual(row.name, "王五") // the BOM did not stick to the first header or value
        XCTAssertEqual(row.organisationName, "公交集团党委")
        XCTAssertEqual(row.reportedOn, F.today) // no date column: reported today
    }

    func testGB18030FileFromExcelIsDecoded() throws {
        // Given a file as Excel/WPS in China saves "CSV (逗号分隔)": GB18030, not UTF-8
        let csv = Self.header + "赵六,13600000004,区法院党组,区直,FY002,2023-11-20\n钱七,13500000005,公交集团党委,市直,GJ003,2023-12-01\n"
        let bytes = try iconv(csv, to: "GB18030")
        XCTAssertNil(String(data: bytes, encoding: .utf8), "the fixture must not be valid UTF-8")
        // When imported, then the Chinese comes through intact
        let summary = try database.importRoster(.members, csv: bytes, by: actor, today: F.today)
        XCTAssertEqual(summary.encoding, .gb18030)
        XCTAssertEqual(summary.rows, 2)
        XCTAssertEqual(try database.members(RosterFilter(text: "FY002"), .first(1)).first?.name, "赵六")
        XCTAssertEqual(try database.members(RosterFilter(text: "GJ003"), .first(1)).first?.organisationName, "公交集团党委")
    }

    func testBytesThatAreNeitherUTF8NorGB18030AreRefusedWithAClearMessage() throws {
        let bytes = Data(Array("姓名,手机\n".utf8) + [0xFF, 0xFE, 0x80, 0xFF])
        XCTAssertThrowsError(try database.importRoster(.members, csv: bytes, by: actor)) { error in
            guard case RosterImportError.undecodable = error else { return XCTFail("\(error)") }
            let text = (error as? UserFacingError)?.message
            XCTAssertTrue(text?.zh.contains("CSV UTF-8") == true)
            XCTAssertTrue(text?.en.contains("GB18030") == true)
        }
    }

    func testEveryProblemIsReportedWithLineAndColumnAndNothingIsWritten() throws {
        // Given a member already on the roster
        try database.addMember(Member(name: "老党员", phone: "13100000000", organisationId: 1, level: .city, memberCode: "OLD1", reportedOn: "2020-01-01"), by: actor)
        let before = try F.dump(database, "member")
        let auditBefore = try F.count(database, "SELECT COUNT(*) FROM audit_log")
        let csv = Self.header + [
            "张三,1380000001,公交集团党委,市直,A1,2024-03-01",   // line 2: phone has 10 digits
            ",13800000002,公交集团党委,市直,A2,2024-03-01",      // line 3: name missing
            "李四,13800000003,不存在的单位,市直,A3,2024-03-01",   // line 4: unknown organisation
            "王五,13800000004,区法院党组,区直,A1,2024-03-01",     // line 5: code repeats line 2
            "赵六,13800000005,区法院党组,区直,OLD1,2024-02-30",   // line 6: code in use, and no 30 February
            "钱七,13800000006,区法院党组,省直,A6,2024-03-01",     // line 7: bad level
            "孙八,13800000007,区法院党组,区直,A7,2024-03-01",     // line 8: fine
        ].joined(separator: "\n")
        XCTAssertThrowsError(try database.importRoster(.members, csv: Data(csv.utf8), by: actor)) { error in
            guard case RosterImportError.problems(let problems) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(problems.map { "\($0.line):\($0.column ?? "-"):\($0.columnNumber ?? 0)" }, [
                "2:手机:2", "3:姓名:1", "4:单位:3", "5:党员编号:5", "6:党员编号:5", "6:报到日期:6", "7:级别:4",
            ])
            XCTAssertEqual(problems[0].message, RosterError.badPhone("1380000001").message)
            XCTAssertEqual(problems[2].message, RosterError.unknownOrganisation("不存在的单位").message)
            XCTAssertTrue(problems[3].message.zh.contains("第 2 行"), problems[3].message.zh)
            XCTAssertEqual(problems[4].message, RosterError.duplicateMemberCode("OLD1").message)
            let message = (error as? UserFacingError)?.message.zh ?? ""
            XCTAssertTrue(message.contains("第 4 行，“单位”列（第 3 列）"), message)
            XCTAssertTrue(message.contains("7 处问题"), message)
        }
        // Then nothing at all was written, not even the good line 8
        XCTAssertEqual(try F.dump(database, "member"), before)
        XCTAssertEqual(try F.count(database, "SELECT COUNT(*) FROM audit_log"), auditBefore)
    }

    func testLinesAreCountedAcrossQuotedLineBreaksAndBlankLines() throws {
        let csv = "名称,级别,联系人,电话\n\"市\n供电公司党委\",市级,张卫东,13831712235\n\n市燃气集团党委,市级,郑红霞,1873017992X\n"
        XCTAssertThrowsError(try database.importRoster(.organisations, csv: Data(csv.utf8), by: actor)) { error in
            guard case RosterImportError.problems(let problems) = error else { return XCTFail("\(error)") }
            // The name spanning lines 2–3 is refused (a name is one line) and line 5 is still line 5.
            XCTAssertEqual(problems.map(\.line), [2, 5])
            XCTAssertEqual(problems.map(\.column), ["名称", "电话"])
            XCTAssertTrue(problems[0].message.en.contains("line break"), problems[0].message.en)
        }
    }

    func testMissingColumnsAreReportedOnTheHeaderLine() throws {
        let csv = "姓名,单位,党员编号\n张三,公交集团党委,A1\n"
        XCTAssertThrowsError(try database.importRoster(.members, csv: Data(csv.utf8), by: actor)) { error in
            guard case RosterImportError.problems(let problems) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(problems.map(\.line), [1])
            XCTAssertTrue(problems[0].message.zh.contains("手机"), problems[0].message.zh)
        }
    }

    func testDuplicateOrganisationsInFileAndOnRosterAreRefused() throws {
        let csv = "名称,级别,联系人,电话\n区税务局党委,区级,朱晓燕,15930712093\n区税务局党委,区级,朱晓燕,15930712093\n公交集团党委,市级,刘建国,13903170121\n"
        XCTAssertThrowsError(try database.importRoster(.organisations, csv: Data(csv.utf8), by: actor)) { error in
            guard case RosterImportError.problems(let problems) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(problems.map { "\($0.line):\($0.column ?? "-")" }, ["3:名称", "4:名称"])
        }
        XCTAssertEqual(try database.rosterCounts().organisations, 2)
    }

    func testExcelScientificNotationPhoneGetsAPlainHint() throws {
        let csv = Self.header + "张三,1.38E+10,公交集团党委,市直,A1,2024-03-01\n"
        XCTAssertThrowsError(try database.importRoster(.members, csv: Data(csv.utf8), by: actor)) { error in
            guard case RosterImportError.problems(let problems) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(problems.first?.message.zh.contains("文本") == true)
        }
    }

    func testDryRunWritesNothingAndHeaderOnlyIsRefused() throws {
        let csv = Self.header + "张三,13800000001,公交集团党委,市直,A1,2024-03-01\n"
        let summary = try database.importRoster(.members, csv: Data(csv.utf8), by: actor, dryRun: true)
        XCTAssertEqual(summary.rows, 1)
        XCTAssertEqual(try database.rosterCounts().members, 0)
        XCTAssertThrowsError(try database.importRoster(.members, csv: Data(Self.header.utf8), by: actor)) { error in
            XCTAssertEqual(error as? RosterImportError, .noRows)
        }
        XCTAssertThrowsError(try database.importRoster(.members, csv: Data("\"张三,1380".utf8), by: actor)) { error in
            XCTAssertEqual(error as? RosterImportError, .unclosedQuote(line: 1))
        }
    }

    func testTheKioskRoleMayNotImport() throws {
        let kiosk = Actor(operatorId: 1, name: "窗口", role: .kiosk)
        XCTAssertThrowsError(try database.importRoster(.members, csv: Data((Self.header + "张三,13800000001,公交集团党委,市直,A1,2024-03-01\n").utf8), by: kiosk))
        XCTAssertEqual(try database.rosterCounts().members, 0)
    }

    func testFixtureFileImports() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/members-wps.csv")
        let summary = try database.importRoster(.members, csv: try Data(contentsOf: url), by: actor, today: F.today)
        XCTAssertEqual(summary.rows, 3)
        XCTAssertEqual(summary.blankLinesSkipped, 1)
        // "姓名*" and "手机号" headers understood, "王 志强" padded for alignment stored as 王志强, dates normalised
        let row = try XCTUnwrap(try database.members(RosterFilter(text: "FY102"), .first(1)).first)
        XCTAssertEqual(row.name, "王志强")
        XCTAssertEqual(row.reportedOn, "2024-03-03")
        XCTAssertEqual(row.level, .district)
        XCTAssertEqual(try database.members(RosterFilter(text: "GJ101"), .first(1)).first?.reportedOn, "2024-03-01")
    }

    func testExcelUnicodeTextIsUTF16TabSeparatedAndAccepted() throws {
        let text = "名称\t级别\t联系人\t电话\r\n区税务局党委\t区级\t朱晓燕\t15930712093\r\n"
        let bytes = try iconv(text, to: "UTF-16") // iconv writes a byte-order mark, as Excel does
        let summary = try database.importRoster(.organisations, csv: bytes, by: actor, today: F.today)
        XCTAssertEqual(summary.encoding, .utf16)
        XCTAssertEqual(try database.organisation(named: "区税务局党委")?.contact, "朱晓燕")
    }

    func testHeaderNotesInBracketsAndLatinNamesAreHandled() throws {
        let csv = "姓名,手机号码（11位）,单位,党员编号\nMaria Li,13800000009,公交集团党委,GJ009\n王　芳,13800000010,公交集团党委,GJ010\n"
        try database.importRoster(.members, csv: Data(csv.utf8), by: actor, today: F.today)
        XCTAssertEqual(try database.members(RosterFilter(text: "GJ009"), .first(1)).first?.name, "Maria Li")
        XCTAssertEqual(try database.members(RosterFilter(text: "GJ010"), .first(1)).first?.name, "王芳")
    }

    func testATitleRowAboveTheHeaderIsSkippedAndLinesStillCount() throws {
        // Given a sheet with a merged title row on line 1 and the header on line 2, as many rosters have
        let csv = "朝东社区在职党员名册,,,\n姓名,手机,单位,党员编号\n张三,13800000001,公交集团党委,GJ1\n李四,1380000000,公交集团党委,GJ2\n"
        XCTAssertEqual(RosterImportKind.detect(csv: Data(csv.utf8)), .members)
        // Then the real header is found, and the bad phone is reported on its true line, 4
        XCTAssertThrowsError(try database.importRoster(.members, csv: Data(csv.utf8), by: actor)) { error in
            guard case RosterImportError.problems(let problems) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(problems.map { "\($0.line):\($0.column ?? "-")" }, ["4:手机"])
        }
        let fixed = csv.replacingOccurrences(of: "1380000000,", with: "13800000002,")
        XCTAssertEqual(try database.importRoster(.members, csv: Data(fixed.utf8), by: actor).rows, 2)
    }

    func testFullWidthDigitsAndCountryCodeInPhonesAreAccepted() throws {
        let csv = "姓名,手机,单位,党员编号\n张三,１３８００００００１１,公交集团党委,GJ11\n李四,+86 138-0000-0012,公交集团党委,GJ12\n"
        try database.importRoster(.members, csv: Data(csv.utf8), by: actor, today: F.today)
        XCTAssertEqual(try database.members(RosterFilter(text: "GJ11"), .first(1)).first?.phone, "13800000011")
        XCTAssertEqual(try database.members(RosterFilter(text: "GJ12"), .first(1)).first?.phone, "13800000012")
    }

    func testAnAbbreviatedOrganisationNameGetsASuggestion() throws {
        let csv = "姓名,手机,单位,党员编号\n张三,13800000001,公交集团,GJ1\n"
        XCTAssertThrowsError(try database.importRoster(.members, csv: Data(csv.utf8), by: actor)) { error in
            guard case RosterImportError.problems(let problems) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(problems.first?.message.zh.contains("是不是“公交集团党委”") == true, "\(problems)")
        }
    }

    func testTheKindIsGuessedFromTheHeader() {
        XCTAssertEqual(RosterImportKind.detect(csv: Data((Self.header + "张三,13800000001,公交集团党委,市直,A1,2024-03-01\n").utf8)), .members)
        XCTAssertEqual(RosterImportKind.detect(csv: Data("名称,级别,联系人,电话\n".utf8)), .organisations)
        XCTAssertNil(RosterImportKind.detect(csv: Data("a,b\n1,2\n".utf8)))
    }

    /// Re-encodes text with the system's iconv, as a file saved by Excel or WPS would be.
    func iconv(_ text: String, to encoding: String) throws -> Data {
        let folder = try F.temporaryFolder()
        let input = folder.appendingPathComponent("in.csv")
        try Data(text.utf8).write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", encoding, input.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        return data
    }
}
