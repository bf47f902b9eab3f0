import CommunityTestSupport
import Foundation
import XCTest
import ZIPFoundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import CommunityModel

/// Printable letters: one UTF-8 text per letter and a valid .docx with the East Asian font (issue 9 item 5).
final class LetterExportTests: XCTestCase {
    func generated() throws -> (RankingsFixture, RankingPeriod) {
        let f = try RankingsFixture()
        for (i, name) in ["张建华", "李娜", "王芳"].enumerated() {
            let h = try f.member(name, "CD00\(i)")
            try f.serve(h, points: 10 * (3 - i), on: "2026-11-1\(i)")
        }
        let p = RankingPeriod(year: 2026, month: 11)!
        try f.db.generateLetters(p, templates: f.templates, today: "2026-12-01", by: f.actor,
                                 settings: RankingSettings(members: .init(thanks: 1, reminders: 1), organisations: .init(thanks: 1, reminders: 1)))
        return (f, p)
    }

    func testTextFilesOneEachUTF8AndPrivate() throws {
        let (f, p) = try generated()
        defer { f.remove() }
        let dir = f.store.directory.appendingPathComponent("out")
        let files = try LetterExport.export(f.db, period: p, to: dir, format: .txt)
        XCTAssertEqual(files.map(\.lastPathComponent).sorted(), ["2026-11_感谢信_01_张建华_CD000.txt", "2026-11_提醒函_03_王芳_CD002.txt"])
        for url in files {
            let text = try String(contentsOf: url, encoding: .utf8)
            XCTAssertTrue(text.contains("2026年11月"))
            let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
            XCTAssertEqual(mode, 0o600)
        }
    }

    func testDocxIsAValidArchiveWithA4OnePagePerLetterAndTheEastAsianFont() throws {
        let (f, p) = try generated()
        defer { f.remove() }
        let dir = f.store.directory.appendingPathComponent("docx")
        let url = try XCTUnwrap(try LetterExport.export(f.db, period: p, to: dir, format: .docx).first)
        let archive = try Archive(url: url, accessMode: .read)
        func part(_ path: String) throws -> String {
            let entry = try XCTUnwrap(archive[path], "missing \(path)")
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            return String(decoding: data, as: UTF8.self)
        }
        let document = try part("word/document.xml"), styles = try part("word/styles.xml")
        XCTAssertTrue(try part("[Content_Types].xml").contains("wordprocessingml.document.main+xml"))
        XCTAssertTrue(try part("_rels/.rels").contains("word/document.xml"))
        XCTAssertTrue(styles.contains("w:eastAsia=\"仿宋\""), "body font for Chinese")
        XCTAssertTrue(styles.contains("w:eastAsia=\"宋体\""), "title font for Chinese")
        XCTAssertTrue(document.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"), "A4")
        XCTAssertEqual(document.components(separatedBy: "w:type=\"page\"").count - 1, 1, "two letters, one page break")
        XCTAssertTrue(document.contains("张建华") && document.contains("王芳"))
        for xml in [document, styles] {
            XCTAssertNoThrow(try XMLDocument(xmlString: xml), "well-formed XML")
        }
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int, 0o600)
    }

    func testNothingToExportSaysGenerateFirst() throws {
        let f = try RankingsFixture()
        defer { f.remove() }
        XCTAssertThrowsError(try LetterExport.export(f.db, period: RankingPeriod(year: 2026, month: 10)!, to: f.store.directory, format: .txt)) {
            XCTAssertEqual($0 as? RankingsError, .nothingToExport("2026年10月"))
        }
    }

    func testRankingCSVHasABOMAndChineseHeader() throws {
        let (f, p) = try generated()
        defer { f.remove() }
        let data = RankingExport.csv(try f.db.ranking(p))
        XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF])
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("名次,姓名,党员编号,所属单位,积分,服务次数,名次变化,信函"))
        XCTAssertTrue(text.contains("1,张建华,CD000,,30,1,–,感谢信"))
    }
}
