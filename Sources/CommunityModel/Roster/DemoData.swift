import Foundation

/// The source lists under `data/demo/` that the demo 朝东社区 and `generate` are built from, validated on load.
struct DemoData: Sendable, Equatable {
    struct Unit: Decodable, Sendable, Equatable {
        var name: String
        var level: Organisation.Level
        var contact: String
        var phone: String
    }

    struct ExtraUnits: Decodable, Sendable, Equatable {
        var city: [String]
        var district: [String]
    }

    struct OrganisationsFile: Decodable {
        var organisations: [Unit]
        var extraUnits: ExtraUnits
    }

    struct NamesFile: Decodable {
        var surnames: [String]
        var givenNames: [String]
        var mobilePrefixes: [String]
    }

    static let organisationsFile = "demo/organisations.json"
    static let namesFile = "demo/names.json"

    /// The ~30 organisations of 朝东社区, as the seed describes them.
    var organisations: [Unit]
    /// Unit names (without the Party suffix) from which larger scales add organisations.
    var extraUnits: ExtraUnits
    var surnames: [String]
    var givenNames: [String]
    var mobilePrefixes: [String]

    /// Loads both files from the `data/` directory.
    /// - Throws: `SetupError.badDemoData` naming the file, the path inside it and what was expected.
    static func load(from dataDirectory: URL) throws -> DemoData {
        let orgs: OrganisationsFile = try decode(organisationsFile, in: dataDirectory)
        let names: NamesFile = try decode(namesFile, in: dataDirectory)
        let data = DemoData(organisations: orgs.organisations, extraUnits: orgs.extraUnits, surnames: names.surnames,
                            givenNames: names.givenNames, mobilePrefixes: names.mobilePrefixes)
        try data.validate(in: dataDirectory)
        return data
    }

    private static func decode<T: Decodable>(_ file: String, in directory: URL) throws -> T {
        let url = directory.appendingPathComponent(file)
        guard let bytes = FileManager.default.contents(atPath: url.path) else {
            throw SetupError.badDemoData(file: url.path, path: "/", expected: "一个可读的 JSON 文件 / a readable JSON file")
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode(T.self, from: bytes)
        } catch let error as DecodingError {
            let (path, expected) = describe(error)
            throw SetupError.badDemoData(file: url.path, path: path, expected: expected)
        }
    }

    /// "organisations[3].level" and what should have been there, from a decoding error.
    static func describe(_ error: DecodingError) -> (String, String) {
        func render(_ keys: [CodingKey]) -> String {
            var out = ""
            for key in keys {
                if let index = key.intValue { out += "[\(index)]" } else { out += (out.isEmpty ? "" : ".") + snake(key.stringValue) }
            }
            return out.isEmpty ? "/" : out
        }
        switch error {
        case .keyNotFound(let key, let context):
            return (render(context.codingPath + [key]), "必填字段 / a required field")
        case .typeMismatch(let type, let context):
            return (render(context.codingPath), "\(type) 类型的值 / a value of type \(type)")
        case .valueNotFound(let type, let context):
            return (render(context.codingPath), "\(type) 类型的值 / a value of type \(type)")
        case .dataCorrupted(let context):
            if context.codingPath.last?.stringValue == "level" {
                return (render(context.codingPath), "市级 或 区级 / 市级 or 区级")
            }
            return (render(context.codingPath), "合法的 JSON / valid JSON")
        @unknown default:
            return ("/", "合法的 JSON / valid JSON")
        }
    }

    private static func snake(_ key: String) -> String {
        var out = ""
        for ch in key {
            if ch.isUppercase { out += "_" + ch.lowercased() } else { out.append(ch) }
        }
        return out
    }

    /// Checks what the types cannot: non-empty lists, unique names, real mobile numbers.
    func validate(in directory: URL) throws {
        func bad(_ file: String, _ path: String, _ expected: String) -> SetupError {
            .badDemoData(file: file, path: path, expected: expected)
        }
        let of = directory.appendingPathComponent(Self.organisationsFile).path
        let nf = directory.appendingPathComponent(Self.namesFile).path
        guard !organisations.isEmpty else { throw bad(of, "organisations", "至少一个单位 / at least one organisation") }
        var seen = Set<String>()
        for (i, unit) in organisations.enumerated() {
            if unit.name.trimmingCharacters(in: .whitespaces).isEmpty { throw bad(of, "organisations[\(i)].name", "单位名称 / a name") }
            if !seen.insert(unit.name).inserted { throw bad(of, "organisations[\(i)].name", "不重复的名称 / a unique name") }
            if unit.contact.trimmingCharacters(in: .whitespaces).isEmpty { throw bad(of, "organisations[\(i)].contact", "联系人姓名 / a contact name") }
            if (try? RosterValidation.normalisedPhone(unit.phone)) == nil {
                throw bad(of, "organisations[\(i)].phone", "以 1 开头的 11 位手机号 / an 11-digit mobile starting with 1")
            }
        }
        for (key, list) in [("extra_units.city", extraUnits.city), ("extra_units.district", extraUnits.district)] {
            guard !list.isEmpty else { throw bad(of, key, "至少一个单位名称 / at least one unit name") }
            if let i = list.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                throw bad(of, "\(key)[\(i)]", "单位名称 / a unit name")
            }
        }
        for (key, list) in [("surnames", surnames), ("given_names", givenNames)] {
            guard !list.isEmpty else { throw bad(nf, key, "至少一个名字 / at least one name") }
            if let i = list.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                throw bad(nf, "\(key)[\(i)]", "非空的名字 / a non-empty name")
            }
        }
        guard !mobilePrefixes.isEmpty else { throw bad(nf, "mobile_prefixes", "至少一个号段 / at least one prefix") }
        for (i, p) in mobilePrefixes.enumerated() where !(p.count == 3 && p.first == "1" && p.allSatisfy({ $0.isASCII && $0.isNumber })) {
            throw bad(nf, "mobile_prefixes[\(i)]", "以 1 开头的 3 位号段 / a 3-digit prefix starting with 1")
        }
    }
}
