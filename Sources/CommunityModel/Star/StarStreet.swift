import Foundation

/// Why the street roll-up could not read a community's export.
public enum StarStreetError: UserFacingError, Equatable {
    case unreadable(file: String)
    case badField(file: String, field: String, expected: LocalizedText)
    case noFiles
    case badShare(String)
    case mixedQuarters([String])
    case duplicateCommunity(String)

    public var message: LocalizedText {
        switch self {
        case .unreadable(let file):
            return LocalizedText("读不了 \(file)：不是星级导出的 JSON 文件（community star export 生成）。",
                                 "Cannot read \(file): not a star export JSON file (made by community star export).")
        case .badField(let file, let field, let expected):
            return LocalizedText("\(file) 中的 \(field) 不对：应为\(expected.zh)。", "\(file): \(field) is wrong; expected \(expected.en).")
        case .noFiles:
            return LocalizedText("请给出至少一个社区的导出文件。", "Give at least one community's export file.")
        case .badShare(let text):
            return LocalizedText("--min-share “\(text)” 不对：应为 0 到 1 之间的小数，例如 0.2。", "--min-share “\(text)” is wrong: give a fraction from 0 to 1, e.g. 0.2.")
        case .mixedQuarters(let quarters):
            return LocalizedText("这些文件来自不同季度（\(quarters.joined(separator: "、"))），请只给同一季度的导出。",
                                 "The files are from different quarters (\(quarters.joined(separator: ", "))); give one quarter's exports only.")
        case .duplicateCommunity(let name):
            return LocalizedText("社区「\(name)」的导出给了不止一份。", "More than one export was given for “\(name)”.")
        }
    }
}

/// One community in the street's table.
public struct StreetEntry: Sendable, Equatable, Encodable {
    public var community: String
    public var file: String
    public var quarter: String
    public var total: Int
    public var claimedStars: Int
    public var defenceScore: Double?
    /// Competition rank among the five-star claims with a defence score.
    public var rank: Int?
    public var confirmed: Bool

    enum CodingKeys: String, CodingKey {
        case community, file, quarter, total, rank, confirmed
        case claimedStars = "claimed_stars", defenceScore = "defence_score"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(community, forKey: .community)
        try c.encode(file, forKey: .file)
        try c.encode(quarter, forKey: .quarter)
        try c.encode(total, forKey: .total)
        try c.encode(claimedStars, forKey: .claimedStars)
        try c.encode(defenceScore, forKey: .defenceScore)
        try c.encode(rank, forKey: .rank)
        try c.encode(confirmed, forKey: .confirmed)
    }
}

/// The street office's roll-up (issue 10 item 6): five-star claims ranked by defence score, and enough of
/// them confirmed that five-star communities are at least `minShare` of the street's communities; a tie at
/// the last place confirms every community on that score.
public struct StreetRollUp: Sendable, Equatable, Encodable {
    public var minShare: Double
    public var communities: Int
    /// ⌈minShare × communities⌉.
    public var needed: Int
    public var confirmed: Int
    public var entries: [StreetEntry]

    enum CodingKeys: String, CodingKey { case minShare = "min_share", communities, needed, confirmed, entries }

    public init(_ input: [StreetEntry], minShare: Double) {
        self.minShare = minShare
        communities = input.count
        // A hair below the product, so 0.2 × 15 (= 3.0000000000000004) needs 3, not 4.
        needed = Int((minShare * Double(input.count) - 1e-9).rounded(.up))
        let candidates = input.filter { $0.claimedStars == 5 && $0.defenceScore != nil }
            .sorted { ($0.defenceScore ?? 0, $1.community) > ($1.defenceScore ?? 0, $0.community) }
        var ranks: [String: Int] = [:]
        for (i, e) in candidates.enumerated() {
            if i > 0, candidates[i - 1].defenceScore == e.defenceScore { ranks[e.community] = ranks[candidates[i - 1].community] }
            else { ranks[e.community] = i + 1 }
        }
        let cut: Double? = needed == 0 ? nil : (candidates.count <= needed ? candidates.last?.defenceScore : candidates[needed - 1].defenceScore)
        var rows = input.map { e -> StreetEntry in
            var e = e
            e.rank = ranks[e.community]
            if let cut, let s = e.defenceScore, e.claimedStars == 5 { e.confirmed = s >= cut } else { e.confirmed = false }
            return e
        }
        rows.sort { a, b in
            switch (a.rank, b.rank) {
            case let (x?, y?): return x != y ? x < y : a.community < b.community
            case (.some, nil): return true
            case (nil, .some): return false
            default: return (a.claimedStars, b.community) > (b.claimedStars, a.community)
            }
        }
        entries = rows
        confirmed = rows.filter(\.confirmed).count
    }

