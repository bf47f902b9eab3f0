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

    init(id: String, label: LocalizedText, value: String = "", kind: Kind = .text, required: Bool = false,
         placeholder: LocalizedText? = nil, validate: ((String) -> LocalizedText?)? = nil) {
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
            default: return false
            }
            error = nil
            return true
        }
        var chars = Array(value)
        cursor = min(max(0, cursor), chars.count)
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

    var isChoice: Bool {
        if case .choice = kind { return true }
        return false
    }

    var display: String {
        kind == .secret ? String(repeating: "•", count: value.count) : value
    }
}

/// Field values by id, handed to a form's submit action.
struct FormValues {
    var values: [String: String]
    subscript(_ id: String) -> String {
        (values[id] ?? "").trimmingCharacters(in: .whitespaces)
    }
}

/// An error that belongs to one field; the form shows it under that field and stays open.
struct FieldError: UserFacingError {
    var field: String
    var message: LocalizedText
}
