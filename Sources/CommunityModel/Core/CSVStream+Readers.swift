import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads raw bytes in blocks from a file or from memory.
struct RawReader {
    private var handle: FileHandle?
    private var data: Data?
    private var offset = 0

    init(_ source: CSVSource) throws {
        switch source {
        case .data(let d): data = d
        case .file(let url):
            guard let h = FileHandle(forReadingAtPath: url.path) else { throw RosterImportError.unreadable(url.path) }
            handle = h
        }
    }

    mutating func read(_ count: Int) throws -> [UInt8] {
        if let handle { return [UInt8](try handle.read(upToCount: count) ?? Data()) }
        guard let data, offset < data.count else { return [] }
        let end = min(data.count, offset + count)
        defer { offset = end }
        return [UInt8](data[data.startIndex + offset ..< data.startIndex + end])
    }

    mutating func readAll() throws -> [UInt8] {
        var all: [UInt8] = []
        while true {
            let block = try read(1 << 20)
            if block.isEmpty { return all }
            all += block
        }
    }
}

/// Hands the parser UTF-8 in blocks, transcoding GB18030 on the way when needed.
struct ChunkReader {
    var raw: RawReader
    var pending: [UInt8]
    var transcoder: GB18030Transcoder?
    var rawPending: [UInt8] = []
    private(set) var consumed: Int64 = 0
    private var done = false

    init(raw: RawReader, pending: [UInt8], transcoder: GB18030Transcoder?, rawPending: [UInt8] = []) {
        self.raw = raw
        self.pending = pending
        self.transcoder = transcoder
        self.rawPending = rawPending
    }

    mutating func next() throws -> [UInt8] {
        if !pending.isEmpty {
            defer { pending = [] }
            consumed += Int64(transcoder == nil ? pending.count : 0)
            return pending
        }
        if let transcoder {
            while !done {
                let block = rawPending.isEmpty ? try raw.read(64 * 1024) : rawPending
                rawPending = []
                consumed += Int64(block.count)
                if block.isEmpty { done = true }
                let out = try transcoder.convert(block, final: block.isEmpty)
                if !out.isEmpty { return out }
            }
            return []
        }
        let block = try raw.read(64 * 1024)
        consumed += Int64(block.count)
        return block
    }
}

/// GB18030 (a superset of GBK) to UTF-8 block by block with the C library's iconv (Foundation on Linux does
/// not reliably know GB18030). A character split between two blocks is carried over to the next.
final class GB18030Transcoder {
    private let cd: iconv_t
    private var carry: [UInt8] = []
    private var rawOffset = 0
    private var newlines = 0

    init() throws {
        let cd = iconv_open("UTF-8", "GB18030")
        guard let cd, cd != iconv_t(bitPattern: -1) else { throw RosterImportError.undecodable(line: 1, byteOffset: 0) }
        self.cd = cd
    }

    deinit { iconv_close(cd) }

    /// - Throws: `RosterImportError.undecodable` with the line and byte of the first byte that is not GB18030.
    func convert(_ block: [UInt8], final: Bool) throws -> [UInt8] {
        var input = (carry + block).map { CChar(bitPattern: $0) }
        carry = []
        if input.isEmpty { return [] }
        var output = [CChar](repeating: 0, count: input.count * 2 + 16)
        var consumed = 0, produced = 0
        while consumed < input.count {
            let code: Int32 = input.withUnsafeMutableBufferPointer { inBuf in
                output.withUnsafeMutableBufferPointer { outBuf in
                    var inPtr: UnsafeMutablePointer<CChar>? = inBuf.baseAddress.map { $0 + consumed }
                    var inLeft = inBuf.count - consumed
                    var outPtr: UnsafeMutablePointer<CChar>? = outBuf.baseAddress.map { $0 + produced }
                    var outLeft = outBuf.count - produced
                    let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                    consumed = inBuf.count - inLeft
                    produced = outBuf.count - outLeft
                    return r == -1 ? errno : 0
                }
            }
            if code == 0 { break }
            if code == E2BIG { output += [CChar](repeating: 0, count: output.count); continue }
            if code == EINVAL && !final {
                carry = input[consumed...].map { UInt8(bitPattern: $0) }
                break
            }
            let before = input[..<consumed].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            throw RosterImportError.undecodable(line: newlines + before + 1, byteOffset: rawOffset + consumed)
        }
        newlines += input[..<consumed].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        rawOffset += consumed
        return output[0..<produced].map { UInt8(bitPattern: $0) }
    }
}
