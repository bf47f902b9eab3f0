import Foundation

/// The text encoding a CSV file turned out to be in (`CSVStream` works it out from the first block).
public enum SourceEncoding: String, Sendable, Equatable {
    case utf8 = "UTF-8"
    case utf8WithBOM = "UTF-8 (BOM)"
    case utf16 = "UTF-16"
    /// What Excel and WPS in China write by default ("CSV (逗号分隔)"); GB18030 is a superset of GBK and GB2312.
    case gb18030 = "GB18030/GBK"
}
