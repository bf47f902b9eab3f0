import Foundation
import XCTest
@testable import CommunityModel

/// Every reference file under `data/` is validated on load; a bad file gives an error naming the file, the path
/// inside it and what was expected. Each test breaks a copy of the shipped data in one way.
final class ReferenceDataTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = try MaintenanceFixtures.scratchDirectory().appendingPathComponent("data")
        try FileManager.default.copyItem(at: MaintenanceFixtures.dataDirectory, to: directory)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory.deletingLastPathComponent())
    }

    // MARK: The shipped files

    func testShippedReferenceDataLoadsWithTheSpecifiedShape() throws {
        let data = try ReferenceData.load(from: MaintenanceFixtures.dataDirectory)
        XCTAssertEqual(data.consultation.steps.map(\.number), Array(1...8))
        XCTAssertEqual(data.consultation.partyKinds.count, 6)
        XCTAssertEqual(data.consultation.categories.first?.name, "圈地种菜")

        let star = data.starStandard
        XCTAssertEqual(star.areas.map(\.name), ["社区班子建设", "制度机制运行", "活动场所建设", "党员队伍建设", "服务平台建设"])
        XCTAssertEqual(star.criteria.count, 22)
        XCTAssertEqual(star.total, 100)
        XCTAssertEqual(star.areas.map { star.criteria(in: $0).count }, [5, 5, 4, 4, 4])
        XCTAssertEqual(star.claimableStars(score: 90), 5)
        XCTAssertEqual(star.claimableStars(score: 89), 4)
        XCTAssertEqual(star.claimableStars(score: 74), 3)
        XCTAssertEqual(star.criterion("consultation_168")?.evidence, .consultationUse)
        XCTAssertEqual(star.criteria[0].score(deducting: 9), 0, "a score never goes below 0")

        let names = data.catalog.items.map(\.name)
        XCTAssertEqual(names, ["大米 5kg", "面粉 5kg", "食用油 5L", "脸盆", "毛巾", "洗车券", "洗衣券"])
        XCTAssertEqual(data.catalog.item("car_wash_voucher")?.kind, .voucher)
        XCTAssertNotNil(data.catalog.item("car_wash_voucher")?.codePrefix)
        XCTAssertNil(data.catalog.item("rice_5kg")?.partner)

        let letter = data.letters.template(.thanks, for: .member)
        XCTAssertEqual(letter.title, "感谢信")
        XCTAssertEqual(data.letters.template(.reminder, for: .organisation).title, "提醒函")
        let text = letter.render([.name: "张伟", .community: "朝东社区", .period: "2026年5月", .points: "120", .rank: "1", .date: "2026年6月1日"])
        XCTAssertTrue(text.contains("尊敬的张伟同志"))
        XCTAssertFalse(text.contains("{"), "every placeholder is filled")
    }

    // MARK: Each kind of bad file

    func testMissingFileNamesTheFile() throws {
        try FileManager.default.removeItem(at: directory.appendingPathComponent("catalog.json"))
        let error = try loadError()
        XCTAssertEqual(error.file, "catalog.json")
        XCTAssertEqual(error.path, "")
        XCTAssertEqual(error.problem, .missingFile)
        XCTAssertTrue(error.message.zh.contains("catalog.json"))
    }

    func testMalformedJSONGivesTheLine() throws {
        let text = "{\n  \"items\": [\n    {\"key\": \"rice\",, \"name\": \"大米\"}\n  ]\n}\n"
        try Data(text.utf8).write(to: directory.appendingPathComponent("catalog.json"))
        let error = try loadError()
        XCTAssertEqual(error.file, "catalog.json")
        guard case .malformedJSON(let line, _) = error.problem else { return XCTFail("expected malformed JSON, got \(error.problem)") }
        XCTAssertEqual(line, 3)
        XCTAssertTrue(error.message.en.contains("line 3"), error.message.en)
    }

    func testNotUTF8IsUnreadable() throws {
        // "大米" in GBK, as a Windows editor might save it.
        try Data([0x7B, 0x22, 0xB4, 0xF3, 0xC3, 0xD7, 0x22, 0x7D]).write(to: directory.appendingPathComponent("star-standard.json"))
        let error = try loadError()
        XCTAssertEqual(error.file, "star-standard.json")
        guard case .unreadable = error.problem else { return XCTFail("expected unreadable, got \(error.problem)") }
    }

    func testWrongTypeNamesThePath() throws {
        try edit("consultation.json") { root in Self.set(&root, "steps", 2, "deadline_days", "七天") }
        let error = try loadError()
        XCTAssertEqual(error.file, "consultation.json")
        XCTAssertEqual(error.path, "steps[2].deadline_days")
        guard case .wrongType(_, let found) = error.problem else { return XCTFail("expected wrong type, got \(error.problem)") }
        XCTAssertEqual(found.en, "text")
        XCTAssertTrue(error.message.en.contains("steps[2].deadline_days"))
        XCTAssertTrue(error.message.zh.contains("整数"))
    }

    func testFractionWhereAWholeNumberBelongsIsAWrongType() throws {
        try edit("catalog.json") { root in Self.set(&root, "items", 1, "points", 12.5) }
        let error = try loadError()
        XCTAssertEqual(error.file, "catalog.json")
        XCTAssertEqual(error.path, "items[1].points")
        guard case .wrongType = error.problem else { return XCTFail("expected wrong type, got \(error.problem)") }
    }

    func testMissingKeyNamesThePath() throws {
        try edit("star-standard.json") { root in Self.set(&root, "criteria", 3, "weight", nil) }
        let error = try loadError()
        XCTAssertEqual(error.file, "star-standard.json")
        XCTAssertEqual(error.path, "criteria[3].weight")
        guard case .missingKey = error.problem else { return XCTFail("expected missing key, got \(error.problem)") }
    }

    func testWeightsNotSummingTo100AreRefused() throws {
        try edit("star-standard.json") { root in Self.set(&root, "criteria", 3, "weight", 5) }
        let error = try loadError()
        XCTAssertEqual(error.file, "star-standard.json")
        XCTAssertEqual(error.path, "criteria")
        guard case .invalid(let expected) = error.problem else { return XCTFail("expected a broken rule, got \(error.problem)") }
        XCTAssertTrue(expected.en.contains("101"), expected.en)
    }

    func testAreaWeightMustEqualItsCriteria() throws {
        // Still 100 in total, but one point moved from 社区班子建设 to 制度机制运行.
        try edit("star-standard.json") { root in
            Self.set(&root, "criteria", 1, "weight", 3)
            Self.set(&root, "criteria", 5, "weight", 5)
        }
        let error = try loadError()
        XCTAssertEqual(error.path, "areas[0].weight")
    }

    func test21CriteriaAreRefused() throws {
        try edit("star-standard.json") { root in
            var criteria = root["criteria"] as? [Any] ?? []
            criteria.removeLast()
            root["criteria"] = criteria
        }
        let error = try loadError()
        XCTAssertEqual(error.file, "star-standard.json")
        XCTAssertEqual(error.path, "criteria")
        guard case .invalid(let expected) = error.problem else { return XCTFail("expected a broken rule, got \(error.problem)") }
        XCTAssertTrue(expected.en.contains("exactly 22"), expected.en)
        XCTAssertTrue(expected.en.contains("found 21"), expected.en)
    }

    func testDeductionLargerThanTheWeightIsRefused() throws {
        try edit("star-standard.json") { root in
            var criteria = root["criteria"] as? [[String: Any]] ?? []
            var deductions = criteria[0]["deductions"] as? [[String: Any]] ?? []
            deductions[1]["points"] = 9
            criteria[0]["deductions"] = deductions
            root["criteria"] = criteria
        }
        XCTAssertEqual(try loadError().path, "criteria[0].deductions[1].points")
    }

    func testUnknownCriterionAreaAndEvidenceAndMisspeltKeys() throws {
        try edit("star-standard.json") { root in Self.set(&root, "criteria", 4, "area", "leadershp") }
        XCTAssertEqual(try loadError().path, "criteria[4].area")

        try FileManager.default.removeItem(at: directory.appendingPathComponent("star-standard.json"))
        try FileManager.default.copyItem(at: MaintenanceFixtures.dataDirectory.appendingPathComponent("star-standard.json"),
                                         to: directory.appendingPathComponent("star-standard.json"))
        try edit("star-standard.json") { root in Self.set(&root, "criteria", 5, "evidence", "magic") }
        XCTAssertEqual(try loadError().path, "criteria[5].evidence")

        try edit("star-standard.json") { root in
            Self.set(&root, "criteria", 5, "evidence", nil)
            Self.set(&root, "criteria", 5, "evidnce", "consultation_use")
        }
        XCTAssertEqual(try loadError().path, "criteria[5].evidnce")
    }

    func testThresholdsMustBeOrdered() throws {
        try edit("star-standard.json") { root in root["thresholds"] = ["five_stars": 80, "four_stars": 85] }
        XCTAssertEqual(try loadError().path, "thresholds.four_stars")
    }

    /// Issue 10: the year reading, per-occurrence cases and measurable rules are read and checked.
    func testStarYearReadingPerOccurrenceAndMeasuresAreValidated() throws {
        let star = try ReferenceData.load(from: MaintenanceFixtures.dataDirectory).starStandard
        XCTAssertEqual(star.fiveStarYear, .everyQuarter)
        XCTAssertEqual(star.criterion("duties_clear")?.deductions[1].perOccurrence, true)
        XCTAssertEqual(star.criterion("duties_clear")?.deductions[0].perOccurrence, false)
        XCTAssertEqual(star.criterion("consultation_168")?.deductions[0].measure, StarStandard.Measure(figure: .issuesDeliberated, below: 3))

        try edit("star-standard.json") { root in root["five_stars_for_the_year"] = "sometimes" }
        XCTAssertEqual(try loadError().path, "five_stars_for_the_year")
        try edit("star-standard.json") { root in root["five_stars_for_the_year"] = "final_quarter" }
        XCTAssertEqual(try StarStandard.load(from: directory).fiveStarYear, .finalQuarter)

        try edit("star-standard.json") { root in
            guard var items = root["criteria"] as? [[String: Any]], var cases = items[5]["deductions"] as? [[String: Any]] else { return }
            cases[0]["measure"] = ["figure": "magic", "below": 3]
            items[5]["deductions"] = cases
            root["criteria"] = items
        }
        XCTAssertEqual(try loadError().path, "criteria[5].deductions[0].measure.figure")
        try edit("star-standard.json") { root in
            guard var items = root["criteria"] as? [[String: Any]], var cases = items[5]["deductions"] as? [[String: Any]] else { return }
            cases[0]["measure"] = ["figure": "satisfaction_percent", "below": 120]
            items[5]["deductions"] = cases
            root["criteria"] = items
        }
        XCTAssertEqual(try loadError().path, "criteria[5].deductions[0].measure.below")
    }

    func testSevenStepsAreRefused() throws {
        try edit("consultation.json") { root in
            var steps = root["steps"] as? [Any] ?? []
            steps.removeLast()
            root["steps"] = steps
        }
        let error = try loadError()
        XCTAssertEqual(error.file, "consultation.json")
        XCTAssertEqual(error.path, "steps")
    }

    func testStepsOutOfOrderAndBadMinimumAreRefused() throws {
        try edit("consultation.json") { root in Self.set(&root, "steps", 3, "key", "deliberate") }
        XCTAssertEqual(try loadError().path, "steps[3].key")
        try edit("consultation.json") { root in
            Self.set(&root, "steps", 3, "key", "research")
            root["minimum_party_kinds"] = 7
        }
        XCTAssertEqual(try loadError().path, "minimum_party_kinds")
    }

    func testAListWhereAnObjectBelongsIsAWrongTypeForTheWholeFile() throws {
        try Data("[1, 2, 3]".utf8).write(to: directory.appendingPathComponent("catalog.json"))
        let error = try loadError()
        XCTAssertEqual(error.file, "catalog.json")
        XCTAssertEqual(error.path, "")
        guard case .wrongType(_, let found) = error.problem else { return XCTFail("expected wrong type, got \(error.problem)") }
        XCTAssertEqual(found.en, "a list")
    }

    func testMessageNamesTheFileOnDiskAndThePathInBothLanguages() throws {
        try edit("star-standard.json") { root in Self.set(&root, "criteria", 3, "weight", "四") }
        let error = try loadError()
        let location = directory.appendingPathComponent("star-standard.json").path
        for text in [error.message.zh, error.message.en] {
            XCTAssertTrue(text.contains(location), text)
            XCTAssertTrue(text.contains("criteria[3].weight"), text)
        }
        XCTAssertTrue(error.message.en.contains("expected a whole number"), error.message.en)
    }

    func testDuplicatePartyKindKeyIsRefused() throws {
        try edit("consultation.json") { root in Self.set(&root, "party_kinds", 3, "key", "residents_committee") }
        XCTAssertEqual(try loadError().path, "party_kinds[3].key")
    }

    func testVoucherWithoutCodePrefixIsRefused() throws {
        try edit("catalog.json") { root in Self.set(&root, "items", 5, "code_prefix", nil) }
        let error = try loadError()
        XCTAssertEqual(error.path, "items[5].code_prefix")
        guard case .missingKey = error.problem else { return XCTFail("expected missing key, got \(error.problem)") }
    }

    func testNegativeStockAndUnknownKindAreRefused() throws {
        try edit("catalog.json") { root in Self.set(&root, "items", 0, "stock", -1) }
        XCTAssertEqual(try loadError().path, "items[0].stock")
        try edit("catalog.json") { root in
            Self.set(&root, "items", 0, "stock", 5)
            Self.set(&root, "items", 2, "kind", "food")
        }
        XCTAssertEqual(try loadError().path, "items[2].kind")
    }

    func testUnknownLetterPlaceholderIsRefused() throws {
        let file = directory.appendingPathComponent("letters/reminder-member.txt")
        let text = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "{points}", with: "{pionts}")
        try Data(text.utf8).write(to: file)
        let error = try loadError()
        XCTAssertEqual(error.file, "letters/reminder-member.txt")
        XCTAssertEqual(error.path, "{pionts}")
        guard case .invalid(let expected) = error.problem else { return XCTFail("expected a broken rule, got \(error.problem)") }
        XCTAssertTrue(expected.en.contains("{points}"), "lists the known placeholders: \(expected.en)")
        XCTAssertTrue(expected.en.contains("line "), expected.en)
    }

    func testLetterWithoutNameOrWithAnOpenBraceIsRefused() throws {
        let file = directory.appendingPathComponent("letters/thanks-organisation.txt")
        let original = try String(contentsOf: file, encoding: .utf8)
        try Data(original.replacingOccurrences(of: "{name}", with: "各位").utf8).write(to: file)
        XCTAssertEqual(try loadError().path, "{name}")

        try Data(original.replacingOccurrences(of: "{date}", with: "{date").utf8).write(to: file)
        let error = try loadError()
        XCTAssertEqual(error.file, "letters/thanks-organisation.txt")
        XCTAssertEqual(error.path, "{date")
    }

    func testMissingLetterTemplateIsNamed() throws {
        try FileManager.default.removeItem(at: directory.appendingPathComponent("letters/reminder-organisation.txt"))
        let error = try loadError()
        XCTAssertEqual(error.file, "letters/reminder-organisation.txt")
        XCTAssertEqual(error.problem, .missingFile)
    }

    func testRankingSettingsLoadWithDefaultsAndRefuseBadCounts() throws {
        XCTAssertEqual(try ReferenceData.load(from: directory).rankings, .defaults)
        try edit("rankings.json") { root in root["members"] = ["thanks": 5, "reminders": -1] }
        var error = try loadError()
        XCTAssertEqual(error.file, "rankings.json")
        XCTAssertEqual(error.path, "members.reminders")
        try edit("rankings.json") { root in root["members"] = ["thanks": 5, "reminder": 3] }
        error = try loadError()
        XCTAssertEqual(error.file, "rankings.json")
        XCTAssertEqual(error.path, "members.reminder")
        try edit("rankings.json") { root in root["members"] = ["thanks": 5] }
        XCTAssertEqual(try ReferenceData.load(from: directory).rankings.members, .init(thanks: 5, reminders: 10))
        try FileManager.default.removeItem(at: directory.appendingPathComponent("rankings.json"))
        XCTAssertEqual(try ReferenceData.load(from: directory).rankings, .defaults, "a missing file means 10 each")
    }

    // MARK: Helpers

    private func loadError(file: StaticString = #filePath, line: UInt = #line) throws -> ReferenceDataError {
        do {
            _ = try ReferenceData.load(from: directory)
        } catch let error as ReferenceDataError {
            XCTAssertFalse(error.message.zh.isEmpty, file: file, line: line)
            return error
        }
        XCTFail("the bad reference data loaded without an error", file: file, line: line)
        throw XCTSkip("no error")
    }

    private func edit(_ name: String, _ change: (inout [String: Any]) -> Void) throws {
        let url = directory.appendingPathComponent(name)
        var root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        change(&root)
        try JSONSerialization.data(withJSONObject: root, options: [.prettyPrinted]).write(to: url)
    }

    /// Sets (or with nil removes) `key` of the `index`th object in the list `list`.
    private static func set(_ root: inout [String: Any], _ list: String, _ index: Int, _ key: String, _ value: Any?) {
        guard var items = root[list] as? [[String: Any]], items.indices.contains(index) else { return }
        items[index][key] = value
        root[list] = items
    }
}
