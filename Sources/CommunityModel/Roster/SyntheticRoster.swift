import Foundation

/// Makes plausible organisations and members from the demo source lists. Everything comes from one
/// `SeededRandom`, so the same seed and the same "today" give the same rows, row for row.
struct SyntheticRoster {
    var data: DemoData
    var random: SeededRandom
    var today: String
    /// Mobile numbers handed out so far: two people never share one.
    private var usedPhones = Set<String>()

    init(data: DemoData, seed: UInt64, today: String) {
        self.data = data
        self.random = SeededRandom(seed: seed)
        self.today = today
    }

    static let codePrefix = "CD"
    static let inactiveShare = 0.03

    /// `count` organisations: the community's own first (as the demo file lists them), then units from the
    /// larger lists with a Party suffix, then their numbered branches (第一党支部 …) until there are enough.
    mutating func organisations(count: Int) -> [Organisation] {
        var result: [Organisation] = []
        var names = Set<String>()
        func add(_ name: String, _ level: Organisation.Level, contact: String? = nil, phone: String? = nil) {
            guard result.count < count, names.insert(name).inserted else { return }
            let reported = day(daysAgoIn: 3 * 365...6 * 365)
            result.append(Organisation(name: name, level: level, contact: contact ?? personName(),
                                       phone: phone ?? mobile(), active: true, reportedOn: reported))
        }
        for unit in data.organisations { add(unit.name, unit.level, contact: unit.contact, phone: unit.phone) }
        let extras = data.extraUnits.city.map { ($0, Organisation.Level.city) } + data.extraUnits.district.map { ($0, .district) }
        for (unit, level) in extras where result.count < count {
            add(unit + random.pick(Self.suffixes(for: unit)), level)
        }
        var branch = 1
        while result.count < count && branch <= Self.numerals.count {
            for (unit, level) in extras where result.count < count {
                add("\(unit)第\(Self.numerals[branch - 1])党支部", level)
            }
            branch += 1
        }
        return result
    }

    /// `count` members spread over the organisations (each gets a few, bigger units more), with member codes
    /// CD00001… in the order they reported, and a few deactivated.
    mutating func members(count: Int, organisations: [(id: Int64, level: Organisation.Level)]) -> [Member] {
        guard !organisations.isEmpty, count > 0 else { return [] }
        // Everyone gets a floor so no unit is empty; the rest goes by weight, like real units of different sizes.
        let floor = min(3, count / organisations.count)
        var assignment: [Int] = []
        for i in organisations.indices { assignment += Array(repeating: i, count: floor) }
        let weights = organisations.map { _ in random.int(1...10) }
        let totalWeight = weights.reduce(0, +)
        while assignment.count < count {
            var pick = random.int(0...(totalWeight - 1))
            var index = 0
            while pick >= weights[index] { pick -= weights[index]; index += 1 }
            assignment.append(index)
        }
        assignment.shuffle(using: &random)
        let reported = (0..<count).map { _ in day(daysAgoIn: 0...3 * 365) }.sorted()
        let width = max(5, String(count).count)
        return assignment.enumerated().map { n, orgIndex in
            let org = organisations[orgIndex]
            let code = Self.codePrefix + String(repeating: "0", count: max(0, width - String(n + 1).count)) + String(n + 1)
            return Member(name: personName(), phone: mobile(), organisationId: org.id,
                          level: org.level == .city ? .city : .district, memberCode: code,
                          reportedOn: reported[n], active: !random.chance(Self.inactiveShare))
        }
    }

    mutating func personName() -> String {
        random.pick(data.surnames) + random.pick(data.givenNames)
    }

    /// A mobile number from a real prefix, never one already given out.
    mutating func mobile() -> String {
        while true {
            let number = random.pick(data.mobilePrefixes) + String(format: "%08d", random.int(0...99_999_999))
            if usedPhones.insert(number).inserted { return number }
        }
    }

    /// A day between `range` days before today and today.
    mutating func day(daysAgoIn range: ClosedRange<Int>) -> String {
        Day.adding(-random.int(range), to: today) ?? today
    }

    static let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    /// Party bodies a unit of that kind usually has: bureaus have a 党组 or 机关党委, schools and hospitals a 党委 or 党总支.
    static func suffixes(for unit: String) -> [String] {
        if unit.hasSuffix("局") || unit.hasSuffix("委员会") || unit.hasSuffix("办公室") { return ["党组", "机关党委"] }
        if unit.hasSuffix("学") || unit.hasSuffix("院") || unit.hasSuffix("园") { return ["党委", "党总支", "党支部"] }
        if unit.hasSuffix("集团") || unit.hasSuffix("公司") || unit.hasSuffix("银行") { return ["党委"] }
        return ["党支部", "党总支", "党委"]
    }
}
