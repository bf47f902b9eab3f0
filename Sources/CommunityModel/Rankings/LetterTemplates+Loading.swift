import Foundation

extension LetterTemplates {
    /// Reads the four templates under `letters/`, refusing unknown or unbalanced placeholders.
    /// - Throws: `ReferenceDataError` naming the template file and the placeholder.
    public static func load(from directory: URL) throws -> LetterTemplates {
        func read(_ kind: Kind, _ audience: Audience) throws -> Template {
            try readTemplate(kind, audience, in: directory)
        }
        return LetterTemplates(thanksMember: try read(.thanks, .member), thanksOrganisation: try read(.thanks, .organisation),
                               reminderMember: try read(.reminder, .member), reminderOrganisation: try read(.reminder, .organisation))
    }

    static func readTemplate(_ kind: Kind, _ audience: Audience, in directory: URL) throws -> Template {
        let file = Self.file(kind, for: audience)
        let data = try ReferenceFile.read(file, in: directory)
        let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
        func fail(_ path: String, _ zh: String, _ en: String) -> ReferenceDataError {
            ReferenceDataError(file: file, path: path, problem: .invalid(expected: LocalizedText(zh, en)), directory: directory.path)
        }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw fail("", "信函正文（文件是空的）", "the letter's text (the file is empty)")
        }

        let known = Placeholder.allCases.map { "{\($0.rawValue)}" }.joined(separator: " ")
        var used: [Placeholder] = []
        var line = 1
        var open: (name: String, line: Int)?
        for character in text {
            if character == "\n" { line += 1 }
            if var current = open {
                switch character {
                case "}":
                    guard let placeholder = Placeholder(rawValue: current.name) else {
                        throw fail("{\(current.name)}", "已知的占位符之一：\(known)（第 \(current.line) 行的 {\(current.name)} 不认识）",
                                   "one of the known placeholders: \(known) ({\(current.name)} on line \(current.line) is not one)")
                    }
                    if !used.contains(placeholder) { used.append(placeholder) }
                    open = nil
                case "{", "\n":
                    throw fail("{\(current.name)", "第 \(current.line) 行的 “{” 在同一行内以 “}” 结束",
                               "the \"{\" on line \(current.line) closed by \"}\" on the same line")
                default:
                    current.name.append(character)
                    open = current
                }
            } else if character == "{" {
                open = ("", line)
            } else if character == "}" {
                throw fail("}", "第 \(line) 行的 “}” 前面有配对的 “{”", "a \"{\" before the \"}\" on line \(line)")
            }
        }
        if let current = open {
            throw fail("{\(current.name)", "第 \(current.line) 行的 “{” 以 “}” 结束", "the \"{\" on line \(current.line) closed by \"}\"")
        }
        for placeholder in Placeholder.required where !used.contains(placeholder) {
            throw fail("{\(placeholder.rawValue)}", "信中含有占位符 {\(placeholder.rawValue)}（每封信都要写明）",
                       "the placeholder {\(placeholder.rawValue)} somewhere in the letter (every letter needs it)")
        }
        return Template(kind: kind, audience: audience, file: file, text: text, placeholders: used)
    }
}
