import Foundation

/// An `OutputStream` that collects bytes and writes them to a file handle in large blocks.
///
/// Why: CSV.swift's `CSVWriter` writes one byte per `write` call; straight to a file stream that is one system
/// call per byte, far too slow for a table of a hundred thousand rows. The export writes through this instead.
final class ExportSink: OutputStream {
    private let handle: FileHandle
    private var buffer = Data()
    private var status: Stream.Status = .notOpen
    /// The first failed write, kept because `OutputStream.write` can only answer -1.
    private(set) var failure: Error?
    private static let blockSize = 64 * 1024

    init(handle: FileHandle) {
        self.handle = handle
        super.init(toMemory: ())
        buffer.reserveCapacity(Self.blockSize)
    }

    #if !canImport(Darwin)
    /// swift-corelibs-foundation requires it; never used (a sink always has a file handle).
    required init(toMemory: ()) {
        handle = FileHandle.nullDevice
        super.init(toMemory: ())
    }
    #endif

    override func open() { if status == .notOpen { status = .open } }

    /// Flushes what is buffered; errors surface through `finish()`.
    override func close() {
        try? flush()
        status = .closed
    }

    override var streamStatus: Stream.Status { status }
    override var hasSpaceAvailable: Bool { status == .open }
    override var streamError: Error? { failure }

    override func write(_ bytes: UnsafePointer<UInt8>, maxLength length: Int) -> Int {
        guard status == .open, failure == nil else { return -1 }
        buffer.append(bytes, count: length)
        if buffer.count >= Self.blockSize {
            do { try flush() } catch { return -1 }
        }
        return length
    }

    /// Appends raw bytes (a byte-order mark, JSON punctuation) in order with what CSVWriter wrote.
    func write(_ data: Data) throws {
        if status == .notOpen { open() }
        buffer.append(data)
        if buffer.count >= Self.blockSize { try flush() }
    }

    func write(_ text: String) throws { try write(Data(text.utf8)) }

    /// Writes out everything buffered.
    /// - Throws: the file system's error (disk full, closed pipe).
    func finish() throws {
        try flush()
        if let failure { throw failure }
    }

    private func flush() throws {
        guard !buffer.isEmpty, failure == nil else { return }
        do {
            try handle.write(contentsOf: buffer)
            buffer.removeAll(keepingCapacity: true)
        } catch {
            failure = error
            throw error
        }
    }
}
