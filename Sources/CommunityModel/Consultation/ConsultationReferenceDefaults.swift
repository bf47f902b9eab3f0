import Foundation

/// The consultation settings this process uses, and look-ups by key that screens, reports and hooks share.
extension ConsultationReference {
    /// The shipped `data/consultation.json`, built in so hooks and tests work without the data folder.
    /// A test checks it still equals the file.
    public static let builtIn: ConsultationReference = {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode(ConsultationReference.self, from: Data(builtInJSON.utf8))
        } catch {
            preconditionFailure("built-in consultation reference does not decode: \(error)")
        }
    }()

    /// The reference in force: the start-up code sets it from `ReferenceData.load`; hooks (`check`, `stats`,
    /// `seed-demo`, `generate`) and store methods read it. Set once before any work starts.
    nonisolated(unsafe) public static var active: ConsultationReference = builtIn

    /// Step `number` (1…8), if the file has it.
    public func stepInfo(_ number: Int) -> Step? {
        steps.first { $0.number == number }
    }

    /// "④调研论证" / "④ Research".
    public func stepLabel(_ number: Int) -> LocalizedText {
        let c = ConsultationSteps.circled(number)
        guard let s = stepInfo(number) else { return LocalizedText("第\(number)步", "step \(number)") }
        return LocalizedText(c + s.name, c + " " + s.nameEn)
    }

    /// Days an issue may stay in `step` before it is overdue (7 if the file does not say).
    public func deadlineDays(_ step: Int) -> Int {
        stepInfo(step)?.deadlineDays ?? 7
    }

    public func partyKindInfo(_ key: String) -> PartyKind? { partyKinds.first { $0.key == key } }
    public func categoryInfo(_ key: String) -> Choice? { categories.first { $0.key == key } }
    public func sourceInfo(_ key: String) -> Choice? { sources.first { $0.key == key } }

    /// The label for a key, or the key itself when the file no longer lists it (old rows stay readable).
    public func partyKindLabel(_ key: String) -> LocalizedText { partyKindInfo(key)?.label ?? LocalizedText(key, key) }
    public func categoryLabel(_ key: String) -> LocalizedText { categoryInfo(key)?.label ?? LocalizedText(key, key) }
    public func sourceLabel(_ key: String) -> LocalizedText { sourceInfo(key)?.label ?? LocalizedText(key, key) }

    /// The kinds that must always be among the parties (社区党组织).
    public var requiredPartyKinds: [PartyKind] { partyKinds.filter(\.required) }

    /// The council hall in the interface language.
    public var councilHallLabel: LocalizedText { LocalizedText(councilHall, councilHallEn) }
}

private let builtInJSON = #"""
{
  "council_hall": "居民议事厅",
  "council_hall_en": "Residents' council hall",
  "minimum_party_kinds": 3,
  "steps": [
    {"number": 1, "key": "collect", "name": "收集议题", "name_en": "Collect", "deadline_days": 7,
     "exit": "已记录标题、类别、来源和反映人", "exit_en": "title, category, source and reporter recorded"},
    {"number": 2, "key": "accept", "name": "审核立项", "name_en": "Accept", "deadline_days": 7,
     "exit": "社区党组织审核同意立项（不同意则说明理由，以不予立项结束）", "exit_en": "the community Party organisation accepts it (or rejects it with a reason)"},
    {"number": 3, "key": "parties", "name": "确定议事主体", "name_en": "Choose parties", "deadline_days": 7,
     "exit": "至少 3 类议事主体参与，且必须有社区党组织", "exit_en": "parties of at least 3 kinds named, the Party organisation among them"},
    {"number": 4, "key": "research", "name": "调研论证", "name_en": "Research", "deadline_days": 14,
     "exit": "至少形成一个方案", "exit_en": "at least one option or plan written"},
    {"number": 5, "key": "deliberate", "name": "协商议事", "name_en": "Deliberate", "deadline_days": 7,
     "exit": "在议事厅召开会议，记录参会人、纪要和表决", "exit_en": "a meeting recorded with attendees, minutes and a vote"},
    {"number": 6, "key": "resolve", "name": "形成决议并公示", "name_en": "Resolve & publish", "deadline_days": 7,
     "exit": "表决过半数通过，记录决议内容和公示日期；未通过退回调研论证", "exit_en": "vote passed by simple majority; resolution and publication date recorded; a failed vote returns to research"},
    {"number": 7, "key": "implement", "name": "组织实施", "name_en": "Implement", "deadline_days": 30,
     "exit": "已确定负责人和期限，并记录完成情况", "exit_en": "owner and due date set and completion recorded"},
    {"number": 8, "key": "evaluate", "name": "评议反馈", "name_en": "Evaluate", "deadline_days": 7,
     "exit": "记录居民满意度（满意/基本满意/不满意），以已解决或未解决结束", "exit_en": "satisfaction recorded; closes as resolved or unresolved"}
  ],
  "party_kinds": [
    {"key": "party_org", "name": "社区党组织", "name_en": "Community Party organisation", "required": true},
    {"key": "residents_committee", "name": "居民委员会", "name_en": "Residents' committee", "required": false},
    {"key": "resident_reps", "name": "居民代表（含党员、楼门长）", "name_en": "Resident representatives", "required": false},
    {"key": "property_company", "name": "物业服务企业", "name_en": "Property management company", "required": false},
    {"key": "owners_committee", "name": "业主委员会", "name_en": "Owners' committee", "required": false},
    {"key": "units_and_orgs", "name": "驻区单位及社会组织", "name_en": "Local units and social organisations", "required": false}
  ],
  "categories": [
    {"key": "vegetable_plots", "name": "圈地种菜", "name_en": "Fenced vegetable plots"},
    {"key": "overhead_wires", "name": "高空飘线", "name_en": "Overhead wires"},
    {"key": "illegal_structures", "name": "私搭乱建", "name_en": "Illegal structures"},
    {"key": "sanitation", "name": "环境卫生", "name_en": "Sanitation"},
    {"key": "parking", "name": "停车秩序", "name_en": "Parking"},
    {"key": "other", "name": "其他", "name_en": "Other"}
  ],
  "sources": [
    {"key": "resident", "name": "居民反映", "name_en": "Resident report"},
    {"key": "grid_worker", "name": "网格员", "name_en": "Grid worker"},
    {"key": "hotline_12345", "name": "12345热线", "name_en": "12345 hotline"},
    {"key": "party_member", "name": "党员报告", "name_en": "Party member report"},
    {"key": "other", "name": "其他", "name_en": "Other"}
  ]
}
"""#
