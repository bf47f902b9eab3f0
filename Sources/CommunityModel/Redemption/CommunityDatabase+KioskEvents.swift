import GRDB

/// What happens at the kiosk that changes no data but needs a supervisor, so the audit log can say who
/// allowed it: a training session starting and ending, and the kiosk being left.
public enum KioskEvent: String, Sendable, CaseIterable {
    case trainingStarted = "kiosk.training_start"
    case trainingEnded = "kiosk.training_end"
    case left = "kiosk.leave"
}

extension CommunityDatabase {
    /// Records a kiosk event on this (the real) file: by the supervisor who typed the PIN, about the kiosk's
    /// signed-in operator (`clerk`). Ending training needs no PIN, so its line is by the clerk.
    /// - Throws: the store's error when the line cannot be written (the caller decides whether to go on).
    public func recordKioskEvent(_ event: KioskEvent, by actor: Actor, clerk: Actor?) throws {
        try pool.write { db in
            try AuditEntry.record(db, by: actor, action: event.rawValue, target: clerk.map { "operator:\($0.operatorId)" } ?? "kiosk",
                                  detail: clerk?.name ?? "")
        }
    }
}
