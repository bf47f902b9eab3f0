import ArgumentParser
import CommunityModel
import Foundation

/// `community report day [--date D] [--close]`: the desk's X report, or with --close the Z report (issue 8 item 8).
struct ReportDayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "day",
        abstract: "The day's redemptions: X report (changes nothing) or, with --close, the Z report that closes the day.")
    @OptionGroup var global: GlobalOptions
    @OptionGroup var operatorOptions: OperatorOptions
    @Option(help: ArgumentHelp("The day (yyyy-MM-dd; default today).", valueName: "date")) var date: String?
    @Flag(help: "Close the day (Z report): no void of that day afterwards.") var close = false
    @Flag(help: "Print as JSON.") var json = false

    func run() throws {
        global.applyLanguage()
        try reportingErrors {
            let day = date ?? CommunityModel.Day.today()
            guard CommunityModel.Day.parse(day) != nil else {
                throw CommandFailure(text: LocalizedText("日期 “\(day)” 不对：请写成 2026-12-02。", "The date \"\(day)\" is wrong: write it as 2026-12-02.").text())
            }
            let report: DayReport
            if close {
                let (database, actor) = try global.openForWriting(operatorOptions)
                report = try database.closeDay(day, by: actor)
            } else {
                report = try global.openForReading().dayReport(day)
            }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                FileHandle.standardOutput.write(try encoder.encode(report) + Data("\n".utf8))
            } else {
                print(DayReportText.lines(report).joined(separator: "\n"))
            }
        }
    }
}

/// The report as plain lines for the terminal and the printer.
enum DayReportText {
    static func lines(_ r: DayReport) -> [String] {
        func t(_ zh: String, _ en: String) -> String { LocalizedText(zh, en).text() }
        var out = [r.isClosed ? t("Z 报表（日结 第 \(r.closeNumber ?? 0) 号）\(r.day)", "Z report (close no. \(r.closeNumber ?? 0)) \(r.day)")
                              : t("X 报表（未日结）\(r.day)", "X report (day open) \(r.day)")]
        if let at = r.closedAt { out.append(t("日结时间 \(at) \(r.closedBy ?? "")", "Closed \(at) by \(r.closedBy ?? "")")) }
        out.append(t("首单 \(r.firstReceipt ?? "-")  末单 \(r.lastReceipt ?? "-")", "First \(r.firstReceipt ?? "-")  last \(r.lastReceipt ?? "-")"))
        out.append(t("兑换 \(r.redemptions) 笔（共开单 \(r.receipts)），扣分 \(r.points)", "Redemptions \(r.redemptions) (receipts \(r.receipts)), points \(r.points)"))
        out.append(t("作废 \(r.voids) 笔，\(r.voidedPoints) 分", "Voids \(r.voids), \(r.voidedPoints) points"))
        out.append(t("发券 \(r.vouchersIssued) 张，用券 \(r.vouchersUsed) 张", "Vouchers issued \(r.vouchersIssued), used \(r.vouchersUsed)"))
        out.append(t("物品  出库  期初  期末", "Item  out  opening  closing"))
        for i in r.items {
            out.append("\(Language.current == .zh ? i.name : i.nameEn)  \(i.out)  \(i.opening)  \(i.closing)")
        }
        return out
    }
}
