import CommunityModel
import Foundation

/// Finds or makes the demo database for `community --demo`.
enum DemoLauncher {
    static func openDemo(path: String, createIfMissing: Bool) throws -> CommunityDatabase {
        if !FileManager.default.fileExists(atPath: path) {
            guard createIfMissing else {
                throw CommandFailure(text: LocalizedText("找不到演示数据库 \(path)。可先运行 community seed-demo --db \(path)。",
                                                         "No demo database at \(path). Make one with community seed-demo --db \(path).").text())
            }
            throw CommandFailure(text: "demo seeding arrives with the maintenance work")
        }
        return try CommunityDatabase.open(path: path)
    }
}
