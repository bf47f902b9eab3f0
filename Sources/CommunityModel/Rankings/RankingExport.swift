import Foundation

/// A ranking as a file: CSV for Excel/WPS (UTF-8 with a byte-order mark, Chinese header row) and JSON rows
/// for scripts (`rank`, `name`, `code`, `points`, `services`, …).
public enum RankingExport {
    public struct JSONRow: Sendable, Encodable, Equatable {
        public var rank: Int
        public var name: String
        public var code: String
        public var unit: String
        public var points: Int
        public var services: Int
        public var previousRank: Int?
        public var letter: String?
        public var excluded: String?

        enum CodingKeys: String, CodingKey {
            case rank, name, code, unit, points, services, letter, excluded
            case previousRank = "previous_rank"
        }
    }

    public static func jsonRows(_ ranking: Ranking) -> [JSONRow] {
        ranking.rows.map { r in
            JSONRow(rank: r.rank, name: r.name, code: r.code, unit: r.unit, points: r.points, services: r.services,
                    previousRank: r.previousRank, letter: r.letter?.rawValue, excluded: r.excludedReason)
        }
    }

    /// `{"period": …, "holders": …, "rows": [...]}` with sorted keys and a final newline.
    public static func json(_ ranking: Ranking) throws -> Data {
        struct Document: Encodable {
            var period: String
            var holders: String
            var rows: [JSONRow]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(Document(period: ranking.period.key, holders: ranking.audience.rawValue, rows: jsonRows(ranking)))
        data.append(UInt8(ascii: "\n"))
        return data
    }

    public static func csv(_ ranking: Ranking) -> Data {
        let members = ranking.audience == .members
        var lines = [(members ? ["名次", "姓名", "党员编号", "所属单位"] : ["名次", "单位名称"]) + ["积分", "服务次数", "名次变化", "信函", "免发提醒原因"]]
        for r in ranking.rows {
            lines.append([String(r.rank), r.name] + (members ? [r.code, r.unit] : [])
                         + [String(r.points), String(r.services), r.change.zh, r.letter?.label.zh ?? "", r.excludedReason ?? ""])
        }
        let text = lines.map { $0.map(quote).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        return Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
    }

    static func quote(_ field: String) -> String {
        // A leading = + - @ would make Excel run the cell as a formula.
        var f = field
        if let c = f.first, "=+-@".contains(c), Int(f) == nil { f = "'" + f }
        guard f.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return f }
        return "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
