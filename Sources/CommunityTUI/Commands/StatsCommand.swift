import ArgumentParser
import CommunityModel
import Foundation

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Print the dashboard figures (统计数据): community, roster and every module's figures.",
        discussion: "With --json, one JSON object with sorted snake_case keys (the schema is in the README); without it, one figure per line.")

    @OptionGroup var global: GlobalOptions

    @Flag(name: .long, help: "Print JSON for scripts.")
    var json = false

    func run() throws {
        global.applyLanguage()
        try reportingErrors {
            let database = try global.openForReading()
            try global.applyReferenceData()
            let data = try database.stats().json()
            if json {
                FileHandle.standardOutput.write(data)
            } else {
                let object = try JSONSerialization.jsonObject(with: data)
                let lines = Self.flatten(object, prefix: "")
                FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
            }
        }
    }

    /// `roster.members: 400` — every leaf of the document on its own line, in key order.
    static func flatten(_ value: Any, prefix: String) -> [String] {
        switch value {
        case let object as [String: Any]:
            return object.keys.sorted().flatMap { key -> [String] in
                guard let child = object[key] else { return [] }
                return flatten(child, prefix: prefix.isEmpty ? key : "\(prefix).\(key)")
            }
        case let list as [Any]:
            return list.enumerated().flatMap { index, item in flatten(item, prefix: "\(prefix)[\(index)]") }
        case is NSNull:
            return ["\(prefix): -"]
        case let number as NSNumber where String(cString: number.objCType) == "c":
            // JSONSerialization hands booleans back as numbers; say yes/no rather than 1/0.
            return ["\(prefix): \(number.boolValue ? LocalizedText("是", "yes").text() : LocalizedText("否", "no").text())"]
        default:
            return ["\(prefix): \(value)"]
        }
    }
}
