import Foundation
import GRDB

/// Times the desk's confirm — `redeem`'s one write transaction (ledger debit, stock moves, receipt and its
/// number, voucher codes), committed with `synchronous = FULL` as the app opens the file — for `make bench`
/// (issue 8 item 11). It runs on a copy of the database beside it, removed afterwards, so the confirms it
/// makes never land in the file later runs measure and the timing is of the real file's size and shape.
public enum ConfirmBenchmark {
    public struct Timing: Sendable {
        /// Milliseconds of each confirm that went through, in the order made.
        public var millis: [Double]
        /// Confirms refused by a rule (each would be a bug in the preparation; the first reason is kept).
        public var refused: Int
        public var firstRefusal: String?
        /// `PRAGMA synchronous` and `journal_mode` of the writer the confirms committed on.
        public var synchronous: String
        public var journalMode: String
        /// What each confirm redeemed, e.g. "towel×1 + car_wash_voucher×1", and for how many holders.
        public var basket: String
        public var holders: Int
        /// Copying and preparing the file (not part of the timing).
        public var setupMillis: Double

        public var sorted: [Double] { millis.sorted() }
        public var median: Double { sorted.isEmpty ? 0 : sorted[sorted.count / 2] }
        public var p95: Double { sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, sorted.count * 95 / 100)] }
        public var worst: Double { sorted.last ?? 0 }
    }

    /// Copies the database at `path`, then makes `count` confirms on the copy, each for a different active holder
    /// (round again if there are fewer) of one goods item and one voucher, and removes the copy.
    /// The copy gets what the confirms need before the clock starts: stock, and points for holders short of the
    /// basket (a restock and adjustments that exist only in the copy).
    /// - Throws: `StoreError` when the file cannot be opened or copied; `RedemptionError.catalogNotLoaded` when
    ///   the catalog has no active goods item or voucher without a per-holder limit.
    public static func run(path: String, count: Int, by actor: Actor?) throws -> Timing {
        let started = DispatchTime.now()
        let source = URL(fileURLWithPath: path).standardizedFileURL
        let copy = source.deletingLastPathComponent().appendingPathComponent(".\(source.lastPathComponent).confirm-bench-\(UUID().uuidString)")
        let fm = FileManager.default
        defer { for suffix in ["", "-wal", "-shm", "-journal"] { try? fm.removeItem(atPath: copy.path + suffix) } }
        try copyFile(source.path, to: copy.path)

        let db = try CommunityDatabase.open(path: copy.path)
        defer { try? db.pool.close() }
        let (basket, holders) = try db.pool.write { db in try prepare(db, count: count, by: actor) }
        let pragmas = try db.pool.writeWithoutTransaction { db in
            (try String.fetchOne(db, sql: "PRAGMA synchronous") ?? "?", try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "?")
        }
        var timing = Timing(millis: [], refused: 0, firstRefusal: nil, synchronous: synchronousName(pragmas.0), journalMode: pragmas.1,
                            basket: basket.map { "\($0.itemKey)×\($0.quantity)" }.joined(separator: " + "),
                            holders: Set(holders).count, setupMillis: millis(since: started))
        let run = UUID().uuidString.prefix(8)
        for i in 0..<count where !holders.isEmpty {
            let request = RedemptionRequest(holder: holders[i % holders.count], basket: basket, requestId: "bench-\(run)-\(i)")
            let t = DispatchTime.now()
            do {
                try db.redeem(request, by: actor)
                timing.millis.append(millis(since: t))
            } catch let refusal as RedemptionError {
                timing.refused += 1
                if timing.firstRefusal == nil { timing.firstRefusal = refusal.description }
            }
        }
        return timing
    }

    /// The source file as one consistent file: its WAL folded in, then copied byte for byte (fast even at
    /// stress, and keeps the owner-only mode). If another connection keeps the WAL from being folded in
    /// completely, SQLite's online backup makes the copy instead (slower, always consistent).
    static func copyFile(_ source: String, to target: String) throws {
        let original = try CommunityDatabase.open(path: source)
        defer { try? original.pool.close() }
        let folded = try original.pool.writeWithoutTransaction { db -> Bool in
            guard let row = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)") else { return false }
            let busy: Int = row[0], log: Int = row[1], done: Int = row[2]
            return busy == 0 && log == done
        }
        guard folded else {
            try original.backup(to: target)
            return
        }
        do {
            try FileManager.default.copyItem(atPath: source, toPath: target)
        } catch {
            throw StoreError.cannotOpen(path: target, reason: error.localizedDescription)
        }
    }

    /// The basket (the cheapest active goods item and voucher without a limit; without a voucher in the catalog,
    /// the goods item alone unless `voucherRequired`), the holders (active, most points first), and on the copy:
    /// stock for every confirm and points for holders who lack them.
    static func prepare(_ db: Database, count: Int, by actor: Actor?, voucherRequired: Bool = true) throws -> ([BasketLine], [PointsHolder]) {
        let items = try RedemptionItem.filter(RedemptionItem.Columns.active == true).order(Column("points"), Column("id")).fetchAll(db)
            .filter { $0.limit == nil }
        let voucher = items.first(where: \.isVoucher)
        guard let goods = items.first(where: { !$0.isVoucher }), voucher != nil || !voucherRequired else {
            throw RedemptionError.catalogNotLoaded
        }
        let basket = [goods] + (voucher.map { [$0] } ?? [])
        for item in basket where item.stock < count {
            guard let id = item.id else { continue }
            try CommunityDatabase.insertStockMove(db, itemId: id, kind: .restock, quantity: count - item.stock, source: "bench",
                                                  note: "confirm timing (copy only)", redemptionId: nil, by: actor)
        }
        let cost = basket.reduce(0) { $0 + $1.points }
        let rows = try Row.fetchAll(db, sql: """
            SELECT kind, id, COALESCE((SELECT balance FROM points_balance b WHERE b.holder_kind = h.kind AND b.holder_id = h.id), 0) AS balance
            FROM (SELECT 'member' AS kind, id FROM member WHERE active = 1 UNION ALL SELECT 'organisation', id FROM organisation WHERE active = 1) h
            ORDER BY balance DESC, kind, id LIMIT ?
            """, arguments: [count])
        var holders: [PointsHolder] = []
        for row in rows {
            let id: Int64 = row["id"]
            let holder: PointsHolder = (row["kind"] as String) == "member" ? .member(id) : .organisation(id)
            let balance: Int = row["balance"]
            let rounds = (count + rows.count - 1) / max(1, rows.count)
            if balance < cost * rounds {
                _ = try CommunityDatabase.postLedgerEntry(db, LedgerPosting(holder: holder, kind: .adjustment, amount: cost * rounds - balance,
                                                                            reason: "bench: confirm timing (copy only)",
                                                                            idempotencyKey: "bench-topup-\(holder.key)-\(UUID().uuidString)"), by: actor)
            }
            holders.append(holder)
        }
        return (basket.map { BasketLine(itemKey: $0.key) }, holders)
    }

    static func synchronousName(_ value: String) -> String {
        switch value {
        case "0": return "OFF"
        case "1": return "NORMAL"
        case "2": return "FULL"
        case "3": return "EXTRA"
        default: return value
        }
    }

    static func millis(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000
    }
}
