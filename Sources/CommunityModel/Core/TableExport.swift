import CSV
import Foundation
import GRDB

/// The two export formats (SPEC §3): CSV for Excel/WPS (UTF-8 with a byte-order mark, Chinese header row),
/// JSON for scripts (an array of objects with snake_case keys).
public enum ExportFormat: String, Sendable, CaseIterable {
    case csv, json
}

/// One column of an exported table.
public struct ExportColumn: Sendable {
    public enum Kind: Sendable {
        case text
        /// Digits or a code that Excel/WPS would turn into a number (1.38E+10, leading zeros lost): written
        /// as `="…"` in CSV so it stays text; plain in JSON.
        case keptAsText
        case integer
        /// A yes/no column: true/false in JSON, the two words in CSV.
        case flag(yes: String, no: String)
    }

    /// The SQL result column and the JSON key.
    public var key: String
    /// The CSV header cell, in Chinese (what the office sees in Excel).
    public var header: String
    public var kind: Kind

    public init(_ key: String, _ header: String, _ kind: Kind = .text) {
        self.key = key
        self.header = header
        self.kind = kind
    }
}

/// A table that `community export` can write: its columns and the query that streams its rows in a stable order.
public struct ExportTable: Sendable {
    public var name: String
    public var columns: [ExportColumn]
    /// Selects every column under its `key`; read with a cursor, never into an array.
    var sql: String

    init(name: String, columns: [ExportColumn], sql: String) {
        self.name = name
        self.columns = columns
        self.sql = sql
    }
}

extension CommunityDatabase {
    /// Streams `table` to `handle` in `format`, row by row from a database cursor inside one read transaction
    /// (a consistent snapshot while other terminals keep writing). Returns the number of rows written.
    /// - Throws: `StoreError` for a damaged or locked database, or the file system's error when the output
    ///   cannot be written.
    @discardableResult
    public func export(_ table: ExportTable, as format: ExportFormat, to handle: FileHandle) throws -> Int {
        let sink = ExportSink(handle: handle)
        do {
            let count = try pool.read { db -> Int in
                let cursor = try Row.fetchCursor(db, sql: table.sql)
                switch format {
                case .csv: return try Self.writeCSV(table, cursor, to: sink)
                case .json: return try Self.writeJSON(table, cursor, to: sink)
                }
            }
            try sink.finish()
            return count
        } catch let error as DatabaseError {
            throw Self.translate(error, path: path)
        }
    }

    private static func writeCSV(_ table: ExportTable, _ rows: RowCursor, to sink: ExportSink) throws -> Int {
        // Excel and WPS take a file as UTF-8 only when it starts with the byte-order mark.
        try sink.write(Data([0xEF, 0xBB, 0xBF]))
        let writer = try CSVWriter(stream: sink, newline: .crlf)
        try writer.write(row: table.columns.map(\.header))
        var count = 0
        while let row = try rows.next() {
            try writer.write(row: table.columns.map { csvField(row, $0) })
            count += 1
        }
        // The last row ends with a newline, as spreadsheet programs write it.
        try sink.write("\r\n")
        if let failure = sink.failure { throw failure }
        return count
    }

    private static func csvField(_ row: Row, _ column: ExportColumn) -> String {
        let value: DatabaseValue = row[column.key] ?? .null
        if value.isNull { return "" }
        switch column.kind {
        // A cell starting with = + - @ tab or CR would run as a formula in Excel/WPS (OWASP CSV injection).
        case .text: return TextRules.spreadsheetSafe(String.fromDatabaseValue(value) ?? value.description)
        case .keptAsText: return TextRules.keptAsText(String.fromDatabaseValue(value) ?? value.description)
        case .integer: return Int64.fromDatabaseValue(value).map(String.init) ?? value.description
        case .flag(let yes, let no): return (Bool.fromDatabaseValue(value) ?? false) ? yes : no
        }
    }

    private static func writeJSON(_ table: ExportTable, _ rows: RowCursor, to sink: ExportSink) throws -> Int {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        try sink.write("[")
        var count = 0
        while let row = try rows.next() {
            try sink.write(count == 0 ? "\n  " : ",\n  ")
            try sink.write(encoder.encode(JSONRow(row: row, columns: table.columns)))
            count += 1
        }
        try sink.write(count == 0 ? "]\n" : "\n]\n")
        return count
    }

    /// One row as a JSON object keyed by column key; NULL stays null.
    private struct JSONRow: Encodable {
        let row: Row
        let columns: [ExportColumn]

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init?(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            for column in columns {
                guard let key = Key(stringValue: column.key) else { continue }
                let value: DatabaseValue = row[column.key] ?? .null
                if value.isNull {
                    try container.encodeNil(forKey: key)
                    continue
                }
                switch column.kind {
                case .text, .keptAsText: try container.encode(String.fromDatabaseValue(value) ?? value.description, forKey: key)
                case .integer: try container.encode(Int64.fromDatabaseValue(value), forKey: key)
                case .flag: try container.encode(Bool.fromDatabaseValue(value) ?? false, forKey: key)
                }
            }
        }
    }
}
