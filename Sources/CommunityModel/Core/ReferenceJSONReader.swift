import Foundation

/// Reads one JSON value of a reference file while tracking where it is, so every complaint names the file and
/// the snake_case path a person sees in the editor (`steps[3].deadline_days`).
///
/// Why not `JSONDecoder`: its coding paths carry the converted camelCase keys, it reports a fraction in an
/// integer field as "not valid JSON" with no path at all, and it gives no line or column for syntax errors.
struct ReferenceJSONReader {
    let file: String
    let directory: String
    let path: String
    let value: Any

    // MARK: Opening a file

    /// Reads and parses `file` (relative to `directory`), refusing a missing, unreadable or malformed file.
    static func open(_ file: String, in directory: URL) throws -> ReferenceJSONReader {
        let data = try ReferenceFile.read(file, in: directory)
        let dir = directory.path
        do {
            let value = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return ReferenceJSONReader(file: file, directory: dir, path: "", value: value)
        } catch {
            let (line, column) = position(of: error, in: data)
            throw ReferenceDataError(file: file, path: "", problem: .malformedJSON(line: line, column: column), directory: dir)
        }
    }

    /// Line and column (from 1, columns in characters) of a JSONSerialization error, when it says where.
    static func position(of error: Error, in data: Data) -> (Int?, Int?) {
        let info = (error as NSError).userInfo
        let text = info[NSDebugDescriptionErrorKey] as? String ?? ""
        // Darwin states line and column outright.
        if let match = text.firstMatch(of: /line (\d+), column (\d+)/), let line = Int(match.1), let column = Int(match.2) {
            return (line, column)
        }
        var offset = info["NSJSONSerializationErrorIndex"] as? Int
        // swift-corelibs-foundation: "Invalid value around character 27." — a byte offset.
        if offset == nil, let match = text.firstMatch(of: /character (\d+)/) { offset = Int(match.1) }
        if offset == nil, text.localizedCaseInsensitiveContains("end of file") { offset = data.count }
        guard let offset else { return (nil, nil) }
        let prefix = data.prefix(max(0, min(offset, data.count)))
        let lineStart = prefix.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? prefix.startIndex
        let line = prefix.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        let column = String(decoding: prefix[lineStart...], as: UTF8.self).count + 1
        return (line, column)
    }

    // MARK: Complaints

    func fail(_ problem: ReferenceDataError.Problem, at subpath: String? = nil) -> ReferenceDataError {
        ReferenceDataError(file: file, path: subpath.map(join) ?? path, problem: problem, directory: directory)
    }

    /// A rule broken by this value (or by `key` inside it).
    func invalid(_ key: String? = nil, _ zh: String, _ en: String) -> ReferenceDataError {
        fail(.invalid(expected: LocalizedText(zh, en)), at: key)
    }

    private func join(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    // MARK: Structure

    func object() throws -> [String: Any] {
        guard let dict = value as? [String: Any] else { throw wrongType(LocalizedText("对象 { … }", "an object { … }")) }
        return dict
    }

    /// The value under `key`, or nil when the key is absent or null.
    func optional(_ key: String) throws -> ReferenceJSONReader? {
        let dict = try object()
        guard let child = dict[key], !(child is NSNull) else { return nil }
        return ReferenceJSONReader(file: file, directory: directory, path: join(key), value: child)
    }

    func required(_ key: String, _ expected: LocalizedText) throws -> ReferenceJSONReader {
        guard let child = try optional(key) else { throw fail(.missingKey(expected: expected), at: key) }
        return child
    }

    func array(_ key: String) throws -> [ReferenceJSONReader] {
        let expected = LocalizedText("列表 [ … ]", "a list [ … ]")
        let child = try required(key, expected)
        guard let items = child.value as? [Any] else { throw child.wrongType(expected) }
        return items.enumerated().map { index, item in
            ReferenceJSONReader(file: file, directory: directory, path: "\(child.path)[\(index)]", value: item)
        }
    }

    // MARK: Scalars

    static let textExpected = LocalizedText("非空文本", "non-empty text")
    static let intExpected = LocalizedText("整数", "a whole number")
    static let boolExpected = LocalizedText("true 或 false", "true or false")

    /// Non-empty text (names and descriptions are never blank).
    func string(_ key: String) throws -> String {
        try required(key, Self.textExpected).asString()
    }

    func optionalString(_ key: String) throws -> String? {
        try optional(key)?.asString()
    }

    func asString() throws -> String {
        guard let text = value as? String else { throw wrongType(Self.textExpected) }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw invalid(nil, "非空文本", "non-empty text") }
        return text
    }

