import Foundation
import GRDB

/// The kinds of volunteer work the community publishes (issue 4). Stored as the Chinese name.
public enum TaskCategory: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    case nucleicTesting = "核酸检测"
    case gateControl = "小门管控"
    case civility = "文明创建"
    case antiFraud = "防诈骗宣传"
    case performanceOrder = "文艺演出秩序维护"
    case environment = "环境整治"
    case other = "其他"

    public var label: LocalizedText {
        switch self {
        case .nucleicTesting: return LocalizedText("核酸检测", "nucleic-acid testing")
        case .gateControl: return LocalizedText("小门管控", "gate control")
        case .civility: return LocalizedText("文明创建", "civility campaign")
        case .antiFraud: return LocalizedText("防诈骗宣传", "anti-fraud outreach")
        case .performanceOrder: return LocalizedText("文艺演出秩序维护", "keeping order at a performance")
        case .environment: return LocalizedText("环境整治", "neighbourhood clean-up")
        case .other: return LocalizedText("其他", "other")
        }
    }
}

/// Who may claim a task: registered organisations (报到单位党组织), in-service members (在职党员), or both.
public enum TaskAudience: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    case organisations = "单位"
    case members = "党员"
    case both = "单位和党员"

    public var label: LocalizedText {
        switch self {
        case .organisations: return LocalizedText("报到单位", "organisations")
        case .members: return LocalizedText("在职党员", "members")
        case .both: return LocalizedText("单位和党员", "organisations and members")
        }
    }

    public func admits(_ holder: PointsHolder) -> Bool {
        switch self {
        case .both: return true
        case .members: return holder.isMember
        case .organisations: return !holder.isMember
        }
    }
}

/// What the office has done with a task; the board state adds places and time to it (see `TaskState`).
public enum TaskStatus: String, Codable, Sendable, CaseIterable, DatabaseValueConvertible {
    case draft = "草稿"
    case published = "已发布"
    case cancelled = "已取消"
}

/// A task's place on the board: 草稿 → 发布中 → 已满 → 进行中 → 已结束 (cancelled tasks sit with the ended).
/// Derived from the stored status, the places taken and the time window, never stored, so it is never stale.
public enum TaskState: String, Codable, Sendable, CaseIterable {
    case draft = "草稿"
    case open = "发布中"
    case full = "已满"
    case inProgress = "进行中"
    case ended = "已结束"
    case cancelled = "已取消"

    /// The board's columns, left to right.
    public static let boardColumns: [TaskState] = [.draft, .open, .full, .inProgress, .ended]

    public var label: LocalizedText {
        switch self {
        case .draft: return LocalizedText("草稿", "Draft")
        case .open: return LocalizedText("发布中", "Open")
        case .full: return LocalizedText("已满", "Full")
        case .inProgress: return LocalizedText("进行中", "In progress")
        case .ended: return LocalizedText("已结束", "Ended")
        case .cancelled: return LocalizedText("已取消", "Cancelled")
        }
    }

    /// The column a task in this state is shown in.
    public var boardColumn: TaskState { self == .cancelled ? .ended : self }

    /// Derives the state. `now` and the window bounds are "yyyy-MM-dd HH:mm" strings, which order as text.
    public static func derive(status: TaskStatus, startsAt: String, endsAt: String, places: Int, taken: Int, now: String) -> TaskState {
        switch status {
        case .draft: return .draft
        case .cancelled: return .cancelled
        case .published:
            if now >= endsAt { return .ended }
            if now >= startsAt { return .inProgress }
            return taken >= places ? .full : .open
        }
    }
}

/// "Now" for task states: the pinned or real day (COMMUNITY_TODAY) with the real time of day, as "yyyy-MM-dd HH:mm".
public enum VolunteerClock {
    public static func now(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let stamp = Day.timestamp()
        let time = stamp.dropFirst(11).prefix(5)
        return Day.today(environment: environment) + " " + time
    }

    /// A row timestamp "yyyy-MM-dd HH:mm:ss" on the pinned or real day, so demo and test data line up with `now()`.
    /// The environment is read only when no seeding moment is set (building it is costly, and the demo's
    /// half year stamps thousands of rows).
    public static func timestamp(environment: [String: String]? = nil) -> String {
        if let moment = SeedClock.moment { return moment }
        return Day.today(environment: environment ?? ProcessInfo.processInfo.environment) + " " + Day.timestamp().dropFirst(11)
    }
}
