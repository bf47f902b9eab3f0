import CommunityModel
import Foundation

/// What the kiosk asks the app to do once a supervisor has typed a PIN (or, for ending training, confirmed).
enum KioskRequest {
    /// Leave the kiosk (`supervisor` typed the PIN); ends training first.
    case leave(supervisor: Actor)
    /// Start training on a temporary copy of the file; `supervisor` allowed it.
    case startTraining(supervisor: Actor)
    case endTraining
}

/// The kiosk's own state beside the app: idle time-out and the training copy.
struct KioskState {
    /// After this many seconds without a key the basket and lookup clear (`--idle-seconds`).
    var idleSeconds: TimeInterval = 60
    var lastActivity = Date()
    /// The folder holding the training copy (and its receipts); removed when training ends.
    var trainingFolder: URL?
    var trainingSupervisor: String?

    /// True once when the kiosk has been idle long enough to clear what a resident left on screen.
    func isIdle(at now: Date) -> Bool {
        idleSeconds > 0 && now.timeIntervalSince(lastActivity) >= idleSeconds
    }
}

/// The training copy: a consistent online copy of the real file in a private temporary folder.
enum TrainingCopy {
    /// - Throws: `SetupError.backupFailed` (from the copy) or a file error; nothing is left behind then.
    static func make(from db: CommunityDatabase) throws -> (CommunityDatabase, URL) {
        let fm = FileManager.default
        let folder = fm.temporaryDirectory.appendingPathComponent("community-training-\(UUID().uuidString)")
        do {
            // The copy holds the roster: readable by its owner only, like the real file (SPEC §8).
            try fm.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let path = folder.appendingPathComponent("training.sqlite").path
            try db.backup(to: path)
            return (try CommunityDatabase.open(path: path), folder)
        } catch {
            try? fm.removeItem(at: folder)
            throw error
        }
    }

    /// Closes the copy and removes its folder (the file, its WAL and any receipts written beside it).
    static func remove(_ db: CommunityDatabase?, folder: URL) {
        try? db?.pool.close()
        try? FileManager.default.removeItem(at: folder)
    }
}
