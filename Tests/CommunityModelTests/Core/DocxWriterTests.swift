import CommunityTestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
@testable import CommunityModel

/// The shared .docx writer: an A4 WordprocessingML package with a Chinese East Asian font, whose text is escaped.
final class DocxWriterTests: XCTestCase {
    func testThePackageHoldsItsPartsWithA4AndTheEastAsianFont() throws {
        var doc = DocxDocument(title: "朝东社区自评表")
        doc.heading("朝东社区自评表", level: 1)
        doc.paragraph("总分 <95> & 五星", bold: true)
        doc.table([["指标", "分值"], ["班子配备齐全", "4"]], widths: [4, 1])
        doc.pageBreak()
        let parts = Dictionary(uniqueKeysWithValues: DocxWriter.parts(doc))
        XCTAssertEqual(Set(parts.keys), ["[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/styles.xml", "word/document.xml", "docProps/core.xml"])
        let body = try XCTUnwrap(parts["word/document.xml"])
        XCTAssertTrue(body.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"), "A4")
        XCTAssertTrue(body.contains("总分 &lt;95&gt; &amp; 五星"))
        XCTAssertTrue(body.contains("<w:tblHeader/>"))
        XCTAssertTrue(body.contains("<w:br w:type=\"page\"/>"))
        XCTAssertTrue(try XCTUnwrap(parts["word/styles.xml"]).contains("w:eastAsia=\"SimSun\""))
        for (_, xml) in parts { XCTAssertNoThrow(try XMLDocument(xmlString: xml), xml.prefix(80).description) }

        let directory = try TestStore.scratchDirectory("docx")
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("自评表.docx")
        try DocxWriter.write(doc, to: url)
        let data = try Data(contentsOf: url)
        XCTAssertEqual(Array(data.prefix(2)), [0x50, 0x4B], "a ZIP package")
        XCTAssertNotNil(data.range(of: Data("word/document.xml".utf8)))
    }
}
