import CommunityModel
import Foundation
import XCTest

/// `community letters generate` from two processes at the same moment, and again: every letter once (issue 9 item 10).
final class LetterProcessTests: XCTestCase {
    var binary: URL { CommunityBinary.url }

    func testTwoProcessesGeneratingAtOnceMakeNoDuplicate() throws {
        _ = try CommunityBinary.require()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("letters-proc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("l.sqlite").path
        let db = try CommunityDatabase.open(path: path)
        let actor = try db.setUp(profile: CommunityProfile(name: "朝东社区", street: "公园街道", district: "运河区", city: "沧州市"),
                                 secretaryName: "王书记", pin: "246810")
        // 60 members, all at zero in November: with the default 10 each, the tie makes 60 reminders.
        for i in 0..<60 {
            try db.addMember(Member(name: "党员\(i)", phone: String(format: "139%08d", i), organisationId: nil, level: .city,
                                    memberCode: String(format: "L%04d", i), reportedOn: "2026-01-01"), by: actor)
        }
        var processes: [(Process, Pipe)] = []
        for _ in 0..<4 {
            let p = Process()
            p.executableURL = binary
            p.arguments = ["letters", "generate", "--period", "2026-11", "--db", path, "--operator", "王书记", "--pin", "246810"]
            var env = ProcessInfo.processInfo.environment
            env["COMMUNITY_TODAY"] = "2026-12-01"
            p.environment = env
            let out = Pipe()
            p.standardOutput = out
            p.standardError = FileHandle.nullDevice
            processes.append((p, out))
        }
        for (p, _) in processes { try p.run() }
        var made = 0
        for (p, out) in processes {
            p.waitUntilExit()
            XCTAssertEqual(p.terminationStatus, 0, "a generate failed")
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            if let m = text.firstMatch(of: /提醒函 (\d+) 封/), let n = Int(m.1) { made += n }
        }
        let november = RankingPeriod(year: 2026, month: 11)!
        XCTAssertEqual(try db.letterCount(november), 60)
        XCTAssertEqual(made, 60, "the four runs together made each letter once")
        XCTAssertEqual(try db.pool.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM audit_log WHERE action = 'letters.generate'") }, 4)
    }
}
