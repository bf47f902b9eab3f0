@testable import CommunityModel
import CommunityTestSupport
import Foundation
import GRDB
import XCTest
#if canImport(Glibc)
import Glibc
#endif

/// The readers' mapping faults one page at a time (no 8 MB read-around when a reclaimed page is read back),
/// and the file is read into the cache in large pieces when opened instead.
final class ReaderMappingTests: XCTestCase {
    #if os(Linux)
    /// The VmFlags of every mapping of `path` in this process (`rr` = random read: MADV_RANDOM).
    private func mappingFlags(of path: String) throws -> [String] {
        // Read to the end: /proc files report a size of 0, which a whole-file read takes at its word.
        let handle = try XCTUnwrap(FileHandle(forReadingAtPath: "/proc/self/smaps"))
        defer { try? handle.close() }
        let smaps = String(decoding: try handle.readToEnd() ?? Data(), as: UTF8.self)
        var flags: [String] = []
        var inFile = false
        for line in smaps.split(separator: "\n") {
            if line.hasPrefix("VmFlags:") {
                if inFile { flags.append(String(line)) }
                inFile = false
            } else if let first = line.first, first.isHexDigit, line.contains("-") {
                inFile = line.hasSuffix(" " + path)
            }
        }
        return flags
    }

    func testReadersMapTheFileOnePageAFault() throws {
        // The demo copy: its pages are in the file itself (a fresh file's are still in the -wal, read from there).
        let store = try TestStore.demo()
        defer { store.remove() }
        XCTAssertTrue(ReaderMapping.installed)
        _ = try store.db.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log") }
        let flags = try mappingFlags(of: store.path)
        XCTAssertFalse(flags.isEmpty, "a reader maps the file")
        for line in flags { XCTAssertTrue(line.split(separator: " ").contains("rr"), line) }
    }

    func testAMappingThatGrowsKeepsItsAdvice() throws {
        let store = try TestStore()
        defer { store.remove() }
        _ = try store.db.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log") }
        let before = try FileManager.default.attributesOfItem(atPath: store.path)[.size] as? Int ?? 0
        try store.db.pool.write { db in
            try db.execute(sql: "CREATE TABLE filler(x BLOB)")
            for _ in 0..<64 { try db.execute(sql: "INSERT INTO filler VALUES (zeroblob(65536))") }
        }
        try store.db.pool.writeWithoutTransaction { db in _ = try db.checkpoint(.truncate) }
        let after = try FileManager.default.attributesOfItem(atPath: store.path)[.size] as? Int ?? 0
        XCTAssertGreaterThan(after, before + 4 << 20, "the file grew by the 4 MB written")
        _ = try store.db.pool.read { db in try Int.fetchOne(db, sql: "SELECT sum(length(x)) FROM filler") }
        let flags = try mappingFlags(of: store.path)
        XCTAssertFalse(flags.isEmpty)
        for line in flags { XCTAssertTrue(line.split(separator: " ").contains("rr"), line) }
    }

    /// How many of the file's pages are in the kernel's cache.
    private func cachedPages(_ path: String) throws -> (cached: Int, total: Int) {
        let fd = open(path, O_RDONLY)
        XCTAssertGreaterThanOrEqual(fd, 0)
        defer { close(fd) }
        var status = stat()
        XCTAssertEqual(fstat(fd, &status), 0)
        let length = Int(status.st_size)
        let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
        guard let address = mmap(nil, length, PROT_READ, MAP_SHARED, fd, 0),
              address != UnsafeMutableRawPointer(bitPattern: -1) else { throw XCTSkip("cannot map \(path)") }
        defer { munmap(address, length) }
        var vector = [UInt8](repeating: 0, count: (length + pageSize - 1) / pageSize)
        XCTAssertEqual(mincore(address, length, &vector), 0)
        return (vector.filter { $0 & 1 == 1 }.count, vector.count)
    }

    /// The POSIX locks this process holds on the file (from /proc/locks, by inode).
    private func locksHeld(on path: String) throws -> Int {
        var status = stat()
        XCTAssertEqual(stat(path, &status), 0)
        let handle = try XCTUnwrap(FileHandle(forReadingAtPath: "/proc/locks"))
        defer { try? handle.close() }
        let text = String(decoding: try handle.readToEnd() ?? Data(), as: UTF8.self)
        let me = String(getpid())
        return text.split(separator: "\n").filter { line in
            let fields = line.split(separator: " ")
            guard let pid = fields.firstIndex(of: Substring(me)), pid + 1 < fields.count else { return false }
            return fields[pid + 1].split(separator: ":").last == Substring(String(status.st_ino))
        }.count
    }

    /// Reading the file into the cache must not open and close a descriptor of its own: a close drops every
    /// lock the process holds on the file, and another terminal's import could then take the file for itself
    /// (the UI then never saw that terminal's later commits: tests/e2e/40-refresh.sh).
    func testReadingTheFileIntoTheCacheKeepsSQLitesLocks() throws {
        let store = try TestStore.demo()
        defer { store.remove() }
        _ = try store.db.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM member") }
        let held = try locksHeld(on: store.path)
        XCTAssertGreaterThan(held, 0, "SQLite holds a lock on the file while a connection reads it (WAL)")
        let again = try CommunityDatabase.open(path: store.path)
        _ = try again.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_log") }
        _ = try store.db.pool.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM ledger_entry") }
        XCTAssertGreaterThanOrEqual(try locksHeld(on: store.path), held, "no lock dropped by opening the file again")
    }

    func testOpeningReadsTheFileIntoTheCacheInLargePieces() throws {
        let directory = try TestStore.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("big.bin").path
        // 24 MB: more than one 8 MB piece, so every piece is asked for, not the first only.
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(repeating: 7, count: 24 << 20)))
        let fd = open(path, O_RDONLY)
        XCTAssertEqual(fsync(fd), 0)
        XCTAssertEqual(posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED), 0)
        close(fd)
        let evicted = try cachedPages(path)
        guard evicted.cached < evicted.total / 2 else {
            throw XCTSkip("this kernel kept the file cached after DONTNEED (\(evicted.cached)/\(evicted.total) pages)")
        }
        let reading = open(path, O_RDONLY)
        ReaderMapping.readIntoCache(fd: reading)
        close(reading)
        let deadline = Date().addingTimeInterval(5)
        var now = try cachedPages(path)
        while now.cached < now.total, Date() < deadline {
            usleep(20_000)
            now = try cachedPages(path)
        }
        XCTAssertEqual(now.cached, now.total, "every page read in (was \(evicted.cached) of \(evicted.total))")
    }
    #endif
}
