import Foundation

extension ImportProblem {
    /// Every problem as a CSV table for `import --errors FILE`: line, column, value, problem — UTF-8 with a
    /// byte-order mark and CRLF, as Excel and WPS expect. Values are written with control characters spelled
    /// out (`\u{1B}`) and neutralised for the spreadsheet, so opening the error file runs nothing.
    public static func csvTable(_ problems: [ImportProblem], language: Language = .current) -> Data {
        var out = Data([0xEF, 0xBB, 0xBF])
        func row(_ cells: [String]) {
            out.append(Data((cells.map(quoted).joined(separator: ",") + "\r\n").utf8))
        }
        row([LocalizedText("行", "line"), LocalizedText("列", "column"), LocalizedText("内容", "value"), LocalizedText("问题", "problem")]
            .map { $0.text(language) })
        for p in problems {
            let column: String
            switch (p.column, p.columnNumber) {
            case let (name?, number?): column = "\(name) (\(number))"
            case let (name?, nil): column = name
            case let (nil, number?): column = "\(number)"
            default: column = ""
            }
            row([p.line > 0 ? "\(p.line)" : "", TextRules.visible(column), TextRules.visible(p.value ?? ""), p.message.text(language)]
                .map(TextRules.spreadsheetSafe))
        }
        return out
    }

    private static func quoted(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
