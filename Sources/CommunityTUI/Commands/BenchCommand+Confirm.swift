import ArgumentParser
import CommunityModel
import Foundation

/// `community bench --confirm N`: the desk's confirm as the clerk waits for it — one `redeem` write transaction
/// committed with synchronous = FULL — timed N times on a copy of the database (see `ConfirmBenchmark`).
extension BenchCommand {
    func runConfirm(_ count: Int) throws {
        guard count > 0 else { throw ValidationError("--confirm needs a number of confirms above 0.") }
        let source = try CommunityDatabase.open(path: global.databasePath)
        let actor = try source.demoActor()
        try source.pool.close()
        let t = try ConfirmBenchmark.run(path: global.databasePath, count: count, by: actor)
        let name = "confirm (synchronous \(t.synchronous), \(t.journalMode))" as NSString
        print(String(format: "%-34@ n %7d  p50 %6.2f ms  p95 %6.2f ms  max %6.2f ms", name, t.millis.count, t.median, t.p95, t.worst))
        var note = "  each: \(t.basket) for one of \(t.holders) holders, on a copy of the file (copy and setup \(Int(t.setupMillis)) ms, not timed)"
        if t.refused > 0 { note += "; refused \(t.refused): \(t.firstRefusal ?? "")" }
        print(note)
    }
}
