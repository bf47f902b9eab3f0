@testable import CommunityTUI
import CommunityModel
import Foundation
import XCTest

/// The runner looks for another terminal's commit every 250 ms even while keys keep arriving (issue 13
/// item 6: the check used to run only after a one-second key time-out). A scripted clock, not a timer.
final class RunnerRefreshTests: XCTestCase {
    /// Hands out keys on a scripted clock: each key "arrives" 100 ms after the last; a zero wait finds none.
    final class ScriptedTerminal: Terminal {
        var clock: UInt64 = 0
        var keysLeft: Int
        var onKey: (UInt64) -> Void = { _ in }
        var frames: [(at: UInt64, text: String)] = []
        init(keys: Int) { keysLeft = keys }
        var size: (width: Int, height: Int) { (80, 24) }
        func draw(_ buffer: ScreenBuffer) { frames.append((clock, buffer.lines.joined(separator: "\n"))) }
        func readKey(timeoutMs: Int) -> Key? {
            guard timeoutMs > 0 else { return nil }
            clock += UInt64(min(timeoutMs, 100))
            guard timeoutMs >= 100 else { return nil }
            keysLeft -= 1
            onKey(clock)
            return keysLeft > 0 ? .char("x") : .char("q")
        }
        func shutdown() {}
    }

    func testAnotherTerminalsCommitShowsWithinAPollWhileKeysKeepComing() throws {
        var f = try TUIFixture()
        defer { f.remove() }
        let other = try CommunityDatabase.open(path: f.db.path)
        let terminal = ScriptedTerminal(keys: 30)
        var committedAt: UInt64?
        terminal.onKey = { now in
            guard committedAt == nil, now >= 1_030 else { return }
            _ = try? other.addMember(Member(name: "新党员", phone: "13900000001", organisationId: nil, level: .city,
                                            memberCode: "N0001", reportedOn: "2026-11-30"), by: f.secretary)
            committedAt = now
        }
        XCTAssertTrue(f.text.contains("在职党员 0 人"), f.text)
        let runner = Runner(terminal: terminal, app: f.app, now: { terminal.clock })
        runner.run()
        let commit = try XCTUnwrap(committedAt)
        let shown = try XCTUnwrap(terminal.frames.first { $0.text.contains("在职党员 1 人") }, "the new member never showed")
        XCTAssertLessThanOrEqual(shown.at - commit, UInt64(Runner.pollMs), "shown \(shown.at - commit) ms after the commit")
    }

    func testIdleRunnerWaitsNoLongerThanAPollForAKey() throws {
        var f = try TUIFixture()
        defer { f.remove() }
        final class Recording: Terminal {
            var waits: [Int] = []
            var size: (width: Int, height: Int) { (80, 24) }
            func draw(_ buffer: ScreenBuffer) {}
            func readKey(timeoutMs: Int) -> Key? { waits.append(timeoutMs); return waits.count > 5 ? .char("q") : nil }
            func shutdown() {}
        }
        let terminal = Recording()
        Runner(terminal: terminal, app: f.app, now: { 0 }).run()
        XCTAssertEqual(terminal.waits.max(), Runner.pollMs)
    }
}
