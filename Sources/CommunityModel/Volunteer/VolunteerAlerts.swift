import Foundation
import GRDB

extension VolunteerModule {
    /// Claims waiting for review, and published tasks starting within three days whose places are not all taken
    /// (a range of the task_status_starts_places index).
    public static func alerts(_ db: Database, today: String) throws -> [OverviewAlert] {
        var out: [OverviewAlert] = []
        let review = try CommunityDatabase.claimCount(db, .reviewQueue, before: nil)
        if review > 0 {
            out.append(OverviewAlert(target: .reviewQueue, count: review,
                                     text: LocalizedText("\(review) 条认领等待审核", "\(review) claim(s) waiting for review")))
        }
        let window = soonWindow(today: today)
        let soon = try Int.fetchOne(db, sql: """
            SELECT COUNT(*) FROM task WHERE status = '已发布' AND starts_at >= ? AND starts_at < ? AND taken < places
            """, arguments: [window.from, window.until]) ?? 0
        if soon > 0 {
            out.append(OverviewAlert(target: .tasksStartingSoon, count: soon,
                                     text: LocalizedText("\(soon) 项任务 \(OverviewAlert.soonDays) 天内开始，名额未满",
                                                         "\(soon) task(s) start within \(OverviewAlert.soonDays) days with places unfilled")))
        }
        return out
    }

    /// The alert's window as the board's filter (`TaskStartWindow`).
    public static func soonTasks(today: String) -> TaskStartWindow {
        let w = soonWindow(today: today)
        return TaskStartWindow(from: w.from, until: w.until)
    }

    /// From the start of `today` to the start of the day `soonDays` later ("yyyy-MM-dd HH:mm" bounds).
    public static func soonWindow(today: String) -> (from: String, until: String) {
        let until = Day.parse(today).flatMap { Day.calendar.date(byAdding: .day, value: OverviewAlert.soonDays, to: $0) }
            .map(Day.string(from:)) ?? today
        return (today + " 00:00", until + " 00:00")
    }
}
