import Foundation
import ZIPFoundation

/// Writes a `DocxDocument` as a .docx package: [Content_Types].xml, the package relationships, the document,
/// its styles and core properties, zipped by ZIPFoundation. Page: A4 portrait, 2.5 cm margins.
public enum DocxWriter {
    /// A4 in twentieths of a point, and the text width between the margins.
    static let pageWidth = 11906, pageHeight = 16838, margin = 1418
    static var textWidth: Int { pageWidth - 2 * margin }

    /// Writes the package to `url` (replacing it), readable by its owner only.
    /// - Throws: the file system's or the archive's error.
    public static func write(_ document: DocxDocument, to url: URL) throws {
        try writePackage(parts(document), to: url)
    }

    /// Zips WordprocessingML parts (path, XML) into a .docx at `url`, replacing it, readable by its owner only.
    /// Every .docx the program writes (self-assessments, letters, the monthly report) goes through here.
    static func writePackage(_ parts: [(String, String)], to url: URL) throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: url.path) { try fm.removeItem(at: url) }
        let archive = try Archive(url: url, accessMode: .create)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        try? fm.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path)
    }

    /// The package's parts by path, in the order Word expects to find them.
    static func parts(_ d: DocxDocument) -> [(String, String)] {
        [("[Content_Types].xml", contentTypes), ("_rels/.rels", rootRels), ("word/_rels/document.xml.rels", documentRels),
         ("word/styles.xml", styles(d)), ("word/document.xml", documentXML(d)), ("docProps/core.xml", core(d))]
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            // XML 1.0 has no place for other control characters.
            case "\t", "\n", "\r": out += " "
            default: if c.value >= 0x20 { out.unicodeScalars.append(c) }
            }
        }
        return out
    }

    static func run(_ text: String, bold: Bool = false, size: Int? = nil) -> String {
        var props = ""
        if bold { props += "<w:b/><w:bCs/>" }
        if let size { props += "<w:sz w:val=\"\(size * 2)\"/><w:szCs w:val=\"\(size * 2)\"/>" }
        let rpr = props.isEmpty ? "" : "<w:rPr>\(props)</w:rPr>"
        return "<w:r>\(rpr)<w:t xml:space=\"preserve\">\(escape(text))</w:t></w:r>"
    }

    static func paragraph(_ text: String, bold: Bool = false, alignment: DocxDocument.Alignment = .left, style: String? = nil) -> String {
        var ppr = ""
        if let style { ppr += "<w:pStyle w:val=\"\(style)\"/>" }
        if alignment != .left { ppr += "<w:jc w:val=\"\(alignment == .center ? "center" : "right")\"/>" }
        return "<w:p>" + (ppr.isEmpty ? "" : "<w:pPr>\(ppr)</w:pPr>") + run(text, bold: bold) + "</w:p>"
    }

    static func table(_ rows: [[String]], header: Bool, widths: [Int]?) -> String {
        let columns = rows.map(\.count).max() ?? 0
        guard columns > 0 else { return "" }
        let given = widths.flatMap { $0.count == columns ? $0 : nil } ?? Array(repeating: 1, count: columns)
        let weights = given.map { max(1, $0) }
        let sum = weights.reduce(0, +)
        let twips = weights.map { textWidth * $0 / sum }
        var xml = "<w:tbl><w:tblPr><w:tblW w:w=\"\(textWidth)\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/><w:tblBorders>"
        for edge in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            xml += "<w:\(edge) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
        }
        xml += "</w:tblBorders><w:tblCellMar><w:left w:w=\"80\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>"
        xml += twips.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        for (r, row) in rows.enumerated() {
            let isHeader = header && r == 0
            xml += "<w:tr>" + (isHeader ? "<w:trPr><w:tblHeader/></w:trPr>" : "")
            for c in 0..<columns {
                let text = c < row.count ? row[c] : ""
                xml += "<w:tc><w:tcPr><w:tcW w:w=\"\(twips[c])\" w:type=\"dxa\"/></w:tcPr>" + paragraph(text, bold: isHeader) + "</w:tc>"
            }
            xml += "</w:tr>"
        }
        return xml + "</w:tbl>"
    }

    static func documentXML(_ d: DocxDocument) -> String {
        var body = ""
        for block in d.blocks {
            switch block {
            case .heading(let text, let level): body += paragraph(text, style: level <= 1 ? "Title" : "Heading\(min(level, 3) - 1)")
            case .paragraph(let text, let bold, let alignment): body += paragraph(text, bold: bold, alignment: alignment)
            // An empty paragraph after a table keeps two tables from merging.
            case .table(let rows, let header, let widths): body += table(rows, header: header, widths: widths) + "<w:p/>"
            case .pageBreak: body += "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>"
            }
        }
        return """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
        <w:body>\(body)<w:sectPr><w:pgSz w:w="\(pageWidth)" w:h="\(pageHeight)"/>\
        <w:pgMar w:top="\(margin)" w:right="\(margin)" w:bottom="\(margin)" w:left="\(margin)" w:header="851" w:footer="992" w:gutter="0"/>\
        </w:sectPr></w:body></w:document>
        """
    }

    static func styles(_ d: DocxDocument) -> String {
        let fonts = "<w:rFonts w:ascii=\"\(escape(d.latinFont))\" w:hAnsi=\"\(escape(d.latinFont))\" w:eastAsia=\"\(escape(d.eastAsianFont))\" w:cs=\"\(escape(d.latinFont))\"/>"
        func style(_ id: String, _ name: String, size: Int, bold: Bool, center: Bool = false, spaceBefore: Int = 0) -> String {
            "<w:style w:type=\"paragraph\" w:styleId=\"\(id)\"><w:name w:val=\"\(name)\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>"
                + "<w:pPr><w:keepNext/><w:spacing w:before=\"\(spaceBefore)\" w:after=\"120\"/>" + (center ? "<w:jc w:val=\"center\"/>" : "") + "</w:pPr>"
                + "<w:rPr>" + (bold ? "<w:b/><w:bCs/>" : "") + "<w:sz w:val=\"\(size * 2)\"/><w:szCs w:val=\"\(size * 2)\"/></w:rPr></w:style>"
        }
        return """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
        <w:docDefaults><w:rPrDefault><w:rPr>\(fonts)<w:sz w:val="\(d.fontSize * 2)"/><w:szCs w:val="\(d.fontSize * 2)"/>\
        <w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>\
        <w:pPrDefault><w:pPr><w:spacing w:after="60" w:line="300" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>\
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>\
        \(style("Title", "Title", size: 18, bold: true, center: true))\
        \(style("Heading1", "heading 1", size: 14, bold: true, spaceBefore: 240))\
        \(style("Heading2", "heading 2", size: 12, bold: true, spaceBefore: 120))\
        </w:styles>
        """
    }

    static func core(_ d: DocxDocument) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
        xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>\(escape(d.title))</dc:title></cp:coreProperties>
        """
    }

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
        <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
        </Types>
        """

    static let rootRels = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
        </Relationships>
        """

    static let documentRels = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
        </Relationships>
        """
}
