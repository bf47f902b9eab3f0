import ArgumentParser
import CommunityModel
import Foundation

/// `community bench`: times the real app code (store queries, update, render into the frame buffer)
/// on a database, the way a user drives it. Used by `make bench`; not a test, so it never fails a build.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure first frame and per-key latency on a database (used by make bench).",
        shouldDisplay: false)

    @OptionGroup var global: GlobalOptions

    @Option(help: "Key presses per scenario.") var presses = 200
    @Option(help: "Terminal size as WIDTHxHEIGHT.") var size = "120x40"
    @Option(help: "Run the scenarios of this file (tests/bench/scenarios.txt) instead; prints each key's time.")
    var script: String?
    @Option(help: "Only time this many redemption confirms (synchronous = FULL) on a copy of the database, and print that line.")
    var confirm: Int?

    func run() throws {
        global.applyLanguage()
        try reportingErrors {
            if let confirm { return try runConfirm(confirm) }
            let parts = size.split(separator: "x").compactMap { Int($0) }
            let (w, h) = parts.count == 2 ? (parts[0], parts[1]) : (120, 40)
            let start = DispatchTime.now()
            let reference = try global.applyReferenceData()
            let db = try CommunityDatabase.open(path: global.databasePath)
            let actor = try db.demoActor()
            let ctx = AppContext(db: db, actor: actor, today: Day.today(), reference: reference, bodyHeight: h - 3, bodyWidth: w)
            var app = App(ctx: ctx, width: w, height: h)
            _ = app.render()
            if let script {
                // As the real loop does after its first frame; the keys then find what a person's would.
                app.warmUp()
                BackgroundWarmUp.wait()
                return try runScript(script, app: &app)
            }
            let firstFrame = Self.ms(since: start)
            print(String(format: "first frame (open, load, render): %.1f ms", firstFrame))
            // The dashboard's figures are the heaviest reads; timed one by one so a regression is easy to place.
            let today = ctx.today
            for (name, read) in [
                ("figures: roster counts", { _ = try db.rosterCounts() }),
                ("figures: consultation", { _ = try db.consultationFigures(today: today) }),
                ("figures: volunteer", { _ = try db.volunteerFigures(now: today + " 12:00") }),
                ("figures: points outstanding", { _ = try db.pointsOutstanding() }),
                ("figures: ranking last month", { if let p = RankingPeriod.lastClosed(for: .members, today: today) { _ = try db.ranking(p) } }),
            ] as [(String, () throws -> Void)] {
                let t = DispatchTime.now()
                try read()
                print(String(format: "%-34@ %6.2f ms", name as NSString, Self.ms(since: t)))
            }
            for (name, keys) in scenarios(app) {
                var times: [Double] = []
                for key in keys {
                    let t = DispatchTime.now()
                    app.handle(key)
                    _ = app.render()
                    times.append(Self.ms(since: t))
                }
                times.sort()
                // A small --presses leaves some scenarios without keys: nothing to report, not a crash.
                guard !times.isEmpty else { continue }
                let p50 = times[times.count / 2], p95 = times[min(times.count - 1, times.count * 95 / 100)], worst = times.last ?? 0
                print(String(format: "%-34@ keys %5d  p50 %6.2f ms  p95 %6.2f ms  max %6.2f ms", name as NSString, times.count, p50, p95, worst))
            }
            // Readers map the file, so resident memory counts the file's pages they touched (the kernel's page
            // cache, dropped under pressure) beside the program's own memory; both are shown.
            print(String(format: "resident memory: %.1f MiB (own %.1f MiB; mapped file pages, the database and code, %.1f MiB)",
                         Self.residentMiB(), Self.residentMiB("RssAnon:"), Self.residentMiB("RssFile:")))
        }
    }

    /// Each scenario is a key sequence a secretary would type; screens register theirs here.
    private func scenarios(_ app: App) -> [(String, [Key])] {
        var list: [(String, [Key])] = []
        list.append(("roster: open (7)", [.char("7")]))
        list.append(("roster: j down", Array(repeating: .char("j"), count: presses)))
        list.append(("roster: PgDn / PgUp", Array(repeating: .pageDown, count: presses / 4) + Array(repeating: .pageUp, count: presses / 4)))
        list.append(("roster: G / g", Array([Key.char("G"), .char("g")].repeated(presses / 10))))
        list.append(("roster: / search typing 张1", [.char("/")] + Array([Key.char("张"), .char("1"), .backspace, .backspace].repeated(presses / 8)) + [.escape]))
        list.append(("roster: Tab organisations", Array([Key.tab].repeated(presses / 10))))
        list.append(("consult: open (2)", [.char("2")]))
        list.append(("consult: j down", Array(repeating: .char("j"), count: presses)))
        list.append(("consult: PgDn / PgUp", Array(repeating: .pageDown, count: presses / 4) + Array(repeating: .pageUp, count: presses / 4)))
        list.append(("consult: G / g", Array([Key.char("G"), .char("g")].repeated(presses / 10))))
        list.append(("consult: t step filter ①…⑧", Array([Key.char("t")].repeated(presses / 10)) + [.char("x")]))
        list.append(("consult: v overdue / l category", Array([Key.char("v"), .char("l")].repeated(presses / 10)) + [.char("x")]))
        list.append(("consult: / search typing 飘线", [.char("/")] + Array([Key.char("飘"), .char("线"), .backspace, .backspace].repeated(presses / 8)) + [.escape]))
        list.append(("consult: Enter detail, j, Esc", Array([Key.enter, .char("j"), .escape, .char("j")].repeated(presses / 8))))
        list.append(("tasks: open (3)", [.char("3")]))
        list.append(("tasks: j down a column", Array(repeating: .char("j"), count: presses)))
        list.append(("tasks: l / h across columns", Array([Key.char("l"), .char("l"), .char("l"), .char("l"), .char("h"), .char("h"), .char("h"), .char("h")].repeated(presses / 8))))
        list.append(("tasks: ended column G / g", [.char("l"), .char("l"), .char("l")] + Array([Key.char("G"), .char("g")].repeated(presses / 10))))
        list.append(("tasks: Enter task / Esc", Array([Key.enter, .escape].repeated(presses / 10))))
        list.append(("tasks: Tab review queue, j, Tab", [.tab] + Array(repeating: .char("j"), count: presses / 2) + [.tab]))
        list.append(("audit: open (8)", [.char("8")]))
        list.append(("audit: j down", Array(repeating: .char("j"), count: presses)))
        list.append(("audit: PgDn / PgUp", Array(repeating: .pageDown, count: presses / 4) + Array(repeating: .pageUp, count: presses / 4)))
        list.append(("audit: G / g", Array([Key.char("G"), .char("g")].repeated(presses / 10))))
        list.append(("audit: t kind filter, j", Array([Key.char("t"), .char("j"), .char("j")].repeated(presses / 6)) + [.char("x")]))
        list.append(("audit: / search typing 张1", [.char("/")] + Array([Key.char("张"), .char("1"), .backspace, .backspace].repeated(presses / 8)) + [.escape]))
        list.append(("ranks: open (5)", [.char("5")]))
        list.append(("ranks: j down", Array(repeating: .char("j"), count: presses)))
        list.append(("ranks: PgDn / PgUp", Array(repeating: .pageDown, count: presses / 4) + Array(repeating: .pageUp, count: presses / 4)))
        list.append(("ranks: [ ] periods", Array([Key.char("["), .char("["), .char("]"), .char("]")].repeated(presses / 8))))
        list.append(("ranks: Tab organisations", Array([Key.tab].repeated(presses / 10))))
        list.append(("ranks: o outbox / o", Array([Key.char("o"), .char("o")].repeated(presses / 10))))
        list.append(("screen switch 1-7", Array((1...7).map { Key.char(Character(String($0))) }.repeated(presses / 14))))
        return list
    }

    /// One line per scenario, `name<TAB>ms,ms,…` for each measured key, read by tests/bench/tty_latency.py.
    private func runScript(_ path: String, app: inout App) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for scenario in try BenchScenario.parse(text) {
            for key in scenario.setup {
                app.handle(key)
                _ = app.render()
            }
            var times: [String] = []
            for key in scenario.keys {
                let t = DispatchTime.now()
                app.handle(key)
                _ = app.render()
                times.append(String(format: "%.3f", Self.ms(since: t)))
            }
            print("\(scenario.name)\t\(times.joined(separator: ","))")
        }
    }

    static func ms(since start: DispatchTime) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000
    }

    static func residentMiB(_ field: String = "VmRSS:") -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field) }),
              let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kb / 1024
    }
}

extension Array {
    func repeated(_ times: Int) -> [Element] {
        (0..<Swift.max(1, times)).flatMap { _ in self }
    }
}
