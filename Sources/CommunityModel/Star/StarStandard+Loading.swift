import Foundation

extension StarStandard {
    static let fullScore = 100

    /// Reads and validates `star-standard.json` (SPEC §6).
    static func read(_ root: ReferenceJSONReader) throws -> StarStandard {
        try root.rejectUnknownKeys(["thresholds", "five_stars_for_the_year", "areas", "criteria", "site_checks"])

        let thresholds = try root.objectReader("thresholds")
        try thresholds.rejectUnknownKeys(["five_stars", "four_stars"])
        let five = try thresholds.int("five_stars")
        let four = try thresholds.int("four_stars")
        guard (1...fullScore).contains(five) else {
            throw thresholds.invalid("five_stars", "1 到 \(fullScore) 之间的分数", "a score from 1 to \(fullScore)")
        }
        guard four >= 1, four < five else {
            throw thresholds.invalid("four_stars", "大于 0 且低于五星线 \(five) 的分数", "a score above 0 and below the five-star line \(five)")
        }

        let areaReaders = try root.array("areas")
        guard areaReaders.count == areaCount else {
            throw root.invalid("areas", "正好 \(areaCount) 个方面（现有 \(areaReaders.count) 个）", "exactly \(areaCount) areas (found \(areaReaders.count))")
        }
        try ReferenceJSONReader.requireUniqueKeys(areaReaders)
        var areas: [Area] = []
        for item in areaReaders {
            try item.rejectUnknownKeys(["key", "name", "name_en", "weight"])
            areas.append(Area(key: try item.string("key"), name: try item.string("name"), nameEn: try item.string("name_en"),
                              weight: try positive(item, "weight")))
        }

        let criterionReaders = try root.array("criteria")
        guard criterionReaders.count == criterionCount else {
            throw root.invalid("criteria", "正好 \(criterionCount) 项评分指标（现有 \(criterionReaders.count) 项）",
                               "exactly \(criterionCount) criteria (found \(criterionReaders.count))")
        }
        try ReferenceJSONReader.requireUniqueKeys(criterionReaders)
        let areaKeys = areas.map(\.key)
        var criteria: [Criterion] = []
        for item in criterionReaders {
            criteria.append(try readCriterion(item, areaKeys: areaKeys))
        }

        let total = criteria.reduce(0) { $0 + $1.weight }
        guard total == fullScore else {
            throw root.invalid("criteria", "各指标分值（weight）合计 \(fullScore) 分（现合计 \(total) 分）",
                               "criterion weights adding up to \(fullScore) (they add up to \(total))")
        }
        for (index, area) in areas.enumerated() {
            let sum = criteria.filter { $0.area == area.key }.reduce(0) { $0 + $1.weight }
            guard sum == area.weight else {
                throw areaReaders[index].invalid("weight", "该方面各指标分值之和 \(sum)（现为 \(area.weight)）",
                                                 "the sum of this area's criterion weights, \(sum) (found \(area.weight))")
            }
        }

        let checkReaders = try root.array("site_checks")
        guard !checkReaders.isEmpty else { throw root.invalid("site_checks", "至少一项实地检查", "at least one on-site check") }
        try ReferenceJSONReader.requireUniqueKeys(checkReaders)
        let checks = try checkReaders.map { item in
            try item.rejectUnknownKeys(["key", "name", "name_en"])
            return SiteCheck(key: try item.string("key"), name: try item.string("name"), nameEn: try item.string("name_en"))
        }

        var reading = YearReading.everyQuarter
        if let text = try root.optionalString("five_stars_for_the_year") {
            guard let known = YearReading(rawValue: text) else {
                let names = YearReading.allCases.map(\.rawValue).joined(separator: ", ")
                throw root.invalid("five_stars_for_the_year", "\(names) 之一（“\(text)” 不认识）", "one of \(names) (\"\(text)\" is not one)")
            }
            reading = known
        }

        return StarStandard(fiveStarThreshold: five, fourStarThreshold: four, areas: areas, criteria: criteria, siteChecks: checks,
                            fiveStarYear: reading)
    }

    private static func readCriterion(_ item: ReferenceJSONReader, areaKeys: [String]) throws -> Criterion {
        try item.rejectUnknownKeys(["key", "area", "name", "name_en", "weight", "standard", "standard_en", "deductions", "evidence"])
        let area = try item.string("area")
        guard areaKeys.contains(area) else {
            throw item.invalid("area", "areas 中已有的键之一：\(areaKeys.joined(separator: ", "))（“\(area)” 不存在）",
                               "one of the area keys: \(areaKeys.joined(separator: ", ")) (\"\(area)\" is not one)")
        }
        let weight = try positive(item, "weight")

        let deductionReaders = try item.array("deductions")
        guard !deductionReaders.isEmpty else {
            throw item.invalid("deductions", "至少一种扣分情形", "at least one deduction case")
        }
        var deductions: [Deduction] = []
        for d in deductionReaders {
            try d.rejectUnknownKeys(["text", "text_en", "points", "per_occurrence", "measure"])
            let points = try d.int("points")
            guard (1...weight).contains(points) else {
                throw d.invalid("points", "1 到该指标分值 \(weight) 之间的扣分", "a deduction from 1 to the criterion's weight, \(weight)")
            }
            let perOccurrence = try d.optional("per_occurrence") == nil ? false : try d.bool("per_occurrence")
            deductions.append(Deduction(text: try d.string("text"), textEn: try d.string("text_en"), points: points,
                                        perOccurrence: perOccurrence, measure: try readMeasure(d)))
        }

        var evidence: Evidence?
        if let e = try item.optional("evidence") {
            let text = try e.asString()
            guard let known = Evidence(rawValue: text) else {
                let names = Evidence.allCases.map(\.rawValue).joined(separator: ", ")
                throw e.invalid(nil, "可自动统计的佐证之一：\(names)（“\(text)” 不认识）", "one of the measured figures: \(names) (\"\(text)\" is not one)")
            }
            evidence = known
        }

        return Criterion(key: try item.string("key"), area: area, name: try item.string("name"), nameEn: try item.string("name_en"),
                         weight: weight, standard: try item.string("standard"), standardEn: try item.string("standard_en"),
                         deductions: deductions, evidence: evidence)
    }

    private static func readMeasure(_ d: ReferenceJSONReader) throws -> Measure? {
        guard try d.optional("measure") != nil else { return nil }
        let m = try d.objectReader("measure")
        try m.rejectUnknownKeys(["figure", "below"])
        let text = try m.string("figure")
        guard let figure = MeasuredFigure(rawValue: text) else {
            let names = MeasuredFigure.allCases.map(\.rawValue).joined(separator: ", ")
            throw m.invalid("figure", "可统计的数字之一：\(names)（“\(text)” 不认识）", "one of the measured figures: \(names) (\"\(text)\" is not one)")
        }
        let below = try m.int("below")
        guard below >= 1 else { throw m.invalid("below", "大于 0 的整数", "a whole number greater than 0") }
        if figure.rawValue.hasSuffix("_percent"), below > 100 {
            throw m.invalid("below", "1 到 100 之间的百分数", "a percentage from 1 to 100")
        }
        return Measure(figure: figure, below: below)
    }

    private static func positive(_ item: ReferenceJSONReader, _ key: String) throws -> Int {
        let value = try item.int(key)
        guard value > 0 else { throw item.invalid(key, "大于 0 的整数分值", "a whole number of points greater than 0") }
        return value
    }
}
