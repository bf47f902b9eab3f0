import ArgumentParser
import CommunityModel
import Foundation

/// `community redeem`: the desk's confirm, for scripts and bulk events (issue 8 item 9).
struct RedeemCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "redeem",
        abstract: "Redeem points for catalog items (积分兑换); prints the receipt.",
        discussion: """
        --holder is a member code, an 11-digit phone, member:ID / organisation:ID, or any lookup text that finds \
        exactly one holder. --request-id is the retry key: running the same command again returns the same \
        receipt and applies nothing. A refusal (not enough points, out of stock, over the limit, deactivated) \
        exits 1 with the reason. The receipt file is written to the receipts folder beside the database.
        """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var operatorOptions: OperatorOptions
    @Option(help: ArgumentHelp("Who redeems (member code, phone, member:ID, name…).", valueName: "who")) var holder: String
    @Option(name: .customLong("item"), help: ArgumentHelp("A catalog key and quantity, e.g. rice_5kg:1; repeat for more.", valueName: "key[:qty]"))
    var items: [String] = []
    @Option(name: .customLong("request-id"), help: ArgumentHelp("The idempotency key of this redemption.", valueName: "id")) var requestId: String
    @Flag(help: "Print the result as JSON (receipt, points, balance_after, vouchers).") var json = false
    @OptionGroup var receiptOptions: ReceiptOptions

    func run() throws {
        global.applyLanguage()
        try reportingErrors {
            let basket = try items.map(BasketLine.init(parsing:))
            guard !basket.isEmpty else { throw RedemptionError.emptyBasket }
            try receiptOptions.validated()
            let (database, actor) = try global.openForWriting(operatorOptions)
            try global.applyReferenceData()
            let who = try HolderArgument.resolve(holder, in: database)
            let receipt = try database.redeem(RedemptionRequest(holder: who, basket: basket, requestId: requestId), by: actor)
            let community = try database.profile()?.name ?? ""
            let text = ReceiptText.text(receipt, community: community, reprint: !receipt.applied)
            if receipt.applied { try receiptOptions.emit(text, receipt: receipt.receipt, databasePath: database.path) }
            if json {
                let out = RedeemJSON(receipt: receipt.receipt, points: receipt.points, balanceAfter: receipt.balanceAfter,
                                     vouchers: receipt.vouchers.map { .init(code: $0.displayCode, item: itemKey(receipt, $0), expiresOn: $0.expiresOn) },
                                     applied: receipt.applied)
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                encoder.keyEncodingStrategy = .convertToSnakeCase
                FileHandle.standardOutput.write(try encoder.encode(out) + Data("\n".utf8))
            } else {
                print(text, terminator: "")
            }
            if !receipt.applied {
                printError(LocalizedText("请求号 \(requestId) 已兑换过（\(receipt.receipt)），本次未重复扣分。",
                                         "Request \(requestId) was already redeemed (\(receipt.receipt)); nothing was applied again.").text())
            }
        }
    }

    private func itemKey(_ receipt: RedemptionReceipt, _ voucher: Voucher) -> String {
        receipt.lines.first { $0.itemId == voucher.itemId }?.itemKey ?? ""
    }
}

struct RedeemJSON: Encodable {
    struct VoucherJSON: Encodable {
        var code: String
        var item: String
        var expiresOn: String
    }
    var receipt: String
    var points: Int
    var balanceAfter: Int
    var vouchers: [VoucherJSON]
    var applied: Bool
}

/// Turns `--holder` into exactly one points holder.
enum HolderArgument {
    static func resolve(_ text: String, in database: CommunityDatabase) throws -> PointsHolder {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let key = PointsHolder(key: trimmed), try database.holderMatch(key) != nil { return key }
        let found = try database.findHolders(trimmed, limit: 6)
        let exact = found.filter { $0.cursor.rank == 0 }
        if exact.count == 1 { return exact[0].holder }
        if found.count == 1 { return found[0].holder }
        if found.isEmpty {
            throw CommandFailure(text: LocalizedText("找不到 “\(trimmed)”：请用党员编号、手机号或 member:ID 指定。",
                                                     "No holder matches \"\(trimmed)\": give a member code, a phone number or member:ID.").text())
        }
        let list = found.prefix(5).map { "\($0.holder.key) \($0.name) \($0.memberCode) \($0.maskedPhone)" }.joined(separator: "\n  ")
        throw CommandFailure(text: LocalizedText("“\(trimmed)” 对应多人，请写得更具体：\n  \(list)",
                                                 "\"\(trimmed)\" matches several holders; be more specific:\n  \(list)").text())
    }
}

/// `--receipts DIR`, `--receipt-encoding`, `--printer PATH`: where a receipt goes besides the screen.
struct ReceiptOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Folder for receipt files (default: receipts/ beside the database).", valueName: "dir")) var receipts: String?
    @Option(name: .customLong("receipt-encoding"), help: ArgumentHelp("utf-8 (default) or gb18030.", valueName: "enc")) var receiptEncoding: String = "utf-8"
    @Option(help: ArgumentHelp("Also send the receipt as ESC/POS to this printer device.", valueName: "path")) var printer: String?

    func validated() throws {
        guard ReceiptEncoding(argument: receiptEncoding) != nil else {
            throw CommandFailure(text: LocalizedText("--receipt-encoding 只能是 utf-8 或 gb18030（不是 \(receiptEncoding)）。",
                                                     "--receipt-encoding must be utf-8 or gb18030 (not \(receiptEncoding)).").text())
        }
    }

    /// Writes the file (and prints, when asked); says where on stderr.
    func emit(_ text: String, receipt: String, databasePath: String, reprint: Bool = false) throws {
        let folder = receipts.map { URL(fileURLWithPath: ($0 as NSString).expandingTildeInPath) }
            ?? ReceiptWriter.defaultFolder(databasePath: databasePath)
        let url = try ReceiptWriter.write(text, receipt: receipt, to: folder, encoding: ReceiptEncoding(argument: receiptEncoding) ?? .utf8,
                                          reprint: reprint)
        printError(LocalizedText("凭条已写入 \(url.path)", "Receipt written to \(url.path)").text())
        if let printer { try ReceiptWriter.print(text, toPrinter: printer) }
    }
}
