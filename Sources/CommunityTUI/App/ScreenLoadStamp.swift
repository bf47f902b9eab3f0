import CommunityModel
import Foundation

/// What a screen's last load depended on. Switching back to a screen whose stamp still holds shows it as it
/// was loaded instead of reading it again: nothing was written since (here or at another terminal), the
/// size, day, operator and minute are the same, so a reload could only read the same rows. At stress a
/// reload of the overview or the desk is 5–15 ms; a switch should cost a frame, not a query.
struct ScreenLoadStamp: Equatable {
    var mark: ChangeMark
    var width: Int
    var height: Int
    var today: String
    var operatorId: Int64?
    /// Alerts such as "starts within 3 days" move with the clock, so a kept load is at most a minute old.
    var minute: Int

    /// The stamp of now; nil when the file cannot tell its change mark (then every visit reloads).
    static func now(_ ctx: AppContext, width: Int, height: Int) -> ScreenLoadStamp? {
        guard let mark = try? ctx.db.changeMark() else { return nil }
        return ScreenLoadStamp(mark: mark, width: width, height: height, today: ctx.today, operatorId: ctx.actor?.operatorId,
                               minute: Int(Date().timeIntervalSince1970 / 60))
    }
}
