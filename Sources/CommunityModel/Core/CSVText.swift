import CSV
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The text encoding a CSV file turned out to be in.
public enum SourceEncoding: String, Sendable, Equatable {
    case utf8 = "UTF-8"
    case utf8WithBOM = "UTF-8 (BOM)"
    case utf16 = "UTF-16"
    /// What Excel and WPS in China write by default ("CSV (逗号分隔)"); GB18030 is a superset of GBK and GB2312.
    case gb18030 = "GB18030/GBK"
}

/// A CSV file as text: decoded from whatever Excel or WPS wrote, split into records that remember their line.
struct CSVText {
    struct Record {
        /// The line in the file where the record starts (the header is line 1).
        var line: Int
        var fields: [String]
        var isBlank: Bool { fields.allSatisfy { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty } }
    }

    var encoding: SourceEncoding
    var header: [String]
    var records: [Record]

    /// Decodes and parses a whole file.
    /// - Throws: `RosterImportError.undecodable`, `.empty`, `.unclosedQuote`.
    static func parse(_ data: Data) throws -> CSVText {
        let (text, encoding) = try decode(data)
        return try parse(text, encoding: encoding)
    }

    /// UTF-8 with or without BOM, UTF-16 with BOM, else GB18030 (a superset of GBK) — in that order, because
    /// GB18030 bytes are almost never valid UTF-8 while the reverse check would accept anything.
    static func decode(_ data: Data) throws -> (String, SourceEncoding) {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let text = String(validating: bytes.dropFirst(3), as: UTF8.self) else {
                throw RosterImportError.undecodable(byteOffset: firstInvalidUTF8(bytes))
            }
            return (text, .utf8WithBOM)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            guard let text = String(data: data, encoding: .utf16) else { throw RosterImportError.undecodable(byteOffset: 0) }
            return (text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text, .utf16)
        }
        if let text = String(validating: bytes, as: UTF8.self) { return (text, .utf8) }
        switch iconvDecode(bytes, from: "GB18030") {
        case .success(let text): return (text, .gb18030)
        case .failure(let offset): throw RosterImportError.undecodable(byteOffset: offset.value)
        }
    }

    struct DecodeFailure: Error { var value: Int }

    /// Converts with the C library's iconv: Foundation on Linux does not reliably know GB18030.
    static func iconvDecode(_ bytes: [UInt8], from encoding: String) -> Result<String, DecodeFailure> {
        let cd = iconv_open("UTF-8", encoding)
        guard let cd, cd != iconv_t(bitPattern: -1) else { return .failure(DecodeFailure(value: 0)) }
        defer { iconv_close(cd) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 2 + 16)
        var produced = 0
        var consumed = 0
        while consumed < input.count {
            let result: Int = input.withUnsafeMutableBufferPointer { inBuf in
                output.withUnsafeMutableBufferPointer { outBuf in
                    var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress.map { $0 + consumed }
                    var inLeft = inBuf.count - consumed
                    var outPtr: UnsafeMutablePointer<CChar>? = outBuf.baseAddress.map { $0 + produced }
                    var outLeft = outBuf.count - produced
                    let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                    consumed = inBuf.count - inLeft
                    produced = outBuf.count - outLeft
                    return r == -1 ? Int(errno) : 0
                }
            }
            if result == 0 { break }
            if result == Int(E2BIG) {
                output += [CChar](repeating: 0, count: output.count)
                continue
            }
            // EILSEQ (a byte that is not GB18030) or EINVAL (the file ends inside a character).
            return .failure(DecodeFailure(value: consumed))
        }
        let utf8 = output[0..<produced].map { UInt8(bitPattern: $0) }
        guard let text = String(validating: utf8, as: UTF8.self) else { return .failure(DecodeFailure(value: 0)) }
        return .success(text)
    }

    /// The byte offset of the first malformed UTF-8 sequence, for the error message.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var iterator = bytes.dropFirst(3).makeIterator()
        var decoder = UTF8()
        var offset = 3
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput, .error: return offset
            }
        }
    }

    static func parse(_ text: String, encoding: SourceEncoding) throws -> CSVText {
        if let line = unclosedQuoteLine(text) { throw RosterImportError.unclosedQuote(line: line) }
        // Excel's "Unicode text" is tab-separated; accept it when the header has tabs and no commas.
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r" }
        let delimiter: UnicodeScalar = !firstLine.contains(",") && firstLine.contains("\t") ? "\t" : ","
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true, trimFields: false, delimiter: delimiter)
        } catch {
            throw RosterImportError.empty
        }
        guard let header = reader.headerRow else { throw RosterImportError.empty }
        var line = 2 + newlines(in: header)
        var records: [Record] = []
        while let fields = reader.next() {
            records.append(Record(line: line, fields: fields))
            line += 1 + newlines(in: fields)
        }
        let blankHeader = header.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty }
        if blankHeader && records.allSatisfy(\.isBlank) { throw RosterImportError.empty }
        return CSVText(encoding: encoding, header: header, records: records)
    }

    /// The line the header is on: 1 unless a title row or blank lines sit above it.
    var headerLine = 1

    /// Makes a record the header, dropping the lines above it (a sheet title such as "朝东社区在职党员名册").
    mutating func promoteHeader(toRecordAt index: Int) {
        headerLine = records[index].line
        header = records[index].fields
        records.removeFirst(index + 1)
    }

    /// Where the real header is: line 1, or the first of the next few lines whose names `fits` accepts
    /// when line 1 names nothing `recognises` (a title row or blank lines above the table, as in many sheets).
    mutating func locateHeader(recognises: ([String]) -> Bool, fits: ([String]) -> Bool) {
        guard !recognises(header) else { return }
        if let index = records.prefix(5).firstIndex(where: { fits($0.fields) }) { promoteHeader(toRecordAt: index) }
    }

    /// Line breaks inside quoted fields: they move every later record down a line.
    static func newlines(in fields: [String]) -> Int {
        fields.reduce(0) { total, field in
            var n = 0, previousCR = false
            for scalar in field.unicodeScalars {
                if scalar == "\n" { if !previousCR { n += 1 } } else if scalar == "\r" { n += 1 }
                previousCR = scalar == "\r"
            }
            return total + n
        }
    }

    /// The line of a quote that is never closed (the parser would silently swallow the rest of the file).
    static func unclosedQuoteLine(_ text: String) -> Int? {
        var inQuote = false, line = 1, openedOn = 1, previousCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"":
                inQuote.toggle()
                if inQuote { openedOn = line }
            case "\n": if !previousCR { line += 1 }
            case "\r": line += 1
            default: break
            }
            previousCR = scalar == "\r"
        }
        return inQuote ? openedOn : nil
    }
}
