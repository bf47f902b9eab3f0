import Foundation
import GRDB

/// Redeeming points for goods and vouchers (issue 8 item 2): quote, then one write transaction.
extension CommunityDatabase {
    /// What the holder has redeemed of each active item in its limit period, for the desk's catalog view.
    public func periodUsage(of holder: PointsHolder, today: String = Day.today()) throws -> [PeriodUsage] {
        try pool.read { db in
            try RedemptionItem.filter(RedemptionItem.Columns.active == true).order(RedemptionItem.Columns.sortOrder).fetchAll(db).map { item in
                guard let limit = item.limit, let period = LimitPeriod(limit.per, day: today) else {
                    return PeriodUsage(item: item, redeemed: 0, remaining: nil, resetsOn: nil)
                }
                let n = try RedemptionPricing.redeemed(db, holder: holder, itemId: item.id ?? 0, from: period.start)
                return PeriodUsage(item: item, redeemed: n, remaining: max(0, limit.count - n), resetsOn: period.next)
            }
        }
    }

    /// Prices a basket for the confirm view without writing anything: lines, total, balance after, and the
    /// first refusal confirm would give now (`refusal == nil` means it would go through).
    /// - Throws: `RedemptionError.unknownHolder` / `.unknownItem` / `.badQuantity` / `.emptyBasket` for a basket that cannot even be priced.
    public func quote(holder: PointsHolder, basket: [BasketLine], today: String = Day.today()) throws -> RedemptionQuote {
        try pool.read { db in
            let e = try RedemptionPricing.evaluate(db, holder: holder, basket: basket, day: today)
            var refusal = e.refusal
            if refusal == nil, let _ = try Self.closeNumber(db, day: today) { refusal = .dayClosedForRedemption(day: today) }
            return RedemptionQuote(holder: e.holder, lines: e.lines, total: e.total, balance: e.holder.balance,
                                   balanceAfter: e.holder.balance - e.total, refusal: refusal)
        }
    }

    /// Confirms a basket in one write transaction: ledger debit, stock moves, the receipt with its number
    /// (`DH20261202-0001`, per day, never reused), and voucher codes. A retried request id applies nothing and
    /// returns the first receipt with `applied == false`.
    /// - Throws: `RedemptionError.notEnoughPoints` (with the shortfall), `.outOfStock` (how many left),
    ///   `.overLimit` (when it resets), `.holderDeactivated`, `.emptyBasket`, `.unknownItem`, `.itemRetired`,
    ///   `.requestIdReused` (same id, different basket), `.dayClosedForRedemption`. Nothing is written when it throws.
    @discardableResult
    public func redeem(_ request: RedemptionRequest, by actor: Actor?) throws -> RedemptionReceipt {
        var random = SystemRandomNumberGenerator()
        return try pool.write { db in try Self.redeem(db, request, by: actor, random: &random) }
    }

