import Foundation

/// A printable Word document built from a few kinds of block — headings, paragraphs, tables, page breaks —
/// and written as hand-made WordprocessingML (A4, a Chinese font for East Asian text) by `DocxWriter`.
/// Kept small and general so every printable file (self-assessments, letters, reports) shares one writer.
public struct DocxDocument: Sendable, Equatable {
    public enum Alignment: String, Sendable, Equatable { case left, center, right }

    public enum Block: Sendable, Equatable {
        /// Level 1 is the title; 2 a section heading.
        case heading(String, level: Int)
        case paragraph(String, bold: Bool, alignment: Alignment)
        /// Rows of cells; the first row is bold and repeated on each page when `header` is true.
        /// `widths` are relative column widths (e.g. [5, 1, 1, 6]); nil shares the width equally.
        case table(rows: [[String]], header: Bool, widths: [Int]?)
        case pageBreak
    }

    public var title: String
    public var blocks: [Block] = []
    /// The font for Chinese text (w:eastAsia) and for Latin text.
    public var eastAsianFont = "SimSun"
    public var latinFont = "Times New Roman"
    /// Body text size in points.
    public var fontSize = 12

    public init(title: String) {
        self.title = title
    }

    public mutating func heading(_ text: String, level: Int = 2) { blocks.append(.heading(text, level: level)) }
    public mutating func paragraph(_ text: String, bold: Bool = false, alignment: Alignment = .left) {
        blocks.append(.paragraph(text, bold: bold, alignment: alignment))
    }
    public mutating func table(_ rows: [[String]], header: Bool = true, widths: [Int]? = nil) {
        blocks.append(.table(rows: rows, header: header, widths: widths))
    }
    public mutating func pageBreak() { blocks.append(.pageBreak) }
}
