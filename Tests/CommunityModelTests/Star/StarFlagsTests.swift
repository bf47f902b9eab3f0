import CommunityModel
import XCTest

/// Issue 10 item 4: the consequence flags over crafted histories, boundaries included.
final class StarFlagsTests: XCTestCase {
    func finals(_ pairs: [(String, Int)]) -> [StarQuarter: Int] {
        Dictionary(uniqueKeysWithValues: pairs.map { (StarQuarter($0.0)!, $0.1) })
    }

    func kinds(_ flags: [StarFlag]) -> [StarFlag.Kind] { flags.map(\.kind) }

    func testCommendationNeedsFiveStarsInEveryQuarterWhenReadSo() {
        let year = finals([("2025Q1", 5), ("2025Q2", 5), ("2025Q3", 5), ("2025Q4", 5)])
        let flags = StarFlags.flags(finals: year, reading: .everyQuarter)
        XCTAssertEqual(kinds(flags), [.commendation])
        XCTAssertEqual(flags[0].year, 2025)
        XCTAssertEqual(flags[0].quarters.map(\.description), ["2025Q1", "2025Q2", "2025Q3", "2025Q4"])
        XCTAssertEqual(flags[0].reading, .everyQuarter)
        var four = year
        four[StarQuarter("2025Q2")!] = 4
        XCTAssertEqual(kinds(StarFlags.flags(finals: four, reading: .everyQuarter)), [], "one four-star quarter: not five stars for the year")
        var three = year
        three.removeValue(forKey: StarQuarter("2025Q4")!)
        XCTAssertEqual(kinds(StarFlags.flags(finals: three, reading: .everyQuarter)), [], "the year is not finished")
    }

    func testCommendationOnTheFinalQuarterStillRefusesAThreeStarQuarter() {
        let fourThenFive = finals([("2025Q1", 4), ("2025Q2", 4), ("2025Q3", 5), ("2025Q4", 5)])
        XCTAssertEqual(kinds(StarFlags.flags(finals: fourThenFive, reading: .finalQuarter)), [.commendation])
        XCTAssertEqual(kinds(StarFlags.flags(finals: fourThenFive, reading: .everyQuarter)), [])
        let withThree = finals([("2025Q1", 3), ("2025Q2", 4), ("2025Q3", 5), ("2025Q4", 5)])
        XCTAssertEqual(kinds(StarFlags.flags(finals: withThree, reading: .finalQuarter)), [])
        let q4Four = finals([("2025Q1", 5), ("2025Q2", 5), ("2025Q3", 5), ("2025Q4", 4)])
        XCTAssertEqual(kinds(StarFlags.flags(finals: q4Four, reading: .finalQuarter)), [])
    }

    func testAnnualReviewFlagAtTwoThreeStarQuartersInOneYear() {
        let once = finals([("2026Q1", 3), ("2026Q2", 4), ("2025Q4", 3)])
        XCTAssertEqual(kinds(StarFlags.flags(finals: once, reading: .everyQuarter)), [], "once in 2026 and once in 2025: neither year has two")
        let twice = finals([("2026Q1", 3), ("2026Q2", 4), ("2026Q3", 3)])
        let flags = StarFlags.flags(finals: twice, reading: .everyQuarter)
        XCTAssertEqual(kinds(flags), [.reviewNotExcellent])
        XCTAssertEqual(flags[0].quarters.map(\.description), ["2026Q1", "2026Q3"])
        XCTAssertTrue(flags[0].rule.zh.contains("不能评为优秀"))
        XCTAssertFalse(flags[0].rule.en.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF }, "no Chinese in English")
    }

    func testPayDeductionAtThreeThreeStarQuartersInTotal() {
        let two = finals([("2025Q2", 3), ("2026Q1", 3)])
        XCTAssertEqual(kinds(StarFlags.flags(finals: two, reading: .everyQuarter)), [])
        let three = finals([("2025Q2", 3), ("2026Q1", 3), ("2026Q3", 3)])
        let flags = StarFlags.flags(finals: three, reading: .everyQuarter)
        XCTAssertEqual(kinds(flags), [.reviewNotExcellent, .payDeduction], "2026 has two, and three in total")
        XCTAssertEqual(flags.last?.quarters.map(\.description), ["2025Q2", "2026Q1", "2026Q3"])
        XCTAssertNil(flags.last?.year)
    }
}