    /// `redeem` inside the caller's transaction (the demo and the generator pass a seeded generator).
    static func redeem<R: RandomNumberGenerator>(_ db: Database, _ request: RedemptionRequest, by actor: Actor?,
                                                 random: inout R) throws -> RedemptionReceipt {
        let requestId = request.requestId.trimmingCharacters(in: .whitespaces)
        guard !requestId.isEmpty else { throw RedemptionError.requestIdMissing }
        if let existing = try Redemption.filter(Redemption.Columns.requestId == requestId).fetchOne(db) {
            let receipt = try receipt(db, existing, applied: false)
            let asked = try RedemptionPricing.merged(request.basket)
            let had = receipt.lines.map { BasketLine(itemKey: $0.itemKey, quantity: $0.quantity) }
            guard existing.holder == request.holder, asked == had else { throw RedemptionError.requestIdReused(requestId) }
            return receipt
        }
        let at = VolunteerClock.timestamp()
        let day = String(at.prefix(10))
        if try closeNumber(db, day: day) != nil { throw RedemptionError.dayClosedForRedemption(day: day) }
        let e = try RedemptionPricing.evaluate(db, holder: request.holder, basket: request.basket, day: day)
        if let refusal = e.refusal { throw refusal }

        let seq = (try Int.fetchOne(db, sql: "SELECT MAX(seq) FROM redemption WHERE series = ? AND day = ?",
                                    arguments: [request.series, day]) ?? 0) + 1
        let number = request.series.number(day: day, sequence: seq)
        let posted = try postLedgerEntry(db, LedgerPosting(holder: request.holder, kind: .debit, amount: -e.total,
                                                           reason: "积分兑换 \(number)", idempotencyKey: "redemption:\(requestId)",
                                                           reference: number), by: actor)
        guard posted.applied, let entryId = posted.entry.id else { throw RedemptionError.requestIdReused(requestId) }
        let phone = try holderPhone(db, request.holder)
        var redemption = Redemption(id: nil, receipt: number, requestId: requestId, series: request.series, day: day, sequence: seq,
                                    memberId: request.holder.memberId, organisationId: request.holder.organisationId,
                                    holderName: e.holder.name, holderPhone: phone, points: e.total,
                                    balanceAfter: posted.entry.balanceAfter, ledgerEntryId: entryId, at: at,
                                    clerk: actor?.name ?? "system", state: .valid, voidedAt: nil, voidReason: "", voidClerk: "",
                                    voidSupervisor: "", reversalEntryId: nil)
        try redemption.insert(db)
        guard let rid = redemption.id else { throw RedemptionError.unknownReceipt(number) }
        var lines: [RedemptionLine] = []
        var vouchers: [Voucher] = []
        for (index, line) in e.lines.enumerated() {
            let item = line.item
            guard let itemId = item.id else { continue }
            let row = RedemptionLine(redemptionId: rid, line: index + 1, itemId: itemId, itemKey: item.key, name: item.name,
                                     nameEn: item.nameEn, unit: item.unit, quantity: line.quantity, unitPoints: item.points,
                                     points: line.points)
            try row.insert(db)
            lines.append(row)
            try insertStockMove(db, itemId: itemId, kind: .redemption, quantity: -line.quantity, source: number, note: "",
                                redemptionId: rid, by: actor)
            if item.isVoucher, let prefix = item.codePrefix {
                let expires = Day.adding((item.voucherDays ?? 90) - 1, to: day) ?? day
                for _ in 0..<line.quantity {
                    var code = VoucherCode.make(prefix: prefix, using: &random)
                    while try Voucher.filter(Voucher.Columns.code == code).fetchCount(db) > 0 {
                        code = VoucherCode.make(prefix: prefix, using: &random)
                    }
                    var voucher = Voucher(id: nil, code: code, redemptionId: rid, itemId: itemId, issuedOn: day, expiresOn: expires,
                                          storedState: .unused, usedAt: nil, usedShop: nil, usedBy: nil, cancelledAt: nil)
                    try voucher.insert(db)
                    vouchers.append(voucher)
                }
            }
        }
        let summary = lines.map { "\($0.itemKey)×\($0.quantity)" }.joined(separator: " ")
        try AuditEntry.record(db, by: actor, action: "redemption.redeem", target: "receipt:\(number)",
                              detail: "\(number) \(request.holder.key) −\(e.total) → \(posted.entry.balanceAfter) \(summary) [\(requestId)]")
        return RedemptionReceipt(redemption: redemption, lines: lines, vouchers: vouchers, applied: true)
    }

    static func holderPhone(_ db: Database, _ holder: PointsHolder) throws -> String {
        switch holder {
        case .member(let id): return try String.fetchOne(db, sql: "SELECT phone FROM member WHERE id = ?", arguments: [id]) ?? ""
        case .organisation(let id): return try String.fetchOne(db, sql: "SELECT phone FROM organisation WHERE id = ?", arguments: [id]) ?? ""
        }
    }

    static func receipt(_ db: Database, _ redemption: Redemption, applied: Bool) throws -> RedemptionReceipt {
        let id = redemption.id ?? 0
        let lines = try RedemptionLine.filter(Column("redemption_id") == id).order(Column("line")).fetchAll(db)
        let vouchers = try Voucher.filter(Voucher.Columns.redemptionId == id).order(Column("id")).fetchAll(db)
        return RedemptionReceipt(redemption: redemption, lines: lines, vouchers: vouchers, applied: applied)
    }

    /// A receipt by number, or nil.
    public func redemption(receipt: String) throws -> RedemptionReceipt? {
        try pool.read { db in
            try Redemption.filter(Redemption.Columns.receipt == receipt.uppercased()).fetchOne(db).map { try Self.receipt(db, $0, applied: false) }
        }
    }

    /// A receipt by the request id that made it, or nil.
    public func redemption(requestId: String) throws -> RedemptionReceipt? {
        try pool.read { db in
            try Redemption.filter(Redemption.Columns.requestId == requestId).fetchOne(db).map { try Self.receipt(db, $0, applied: false) }
        }
    }

    /// One page of a day's receipts, newest first.
    public func redemptions(on day: String, _ request: PageRequest) throws -> [Redemption] {
        try pool.read { db in try Self.dayQuery(day).fetch(db, request) }
    }

    /// How many receipts the day's list holds, or how many come before `key` in it: the same rows as
    /// `redemptions(on:)`, counted on the day's index (the day report would also add up every item's stock).
    public func redemptionCount(on day: String, before key: ListKey? = nil) throws -> Int {
        try pool.read { db in try Self.dayQuery(day).count(db, before: key) }
    }

    private static func dayQuery(_ day: String) -> KeysetQuery {
        KeysetQuery(select: "SELECT * FROM redemption", sortExpression: "''", idExpression: "id",
                    conditions: ["day = ?"], arguments: [day], descending: true)
    }

    /// One page of a holder's receipts, newest first.
    public func redemptions(of holder: PointsHolder, _ request: PageRequest) throws -> [Redemption] {
        let (column, id) = RedemptionPricing.holderColumn(holder)
        return try pool.read { db in
            try KeysetQuery(select: "SELECT * FROM redemption", sortExpression: "''", idExpression: "id",
                            conditions: ["\(column) = ?"], arguments: [id], descending: true).fetch(db, request)
        }
    }
}
