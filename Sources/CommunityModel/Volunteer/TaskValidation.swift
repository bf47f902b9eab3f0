import Foundation

/// Pure checks on a task form, before anything is written.
public enum TaskValidation {
    public static let maxTitle = 60

    /// Trims and checks every field; returns the cleaned draft.
    /// - Throws: `TaskError` naming the first field that is wrong.
    public static func validate(_ draft: TaskDraft) throws -> TaskDraft {
        var d = draft
        d.title = try TextRules.check(d.title, .line, field: LocalizedText("任务标题", "The title"))
        d.place = try TextRules.check(d.place, .line, field: LocalizedText("地点", "The place"))
        d.description = try TextRules.check(d.description, .text, field: LocalizedText("任务说明", "The description"))
        d.startsAt = try normalizedTime(d.startsAt)
        d.endsAt = try normalizedTime(d.endsAt)
        if d.title.isEmpty { throw TaskError.emptyTitle }
        if d.title.count > maxTitle { throw TaskError.titleTooLong(maxTitle) }
        if d.place.isEmpty { throw TaskError.emptyPlace }
        if d.endsAt <= d.startsAt { throw TaskError.endsBeforeStart }
        if !(1...10_000).contains(d.places) { throw TaskError.badPlaces(d.places) }
        if !(0...1_000).contains(d.points) { throw TaskError.badPoints(d.points) }
        return d
    }

    /// Accepts "2026-06-28 08:30" or "2026-06-28 8:30" and returns the zero-padded form that sorts as text.
    public static func normalizedTime(_ text: String) throws -> String {
        let t = text.trimmingCharacters(in: .whitespaces)
        let parts = t.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, Day.parse(String(parts[0])) != nil else { throw TaskError.badTime(text) }
        let hm = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        guard hm.count == 2, let h = Int(hm[0]), let m = Int(hm[1]), hm[1].count == 2,
              (0...23).contains(h), (0...59).contains(m) else { throw TaskError.badTime(text) }
        return String(parts[0]) + " " + String(format: "%02d:%02d", h, m)
    }
}
