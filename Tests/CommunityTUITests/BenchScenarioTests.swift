@testable import CommunityTUI
import CommunityTestSupport
import Foundation
import XCTest

/// The scenario notation `make bench` types through the pty and feeds headless.
final class BenchScenarioTests: XCTestCase {
    func testAPauseIsSkippedHeadlessAndKeysAroundItKept() throws {
        let scenarios = try BenchScenario.parse("audit after a pause | <Esc> 8 <Wait75> / | 李明 <C-u>\n")
        XCTAssertEqual(scenarios.count, 1)
        XCTAssertEqual(scenarios[0].setup, [.escape, .char("8"), .char("/")])
        XCTAssertEqual(scenarios[0].keys, [.char("李"), .char("明"), .ctrl("u")])
        XCTAssertEqual(BenchScenario.pauseSeconds("Wait75"), 75)
    }

    func testAPauseOfNoTimeIsAnUnknownKey() {
        XCTAssertNil(BenchScenario.pauseSeconds("Wait0"))
        XCTAssertNil(BenchScenario.pauseSeconds("Waitx"))
        XCTAssertThrowsError(try BenchScenario.parse("x | <Wait0> | a\n")) { error in
            XCTAssertTrue("\(error)".contains("unknown key <Wait0>"), "\(error)")
        }
    }

    /// The file `make bench` uses parses, pause included, so a bad edit shows here and not at the end of a bench.
    func testTheShippedScenariosParse() throws {
        let url = TestStore.repositoryRoot.appendingPathComponent("tests/bench/scenarios.txt")
        let scenarios = try BenchScenario.parse(try String(contentsOf: url, encoding: .utf8))
        XCTAssertGreaterThan(scenarios.count, 15)
        XCTAssertTrue(scenarios.contains { $0.name.contains("pause") })
        XCTAssertTrue(scenarios.allSatisfy { !$0.keys.isEmpty })
    }
}
