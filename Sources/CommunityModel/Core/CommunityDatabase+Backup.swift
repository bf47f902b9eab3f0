import Foundation
import GRDB

/// What a finished backup wrote.
public struct BackupResult: Sendable, Equatable {
    public var path: String
    public var bytes: Int64
}

extension CommunityDatabase {
    /// Copies the database to a new file at `target` with SQLite's online backup, while other terminals keep
    /// reading and writing (the copy is one consistent moment). The copy is written beside the target under a
    /// temporary name, verified, switched out of WAL mode so it is one self-contained file, and only then given
    /// its name — an interrupted backup never leaves a half-written file under the name asked for.
    /// - Throws: `SetupError.backupTargetExists` when `target` exists (nothing is overwritten);
    ///   `SetupError.backupFailed` when the copy cannot be written or does not verify.
    @discardableResult
    public func backup(to target: String, progress: ((_ copied: Int, _ total: Int) -> Void)? = nil) throws -> BackupResult {
        let fm = FileManager.default
        let targetURL = URL(fileURLWithPath: target).standardizedFileURL
        if fm.fileExists(atPath: targetURL.path) { throw SetupError.backupTargetExists(target) }
        let folder = targetURL.deletingLastPathComponent()
        let partial = folder.appendingPathComponent(".\(targetURL.lastPathComponent).partial-\(UUID().uuidString)")
        func removePartial() {
            for suffix in ["", "-wal", "-shm", "-journal"] { try? fm.removeItem(atPath: partial.path + suffix) }
        }

        do {
            try PrivateFiles.createFolder(folder)
            // Created empty as 0600 first, so the copy of the roster is never readable by others, not even briefly.
            try PrivateFiles.createFile(atPath: partial.path).close()
            let copy = try DatabaseQueue(path: partial.path)
            do {
                try pool.backup(to: copy, pagesPerStep: progress == nil ? -1 : 256) { step in
                    progress?(step.totalPageCount - step.remainingPageCount, step.totalPageCount)
                }
                try copy.writeWithoutTransaction { db in
                    // A single file that opens anywhere, even read-only from a USB stick; opening it with the
                    // workbench turns WAL back on.
                    try db.execute(sql: "PRAGMA journal_mode = DELETE")
                    let verdict = try String?.fetchAll(db, sql: "PRAGMA quick_check").compactMap { $0 }
                    guard verdict == ["ok"] else {
                        throw SetupError.backupFailed(path: target, reason: verdict.joined(separator: "; "))
                    }
                }
                try copy.close()
            } catch {
                try? copy.close()
                throw error
            }
            // A hard link fails if the name was taken meanwhile, so a file that appeared during the copy is
            // still never overwritten.
            do {
                try fm.linkItem(atPath: partial.path, toPath: targetURL.path)
            } catch {
                if fm.fileExists(atPath: targetURL.path) { throw SetupError.backupTargetExists(target) }
                // Some file systems (FAT on a USB stick) have no hard links; the existence check above stands.
                try fm.moveItem(atPath: partial.path, toPath: targetURL.path)
            }
            removePartial()
        } catch let error as SetupError {
            removePartial()
            throw error
        } catch let error as DatabaseError {
            removePartial()
            throw SetupError.backupFailed(path: target, reason: error.message ?? "\(error.resultCode)")
        } catch {
            removePartial()
            throw SetupError.backupFailed(path: target, reason: error.localizedDescription)
        }
        let size = (try? fm.attributesOfItem(atPath: targetURL.path)[.size] as? NSNumber)?.int64Value ?? 0
        return BackupResult(path: targetURL.path, bytes: size)
    }
}
