import ArgumentParser
import CommunityModel
import Foundation

/// `community star show|export|street` (issue 10).
struct StarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "star",
        abstract: "The quarterly star rating (星级评定): scorecard, export for the street, the street's roll-up.",
        subcommands: [StarShowCommand.self, StarExportCommand.self, StarStreetCommand.self])
}

extension StarQuarter: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

extension GlobalOptions {
    /// The star standard from `data/`, put in force for the hooks as well.
    func starStandard() throws -> StarStandard {
        try applyReferenceData().starStandard
    }
}

/// `star show`: the JSON document scripts read.
struct StarShowDocument: Encodable {
    struct Area: Encodable { var key: String; var score: Int; var weight: Int }
    struct Deduction: Encodable {
        var caseIndex: Int, text: String, points: Int, count: Int, note: String
        enum CodingKeys: String, CodingKey { case caseIndex = "case", text, points, count, note }
    }
    struct Proposal: Encodable {
        var caseIndex: Int, points: Int, reason: String
        enum CodingKeys: String, CodingKey { case caseIndex = "case", points, reason }
    }
    struct Criterion: Encodable {
        var key: String, area: String, weight: Int, score: Int, deductions: [Deduction], proposed: [Proposal], evidence: String?
        func encode(to encoder: Encoder) throws {
            enum K: String, CodingKey { case key, area, weight, score, deductions, proposed, evidence }
            var c = encoder.container(keyedBy: K.self)
            try c.encode(key, forKey: .key); try c.encode(area, forKey: .area); try c.encode(weight, forKey: .weight)
            try c.encode(score, forKey: .score); try c.encode(deductions, forKey: .deductions); try c.encode(proposed, forKey: .proposed)
            try c.encode(evidence, forKey: .evidence)
        }
    }
    var quarter: StarQuarter, stage: String, total: Int, claimedStars: Int, finalStars: Int?
    var areas: [Area], criteria: [Criterion], flags: [StarFlag]

    func encode(to encoder: Encoder) throws {
        enum K: String, CodingKey { case quarter, stage, total, claimedStars = "claimed_stars", finalStars = "final_stars", areas, criteria, flags }
        var c = encoder.container(keyedBy: K.self)
        try c.encode(quarter, forKey: .quarter); try c.encode(stage, forKey: .stage); try c.encode(total, forKey: .total)
        try c.encode(claimedStars, forKey: .claimedStars); try c.encode(finalStars, forKey: .finalStars)
        try c.encode(areas, forKey: .areas); try c.encode(criteria, forKey: .criteria); try c.encode(flags, forKey: .flags)
    }

    init(_ a: StarAssessment, flags: [StarFlag]) {
        quarter = a.quarter
        stage = a.stageKey
        total = a.scorecard.total
        claimedStars = a.claimedStars
        finalStars = a.finalStars
        areas = a.scorecard.areas.map { Area(key: $0.area.key, score: $0.score, weight: $0.weight) }
        criteria = a.scorecard.lines.map { line in
            Criterion(key: line.criterion.key, area: line.criterion.area, weight: line.criterion.weight, score: line.score,
                      deductions: line.applied.map { d in
                          Deduction(caseIndex: d.caseIndex + 1, text: line.criterion.deductions[d.caseIndex].label.text(), points: d.points, count: d.count, note: d.note)
                      },
                      proposed: line.proposals.map { Proposal(caseIndex: $0.caseIndex + 1, points: $0.points, reason: $0.reason.text()) },
                      evidence: line.evidence?.text())
        }
        self.flags = flags
    }
}

struct StarShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print a quarter's scorecard, stage and flags (本季度星级评分).",
        discussion: "JSON keys: quarter, stage, total, claimed_stars, final_stars, areas[key,score,weight], criteria[key,weight,score,deductions,evidence], flags.")

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("The quarter, e.g. 2026Q4 (default: today's).", valueName: "yyyyQn"))
    var quarter: StarQuarter?

    @Flag(name: .long, help: "Print JSON for scripts.")
    var json = false

    func run() throws {
        global.applyLanguage()
        try reportingErrors {
            let database = try global.openForReading()
            let standard = try global.starStandard()
            let q = quarter ?? StarQuarter(day: Day.today()) ?? StarQuarter(year: 2026, number: 1)
            let a = try database.starAssessment(q, standard: standard)
            let flags = try database.starFlags(standard: standard)
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                var data = try encoder.encode(StarShowDocument(a, flags: flags))
                data.append(UInt8(ascii: "\n"))
                FileHandle.standardOutput.write(data)
                return
            }
            guard let profile = try database.profile() else { throw StoreError.missingProfile }
            var lines = StarPrintout.lines(profile: profile, assessment: a, standard: standard)
            for p in a.scorecard.proposals {
                lines.append(LocalizedText("建议扣分：\(p.criterion) 第 \(p.caseIndex + 1) 种情形 −\(p.points)（\(p.reason.zh)），待确认",
                                           "Proposed: \(p.criterion) case \(p.caseIndex + 1) −\(p.points) (\(p.reason.en)), to be confirmed").text())
            }
            for f in flags { lines.append("⚑ " + f.rule.text() + " [\(f.quartersText)]") }
            FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        }
    }
}

