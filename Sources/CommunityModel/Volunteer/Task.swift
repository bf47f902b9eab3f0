import Foundation
import GRDB

/// A volunteer task the community publishes (named `VolunteerTask` so it never shadows Swift's `Task`).
/// The time window is two "yyyy-MM-dd HH:mm" strings; a one-day shift starts and ends on the same day.
public struct VolunteerTask: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "task"

    public var id: Int64?
    public var title: String
    public var category: TaskCategory
    public var audience: TaskAudience
    public var startsAt: String
    public var endsAt: String
    public var place: String
    public var places: Int
    public var points: Int
    public var description: String
    public var status: TaskStatus
    /// Places taken by claims that are not cancelled; kept by triggers on `claim`.
    public var taken: Int
    public var cancelReason: String
    public var createdAt: String
    public var publishedAt: String?

    public init(id: Int64? = nil, title: String, category: TaskCategory, audience: TaskAudience,
                startsAt: String, endsAt: String, place: String, places: Int, points: Int,
                description: String = "", status: TaskStatus = .draft, taken: Int = 0,
                cancelReason: String = "", createdAt: String = "", publishedAt: String? = nil) {
        self.id = id
        self.title = title
        self.category = category
        self.audience = audience
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.place = place
        self.places = places
        self.points = points
        self.description = description
        self.status = status
        self.taken = taken
        self.cancelReason = cancelReason
        self.createdAt = createdAt
        self.publishedAt = publishedAt
    }

    enum CodingKeys: String, CodingKey {
        case id, title, category, audience, place, places, points, description, status, taken
        case startsAt = "starts_at"
        case endsAt = "ends_at"
        case cancelReason = "cancel_reason"
        case createdAt = "created_at"
        case publishedAt = "published_at"
    }

    public enum Columns {
        public static let id = Column("id")
        public static let title = Column("title")
        public static let status = Column("status")
        public static let startsAt = Column("starts_at")
        public static let endsAt = Column("ends_at")
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }

    /// 补录: published after its time had passed, to record work that already happened. It still takes claims
    /// and approvals once ended, and every such step is marked 补录 in the audit log.
    public var isBackfill: Bool {
        guard let publishedAt else { return false }
        return String(publishedAt.prefix(16)) >= endsAt
    }

    /// Every column but `taken`, which only the claim triggers write: saving a task read earlier in the
    /// transaction must never put back a stale count.
    static let savedColumns = ["title", "category", "audience", "starts_at", "ends_at", "place", "places", "points",
                               "description", "status", "cancel_reason", "created_at", "published_at"]

    func save(_ db: Database) throws { try update(db, columns: Self.savedColumns) }

    public func state(now: String = VolunteerClock.now()) -> TaskState {
        TaskState.derive(status: status, startsAt: startsAt, endsAt: endsAt, places: places, taken: taken, now: now)
    }

    public var placesLeft: Int { max(0, places - taken) }

    /// "2026-06-28 08:30–11:30" or "2026-06-28 08:30 – 2026-06-30 17:00".
    public var windowText: String {
        if startsAt.prefix(10) == endsAt.prefix(10) { return "\(startsAt)–\(endsAt.dropFirst(11))" }
        return "\(startsAt) – \(endsAt)"
    }
}

/// What a task form fills in; validated by `TaskValidation` before any write.
public struct TaskDraft: Sendable, Equatable {
    public var title: String
    public var category: TaskCategory
    public var audience: TaskAudience
    public var startsAt: String
    public var endsAt: String
    public var place: String
    public var places: Int
    public var points: Int
    public var description: String

    public init(title: String, category: TaskCategory, audience: TaskAudience, startsAt: String, endsAt: String,
                place: String, places: Int, points: Int, description: String = "") {
        self.title = title
        self.category = category
        self.audience = audience
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.place = place
        self.places = places
        self.points = points
        self.description = description
    }

    public init(_ task: VolunteerTask) {
        self.init(title: task.title, category: task.category, audience: task.audience, startsAt: task.startsAt,
                  endsAt: task.endsAt, place: task.place, places: task.places, points: task.points, description: task.description)
    }
}
