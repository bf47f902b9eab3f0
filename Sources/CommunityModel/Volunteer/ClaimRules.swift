import Foundation

/// The pure rules for claiming a task; the store calls them inside its write transaction with fresh rows.
public enum ClaimRules {
    /// Why this claimant may not claim this task now, or nil when they may.
    /// Order matters: the most fundamental reason is the one the office hears.
    public static func refusal(task: VolunteerTask, state: TaskState, claimant: Claimant, alreadyClaimed: Bool) -> ClaimError? {
        switch state {
        case .draft: return .taskNotPublished(title: task.title)
        case .cancelled: return .taskCancelled(title: task.title)
        case .ended where !task.isBackfill: return .taskEnded(title: task.title)
        case .ended: break
        case .open, .full, .inProgress: break
        }
        if !claimant.active {
            return claimant.holder.isMember ? .memberInactive(name: claimant.displayName) : .organisationInactive(name: claimant.name)
        }
        if !task.audience.admits(claimant.holder) {
            return .notAudience(title: task.title, audience: task.audience, claimant: claimant.displayName)
        }
        if alreadyClaimed { return .alreadyClaimed(title: task.title, claimant: claimant.displayName) }
        // In progress still takes claims while places remain (the office records people who turn up).
        if task.taken >= task.places { return .taskFull(title: task.title, places: task.places) }
        return nil
    }

    /// A report-back (回复) or a no-show (未到) says what happened at the task, so neither is taken before the task
    /// starts. A 补录 task was published after its time, so it has always started.
    public static func notStarted(task: VolunteerTask, now: String, action: LocalizedText) -> ClaimError? {
        guard now.prefix(16) < task.startsAt.prefix(16) else { return nil }
        return .taskNotStarted(title: task.title, startsAt: task.startsAt, action: action)
    }

    /// What the refusals call a report-back and a no-show.
    public static let replyAction = LocalizedText("登记回复", "a report-back")
    public static let noShowAction = LocalizedText("标记未到", "a no-show")

    /// The idempotency key of the n-th approval credit of a claim: two terminals approving the same claim
    /// compute the same key, so the ledger's UNIQUE constraint lets only one credit through.
    public static func creditKey(claimId: Int64, approval n: Int) -> String { "claim:\(claimId):credit:\(n)" }
}
