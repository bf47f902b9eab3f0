import Foundation

/// A Word document (.docx) of letters for printing a batch: A4, one letter per page, Chinese set in
/// 仿宋 (body) and 宋体 (titles) through `w:rFonts w:eastAsia`, so Word and WPS pick a Chinese font
/// instead of substituting a Latin one. Hand-written WordprocessingML, zipped with ZIPFoundation.
public enum LetterDocx {
    public static let bodyFont = "仿宋"
    public static let titleFont = "宋体"

    /// Writes the letters to `url` (replacing a file already there).
    /// - Throws: a file-system or archive error when the folder cannot be written.
    public static func write(_ letters: [Letter], to url: URL) throws {
        try write(document: document(letters.map(\.body)), to: url)
    }

    /// One document in the letters' layout (title centred, salutation, body, signature and date on the right):
    /// the street's monthly report uses it.
    public static func write(lines: [String], to url: URL) throws {
        try write(document: document([lines.joined(separator: "\n")]), to: url)
    }

    private static func write(document xml: String, to url: URL) throws {
        try DocxWriter.writePackage([
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", rootRels),
            ("word/_rels/document.xml.rels", documentRels),
            ("word/styles.xml", styles),
            ("word/document.xml", xml),
        ], to: url)
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }

    /// Body paragraphs of a letter: the title (first line) centred, the salutation flush left, the closing
    /// two lines (signature and date) flush right, everything else indented two characters.
    static func paragraphs(_ body: String) -> String {
        let lines = body.split(separator: "\n", omittingEmptySubsequences: true).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var xml = ""
        for (i, line) in lines.enumerated() {
            let text = escape(line)
            if i == 0 {
                xml += "<w:p><w:pPr><w:pStyle w:val=\"LetterTitle\"/></w:pPr><w:r><w:t>\(text)</w:t></w:r></w:p>"
            } else if i == 1 && (line.hasSuffix("：") || line.hasSuffix(":")) {
                xml += "<w:p><w:pPr><w:spacing w:before=\"240\"/></w:pPr><w:r><w:t>\(text)</w:t></w:r></w:p>"
            } else if i >= lines.count - 2 && lines.count > 3 {
                let gap = i == lines.count - 2 ? "<w:spacing w:before=\"480\"/>" : ""
                xml += "<w:p><w:pPr>\(gap)<w:jc w:val=\"right\"/></w:pPr><w:r><w:t>\(text)</w:t></w:r></w:p>"
            } else {
                xml += "<w:p><w:pPr><w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/></w:pPr><w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>"
            }
        }
        return xml
    }

    static func document(_ letters: [Letter]) -> String { document(letters.map(\.body)) }

    static func document(_ bodies: [String]) -> String {
        var body = ""
        for (i, text) in bodies.enumerated() {
            if i > 0 { body += "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>" }
            body += paragraphs(text)
        }
        // A4 (210 × 297 mm in twentieths of a point) with the margins of a Chinese official letter.
        return """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>\(body)\
        <w:sectPr><w:pgSz w:w="11906" w:h="16838"/>\
        <w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/>\
        </w:sectPr></w:body></w:document>
        """
    }

    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
        <w:docDefaults><w:rPrDefault><w:rPr>\
        <w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="\(bodyFont)" w:cs="Times New Roman"/>\
        <w:sz w:val="32"/><w:szCs w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/>\
        </w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:line="560" w:lineRule="exact"/><w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>\
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:rPr>\
        <w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="\(bodyFont)"/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="LetterTitle"><w:name w:val="Letter Title"/><w:basedOn w:val="Normal"/>\
        <w:pPr><w:spacing w:before="240" w:after="480" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/></w:pPr>\
        <w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="\(titleFont)"/><w:b/><w:sz w:val="44"/><w:szCs w:val="44"/></w:rPr></w:style>\
        </w:styles>
        """

    static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
        </Types>
        """

    static let rootRels = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
        </Relationships>
        """

    static let documentRels = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
        </Relationships>
        """
}
