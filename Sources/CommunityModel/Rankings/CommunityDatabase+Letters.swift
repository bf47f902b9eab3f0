import Foundation
import GRDB

/// The letters outbox (issue 9 items 3–6). Generating reads the ranking and inserts the letters in the same
/// write transaction; UNIQUE(period, kind, recipient) with INSERT OR IGNORE makes a second run, or a second
/// terminal generating at the same moment, add nothing twice.
extension CommunityDatabase {
    /// Generates the period's 感谢信 and 提醒函 from the templates. Letters already in the outbox are kept as
    /// they are (never rewritten); only holders who qualify and have no letter of that kind get one.
    /// - Throws: `RankingsError.periodNotClosed` before the period has ended.
    @discardableResult
    public func generateLetters(_ period: RankingPeriod, templates: LetterTemplates, today: String, by actor: Actor?,
                                settings: RankingSettings = RankingSettings.current()) throws -> LetterGeneration {
        guard period.isClosed(today: today) else { throw RankingsError.periodNotClosed(period.label.text()) }
        return try pool.write { db in
            let ranking = try Self.ranking(db, period, settings: settings)
            let profile = try CommunityProfile.fetchOne(db)
            let generatedAt = VolunteerClock.timestamp()
            var result = LetterGeneration(period: period, thanksMade: 0, remindersMade: 0, thanksExisting: 0, remindersExisting: 0)
            let insert = try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO letter (period, kind, holder_kind, holder_id, recipient, recipient_code, rank, points, services,
                                              body, generated_at, generated_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for row in ranking.rows {
                guard let kind = row.letter else { continue }
                let template = templates.template(kind, for: period.audience.letterAudience)
                let body = template.render(Self.letterValues(row, period: period, profile: profile, today: today))
                let id = row.holder.memberId ?? row.holder.organisationId ?? 0
                try insert.execute(arguments: [period.key, kind.rawValue, period.audience.holderKind, id, row.name, row.code, row.rank,
                                               row.points, row.services, body, generatedAt, actor?.name ?? "system"])
                let made = db.changesCount > 0
                switch (kind, made) {
                case (.thanks, true): result.thanksMade += 1
                case (.thanks, false): result.thanksExisting += 1
                case (.reminder, true): result.remindersMade += 1
                case (.reminder, false): result.remindersExisting += 1
                }
            }
            try AuditEntry.record(db, by: actor, action: "letters.generate", target: "letters:\(period.key)",
                                  detail: "感谢信 +\(result.thanksMade) 提醒函 +\(result.remindersMade)（已有 \(result.thanksExisting + result.remindersExisting)）")
            return result
        }
    }

    /// Every placeholder's value for a row (the template uses what it needs).
    static func letterValues(_ row: RankingRow, period: RankingPeriod, profile: CommunityProfile?, today: String) -> [LetterTemplates.Placeholder: String] {
        [.name: row.name, .community: profile?.name ?? "", .street: profile?.street ?? "", .district: profile?.district ?? "",
         .city: profile?.city ?? "", .period: period.label.zh, .points: String(row.points), .rank: String(row.rank),
         .date: Self.chineseDate(today)]
    }

    /// "2026-12-01" → "2026年12月1日".
    public static func chineseDate(_ day: String) -> String {
        let p = day.prefix(10).split(separator: "-").compactMap { Int($0) }
        return p.count == 3 ? "\(p[0])年\(p[1])月\(p[2])日" : day
    }

    /// What generating would make now: letters due by the rule that are not in the outbox yet.
    public func lettersDue(_ period: RankingPeriod, settings: RankingSettings = RankingSettings.current()) throws -> (thanks: Int, reminders: Int) {
        let r = try ranking(period, settings: settings)
        return (r.rows.filter { $0.letter == .thanks && $0.issued == nil }.count, r.rows.filter { $0.letter == .reminder && $0.issued == nil }.count)
    }

    /// The latest closed month (members) and quarter (organisations) whose letters have not been generated,
    /// with the counts generating would make — the overview's hint. Empty when all are done.
    /// Kept by the store's figures cache until the file changes, so the overview does not rank again on every redraw.
    public func pendingLetterPeriods(today: String, settings: RankingSettings = RankingSettings.current()) throws -> [PendingLetters] {
        struct Context: Equatable, Sendable { var today: String; var settings: RankingSettings }
        return try figures("pending-letters", context: Context(today: today, settings: settings)) { db in
            try Self.pendingLetterPeriods(db, today: today, settings: settings)
        }
    }

    /// The same, inside a read the caller holds (the overview's alerts read every module's in one).
    static func pendingLetterPeriods(_ db: Database, today: String, settings: RankingSettings) throws -> [PendingLetters] {
        do {
            var out: [PendingLetters] = []
            for audience in RankingAudience.allCases {
                guard let period = RankingPeriod.lastClosed(for: audience, today: today) else { continue }
                let generated = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM letter WHERE period = ? AND holder_kind = ?)",
                                                  arguments: [period.key, audience.holderKind]) ?? false
                if generated { continue }
                let r = try Self.ranking(db, period, settings: settings)
                if r.thanks + r.reminders > 0 { out.append(PendingLetters(period: period, thanks: r.thanks, reminders: r.reminders)) }
            }
            return out
        }
    }

    // MARK: Sending and withdrawing

    /// Marks letters as sent by a channel on a day. All or nothing; letters already sent are skipped (a retry).
    /// - Returns: how many were marked now.
    /// - Throws: `RankingsError.wrongLetterState` when one of them was withdrawn.
    @discardableResult
    public func markLettersSent(_ ids: [Int64], channel: LetterChannel, on day: String, by actor: Actor) throws -> Int {
        guard Day.parse(day) != nil else { throw RankingsError.badDate(day) }
        return try pool.write { db in
            var changed = 0
            for id in Set(ids).sorted() {
                guard var letter = try Letter.fetchOne(db, key: id) else { throw RankingsError.unknownLetter }
                if letter.state == .sent { continue }
                guard letter.state == .pending else { throw RankingsError.wrongLetterState(recipient: letter.recipientDisplay, state: letter.state) }
                letter.state = .sent
                letter.channel = channel
                letter.sentOn = day
                letter.changedAt = VolunteerClock.timestamp()
                letter.changedBy = actor.name
                try letter.update(db)
                try AuditEntry.record(db, by: actor, action: "letter.send", target: "letter:\(id)",
                                      detail: "\(letter.period) \(letter.kind.label.zh) \(letter.recipientDisplay) \(channel.rawValue) \(day)")
                changed += 1
            }
            return changed
        }
    }

    /// Withdraws a waiting letter with a reason; it stays in the outbox as 已撤回.
    @discardableResult
    public func withdrawLetter(_ id: Int64, reason: String, by actor: Actor) throws -> Letter {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw RankingsError.reasonRequired }
        return try pool.write { db in
            guard var letter = try Letter.fetchOne(db, key: id) else { throw RankingsError.unknownLetter }
            guard letter.state == .pending else { throw RankingsError.wrongLetterState(recipient: letter.recipientDisplay, state: letter.state) }
            letter.state = .withdrawn
            letter.withdrawnReason = reason
            letter.changedAt = VolunteerClock.timestamp()
            letter.changedBy = actor.name
            try letter.update(db)
            try AuditEntry.record(db, by: actor, action: "letter.withdraw", target: "letter:\(id)",
                                  detail: "\(letter.period) \(letter.kind.label.zh) \(letter.recipientDisplay)：\(reason)")
            return letter
        }
    }

    // MARK: Exclusions from reminders

    /// Leaves a holder out of reminder letters from now on, with the reason recorded (e.g. 长期病假).
    public func excludeFromReminders(_ holder: PointsHolder, reason: String, by actor: Actor) throws {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw RankingsError.reasonRequired }
        try pool.write { db in
            let name = try Self.rankingHolderName(db, holder)
            let (kind, id) = Self.holderColumns(holder)
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM reminder_exclusion WHERE holder_kind = ? AND holder_id = ? AND lifted_at IS NULL)",
                                 arguments: [kind, id]) == true { throw RankingsError.alreadyExcluded(name) }
            try db.execute(sql: "INSERT INTO reminder_exclusion (holder_kind, holder_id, reason, excluded_at, excluded_by) VALUES (?, ?, ?, ?, ?)",
                           arguments: [kind, id, reason, VolunteerClock.timestamp(), actor.name])
            try AuditEntry.record(db, by: actor, action: "reminder.exclude", target: holder.key, detail: "\(name)：\(reason)")
        }
    }

    /// Ends a holder's exclusion from reminder letters (the record stays).
    public func liftReminderExclusion(_ holder: PointsHolder, by actor: Actor) throws {
        try pool.write { db in
            let name = try Self.rankingHolderName(db, holder)
            let (kind, id) = Self.holderColumns(holder)
            try db.execute(sql: "UPDATE reminder_exclusion SET lifted_at = ?, lifted_by = ? WHERE holder_kind = ? AND holder_id = ? AND lifted_at IS NULL",
                           arguments: [VolunteerClock.timestamp(), actor.name, kind, id])
            guard db.changesCount > 0 else { throw RankingsError.notExcluded(name) }
            try AuditEntry.record(db, by: actor, action: "reminder.include", target: holder.key, detail: name)
        }
    }

    static func rankingHolderName(_ db: Database, _ holder: PointsHolder) throws -> String {
        do { return try holderName(db, holder) } catch { throw RankingsError.unknownHolder }
    }

    // MARK: Reading the outbox

    /// One page of a period's letters for an audience, optionally of one state, in order of generation.
    public func letters(_ period: RankingPeriod, state: LetterState? = nil, _ request: PageRequest) throws -> [Letter] {
        try pool.read { db in try Self.letterQuery(period, state: state).fetch(db, request) }
    }

    public func letterCount(_ period: RankingPeriod, state: LetterState? = nil, before key: ListKey? = nil) throws -> Int {
        try pool.read { db in try Self.letterQuery(period, state: state).count(db, before: key) }
    }

    public func letter(id: Int64) throws -> Letter? {
        try pool.read { db in try Letter.fetchOne(db, key: id) }
    }

    /// Every letter of a period that can still be printed (waiting or sent), thanks first, by rank.
    public func printableLetters(_ period: RankingPeriod) throws -> [Letter] {
        try pool.read { db in
            try Letter.fetchAll(db, sql: """
                SELECT * FROM letter WHERE period = ? AND holder_kind = ? AND state <> '已撤回'
                ORDER BY CASE kind WHEN 'thanks' THEN 0 ELSE 1 END, rank, recipient, id
                """, arguments: [period.key, period.audience.holderKind])
        }
    }

    /// Letters of a period by kind and state (for stats and the outbox header).
    public func letterCounts(_ period: RankingPeriod) throws -> [LetterTemplates.Kind: [LetterState: Int]] {
        try pool.read { db in try Self.letterCounts(db, period) }
    }

    static func letterCounts(_ db: Database, _ period: RankingPeriod) throws -> [LetterTemplates.Kind: [LetterState: Int]] {
        var out: [LetterTemplates.Kind: [LetterState: Int]] = [:]
        for r in try Row.fetchAll(db, sql: "SELECT kind, state, COUNT(*) FROM letter WHERE period = ? AND holder_kind = ? GROUP BY kind, state",
                                  arguments: [period.key, period.audience.holderKind]) {
            let kind: LetterTemplates.Kind = r[0], state: LetterState = r[1]
            out[kind, default: [:]][state] = r[2]
        }
        return out
    }

    static func letterQuery(_ period: RankingPeriod, state: LetterState?) -> KeysetQuery {
        var conditions = ["period = ?", "holder_kind = ?"]
        var arguments: [(any DatabaseValueConvertible)?] = [period.key, period.audience.holderKind]
        if let state {
            conditions.append("state = ?")
            arguments.append(state.rawValue)
        }
        return KeysetQuery(select: "SELECT * FROM letter", sortExpression: "''", idExpression: "id", conditions: conditions, arguments: arguments)
    }
}
