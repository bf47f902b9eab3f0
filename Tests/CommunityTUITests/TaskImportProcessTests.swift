import CommunityModel
import CommunityTestSupport
import Foundation
import XCTest

/// Two real processes (`community import`, the built binary) importing overlapping claim files into the
/// same database at the same time: every claim lands once, none is lost (issue 4 item 10).
final class TaskImportProcessTests: XCTestCase {
    var binary: URL { CommunityBinary.url }

    func testTwoProcessesImportingOverlappingFilesLoseAndDoubleNothing() throws {
        _ = try CommunityBinary.require()
        let store = try TestStore(fileName: "c.sqlite")
        defer { store.remove() }
        let dir = store.directory, path = store.path, db = store.db, actor = store.secretary
        let task = try db.createTask(TaskDraft(title: "核酸检测（上午班）", category: .nucleicTesting, audience: .members,
                                               startsAt: "2099-06-28 08:00", endsAt: "2099-06-28 11:30", place: "卫生站", places: 1000, points: 5),
                                     publish: true, by: actor)
        for i in 0..<300 {
            try db.addMember(Member(name: "党员\(i)", phone: String(format: "139%08d", i), organisationId: nil, level: .city,
                                    memberCode: String(format: "C%04d", i), reportedOn: "2026-01-01"), by: actor)
        }
        func file(_ name: String, _ range: Range<Int>) throws -> String {
            let text = "外部编号,任务,认领人,状态,时间,备注\n" + range.map { i in
                "MP-\(i),#\(task.id!),\(String(format: "C%04d", i)),\(i % 3 == 0 ? "已回复" : "已认领"),2026-06-20 09:00,完成"
            }.joined(separator: "\n") + "\n"
            let url = dir.appendingPathComponent(name)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return url.path
        }
        let a = try file("a.csv", 0..<200), b = try file("b.csv", 100..<300)
        // Each process imports its file three times; both start together.
        var processes: [Process] = []
        for f in [a, b, a, b] {
            let p = Process()
            p.executableURL = binary
            p.arguments = ["import", "--what", "claims", "--db", path, "--operator", "王书记", "--pin", TestStore.pin, f]
            p.standardOutput = FileHandle.nullDevice
            let err = Pipe()
            p.standardError = err
            processes.append(p)
        }
        for p in processes { try p.run() }
        for p in processes { p.waitUntilExit() }
        for p in processes { XCTAssertEqual(p.terminationStatus, 0, "an import failed") }
        XCTAssertEqual(try db.claimCount(.task(task.id!)), 300)
        XCTAssertEqual(try db.claimCount(.reviewQueue), 100)
        let imports = try db.auditLog(.first(1_000)).filter { $0.action == "claim.import" }
        XCTAssertEqual(imports.count, 4, "every process committed its import")
        XCTAssertEqual(try db.task(id: task.id!)?.taken, 300)
        XCTAssertEqual(try db.volunteerProblems(), [])
    }

    /// kill -9 in the middle of an import leaves all of the file or none of it, and importing again completes it once.
    func testKillNineDuringAnImportLeavesAllOrNothing() throws {
        _ = try CommunityBinary.require()
        let store = try TestStore(fileName: "k.sqlite")
        defer { store.remove() }
        let dir = store.directory, path = store.path, db = store.db, actor = store.secretary
        let task = try db.createTask(TaskDraft(title: "小门管控", category: .gateControl, audience: .members, startsAt: "2099-06-28 08:00",
                                               endsAt: "2099-06-28 11:30", place: "东门", places: 10_000, points: 5), publish: true, by: actor)
        let n = 1_500
        for i in 0..<n {
            try db.addMember(Member(name: "党员\(i)", phone: String(format: "139%08d", i), organisationId: nil, level: .city,
                                    memberCode: String(format: "K%05d", i), reportedOn: "2026-01-01"), by: actor)
        }
        let file = dir.appendingPathComponent("big.csv")
        try ("外部编号,任务,认领人,状态,时间,备注\n" + (0..<n).map { "MP-\($0),#\(task.id!),\(String(format: "K%05d", $0)),已回复,2026-06-20 09:00,ok" }
            .joined(separator: "\n")).write(to: file, atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = binary
        p.arguments = ["import", "--what", "claims", "--db", path, "--operator", "王书记", "--pin", TestStore.pin, file.path]
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        usleep(300_000)
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        let after = try db.claimCount(.task(task.id!))
        XCTAssertTrue(after == 0 || after == n, "a killed import left \(after) of \(n) claims")
        XCTAssertEqual(try db.volunteerProblems(), [])
        try db.importClaims(from: file, by: actor)
        XCTAssertEqual(try db.claimCount(.task(task.id!)), n)
        XCTAssertEqual(try db.claimCount(.reviewQueue), n)
        XCTAssertEqual(try db.task(id: task.id!)?.taken, n)
    }
}
