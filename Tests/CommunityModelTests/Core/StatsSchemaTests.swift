import CommunityTestSupport
import Foundation
import XCTest
@testable import CommunityModel

/// Issue 11: docs/stats.schema.json describes every section and key of `stats --json`; the demo's document
/// must satisfy it. A small validator of the subset the schema uses: type, required, properties,
/// additionalProperties (false) and items.
final class StatsSchemaTests: XCTestCase {
    static func validate(_ value: Any, _ schema: [String: Any], path: String) -> [String] {
        var problems: [String] = []
        if let type = schema["type"] {
            let types = (type as? [String]) ?? [type as? String ?? ""]
            if !types.contains(where: { matches(value, $0) }) { return ["\(path): expected \(types), got \(value)"] }
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: [String: Any]] ?? [:]
            for key in schema["required"] as? [String] ?? [] where object[key] == nil { problems.append("\(path).\(key): missing") }
            for (key, child) in object {
                if let sub = properties[key] {
                    problems += validate(child, sub, path: "\(path).\(key)")
                } else if (schema["additionalProperties"] as? Bool) == false {
                    problems.append("\(path).\(key): not described in the schema")
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (i, item) in array.enumerated() { problems += validate(item, items, path: "\(path)[\(i)]") }
        }
        return problems
    }

    static func matches(_ value: Any, _ type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "string": return value is String
        case "boolean", "integer", "number":
            guard let n = value as? NSNumber else { return false }
            let isBool = String(cString: n.objCType) == "c"
            if type == "boolean" { return isBool }
            if isBool { return false }
            return type == "number" || n.doubleValue.rounded() == n.doubleValue
        default: return false
        }
    }

    func testTheDemosStatsMatchTheDocumentedSchema() throws {
        let store = try TestStore.demo()
        defer { store.remove() }
        let schemaURL = TestStore.repositoryRoot.appendingPathComponent("docs/stats.schema.json")
        let schema = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: schemaURL)) as? [String: Any])
        let document = try JSONSerialization.jsonObject(with: store.db.stats(today: TestStore.demoToday).json())
        XCTAssertEqual(Self.validate(document, schema, path: "$"), [])
    }

    func testTheValidatorCatchesAnUndocumentedKeyAndAWrongType() {
        let schema: [String: Any] = ["type": "object", "additionalProperties": false, "required": ["a"],
                                     "properties": ["a": ["type": "integer"], "b": ["type": "array", "items": ["type": ["integer", "null"]]]]]
        XCTAssertEqual(Self.validate(["a": 1, "b": [1, NSNull()]], schema, path: "$"), [])
        XCTAssertEqual(Self.validate(["a": "x"], schema, path: "$").count, 1)
        XCTAssertEqual(Self.validate(["a": 1, "c": 2], schema, path: "$"), ["$.c: not described in the schema"])
        XCTAssertEqual(Self.validate(["b": ["x"]], schema, path: "$").count, 2)
    }
}
