import ArgumentParser
import CommunityModel
import Foundation

/// `community seed-demo`: fills an empty database with the demo 朝东社区, marked as demo data.
struct SeedDemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seed-demo",
        abstract: "Fill an empty database with the demo community 朝东社区 (marked as demo data).",
        discussion: """
        Without --db (and without $COMMUNITY_DB) fills the demo database that `community --demo` opens. \
        Demo operators 演示书记 (secretary), 演示社工 (community worker) and 兑换窗口 (redemption desk) \
        all have PIN 1234. Refuses a database that already holds a community.
        """)

    @OptionGroup var global: GlobalOptions

    func run() throws {
        global.applyLanguage()
        try reportingErrors {
            let path = DemoPaths.target(global)
            try global.requireFolder(for: path)
            let database = try CommunityDatabase.open(path: path)
            try database.seedDemo(dataDirectory: Paths.referenceData)
            let counts = try database.rosterCounts()
            print(LocalizedText(
                "已填入演示数据：\(DemoSeeder.profile.fullName)，\(counts.organisations) 个报到单位，\(counts.members) 名在职党员 → \(path)。演示操作员 \(DemoSeeder.secretaryName)、\(DemoSeeder.workerName)、\(DemoSeeder.kioskName) 的 PIN 都是 \(DemoSeeder.pin)。",
                "Demo data written: \(DemoSeeder.profile.fullName), \(counts.organisations) organisations, \(counts.members) members → \(path). Demo operators \(DemoSeeder.secretaryName), \(DemoSeeder.workerName), \(DemoSeeder.kioskName) all have PIN \(DemoSeeder.pin).").text())
        }
    }
}

enum DemoPaths {
    /// `--db`, else $COMMUNITY_DB, else the demo database: demo data never lands in the default real database.
    static func target(_ global: GlobalOptions) -> String {
        if global.db != nil { return global.databasePath }
        if let env = ProcessInfo.processInfo.environment["COMMUNITY_DB"], !env.isEmpty { return global.databasePath }
        return Paths.demoDatabase
    }
}
