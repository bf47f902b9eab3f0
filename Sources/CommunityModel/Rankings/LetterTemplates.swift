import Foundation

/// `data/letters/`: the 感谢信 (thanks) and 提醒函 (reminder) templates for members and organisations (SPEC §7).
/// A template is plain UTF-8 text with placeholders in braces, e.g. `尊敬的{name}同志：`.
public struct LetterTemplates: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// 感谢信, for the top of a ranking.
        case thanks
        /// 提醒函, for the bottom of a ranking.
        case reminder

        public var label: LocalizedText {
            switch self {
            case .thanks: return LocalizedText("感谢信", "letter of thanks")
            case .reminder: return LocalizedText("提醒函", "reminder letter")
            }
        }
    }

    public enum Audience: String, Sendable, Equatable, CaseIterable {
        case member, organisation
    }

    /// Every placeholder a template may use; anything else in braces is refused on load.
    public enum Placeholder: String, Sendable, Equatable, CaseIterable {
        /// The member's or organisation's name.
        case name
        /// 朝东社区 and its place: street, district, city.
        case community, street, district, city
        /// The ranking period in words, e.g. "2026年5月" or "2026年第二季度".
        case period
        /// Points earned in the period, and the position in the ranking.
        case points, rank
        /// The date the letter is issued, e.g. "2026年6月1日".
        case date

        /// Without these a letter cannot say whom it is for or what it is about.
        public static let required: [Placeholder] = [.name, .period]
    }

    public struct Template: Sendable, Equatable {
        public var kind: Kind
        public var audience: Audience
        /// Relative to the data folder, e.g. `letters/thanks-member.txt`.
        public var file: String
        public var text: String
        /// The placeholders the text uses, in order of first use.
        public var placeholders: [Placeholder]

        /// The first non-blank line, e.g. 感谢信.
        public var title: String {
            text.split(separator: "\n").first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
                .map { $0.trimmingCharacters(in: .whitespaces) } ?? kind.label.zh
        }

        /// The letter with every placeholder filled in; a value not given is left blank rather than as `{key}`.
        public func render(_ values: [Placeholder: String]) -> String {
            var out = text
            for placeholder in placeholders {
                out = out.replacingOccurrences(of: "{\(placeholder.rawValue)}", with: values[placeholder] ?? "")
            }
            return out
        }
    }

    public var thanksMember: Template
    public var thanksOrganisation: Template
    public var reminderMember: Template
    public var reminderOrganisation: Template

    public func template(_ kind: Kind, for audience: Audience) -> Template {
        switch (kind, audience) {
        case (.thanks, .member): return thanksMember
        case (.thanks, .organisation): return thanksOrganisation
        case (.reminder, .member): return reminderMember
        case (.reminder, .organisation): return reminderOrganisation
        }
    }

    /// The file each template is read from, relative to the data folder.
    public static func file(_ kind: Kind, for audience: Audience) -> String {
        "letters/\(kind.rawValue)-\(audience.rawValue).txt"
    }
}
