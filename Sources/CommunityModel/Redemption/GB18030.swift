import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// GB18030 bytes through the C library's iconv (glibc and macOS both carry the table; Foundation on Linux
/// has no GB18030 encoding constant).
enum GB18030 {
    static func encode(_ text: String) -> Data {
        convert(Data(text.utf8), from: "UTF-8", to: "GB18030") ?? Data(text.utf8)
    }

    static func decode(_ data: Data) -> String? {
        convert(data, from: "GB18030", to: "UTF-8").flatMap { String(data: $0, encoding: .utf8) }
    }

    private static func convert(_ input: Data, from: String, to: String) -> Data? {
        let cd = iconv_open(to, from)
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        var source = [CChar](repeating: 0, count: input.count)
        input.withUnsafeBytes { raw in
            for (i, b) in raw.enumerated() { source[i] = CChar(bitPattern: b) }
        }
        var output = [CChar](repeating: 0, count: input.count * 4 + 16)
        let capacity = output.count
        var inLeft = input.count
        var outLeft = capacity
        let ok: Bool = source.withUnsafeMutableBufferPointer { src in
            output.withUnsafeMutableBufferPointer { dst in
                var inPtr: UnsafeMutablePointer<CChar>? = src.baseAddress
                var outPtr: UnsafeMutablePointer<CChar>? = dst.baseAddress
                return iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft) != -1
            }
        }
        guard ok else { return nil }
        return Data(output[0..<(capacity - outLeft)].map { UInt8(bitPattern: $0) })
    }
}
