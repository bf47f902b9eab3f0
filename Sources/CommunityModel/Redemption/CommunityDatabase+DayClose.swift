import Foundation
import GRDB

/// The X and Z reports (issue 8 item 8).
extension CommunityDatabase {
    /// The day's report as it stands (X report): changes nothing. A closed day returns its Z report as closed.
    public func dayReport(_ day: String = Day.today()) throws -> DayReport {
        try pool.read { db in
            if let stored = try Self.storedClose(db, day: day) { return stored }
            return try Self.computeReport(db, day: day)
        }
    }

    /// Closes the day (Z report) in one transaction; after this nothing of that day can be voided.
    /// - Throws: `RedemptionError.dayAlreadyClosed`.
    @discardableResult
    public func closeDay(_ day: String = Day.today(), by actor: Actor?) throws -> DayReport {
        try pool.write { db in try Self.closeDay(db, day: day, by: actor) }
    }

    static func closeDay(_ db: Database, day: String, by actor: Actor?) throws -> DayReport {
        if let number = try closeNumber(db, day: day) { throw RedemptionError.dayAlreadyClosed(day: day, closeNumber: number) }
        var report = try computeReport(db, day: day)
        let number = (try Int.fetchOne(db, sql: "SELECT MAX(close_number) FROM redemption_day_close") ?? 0) + 1
        let at = VolunteerClock.timestamp()
        report.closeNumber = number
        report.closedAt = at
        report.closedBy = actor?.name ?? "system"
        let json = String(decoding: try JSONEncoder().encode(report), as: UTF8.self)
        try db.execute(sql: "INSERT INTO redemption_day_close (close_number, day, closed_at, closed_by, report) VALUES (?, ?, ?, ?, ?)",
                       arguments: [number, day, at, report.closedBy, json])
        try AuditEntry.record(db, by: actor, action: "redemption.close_day", target: "redemption_day_close:\(number)",
                              detail: "\(day) Z\(number) \(report.redemptions) 笔 \(report.points) 分")
        return report
    }

    static func storedClose(_ db: Database, day: String) throws -> DayReport? {
        guard let json = try String.fetchOne(db, sql: "SELECT report FROM redemption_day_close WHERE day = ?", arguments: [day]) else { return nil }
        return try JSONDecoder().decode(DayReport.self, from: Data(json.utf8))
    }

    static func computeReport(_ db: Database, day: String) throws -> DayReport {
        let live = ReceiptSeries.live.rawValue
        let head = try Row.fetchOne(db, sql: """
            SELECT MIN(receipt) AS first, MAX(receipt) AS last, COUNT(*) AS receipts,
                   COALESCE(SUM(state = '有效'), 0) AS valid, COALESCE(SUM(CASE WHEN state = '有效' THEN points END), 0) AS points,
                   COALESCE(SUM(state <> '有效'), 0) AS voids, COALESCE(SUM(CASE WHEN state <> '有效' THEN points END), 0) AS voided
            FROM redemption WHERE day = ? AND series = ?
            """, arguments: [day, live])
        let issued = try Int.fetchOne(db, sql: """
            SELECT COUNT(*) FROM voucher v JOIN redemption r ON r.id = v.redemption_id WHERE r.day = ? AND r.series = ?
            """, arguments: [day, live]) ?? 0
        let used = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM voucher WHERE substr(used_at, 1, 10) = ?", arguments: [day]) ?? 0
        var items: [DayReport.ItemLine] = []
        for item in try RedemptionItem.order(RedemptionItem.Columns.sortOrder, RedemptionItem.Columns.id).fetchAll(db) {
            let id = item.id ?? 0
            let out = try Int.fetchOne(db, sql: """
                SELECT COALESCE(SUM(l.quantity), 0) FROM redemption r JOIN redemption_line l ON l.redemption_id = r.id
                WHERE r.day = ? AND r.series = ? AND r.state = '有效' AND l.item_id = ?
                """, arguments: [day, live, id]) ?? 0
            let opening = try Int.fetchOne(db, sql: "SELECT stock_after FROM stock_move WHERE item_id = ? AND day < ? ORDER BY id DESC LIMIT 1",
                                           arguments: [id, day]) ?? 0
            let closing = try Int.fetchOne(db, sql: "SELECT stock_after FROM stock_move WHERE item_id = ? AND day <= ? ORDER BY id DESC LIMIT 1",
                                           arguments: [id, day]) ?? 0
            if !item.active && out == 0 && opening == 0 && closing == 0 { continue }
            items.append(.init(key: item.key, name: item.name, nameEn: item.nameEn, unit: item.unit, out: out, opening: opening, closing: closing))
        }
        return DayReport(day: day, closeNumber: nil, closedAt: nil, closedBy: nil, firstReceipt: head?["first"], lastReceipt: head?["last"],
                         receipts: head?["receipts"] ?? 0, redemptions: head?["valid"] ?? 0, points: head?["points"] ?? 0,
                         voids: head?["voids"] ?? 0, voidedPoints: head?["voided"] ?? 0, vouchersIssued: issued, vouchersUsed: used,
                         items: items)
    }

    /// Whether `day` has been closed.
    public func isDayClosed(_ day: String) throws -> Bool {
        try pool.read { db in try Self.closeNumber(db, day: day) != nil }
    }

    static func closeNumber(_ db: Database, day: String) throws -> Int? {
        try Int.fetchOne(db, sql: "SELECT close_number FROM redemption_day_close WHERE day = ?", arguments: [day])
    }

    /// Screen 4's figures: today's receipts and points, the month's points, low stock, and whether today is closed.
    public func redemptionFigures(today: String = Day.today()) throws -> RedemptionFigures {
        try pool.read { db in try Self.redemptionFigures(db, today: today) }
    }

    static func redemptionFigures(_ db: Database, today: String) throws -> RedemptionFigures {
        let kept = try RedemptionDayTotals.figures(db, series: ReceiptSeries.live.rawValue, today: today)
        let low = try String.fetchAll(db, sql: "SELECT key FROM redemption_item WHERE active = 1 AND stock <= low_stock ORDER BY sort_order, id")
        return RedemptionFigures(todayCount: kept.count, todayPoints: kept.points, monthPoints: kept.month,
                                 lowStock: low, todayClosed: try closeNumber(db, day: today) != nil)
    }

    /// Vouchers issued and neither used, cancelled nor expired on `today` (for `stats --json`; no screen shows it).
    static func vouchersOutstanding(_ db: Database, today: String) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM voucher WHERE state = '未使用' AND expires_on >= ?", arguments: [today]) ?? 0
    }
}
