import Foundation

extension ConsultationReference {
    /// The step identifiers the consultation workflow refers to, in order; names and deadlines stay editable.
    public static let stepKeys = ["collect", "accept", "parties", "research", "deliberate", "resolve", "implement", "evaluate"]
    /// The party kind that must be among every issue's parties.
    public static let requiredPartyKindKey = "party_org"

    /// Reads and validates `consultation.json` (SPEC §5).
    static func read(_ root: ReferenceJSONReader) throws -> ConsultationReference {
        let stepReaders = try root.array("steps")
        guard stepReaders.count == stepKeys.count else {
            throw root.invalid("steps", "正好 \(stepKeys.count) 个步骤（现有 \(stepReaders.count) 个）",
                               "exactly \(stepKeys.count) steps (found \(stepReaders.count))")
        }
        var steps: [Step] = []
        for (index, item) in stepReaders.enumerated() {
            let number = try item.int("number")
            guard number == index + 1 else {
                throw item.invalid("number", "步骤序号按顺序为 \(index + 1)", "step number \(index + 1), in order")
            }
            let key = try item.string("key")
            guard key == stepKeys[index] else {
                throw item.invalid("key", "第 \(index + 1) 步的固定键 “\(stepKeys[index])”（名称和期限可改，键不可改）",
                                   "the fixed key \"\(stepKeys[index])\" for step \(index + 1) (names and deadlines may change, keys may not)")
            }
            let deadline = try item.int("deadline_days")
            guard deadline > 0 else {
                throw item.invalid("deadline_days", "大于 0 的天数", "a number of days greater than 0")
            }
            steps.append(Step(number: number, key: key, name: try item.string("name"), nameEn: try item.string("name_en"),
                              deadlineDays: deadline, exit: try item.string("exit"), exitEn: try item.string("exit_en")))
        }

        let kindReaders = try root.array("party_kinds")
        guard kindReaders.count == 6 else {
            throw root.invalid("party_kinds", "正好 6 类议事主体（现有 \(kindReaders.count) 类）",
                               "exactly 6 kinds of parties (found \(kindReaders.count))")
        }
        try ReferenceJSONReader.requireUniqueKeys(kindReaders)
        var kinds: [PartyKind] = []
        for item in kindReaders {
            kinds.append(PartyKind(key: try item.string("key"), name: try item.string("name"),
                                   nameEn: try item.string("name_en"), required: try item.bool("required")))
        }
        let required = kinds.filter(\.required)
        guard required.count == 1, required[0].key == requiredPartyKindKey else {
            throw root.invalid("party_kinds", "恰好一类必选主体，即 “\(requiredPartyKindKey)”（社区党组织）的 required 为 true",
                               "exactly one required kind, \"\(requiredPartyKindKey)\" (the community Party organisation), with required true")
        }

        let minimum = try root.int("minimum_party_kinds")
        guard (1...kinds.count).contains(minimum) else {
            throw root.invalid("minimum_party_kinds", "1 到 \(kinds.count) 之间的整数", "a whole number from 1 to \(kinds.count)")
        }

        return ConsultationReference(
            councilHall: try root.string("council_hall"), councilHallEn: try root.string("council_hall_en"),
            steps: steps, partyKinds: kinds,
            categories: try readChoices(root, "categories"), sources: try readChoices(root, "sources"),
            minimumPartyKinds: minimum)
    }

    private static func readChoices(_ root: ReferenceJSONReader, _ key: String) throws -> [Choice] {
        let items = try root.array(key)
        guard !items.isEmpty else { throw root.invalid(key, "至少一项", "at least one entry") }
        try ReferenceJSONReader.requireUniqueKeys(items)
        return try items.map {
            Choice(key: try $0.string("key"), name: try $0.string("name"), nameEn: try $0.string("name_en"))
        }
    }
}
