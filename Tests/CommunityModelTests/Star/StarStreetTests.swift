import CommunityModel
import CommunityTestSupport
import XCTest

/// Issue 10 item 6: the street's roll-up over 14 communities' exports, where the share rule decides the last place.
final class StarStreetTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws { directory = try TestStore.scratchDirectory("star-street") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    /// Writes one community's export as `star export` would, from a real store walked to the defence.
    func export(_ name: String, deductions: Int, defence: Double?) throws -> URL {
        let store = try TestStore()
        defer { store.remove() }
        let standard = StarFixture.standard
        let q = StarFixture.q4
        try store.db.pool.write { db in try db.execute(sql: "UPDATE community_profile SET name = ?", arguments: [name]) }
        // One point at a time off per-occurrence cases: 1 point each.
        if deductions > 0 {
            try store.db.applyStarDeduction(q, criterion: "three_meetings_one_lesson", caseIndex: 0, count: deductions, note: "缺会", standard: standard, by: store.secretary)
        }
        try store.db.signOffSelfAssessment(q, standard: standard, by: store.secretary)
        if let defence {
            try store.db.recordPublicDefence(q, score: defence, confirmed: false, standard: standard, by: store.secretary)
        }
        let url = directory.appendingPathComponent("\(name).json")
        try store.db.starExport(q, standard: standard).json().write(to: url)
        return url
    }

    func testTheShareRuleConfirmsTheTopThreeOfFourteenAndATieAtTheBoundary() throws {
        // 14 communities → at least ⌈0.2 × 14⌉ = 3 five-star. Six claim five stars; the 3rd and 4th tie on 88.
        let plan: [(String, Int, Double?)] = [
            ("甲社区", 0, 95), ("乙社区", 1, 92), ("丙社区", 2, 88), ("丁社区", 0, 88), ("戊社区", 3, 85), ("己社区", 4, 80),
            ("庚社区", 15, nil), ("辛社区", 12, nil), ("壬社区", 20, nil), ("癸社区", 11, nil), ("子社区", 30, nil), ("丑社区", 13, nil),
            ("寅社区", 14, nil), ("卯社区", 16, nil),
        ]
        let files = try plan.map { try export($0.0, deductions: $0.1, defence: $0.2) }
        let rollUp = try StreetRollUp.read(files, minShare: 0.2)
        XCTAssertEqual(rollUp.communities, 14)
        XCTAssertEqual(rollUp.needed, 3)
        XCTAssertEqual(rollUp.entries.filter(\.confirmed).map(\.community), ["甲社区", "乙社区", "丁社区", "丙社区"], "the tie on 88 confirms both")
        XCTAssertEqual(rollUp.entries.prefix(6).map(\.rank), [1, 2, 3, 3, 5, 6])
        XCTAssertEqual(rollUp.confirmed, 4)

        // Without the tie, exactly three: the share decides the last place.
        let files2 = try [("丁社区", 0, 87.5) as (String, Int, Double?)].map { try export($0.0, deductions: $0.1, defence: $0.2) }
        let replaced = files.filter { $0.lastPathComponent != "丁社区.json" } + files2
        let strict = try StreetRollUp.read(replaced, minShare: 0.2)
        XCTAssertEqual(strict.entries.filter(\.confirmed).map(\.community), ["甲社区", "乙社区", "丙社区"])
        XCTAssertFalse(try XCTUnwrap(strict.entries.first { $0.community == "丁社区" }).confirmed, "87.5 is the first place below the share")

        let csv = String(decoding: strict.csv().dropFirst(3), as: UTF8.self)
        XCTAssertEqual(Array(strict.csv().prefix(3)), [0xEF, 0xBB, 0xBF])
        XCTAssertTrue(csv.hasPrefix("名次,社区,季度,自评总分,申报星级,答辩得分,确认五星\r\n1,甲社区,2026Q4,100,5,95,是\r\n"), csv)
        XCTAssertTrue(csv.contains("4,丁社区,2026Q4,100,5,87.5,否"), csv)
        let json = try JSONSerialization.jsonObject(with: strict.json()) as? [String: Any]
        XCTAssertEqual(json?["needed"] as? Int, 3)
    }

    func testABadFileIsNamedAndMixedQuartersRefused() throws {
        let bad = directory.appendingPathComponent("坏.json")
        try Data("{\"community\": \"x\", \"quarter\": \"2026Q4\", \"total\": 120, \"claimed_stars\": 5}".utf8).write(to: bad)
        XCTAssertThrowsError(try StreetRollUp.read([bad], minShare: 0.2)) {
            XCTAssertEqual($0 as? StarStreetError, .badField(file: "坏.json", field: "total", expected: LocalizedText("0 到 100 的整数", "a whole number from 0 to 100")))
        }
        let notJSON = directory.appendingPathComponent("x.json")
        try Data("hello".utf8).write(to: notJSON)
        XCTAssertThrowsError(try StreetRollUp.read([notJSON], minShare: 0.2)) { XCTAssertEqual($0 as? StarStreetError, .unreadable(file: "x.json")) }
        let a = directory.appendingPathComponent("a.json"), b = directory.appendingPathComponent("b.json")
        try Data("{\"community\": \"a\", \"quarter\": \"2026Q4\", \"total\": 95, \"claimed_stars\": 5}".utf8).write(to: a)
        try Data("{\"community\": \"b\", \"quarter\": \"2026Q3\", \"total\": 95, \"claimed_stars\": 5}".utf8).write(to: b)
        XCTAssertThrowsError(try StreetRollUp.read([a, b], minShare: 0.2)) { XCTAssertEqual($0 as? StarStreetError, .mixedQuarters(["2026Q3", "2026Q4"])) }
    }
}