    /// Reads one export file as written by `star export` (only the fields the roll-up needs).
    /// - Throws: `StarStreetError` naming the file and the field.
    public static func entry(file: URL) throws -> StreetEntry {
        let name = file.lastPathComponent
        guard let data = try? Data(contentsOf: file),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { throw StarStreetError.unreadable(file: name) }
        func string(_ key: String) throws -> String {
            guard let s = object[key] as? String, !s.isEmpty else {
                throw StarStreetError.badField(file: name, field: key, expected: LocalizedText("非空文字", "a non-empty text"))
            }
            return s
        }
        func int(_ key: String, _ range: ClosedRange<Int>) throws -> Int {
            guard let n = object[key] as? NSNumber, n.doubleValue == n.doubleValue.rounded(), range.contains(n.intValue) else {
                throw StarStreetError.badField(file: name, field: key, expected: LocalizedText("\(range.lowerBound) 到 \(range.upperBound) 的整数",
                                                                                               "a whole number from \(range.lowerBound) to \(range.upperBound)"))
            }
            return n.intValue
        }
        let quarter = try string("quarter")
        guard StarQuarter(quarter) != nil else {
            throw StarStreetError.badField(file: name, field: "quarter", expected: LocalizedText("2026Q4 这样的季度", "a quarter like 2026Q4"))
        }
        var score: Any? = object["defence_score"]
        if score == nil || score is NSNull,
           let stages = object["stages"] as? [String: Any], let defence = stages["public_defence"] as? [String: Any] {
            score = defence["score"]
        }
        var defence: Double?
        if let s = score, !(s is NSNull) {
            guard let n = s as? NSNumber, (0...100).contains(n.doubleValue) else {
                throw StarStreetError.badField(file: name, field: "defence_score", expected: LocalizedText("0 到 100 的答辩得分", "a defence score from 0 to 100"))
            }
            defence = n.doubleValue
        }
        return StreetEntry(community: try string("community"), file: name, quarter: quarter, total: try int("total", 0...100),
                           claimedStars: try int("claimed_stars", 3...5), defenceScore: defence, rank: nil, confirmed: false)
    }

    /// Reads every file, refusing a mix of quarters or a community given twice.
    public static func read(_ files: [URL], minShare: Double) throws -> StreetRollUp {
        guard !files.isEmpty else { throw StarStreetError.noFiles }
        let entries = try files.map(entry(file:))
        let quarters = Set(entries.map(\.quarter))
        if quarters.count > 1 { throw StarStreetError.mixedQuarters(quarters.sorted()) }
        var seen = Set<String>()
        for e in entries where !seen.insert(e.community).inserted { throw StarStreetError.duplicateCommunity(e.community) }
        return StreetRollUp(entries, minShare: minShare)
    }

    /// The table as CSV for Excel/WPS: UTF-8 with BOM, CRLF, cells starting with = + - @ neutralised.
    public func csv() -> Data {
        func cell(_ s: String) -> String {
            var s = s
            if let f = s.first, "=+-@".contains(f) { s = "'" + s }
            return s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        var lines = [["名次", "社区", "季度", "自评总分", "申报星级", "答辩得分", "确认五星"].joined(separator: ",")]
        for e in entries {
            lines.append([e.rank.map(String.init) ?? "", cell(e.community), e.quarter, "\(e.total)", "\(e.claimedStars)",
                          e.defenceScore.map { Self.score($0) } ?? "", e.confirmed ? "是" : "否"].joined(separator: ","))
        }
        return Data([0xEF, 0xBB, 0xBF]) + Data((lines.joined(separator: "\r\n") + "\r\n").utf8)
    }

    public static func score(_ s: Double) -> String { s == s.rounded() ? String(Int(s)) : String(format: "%.1f", s) }

    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(UInt8(ascii: "\n"))
        return data
    }
}