    func int(_ key: String) throws -> Int {
        let child = try required(key, Self.intExpected)
        guard let number = child.value as? NSNumber, !Self.isBool(number),
              let whole = Int(exactly: number.doubleValue) else { throw child.wrongType(Self.intExpected) }
        return whole
    }

    func bool(_ key: String) throws -> Bool {
        let child = try required(key, Self.boolExpected)
        guard let number = child.value as? NSNumber, Self.isBool(number) else { throw child.wrongType(Self.boolExpected) }
        return number.boolValue
    }

    /// A list of non-empty texts (possibly empty).
    func strings(_ key: String) throws -> [String] {
        try array(key).map { try $0.asString() }
    }

    /// Refuses keys this object does not know, so a misspelt optional key ("evidnce") is not silently ignored.
    func rejectUnknownKeys(_ known: Set<String>) throws {
        for key in try object().keys.sorted() where !known.contains(key) {
            throw invalid(key, "已知的键之一：\(known.sorted().joined(separator: ", "))（“\(key)” 拼写有误或多余）",
                          "one of the known keys: \(known.sorted().joined(separator: ", ")) (\"\(key)\" is misspelt or not used)")
        }
    }

    /// The object under `key`, as a reader.
    func objectReader(_ key: String) throws -> ReferenceJSONReader {
        let expected = LocalizedText("对象 { … }", "an object { … }")
        let child = try required(key, expected)
        _ = try child.object()
        return child
    }

    // MARK: Checks shared by the files

    /// Refuses a second occurrence of the same `key` field among `items`.
    static func requireUniqueKeys(_ items: [ReferenceJSONReader], field: String = "key") throws {
        var seen = Set<String>()
        for item in items {
            let key = try item.string(field)
            guard seen.insert(key).inserted else {
                throw item.invalid(field, "不重复的键（“\(key)” 前面已用过）", "a key not used before (\"\(key)\" already appears earlier)")
            }
        }
    }

    // JSONSerialization hands booleans back as NSNumber; only their objCType ("c") tells them from 0 and 1.
    private static func isBool(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c"
    }

    private func wrongType(_ expected: LocalizedText) -> ReferenceDataError {
        fail(.wrongType(expected: expected, found: describe(value)))
    }

    private func describe(_ value: Any) -> LocalizedText {
        switch value {
        case is NSNull: return LocalizedText("null", "null")
        case is String: return LocalizedText("文本", "text")
        case is [Any]: return LocalizedText("列表", "a list")
        case is [String: Any]: return LocalizedText("对象", "an object")
        case let number as NSNumber:
            if Self.isBool(number) { return LocalizedText("true/false", "true/false") }
            return Int(exactly: number.doubleValue) == nil ? LocalizedText("小数 \(number)", "the fraction \(number)")
                                                          : LocalizedText("数字 \(number)", "the number \(number)")
        default: return LocalizedText("未知内容", "something unrecognised")
        }
    }
}

/// Reading the bytes of a reference file, shared by JSON files and letter templates.
enum ReferenceFile {
    static func read(_ file: String, in directory: URL) throws -> Data {
        let url = directory.appendingPathComponent(file)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw ReferenceDataError(file: file, path: "", problem: .missingFile, directory: directory.path)
        }
        do {
            guard !isDirectory.boolValue else { throw CocoaError(.fileReadUnknown) }
            var data = try Data(contentsOf: url)
            // Windows editors often save UTF-8 with a byte-order mark; it is not part of the text.
            if data.starts(with: [0xEF, 0xBB, 0xBF]) { data = Data(data.dropFirst(3)) }
            guard String(data: data, encoding: .utf8) != nil else {
                throw ReferenceDataError(file: file, path: "", problem: .unreadable(reason: LocalizedText(
                    "文件不是 UTF-8 编码（请在编辑器中另存为 UTF-8）", "the file is not UTF-8 (save it as UTF-8 in your editor)")),
                    directory: directory.path)
            }
            return data
        } catch let error as ReferenceDataError {
            throw error
        } catch {
            throw ReferenceDataError(file: file, path: "", problem: .unreadable(reason: LocalizedText(
                "无法读取该文件（\(error.localizedDescription)）", "the file cannot be read (\(error.localizedDescription))")),
                directory: directory.path)
        }
    }
}
