import ArgumentParser
import CommunityModel
import Foundation

/// `community voucher check|use`: what a partner shop does with a code (issue 8 item 3).
struct VoucherCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "voucher",
        abstract: "Check or use a partner-shop voucher (合作商家券).",
        subcommands: [Check.self, Use.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "check", abstract: "Tell a voucher's state without using it.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The voucher code, e.g. XC-7K3M-9QPW (dashes and case do not matter).") var code: String

        func run() throws {
            global.applyLanguage()
            try reportingErrors {
                let database = try global.openForReading()
                let status = try database.checkVoucher(code)
                print(status.summary.text())
                if let partner = status.item.partnerLabel { print(LocalizedText("商家：", "Shop: ").text() + partner.text()) }
                // Exit 0 only when the shop may accept it, so a script can test the code's status.
                if status.state != .unused { throw ExitCode(2) }
            }
        }
    }

    struct Use: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "use", abstract: "Use a voucher once at a shop.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var operatorOptions: OperatorOptions
        @Argument(help: "The voucher code.") var code: String
        @Option(help: "The shop using it.") var shop: String

        func run() throws {
            global.applyLanguage()
            try reportingErrors {
                let (database, actor) = try global.openForWriting(operatorOptions)
                let status = try database.useVoucher(code, shop: shop, by: actor)
                print(LocalizedText("已使用：", "Used: ").text() + status.summary.text())
            }
        }
    }
}