struct StarExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a quarter's result for the street office (.json) or the printable self-assessment (.txt, .docx).",
        discussion: "The file's extension decides: .json is the street's export (community, total, claimed stars, stage results) that `star street` reads; .txt and .docx are the self-assessment laid out for printing (A4).")

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("The quarter, e.g. 2026Q4 (default: today's).", valueName: "yyyyQn"))
    var quarter: StarQuarter?

    @Option(name: .long, help: ArgumentHelp("The file to write: .json, .txt or .docx.", valueName: "file"))
    var to: String

    func run() throws {
        global.applyLanguage()
        try reportingErrors {
            let target = URL(fileURLWithPath: (to as NSString).expandingTildeInPath)
            let ext = target.pathExtension.lowercased()
            guard ["json", "txt", "docx"].contains(ext) else {
                throw CommandFailure(text: LocalizedText("--to 的文件名应以 .json（街道导出）或 .txt/.docx（打印自评表）结尾。",
                                                         "--to must end in .json (the street's export) or .txt/.docx (the printable self-assessment).").text())
            }
            if ExportCommand.isDatabaseFile(target) {
                throw CommandFailure(text: LocalizedText("\(target.path) 是一个数据库文件，导出不会覆盖它。", "\(target.path) is a database file; an export never overwrites one.").text())
            }
            let database = try global.openForReading()
            let standard = try global.starStandard()
            let q = quarter ?? StarQuarter(day: Day.today()) ?? StarQuarter(year: 2026, number: 1)
            let data: Data
            if ext == "docx" {
                guard let profile = try database.profile() else { throw StoreError.missingProfile }
                let doc = StarPrintout.docx(profile: profile, assessment: try database.starAssessment(q, standard: standard), standard: standard)
                do {
                    try DocxWriter.write(doc, to: target)
                } catch {
                    throw CommandFailure(text: LocalizedText("无法写入 \(target.path)：\(error.localizedDescription)", "Cannot write \(target.path): \(error.localizedDescription)").text())
                }
                printError(LocalizedText("已写出 \(q) 的自评表到 \(target.path)。", "Wrote the \(q) self-assessment to \(target.path).").text())
                return
            } else if ext == "json" {
                data = try database.starExport(q, standard: standard).json()
            } else {
                guard let profile = try database.profile() else { throw StoreError.missingProfile }
                let lines = StarPrintout.lines(profile: profile, assessment: try database.starAssessment(q, standard: standard), standard: standard)
                data = Data((lines.joined(separator: "\r\n") + "\r\n").utf8)
            }
            _ = try ExportCommand.writeReplacing(target) { handle in
                try handle.write(contentsOf: data)
                return 1
            }
            try? FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: target.path)
            printError(ext == "json" ? LocalizedText("已写出 \(q) 的星级结果到 \(target.path)。", "Wrote the \(q) star result to \(target.path).").text()
                                     : LocalizedText("已写出 \(q) 的自评表到 \(target.path)。", "Wrote the \(q) self-assessment to \(target.path).").text())
        }
    }
}

struct StarStreetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "street",
        abstract: "The street office's roll-up: rank five-star claims by defence score and confirm the five-star share.",
        discussion: """
        Reads the communities' `star export` files (one quarter), ranks the five-star claims by the street's defence \
        score, and confirms enough of them that five-star communities are at least --min-share of all the files \
        given; communities tied on the last confirmed score are all confirmed. Prints CSV (UTF-8 with BOM) or JSON.
        """)

    @Argument(help: ArgumentHelp("The communities' export files (.json).", valueName: "files"))
    var files: [String]

    @Option(name: .customLong("min-share"), help: ArgumentHelp("The least share of five-star communities, 0–1.", valueName: "fraction"))
    var minShare: String = "0.2"

    @Flag(name: .long, help: "Print JSON instead of CSV.")
    var json = false

    // For --lang (the files are read, no database is opened).
    @OptionGroup var global: GlobalOptions

    func run() throws {
        global.applyLanguage()
        try reportingErrors {
            guard let share = Double(minShare), share >= 0, share <= 1 else { throw StarStreetError.badShare(minShare) }
            let rollUp = try StreetRollUp.read(files.map { URL(fileURLWithPath: ($0 as NSString).expandingTildeInPath) }, minShare: share)
            FileHandle.standardOutput.write(json ? try rollUp.json() : rollUp.csv())
            printError(LocalizedText("共 \(rollUp.communities) 个社区，五星至少 \(rollUp.needed) 个，确认 \(rollUp.confirmed) 个。",
                                     "\(rollUp.communities) communities; at least \(rollUp.needed) five-star; \(rollUp.confirmed) confirmed.").text())
        }
    }
}
