import Foundation

/// How receipt text becomes bytes: UTF-8 (default) or GB18030 for common thermal printers.
public enum ReceiptEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case gb18030

    /// Parses `--receipt-encoding` (utf-8, utf8, gb18030, GB18030).
    public init?(argument: String) {
        switch argument.lowercased() {
        case "utf-8", "utf8": self = .utf8
        case "gb18030": self = .gb18030
        default: return nil
        }
    }

    /// The text as bytes in this encoding.
    public func encode(_ text: String) -> Data {
        switch self {
        case .utf8: return Data(text.utf8)
        case .gb18030: return GB18030.encode(text)
        }
    }

    /// Bytes back to text (tests and reprints read files back with this).
    public func decode(_ data: Data) -> String? {
        switch self {
        case .utf8: return String(data: data, encoding: .utf8)
        case .gb18030: return GB18030.decode(data)
        }
    }
}

/// Writes receipt files (owner-only, 0600) and sends ESC/POS to a printer device.
public enum ReceiptWriter {
    /// The receipt folder beside the database: `<db folder>/receipts`.
    public static func defaultFolder(databasePath: String) -> URL {
        URL(fileURLWithPath: databasePath).deletingLastPathComponent().appendingPathComponent("receipts")
    }

    /// Writes `text` as `<folder>/<receipt>.txt` (a reprint as `<receipt>-重印-N.txt`), creating the folder
    /// owner-only. - Returns: the file written.
    /// - Throws: a file-system error in words when the folder cannot be written.
    @discardableResult
    public static func write(_ text: String, receipt: String, to folder: URL, encoding: ReceiptEncoding = .utf8,
                             reprint: Bool = false) throws -> URL {
        let fm = FileManager.default
        do {
            try PrivateFiles.createFolder(folder)
            var url = folder.appendingPathComponent("\(receipt).txt")
            if reprint {
                var n = 1
                repeat {
                    url = folder.appendingPathComponent("\(receipt)-重印-\(n).txt")
                    n += 1
                } while fm.fileExists(atPath: url.path)
            }
            // Created owner-only before any byte is written: receipts carry (masked) personal data. One open(2),
            // not Foundation's create-then-reopen: this runs inside the confirm key's frame.
            let handle: FileHandle
            do { handle = try PrivateFiles.createFile(atPath: url.path) } catch { throw ReceiptFileError.cannotWrite(url.path) }
            defer { try? handle.close() }
            try handle.write(contentsOf: encoding.encode(text))
            return url
        } catch let error as ReceiptFileError {
            throw error
        } catch {
            throw ReceiptFileError.cannotWrite(folder.path)
        }
    }

    /// The ESC/POS bytes for `text`: initialise, GB18030 text, feed, cut.
    public static func escPos(_ text: String) -> Data {
        var data = Data([0x1B, 0x40])           // ESC @: initialise
        data.append(contentsOf: [0x1C, 0x26])   // FS &: Chinese character mode
        data.append(GB18030.encode(text))
        data.append(contentsOf: [0x1B, 0x64, 0x04]) // ESC d 4: feed 4 lines
        data.append(contentsOf: [0x1D, 0x56, 0x42, 0x00]) // GS V B 0: feed and cut
        return data
    }

    /// Sends the ESC/POS bytes to a printer device file (e.g. /dev/usb/lp0).
    /// - Throws: a message naming the device when it cannot be opened or written.
    public static func print(_ text: String, toPrinter path: String) throws {
        guard let handle = FileHandle(forWritingAtPath: path) else { throw ReceiptFileError.cannotPrint(path) }
        defer { try? handle.close() }
        do {
            try handle.write(contentsOf: escPos(text))
        } catch {
            throw ReceiptFileError.cannotPrint(path)
        }
    }
}

/// A receipt file or printer that could not be written.
public enum ReceiptFileError: UserFacingError, Equatable {
    case cannotWrite(String)
    case cannotPrint(String)

    public var message: LocalizedText {
        switch self {
        case .cannotWrite(let path):
            return LocalizedText("无法写入凭条文件 \(path)：请检查文件夹是否存在且可写（或用 --receipts 指定）。",
                                 "Cannot write the receipt file \(path): check the folder exists and is writable (or give --receipts).")
        case .cannotPrint(let path):
            return LocalizedText("无法打开打印机 \(path)：请检查打印机是否连接、设备路径是否正确。",
                                 "Cannot open the printer \(path): check it is connected and the device path is right.")
        }
    }
}
