import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `restore` did.
public struct RestoreResult: Sendable, Equatable {
    public var restored: String
    /// Where the replaced database was kept (nil when there was none).
    public var keptAs: String?
}

extension CommunityDatabase {
    /// Puts a backup back in place of the database at `target`: the backup must pass `check` first, the
    /// replaced file is kept beside it (renamed with its -wal, so nothing of it is lost), and nothing happens
    /// while another terminal has the database open.
    /// - Throws: `FileAccessError.backupFailsCheck`, `.inUse`; `StoreError` when the backup cannot be read.
    @discardableResult
    public static func restore(from backup: String, to target: String, now: Date = Date()) throws -> RestoreResult {
        let problems = try check(path: backup)
        if !problems.isEmpty { throw FileAccessError.backupFailsCheck(path: backup, problems: problems.map(\.description)) }
        let fm = FileManager.default
        if isOpenElsewhere(target) { throw FileAccessError.inUse(path: target) }
        var kept: String?
        if fm.fileExists(atPath: target) {
            let name = target + ".before-restore-" + stamp(now)
            // A rename keeps the file and its -wal byte for byte; the -shm is only an index and is rebuilt.
            try fm.moveItem(atPath: target, toPath: name)
            if fm.fileExists(atPath: target + "-wal") { try fm.moveItem(atPath: target + "-wal", toPath: name + "-wal") }
            try? fm.removeItem(atPath: target + "-shm")
            PrivateFiles.restrictDatabase(name)
            kept = name
        }
        let folder = URL(fileURLWithPath: target).deletingLastPathComponent()
        let partial = folder.appendingPathComponent(".\(URL(fileURLWithPath: target).lastPathComponent).restore-\(UUID().uuidString)").path
        do {
            let out = try PrivateFiles.createFile(atPath: partial)
            guard let input = FileHandle(forReadingAtPath: backup) else { throw StoreError.notFound(LocalizedText("备份文件 \(backup)", "The backup \(backup)")) }
            while let block = try input.read(upToCount: 1 << 20), !block.isEmpty { try out.write(contentsOf: block) }
            try out.synchronize()
            try out.close()
            try input.close()
            try fm.moveItem(atPath: partial, toPath: target)
        } catch {
            try? fm.removeItem(atPath: partial)
            // Put the old file back rather than leave no database at all.
            if let kept, !fm.fileExists(atPath: target) {
                try? fm.moveItem(atPath: kept, toPath: target)
                if fm.fileExists(atPath: kept + "-wal") { try? fm.moveItem(atPath: kept + "-wal", toPath: target + "-wal") }
            }
            throw error
        }
        return RestoreResult(restored: target, keptAs: kept)
    }

    /// True when another process has the database open. Every SQLite connection to a WAL database holds a
    /// shared POSIX lock on the "DMS" byte (offset 128) of the -shm file for as long as it is open, and a
    /// reading one a shared lock on the database file's lock bytes; `F_GETLK` asks whether a write lock
    /// there would conflict, without taking one. (POSIX locks of this same process do not count, so the
    /// caller must not have the file open itself: closing our probe's descriptor would drop them.)
    public static func isOpenElsewhere(_ path: String) -> Bool {
        func conflicting(_ file: String, start: off_t, length: off_t) -> Bool {
            guard let handle = FileHandle(forReadingAtPath: file) else { return false }
            defer { try? handle.close() }
            let fd = handle.fileDescriptor
            var lock = flock()
            lock.l_type = Int16(F_WRLCK)
            lock.l_whence = Int16(SEEK_SET)
            lock.l_start = start
            lock.l_len = length
            guard fcntl(fd, F_GETLK, &lock) == 0 else { return false }
            return lock.l_type != Int16(F_UNLCK)
        }
        // SQLite's lock bytes: PENDING at 0x40000000, then RESERVED and the 510 SHARED bytes.
        return conflicting(path + "-shm", start: 128, length: 1) || conflicting(path, start: 0x4000_0000, length: 512)
    }

    static func stamp(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone.current
        f.dateFormat = "yyyyMMdd-HHmmss"
        return f.string(from: date)
    }

    /// `backup --to DIR --keep N`: a dated backup in `folder` (`community-20261130-020000.sqlite`, named
    /// after the database file), then the oldest dated backups of this database removed until `keep` remain.
    /// - Returns: the new backup and the paths removed.
    /// - Throws: what `backup(to:)` throws.
    public func backup(intoFolder folder: String, keep: Int, now: Date = Date(),
                       progress: ((_ copied: Int, _ total: Int) -> Void)? = nil) throws -> (BackupResult, removed: [String]) {
        try PrivateFiles.createFolder(URL(fileURLWithPath: folder))
        let base = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        let target = URL(fileURLWithPath: folder).appendingPathComponent("\(base)-\(Self.stamp(now)).sqlite").path
        let result = try backup(to: target, progress: progress)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let dated = names.filter { Self.isDatedBackup($0, of: base) }.sorted(by: >)
        var removed: [String] = []
        for name in dated.dropFirst(max(keep, 1)) {
            let file = URL(fileURLWithPath: folder).appendingPathComponent(name).path
            if (try? FileManager.default.removeItem(atPath: file)) != nil { removed.append(file) }
        }
        return (result, removed)
    }

    /// `base-YYYYMMDD-HHMMSS.sqlite` and nothing else: other files in the folder are never removed.
    static func isDatedBackup(_ name: String, of base: String) -> Bool {
        guard name.hasPrefix(base + "-"), name.hasSuffix(".sqlite") else { return false }
        let middle = name.dropFirst(base.count + 1).dropLast(".sqlite".count)
        let parts = middle.split(separator: "-")
        return parts.count == 2 && parts[0].count == 8 && parts[1].count == 6 && middle.allSatisfy { $0 == "-" || $0.isASCII && $0.isNumber }
    }
}
