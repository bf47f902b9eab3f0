import Foundation
import GRDB

/// The catalog and its stock ledger (issue 8 item 1).
extension CommunityDatabase {
    /// Loads the data file's catalog: adds every item whose key the store does not have yet, with its opening
    /// stock as the first stock move. Items already in the store are left as they are (prices may have changed).
    /// - Returns: how many items were added.
    @discardableResult
    public func loadCatalog(_ catalog: Catalog, by actor: Actor?) throws -> Int {
        try pool.write { db in try Self.loadCatalog(db, catalog, by: actor) }
    }

    /// `loadCatalog` inside the caller's transaction (setup and demo seeding).
    static func loadCatalog(_ db: Database, _ catalog: Catalog, by actor: Actor?) throws -> Int {
        var added = 0
        let at = VolunteerClock.timestamp()
        var order = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(sort_order), 0) FROM redemption_item") ?? 0
        for item in catalog.items {
            if try RedemptionItem.filter(RedemptionItem.Columns.key == item.key).fetchCount(db) > 0 { continue }
            order += 1
            var row = RedemptionItem(item, sortOrder: order, at: at)
            try row.insert(db)
            if item.stock > 0, let id = row.id {
                try insertStockMove(db, itemId: id, kind: .opening, quantity: item.stock, source: "catalog.json", note: "", redemptionId: nil, by: actor)
            }
            try AuditEntry.record(db, by: actor, action: "catalog.add", target: "redemption_item:\(row.id ?? 0)",
                                  detail: "\(item.key) \(item.name) \(item.points) 分 库存 \(item.stock)")
            added += 1
        }
        return added
    }

    /// Appends one stock move inside the caller's transaction; the triggers move the item's stock and refuse < 0.
    @discardableResult
    static func insertStockMove(_ db: Database, itemId: Int64, kind: StockMoveKind, quantity: Int, source: String, note: String,
                                redemptionId: Int64?, by actor: Actor?) throws -> StockMove {
        let stock = try Int.fetchOne(db, sql: "SELECT stock FROM redemption_item WHERE id = ?", arguments: [itemId]) ?? 0
        let at = VolunteerClock.timestamp()
        var move = StockMove(id: nil, itemId: itemId, kind: kind, quantity: quantity, stockAfter: stock + quantity, source: source,
                             note: note, redemptionId: redemptionId, at: at, day: String(at.prefix(10)), operatorName: actor?.name ?? "system")
        try move.insert(db)
        return move
    }

    /// Every catalog item in display order; retired ones only when asked.
    public func catalogItems(includeRetired: Bool = false) throws -> [RedemptionItem] {
        try pool.read { db in
            var request = RedemptionItem.order(RedemptionItem.Columns.sortOrder, RedemptionItem.Columns.id)
            if !includeRetired { request = request.filter(RedemptionItem.Columns.active == true) }
            return try request.fetchAll(db)
        }
    }

    /// One item by key (retired ones included), or nil.
    public func catalogItem(key: String) throws -> RedemptionItem? {
        try pool.read { db in try RedemptionItem.filter(RedemptionItem.Columns.key == key).fetchOne(db) }
    }

    /// Adds a new item (书记 only), with its opening stock.
    /// - Throws: `RedemptionError.secretaryRequired`, `.duplicateItem`, `.badPrice`.
    @discardableResult
    public func addCatalogItem(_ item: Catalog.Item, by actor: Actor) throws -> RedemptionItem {
        guard actor.role == .secretary else { throw RedemptionError.secretaryRequired }
        guard item.points > 0 else { throw RedemptionError.badPrice(item.points) }
        guard item.stock >= 0 else { throw RedemptionError.badStockQuantity(item.stock) }
        return try pool.write { db in
            let taken = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM redemption_item WHERE key = ? OR code_prefix = ?",
                                         arguments: [item.key, item.codePrefix]) ?? 0
            guard taken == 0 else { throw RedemptionError.duplicateItem(item.key) }
            guard try Self.loadCatalog(db, Catalog(items: [item]), by: actor) == 1,
                  let row = try RedemptionItem.filter(RedemptionItem.Columns.key == item.key).fetchOne(db) else {
                throw RedemptionError.duplicateItem(item.key)
            }
            return row
        }
    }

    /// Changes an item's price (书记 only), audited with old and new price. Receipts already made keep their price.
    /// - Throws: `RedemptionError.secretaryRequired`, `.unknownItem`, `.badPrice`.
    @discardableResult
    public func changePrice(itemKey: String, points: Int, by actor: Actor) throws -> RedemptionItem {
        guard actor.role == .secretary else { throw RedemptionError.secretaryRequired }
        guard points > 0 else { throw RedemptionError.badPrice(points) }
        return try pool.write { db in
            var item = try Self.item(db, itemKey)
            let old = item.points
            item.points = points
            try item.update(db)
            try AuditEntry.record(db, by: actor, action: "catalog.price", target: "redemption_item:\(item.id ?? 0)",
                                  detail: "\(item.key) \(old) → \(points)")
            return item
        }
    }

    /// Retires an item (书记 only): no longer offered, kept for old receipts and the stock ledger.
    /// - Throws: `RedemptionError.secretaryRequired`, `.unknownItem`.
    @discardableResult
    public func retireItem(key: String, by actor: Actor) throws -> RedemptionItem {
        guard actor.role == .secretary else { throw RedemptionError.secretaryRequired }
        return try pool.write { db in
            var item = try Self.item(db, key)
            item.active = false
            try item.update(db)
            try AuditEntry.record(db, by: actor, action: "catalog.retire", target: "redemption_item:\(item.id ?? 0)", detail: item.key)
            return item
        }
    }

    /// Puts goods on the shelf: a purchase or a donation (`source`, e.g. a 驻区单位), with a note.
    /// - Throws: `RedemptionError.unknownItem`, `.badStockQuantity` (quantity must be > 0).
    @discardableResult
    public func restock(itemKey: String, quantity: Int, source: String, note: String = "", by actor: Actor?) throws -> StockMove {
        guard quantity > 0 else { throw RedemptionError.badStockQuantity(quantity) }
        return try pool.write { db in
            let item = try Self.item(db, itemKey)
            let move = try Self.insertStockMove(db, itemId: item.id ?? 0, kind: .restock, quantity: quantity,
                                                source: source.trimmingCharacters(in: .whitespaces), note: note, redemptionId: nil, by: actor)
            try AuditEntry.record(db, by: actor, action: "stock.restock", target: "redemption_item:\(item.id ?? 0)",
                                  detail: "\(item.key) +\(quantity) → \(move.stockAfter) \(source) \(note)")
            return move
        }
    }

    /// Records a stocktake: `counted` units on the shelf; the difference from the book is a stock move with `reason`.
    /// - Throws: `RedemptionError.unknownItem`, `.badStockQuantity` (counted < 0), `.reasonRequired`.
    @discardableResult
    public func recordStocktake(itemKey: String, counted: Int, reason: String, by actor: Actor?) throws -> StockMove {
        guard counted >= 0 else { throw RedemptionError.badStockQuantity(counted) }
        let why = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !why.isEmpty else { throw RedemptionError.reasonRequired }
        return try pool.write { db in
            let item = try Self.item(db, itemKey)
            let move = try Self.insertStockMove(db, itemId: item.id ?? 0, kind: .stocktake, quantity: counted - item.stock,
                                                source: "盘点", note: why, redemptionId: nil, by: actor)
            try AuditEntry.record(db, by: actor, action: "stock.stocktake", target: "redemption_item:\(item.id ?? 0)",
                                  detail: "\(item.key) 账 \(item.stock) 实 \(counted)：\(why)")
            return move
        }
    }

    /// One page of an item's stock moves, newest first.
    public func stockMoves(itemKey: String, _ request: PageRequest) throws -> [StockMove] {
        try pool.read { db in
            let item = try Self.item(db, itemKey)
            return try KeysetQuery(select: "SELECT * FROM stock_move", sortExpression: "''", idExpression: "id",
                                   conditions: ["item_id = ?"], arguments: [item.id ?? 0], descending: true).fetch(db, request)
        }
    }

    static func item(_ db: Database, _ key: String) throws -> RedemptionItem {
        guard let item = try RedemptionItem.filter(RedemptionItem.Columns.key == key).fetchOne(db) else {
            throw RedemptionError.unknownItem(key)
        }
        return item
    }
}
