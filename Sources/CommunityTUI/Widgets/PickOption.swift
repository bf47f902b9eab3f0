import CommunityModel

/// One row a picker offers: what the field stores once chosen (`id`), how it reads (`label`), and a line
/// that tells two people of the same name apart (unit, masked phone, code).
struct PickOption: Equatable {
    var id: String
    var label: String
    var detail: String

    /// The id of the row that keeps what was typed (a name not on the roster).
    static let typedId = "typed"
}

/// A field that finds its value as you type (name, pinyin or its initials, phone tail, member code) and
/// offers the matches under it; ↑/↓ choose, Enter takes one. What was picked, not what was typed, is submitted.
struct Lookup {
    /// The matches for what has been typed so far, at most `limit` of them.
    var search: (String, AppContext) -> [PickOption]
    var limit = 6
    var options: [PickOption] = []
    var selected = 0
    var picked: PickOption?
    /// What was searched for last ("" before anything was typed, and once something was picked).
    var query = ""
    /// Set where a name need not be on the roster (a resident representative, a property company): the list
    /// then ends with a row that keeps the text as typed, saying so; picking from the roster stays the first row.
    var typedNote: LocalizedText?
    /// The field holds a list of names ("张三、李四、"): each name is looked up as it is typed after the last
    /// separator, and picking one appends it and stays in the field for the next.
    var isList = false

    static let separators: Set<Character> = ["、", ",", "，", ";", "；"]
    /// What the program puts between names: 、 in Chinese, a comma in English (any of `separators` is read).
    static var separator: String { LocalizedText("、", ", ").text() }

    /// Whether the list ends with a separator, ready for the next name.
    static func endsWithSeparator(_ text: String) -> Bool {
        text.trimmingCharacters(in: .whitespaces).last.map { separators.contains($0) } ?? false
    }

    init(search: @escaping (String, AppContext) -> [PickOption]) {
        self.search = search
    }

    /// A picker that also takes a name not on the roster, as typed.
    static func allowingTyped(_ note: LocalizedText, list: Bool = false, search: @escaping (String, AppContext) -> [PickOption]) -> Lookup {
        var lookup = Lookup(search: search)
        lookup.typedNote = note
        lookup.isList = list
        return lookup
    }

    /// The names of a list as typed, each trimmed, the one after the last separator included (empty while
    /// the list ends with a separator).
    static func names(_ text: String) -> [String] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { separators.contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// The name being typed: the whole text, or in a list what follows the last separator.
    static func current(_ text: String, list: Bool) -> String {
        list ? names(text).last ?? "" : text.trimmingCharacters(in: .whitespaces)
    }

    mutating func refresh(_ text: String, _ ctx: AppContext) {
        let query = Self.current(text, list: isList)
        if !isList, let picked, picked.label == query { options = []; self.query = ""; return }
        picked = nil
        self.query = query
        // In a list, a name already in it (before the one being typed) is not offered again.
        let listed = isList ? Set(Self.names(text).dropLast()) : []
        options = query.isEmpty ? [] : Array(search(query, ctx).filter { !listed.contains($0.label) }.prefix(limit))
        if let typedNote, !query.isEmpty, !listed.contains(query), !options.contains(where: { $0.label == query }) {
            options.append(PickOption(id: PickOption.typedId, label: query, detail: typedNote.text()))
        }
        selected = 0
    }

    /// Nothing on the roster matches what was typed (and the picker takes only roster rows).
    var findsNothing: Bool { options.isEmpty && picked == nil && !query.isEmpty }

    /// A list as stored when its field is left: no separator left dangling after the last name.
    static func trimmedList(_ text: String) -> String {
        var out = text.trimmingCharacters(in: .whitespaces)
        while let last = out.last, separators.contains(last) || last.isWhitespace { out.removeLast() }
        return out
    }

    /// The field's text once `option` is taken: the option alone, or in a list the names before it, the
    /// option and a separator for the next name.
    func text(taking option: PickOption, in text: String) -> String {
        guard isList else { return option.label }
        var kept = text
        while let last = kept.last, !Self.separators.contains(last) { kept.removeLast() }
        kept = Self.trimmedList(kept)
        return (kept.isEmpty ? "" : kept + Self.separator) + option.label + Self.separator
    }
}
