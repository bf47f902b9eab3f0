import Foundation
import GRDBSQLite
#if canImport(Glibc)
import Glibc
#endif

/// How the readers' mapping of the file is paged in: one page per fault, never the disk's read-around.
///
/// Readers map the file (`PRAGMA mmap_size`). On a fault the kernel reads not the page but a window around
/// it as large as the disk's read-ahead (8 MB on the office VM: 1–2 ms). A page comes back only after the
/// kernel dropped it, and a machine that reclaims idle memory (the office VM pages out what nobody touched
/// for a minute) drops exactly the scattered pages a search key reads after a pause: one key then read
/// 4–8 MB and took 20–31 ms. `MADV_RANDOM` on the mapping makes such a fault read its own page only.
///
/// SQLite maps the file through its unix VFS's `mmap` system call, which it lets a program replace
/// (`xSetSystemCall`): the replacement maps, advises, and the first time it sees a file asks the kernel to
/// read all of it into its cache in large pieces, so a cold start (after a reboot) does not fetch the file
/// 4 KB per fault. That uses SQLite's own descriptor: opening and closing one of ours would drop every lock
/// SQLite holds on the file (POSIX locks belong to the process and go with any close), and another terminal
/// could then take the file for itself. A mapping that grows keeps its advice (`mremap` keeps the area's
/// flags), the -shm file's read-write mapping is left as it is, and the writer maps nothing.
enum ReaderMapping {
    /// Installed once, before the first connection opens (SQLite's system-call table is not thread-safe,
    /// and a `static let` runs its initialiser once whatever thread asks first).
    static let installed: Bool = install()

    /// The files (device, inode) already read into the cache by this process.
    private static let prefetched = PrefetchedFiles()

    private final class PrefetchedFiles: @unchecked Sendable {
        private let lock = NSLock()
        private var seen: Set<[UInt64]> = []
        /// True the first time a file is offered.
        func isNew(_ key: [UInt64]) -> Bool { lock.withLock { seen.insert(key).inserted } }
    }

    /// Asks the kernel to read the whole file behind `fd` into its cache, without waiting for the reads.
    /// The kernel reads at most its read-ahead size per request, so the file is asked for in pieces of that
    /// size (28 ms of queuing for 330 MB cold, 1.5 ms when it is already cached).
    static func readIntoCache(fd: Int32) {
        #if os(Linux)
        var status = stat()
        guard fstat(fd, &status) == 0 else { return }
        let piece = off_t(8 << 20)
        var offset = off_t(0)
        while offset < status.st_size {
            _ = posix_fadvise(fd, offset, piece, POSIX_FADV_WILLNEED)
            offset += piece
        }
        #endif
    }

    /// Called for every mapping SQLite makes: the database file's (read-only) and the -shm file's.
    fileprivate static func mapped(_ address: UnsafeMutableRawPointer, length: Int, protection: Int32, fd: Int32) {
        #if os(Linux)
        guard protection == PROT_READ else { return }
        _ = madvise(address, length, MADV_RANDOM)
        var status = stat()
        if fstat(fd, &status) == 0, prefetched.isNew([UInt64(status.st_dev), UInt64(status.st_ino)]) {
            readIntoCache(fd: fd)
        }
        #endif
    }

    private static func install() -> Bool {
        #if os(Linux)
        guard let vfs = sqlite3_vfs_find("unix"), vfs.pointee.iVersion >= 3,
              let setSystemCall = vfs.pointee.xSetSystemCall else { return false }
        let advised: @convention(c) (UnsafeMutableRawPointer?, Int, Int32, Int32, Int32, off_t)
            -> UnsafeMutableRawPointer? = { address, length, protection, flags, fd, offset in
                let result = mmap(address, length, protection, flags, fd, offset)
                if let result, result != UnsafeMutableRawPointer(bitPattern: -1) {
                    ReaderMapping.mapped(result, length: length, protection: protection, fd: fd)
                }
                return result
            }
        return setSystemCall(vfs, "mmap", unsafeBitCast(advised, to: sqlite3_syscall_ptr.self)) == SQLITE_OK
        #else
        return false
        #endif
    }
}
