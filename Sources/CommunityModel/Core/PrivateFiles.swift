import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The roster holds names and phone numbers (personal information under PIPL): every file the program
/// creates with it — the database and its -wal/-shm, backups, exports, receipts, letters — is readable by
/// its owner only (0600), every folder it creates 0700.
///
/// `community` sets the process umask to 077 at start; these calls make the modes right whatever the umask
/// (tests, a library user) and say so in one place. New features that write files call them too.
public enum PrivateFiles {
    public static let fileMode: mode_t = 0o600
    public static let folderMode: mode_t = 0o700

    /// The umask that makes every new file 0600 and folder 0700; set once, first thing in `main`.
    public static func applyUmask() { umask(0o077) }

    /// Makes a file this program created readable and writable by its owner only. Missing files are skipped.
    public static func restrict(_ path: String) {
        _ = chmod(path, fileMode)
    }

    /// The database file and SQLite's -wal and -shm beside it.
    public static func restrictDatabase(_ path: String) {
        for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
            restrict(path + suffix)
        }
    }

    /// Creates a folder (and those above it) as 0700. Folders that exist already keep their mode.
    /// - Throws: the file system's error.
    public static func createFolder(_ url: URL) throws {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: NSNumber(value: folderMode)])
    }

    /// Creates (or truncates) a file as 0600 and opens it for writing.
    /// - Throws: `CocoaError` when it cannot be created.
    public static func createFile(atPath path: String) throws -> FileHandle {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, fileMode)
        guard fd >= 0 else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path]) }
        // An existing file keeps its mode through open(); an export file is personal data all the same.
        _ = fchmod(fd, fileMode)
        return FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    /// The permission bits of a file, or nil when it cannot be read.
    public static func mode(of path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & 0o777
    }

    /// True when users other than the owner may read the file (group or others have read permission).
    public static func isReadableByOthers(_ path: String) -> Bool {
        guard let mode = mode(of: path) else { return false }
        return mode & 0o044 != 0
    }
}
