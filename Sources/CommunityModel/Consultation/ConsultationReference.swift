import Foundation

/// `data/consultation.json`: the eight steps, the six kinds of parties, issue categories and sources (SPEC §5).
public struct ConsultationReference: Sendable, Equatable, Codable {
    public struct Step: Sendable, Equatable, Codable {
        /// 1…8, in order.
        public var number: Int
        /// A stable identifier: collect, accept, parties, research, deliberate, resolve, implement, evaluate.
        public var key: String
        public var name: String
        public var nameEn: String
        /// Days an issue may stay in this step before it is overdue.
        public var deadlineDays: Int
        /// When the issue may leave the step, in words (shown in the detail view and help).
        public var exit: String
        public var exitEn: String

        public var label: LocalizedText { LocalizedText(name, nameEn) }
    }

    public struct PartyKind: Sendable, Equatable, Codable {
        public var key: String
        public var name: String
        public var nameEn: String
        /// The community Party organisation must always be among an issue's parties.
        public var required: Bool

        public var label: LocalizedText { LocalizedText(name, nameEn) }
    }

    public struct Choice: Sendable, Equatable, Codable {
        public var key: String
        public var name: String
        public var nameEn: String

        public var label: LocalizedText { LocalizedText(name, nameEn) }
    }

    /// 居民议事厅, the default meeting place.
    public var councilHall: String
    public var councilHallEn: String
    public var steps: [Step]
    public var partyKinds: [PartyKind]
    /// 圈地种菜, 高空飘线, 私搭乱建, 环境卫生, 停车秩序, 其他
    public var categories: [Choice]
    /// 居民反映, 网格员, 12345热线, 党员报告, 其他
    public var sources: [Choice]
    /// How many kinds of parties step 3 needs (3).
    public var minimumPartyKinds: Int
}
