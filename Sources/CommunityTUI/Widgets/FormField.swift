import CommunityModel

/// One input of a form. Text fields accept anything typed, Chinese included; choices cycle with ←/→ or Space.
struct FormField {
    enum Kind: Equatable {
        case text
        /// Shown as dots: PINs.
        case secret
        /// One of a fixed list; `value` holds the chosen option's text.
        case choice([String])
    }

    var id: String
    var label: LocalizedText
    var value: String
    var kind: Kind = .text
    var required = false
    var placeholder: LocalizedText? = nil
    /// Checked when leaving the field and on submit; returns what is wrong, or nil.
    var validate: ((String) -> LocalizedText?)? = nil
    var error: LocalizedText? = nil
    /// Cursor position in characters.
    var cursor: Int
    /// Rows the field may take in the form: long text wraps over them instead of scrolling its start away.
    var lines = 1
    /// A count or amount: a preset such as "0" or "10" is replaced by the first digit typed, not appended to.
    var numeric = false
    /// True until the first key typed since the field got the focus (see `numeric`).
    var fresh = true
    /// Rewrites what was typed into the stored form when the field is left (12-3 → 2026-12-03).
    var normalise: ((String) -> String)? = nil
    /// Set for fields that pick a person or unit from the roster instead of taking free text.
    var lookup: Lookup? = nil
    /// How a choice reads in the interface language when its stored value is a fixed Chinese term (市直 → city).
    var labels: [String: LocalizedText] = [:]

    /// A choice among fixed values, each shown by its label in the interface language.
    static func choice(id: String, label: LocalizedText, value: String, options: [(value: String, label: LocalizedText)]) -> FormField {
        var field = FormField(id: id, label: label, value: value, kind: .choice(options.map(\.value)))
        field.labels = Dictionary(options.map { ($0.value, $0.label) }, uniquingKeysWith: { a, _ in a })
        return field
    }

    /// Dates and times as people type them (2026/12/3, 12-3 9:00, full-width digits) in the stored form;
    /// text that is not a date is left as typed, for the field's check to name.
    static func typedDate(_ text: String) -> String { Day.normaliseTyped(text) ?? text }

    init(id: String, label: LocalizedText, value: String = "", kind: Kind = .text, required: Bool = false,
         placeholder: LocalizedText? = nil, lines: Int = 1, numeric: Bool = false, normalise: ((String) -> String)? = nil,
         validate: ((String) -> LocalizedText?)? = nil) {
        self.lines = max(1, lines)
        self.normalise = normalise
        self.numeric = numeric
        self.id = id
        self.label = label
        self.value = value
        self.kind = kind
        self.required = required
        self.placeholder = placeholder
        self.validate = validate
        self.cursor = value.count
        if case .choice(let options) = kind, !options.contains(value), let first = options.first {
            self.value = first
            self.cursor = first.count
        }
    }

    /// Runs the required check and the field's own rule; stores and returns the error.
    @discardableResult
    mutating func check() -> LocalizedText? {
        if let normalise, !value.isEmpty {
            value = normalise(value)
            cursor = min(cursor, value.count)
        }
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if required && trimmed.isEmpty {
            error = LocalizedText("\(label.zh)不能为空", "\(label.en) is required")
        } else if !trimmed.isEmpty || required {
            error = validate?(value)
        } else {
            error = nil
        }
        return error
    }

    /// Edits the field with a key; returns false when the key is not an editing key.
    mutating func edit(_ key: Key) -> Bool {
        if case .choice(let options) = kind {
            guard !options.isEmpty else { return false }
            let i = options.firstIndex(of: value) ?? 0
            switch key {
            case .right, .char(" "): value = options[(i + 1) % options.count]
            case .left: value = options[(i + options.count - 1) % options.count]
            case .char(let c):
                // Typing picks the next choice that starts with the letter (or its pinyin initial), so a typed
                // key is never silently dropped; a key no choice starts with leaves the choice as it is.
                let shown = options.map { labels[$0]?.text() ?? $0 }
                guard let match = Self.nextChoice(startingWith: c, in: shown, after: i) else { return true }
                value = options[match]
            default: return false
            }
            error = nil
            return true
        }
        var chars = Array(value)
        cursor = min(max(0, cursor), chars.count)
        if numeric, fresh, case .char(let c) = key, c.isNumber {
            chars.removeAll()
            cursor = 0
        }
        fresh = false
        switch key {
        case .char(let c):
            chars.insert(c, at: cursor)
            cursor += 1
        case .backspace:
            guard cursor > 0 else { return true }
            chars.remove(at: cursor - 1)
            cursor -= 1
        case .delete:
            guard cursor < chars.count else { return true }
            chars.remove(at: cursor)
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(chars.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = chars.count
        case .ctrl("u"): chars.removeAll(); cursor = 0
        default: return false
        }
        value = String(chars)
        error = nil
        return true
    }

    /// The index of the first option after `current` (wrapping) whose text or pinyin starts with `c`.
    static func nextChoice(startingWith c: Character, in options: [String], after current: Int) -> Int? {
        let typed = String(c).lowercased()
        guard !options.isEmpty else { return nil }
        for step in 1...options.count {
            let i = (current + step) % options.count
            let option = options[i]
            if option.lowercased().hasPrefix(typed) || PinyinText.initials(option).hasPrefix(typed) { return i }
        }
        return nil
    }

    var isChoice: Bool {
        if case .choice = kind { return true }
        return false
    }

    var display: String {
        if kind == .secret { return String(repeating: "•", count: value.count) }
        return labels[value]?.text() ?? value
    }
}

/// Field values by id, handed to a form's submit action.
struct FormValues {
    var values: [String: String]
    /// What each picker field chose from its list (absent when nothing was picked).
    var picked: [String: PickOption] = [:]
    subscript(_ id: String) -> String {
        (values[id] ?? "").trimmingCharacters(in: .whitespaces)
    }
}

/// An error that belongs to one field; the form shows it under that field and stays open.
struct FieldError: UserFacingError {
    var field: String
    var message: LocalizedText
}
