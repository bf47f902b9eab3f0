import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where an import reads its bytes from: a file (streamed in blocks, so a 50 MB file never sits in memory
/// whole) or bytes already in memory (the screen's import, tests).
public enum CSVSource: Sendable {
    case file(URL)
    case data(Data)

    /// The size in bytes, for a progress bar.
    var byteCount: Int64 {
        switch self {
        case .data(let data): return Int64(data.count)
        case .file(let url): return ((try? FileManager.default.attributesOfItem(atPath: url.path)[.size]) as? NSNumber)?.int64Value ?? 0
        }
    }
}

/// Reads a CSV file record by record in constant memory, remembering the line every record starts on.
///
/// Why not CSV.swift: it needs the whole file as one `String` (the 50 MB file took 421 MB), it drops what
/// follows a NUL, and a bad UTF-8 byte fails the whole file without saying where. Here every field is
/// decoded on its own: a bad byte becomes a problem at its line and column and the reading goes on, so
/// every problem in the file is listed in one pass.
struct CSVStream {
    struct Record {
        /// The line in the file where the record starts (the header is line 1).
        var line: Int
        var fields: [String]
        /// Bytes that are not valid in the file's encoding: (0-based field index, 1-based character, line).
        var badBytes: [(field: Int, character: Int, line: Int)] = []
        var isBlank: Bool { fields.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
    }

    let encoding: SourceEncoding
    private var reader: ChunkReader
    private var chunk: [UInt8] = []
    private var index = 0
    private var line = 1
    private var delimiter: UInt8 = UInt8(ascii: ",")
    /// Bytes handed to the parser so far (of the UTF-8 text), for progress.
    var bytesRead: Int64 { reader.consumed }
    let totalBytes: Int64

    /// Opens `source`, works out its encoding and delimiter from the first block.
    /// - Throws: `RosterImportError.undecodable` when a GB18030 file holds a byte that is not GB18030;
    ///   `.empty` when there is nothing at all.
    init(_ source: CSVSource) throws {
        totalBytes = source.byteCount
        var raw = try RawReader(source)
        let head = try raw.read(256 * 1024)
        if head.isEmpty { throw RosterImportError.empty }
        var start = 0
        if head.starts(with: [0xEF, 0xBB, 0xBF]) {
            encoding = .utf8WithBOM
            start = 3
        } else if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            encoding = .utf16
        } else if Self.looksLikeUTF8(head) {
            encoding = .utf8
        } else {
            encoding = .gb18030
        }
        switch encoding {
        case .utf16:
            // Excel's "Unicode text" is small and rare: converted whole, then read like UTF-8.
            let all = head + (try raw.readAll())
            guard let text = String(data: Data(all), encoding: .utf16) else { throw RosterImportError.undecodable(line: 1, byteOffset: 0) }
            let utf8 = Array((text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text).utf8)
            reader = ChunkReader(raw: raw, pending: utf8, transcoder: nil)
        case .gb18030:
            reader = ChunkReader(raw: raw, pending: [], transcoder: try GB18030Transcoder(), rawPending: head)
        default:
            reader = ChunkReader(raw: raw, pending: Array(head[start...]), transcoder: nil)
        }
        chunk = try reader.next()
        // Excel's "Unicode text" is tab-separated; accept it when the header has tabs and no commas.
        let firstLine = chunk.prefix { $0 != 0x0A && $0 != 0x0D }
        if !firstLine.contains(UInt8(ascii: ",")) && firstLine.contains(0x09) { delimiter = 0x09 }
    }

    /// UTF-8 unless bad sequences are common: a UTF-8 file with one damaged byte is still UTF-8 (the byte
    /// is then reported where it is), while GB18030 text is almost never valid UTF-8 for long.
    static func looksLikeUTF8(_ bytes: [UInt8]) -> Bool {
        var valid = 0, invalid = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): if s.value > 0x7F { valid += 1 }
            case .error: invalid += 1
            case .emptyInput: break loop
            }
        }
        // A block may end inside a character: one error at the very end does not count.
        if invalid == 1 && valid > 0 { return true }
        return invalid == 0 || invalid * 20 < valid
    }

    private mutating func nextByte() throws -> UInt8? {
        if index >= chunk.count {
            chunk = try reader.next()
            index = 0
            if chunk.isEmpty { return nil }
        }
        defer { index += 1 }
        return chunk[index]
    }

    private mutating func peekByte() throws -> UInt8? {
        if index >= chunk.count {
            chunk = try reader.next()
            index = 0
            if chunk.isEmpty { return nil }
        }
        return chunk[index]
    }

    /// The next record, or nil at the end of the file.
    /// - Throws: `RosterImportError.unclosedQuote` for a quote never closed (the rest would be swallowed).
    mutating func next() throws -> Record? {
        guard try peekByte() != nil else { return nil }
        var record = Record(line: line, fields: [])
        var field: [UInt8] = []
        var fieldLine = line
        var inQuotes = false, quoteOpenedOn = line, fieldStarted = false
        func endField(_ record: inout Record) {
            if let text = String(validating: field, as: UTF8.self) {
                record.fields.append(text)
            } else {
                for (character, lineOffset) in Self.badPositions(field) {
                    record.badBytes.append((record.fields.count, character, fieldLine + lineOffset))
                }
                record.fields.append(String(decoding: field, as: UTF8.self))
            }
            field.removeAll(keepingCapacity: true)
            fieldStarted = false
            fieldLine = line
        }
        while true {
            // The chunk is read in place (not through nextByte): this loop runs once per byte of the file.
            if index >= chunk.count {
                chunk = try reader.next()
                index = 0
                if chunk.isEmpty { break }
            }
            let byte = chunk[index]
            index += 1
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if try peekByte() == UInt8(ascii: "\"") { _ = try nextByte(); field.append(byte) } else { inQuotes = false }
                } else {
                    if try byte == 0x0A || (byte == 0x0D && peekByte() != 0x0A) { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\"") where !fieldStarted:
                inQuotes = true
                fieldStarted = true
                quoteOpenedOn = line
            case delimiter:
                endField(&record)
            case 0x0D, 0x0A:
                if byte == 0x0D, try peekByte() == 0x0A { _ = try nextByte() }
                line += 1
                endField(&record)
                return record
            default:
                fieldStarted = true
                field.append(byte)
            }
        }
        if inQuotes { throw RosterImportError.unclosedQuote(line: quoteOpenedOn) }
        endField(&record)
        return record
    }

    /// Where the bad sequences are in a field: (1-based character, lines below the field's first line).
    static func badPositions(_ bytes: [UInt8]) -> [(Int, Int)] {
        var out: [(Int, Int)] = []
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var character = 0, lines = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s):
                character += 1
                if s == "\n" { lines += 1; character = 0 }
            case .error:
                character += 1
                out.append((character, lines))
            case .emptyInput: return out
            }
        }
    }
}
