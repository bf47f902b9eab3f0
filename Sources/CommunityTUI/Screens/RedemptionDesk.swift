import CommunityModel
import Foundation

/// Every store call screen 4 makes, in one place, each on the operator's day (`ctx.today`, pinned in tests
/// and demos). The screen itself only holds what these return.
enum RedemptionDesk {
    static func figures(_ ctx: AppContext) throws -> RedemptionFigures {
        try ctx.db.redemptionFigures(today: ctx.today)
    }

    /// Active items, in catalog order.
    static func items(_ ctx: AppContext) throws -> [RedemptionItem] {
        try ctx.db.catalogItems()
    }

    static func lookUp(_ query: String, limit: Int, after: HolderMatch.Cursor?, _ ctx: AppContext) throws -> [HolderMatch] {
        try ctx.db.findHolders(query, limit: limit, after: after)
    }

    static func usage(_ holder: PointsHolder, _ ctx: AppContext) throws -> [PeriodUsage] {
        try ctx.db.periodUsage(of: holder, today: ctx.today)
    }

    static func quote(_ holder: PointsHolder, _ basket: [BasketLine], _ ctx: AppContext) throws -> RedemptionQuote {
        try ctx.db.quote(holder: holder, basket: basket, today: ctx.today)
    }

    /// Today's receipts, newest first. The store has no count for a day's receipts, so the list counts the
    /// page it reads (a day holds a few hundred receipts at most).
    static func todaySource(_ ctx: AppContext) -> VirtualList<Redemption>.Source {
        let db = ctx.db, day = ctx.today
        return .init(fetch: { try db.redemptions(on: day, $0) },
                     count: { try db.redemptionCount(on: day, before: $0) })
    }

    /// Where receipt files go: beside the database (in training, beside the temporary copy, so they vanish with it).
    static func receiptFolder(_ db: CommunityDatabase) -> URL {
        ReceiptWriter.defaultFolder(databasePath: db.path)
    }

    /// Confirms in one store write, then writes the receipt file. A retried request returns the first receipt
    /// (`applied == false`) and writes no second file.
    static func redeem(_ request: RedemptionRequest, community: String, db: CommunityDatabase, by actor: Actor) throws -> (RedemptionReceipt, URL?) {
        let done = try db.redeem(request, by: actor)
        guard done.applied else { return (done, nil) }
        let text = ReceiptText.text(done, community: community, language: Language.current)
        // The redemption is committed whatever happens to the file; a failed file is said, not hidden.
        let file = try? ReceiptWriter.write(text, receipt: done.receipt, to: receiptFolder(db))
        return (done, file)
    }

    static func receipt(_ number: String, _ ctx: AppContext) throws -> ReceiptView {
        guard let r = try ctx.db.redemption(receipt: number) else { throw RedemptionError.unknownReceipt(number) }
        return ReceiptView(r, ctx)
    }

    /// A reprint: marked 重印, written as its own file, no counter changes.
    static func reprint(_ number: String, _ ctx: AppContext) throws -> ReceiptView {
        guard let r = try ctx.db.redemption(receipt: number) else { throw RedemptionError.unknownReceipt(number) }
        let text = ReceiptText.text(r, community: ctx.community, reprint: true, language: Language.current)
        try ReceiptWriter.write(text, receipt: number, to: receiptFolder(ctx.db), reprint: true)
        return ReceiptView(r, ctx, reprint: true)
    }
}

/// A receipt as the screen shows it: the full 32-column page, and a short summary for the panel.
struct ReceiptView: Equatable {
    var number: String
    var lines: [String]
    var summary: [String]

    init(_ receipt: RedemptionReceipt, _ ctx: AppContext, reprint: Bool = false) {
        number = receipt.receipt
        lines = ReceiptText.lines(receipt, community: ctx.community, reprint: reprint, language: Language.current)
        var short = [receipt.receipt + (receipt.redemption.state == .valid ? "" : " " + receipt.redemption.state.label.text())]
        if receipt.redemption.series == .training { short.append(LocalizedText("培训 · 作废", "TRAINING · VOID").text()) }
        for line in receipt.lines {
            let amount = "\(line.points)"
            short.append(TextFit.fit("\(line.label.text()) ×\(line.quantity)", to: 31 - DisplayWidth.of(amount)) + " " + amount)
        }
        short.append(LocalizedText("合计 \(receipt.points) 分 · 余额 \(receipt.balanceAfter)", "total \(receipt.points) · balance \(receipt.balanceAfter)").text())
        for v in receipt.vouchers {
            short.append(LocalizedText("券 ", "code ").text() + v.displayCode + LocalizedText(" 至 ", " to ").text() + v.expiresOn)
        }
        summary = short
    }
}
