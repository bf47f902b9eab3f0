import Foundation
import GRDB

/// One thing the secretary should do today, as the overview lists it: a count, a sentence, and where the
/// work is (`target`), so the interface can open that screen already narrowed to those rows.
public struct OverviewAlert: Sendable, Equatable {
    /// Where the rows behind an alert are shown.
    public enum Target: Sendable, Equatable {
        /// 议事: open issues past their step's deadline.
        case overdueIssues
        /// 任务: 已回复 claims waiting for review.
        case reviewQueue
        /// 任务: published tasks starting within `OverviewAlert.soonDays` days with places unfilled.
        case tasksStartingSoon
        /// 排名: a closed period whose letters are not generated (`RankingPeriod.key`).
        case pendingLetters(period: String)
        /// 星级: this quarter's assessment stage waiting to be signed.
        case starStage
        /// 积分: catalog items at or below their low-stock mark (shown on the desk's catalog).
        case lowStock
    }

    public var target: Target
    public var count: Int
    public var text: LocalizedText

    public init(target: Target, count: Int, text: LocalizedText) {
        self.target = target
        self.count = count
        self.text = text
    }

    /// "Starting soon" means within this many days of today (SPEC §4 screen 1).
    public static let soonDays = 3
}

extension ModuleHooks {
    /// A module with nothing to ask for today lists no alerts.
    public static func alerts(_ db: Database, today: String) throws -> [OverviewAlert] { [] }
}

extension CommunityDatabase {
    /// Every module's alerts for `today`, in one read so their counts agree with each other.
    /// Kept by the store's figures cache until the file changes (the deadlines and letter rules are in the context).
    public func overviewAlerts(today: String) throws -> [OverviewAlert] {
        struct Context: Equatable, Sendable { var today: String; var reference: ConsultationReference; var settings: RankingSettings }
        // The star standard is read from data/ on each computation; a changed file is picked up on the next write.
        return try figures("overview-alerts", context: Context(today: today, reference: .active, settings: RankingSettings.current())) { db in
            try Modules.all.flatMap { try $0.alerts(db, today: today) }
        }
    }
}
