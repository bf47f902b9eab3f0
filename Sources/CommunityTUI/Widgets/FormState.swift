import CommunityModel

/// A form in a modal: fields, the focused one, and what Enter on the last field (or Ctrl-S) does.
/// Nothing is written until every field validates; a store refusal keeps the form open with the message.
struct FormState {
    var title: LocalizedText
    var fields: [FormField]
    var focus = 0
    var formError: LocalizedText?
    /// Something was typed or chosen: Esc then asks before the work is thrown away.
    var dirty = false
    /// Performs the write. Throwing `FieldError` marks a field; any other error shows on the form.
    var submit: (FormValues, AppContext) throws -> [Effect]

    init(title: LocalizedText, fields: [FormField], submit: @escaping (FormValues, AppContext) throws -> [Effect]) {
        self.title = title
        self.fields = fields
        self.submit = submit
    }

    var values: FormValues {
        FormValues(values: Dictionary(fields.map { ($0.id, $0.value) }, uniquingKeysWith: { a, _ in a }),
                   picked: Dictionary(fields.compactMap { f in f.lookup?.picked.map { (f.id, $0) } }, uniquingKeysWith: { a, _ in a }))
    }

    enum Outcome {
        case stay
        case cancel
        case done([Effect])
    }

    mutating func handle(_ key: Key, _ ctx: AppContext) -> Outcome {
        if var lookup = fields[focus].lookup, !lookup.options.isEmpty {
            // In a picker's list, ↑/↓ choose a match and Enter takes it; the form's own keys wait.
            switch key {
            case .down: lookup.selected = min(lookup.options.count - 1, lookup.selected + 1); fields[focus].lookup = lookup; return .stay
            case .up: lookup.selected = max(0, lookup.selected - 1); fields[focus].lookup = lookup; return .stay
            case .enter, .tab:
                let option = lookup.options[lookup.selected]
                let text = lookup.text(taking: option, in: fields[focus].value)
                // A name kept as typed is not a roster row: nothing is "picked" for the submit to resolve.
                lookup.picked = lookup.isList || option.id == PickOption.typedId ? nil : option
                lookup.options = []
                lookup.query = ""
                fields[focus].lookup = lookup
                fields[focus].value = text
                fields[focus].cursor = text.count
                fields[focus].error = nil
                dirty = true
                // In a list the next name follows; Enter or Tab with no matches open then leaves the field.
                if lookup.isList { return .stay }
                // Picking in the last field is the last thing to do: the form goes ahead as Enter would.
                if focus < fields.count - 1 { move(to: focus + 1) } else if key == .enter { return trySubmit(ctx) }
                return .stay
            default: break
            }
        }
        switch key {
        case .escape:
            return .cancel
        case .tab, .down:
            fields[focus].check()
            move(to: (focus + 1) % fields.count)
        case .backTab, .up:
            move(to: (focus + fields.count - 1) % fields.count)
        case .enter:
            fields[focus].check()
            if focus < fields.count - 1 {
                move(to: focus + 1)
            } else {
                return trySubmit(ctx)
            }
        case .ctrl("s"):
            return trySubmit(ctx)
        default:
            let before = fields[focus].value
            _ = fields[focus].edit(key)
            if fields[focus].value != before {
                dirty = true
                let typed = fields[focus].value
                fields[focus].lookup?.refresh(typed, ctx)
            }
        }
        return .stay
    }

    private mutating func move(to index: Int) {
        focus = index
        fields[focus].fresh = true
        // Arriving in a list of names: a separator is ready, so what is typed next is a new name looked up on
        // its own (leaving the field trims it again).
        if fields[focus].lookup?.isList == true, !fields[focus].value.isEmpty, !Lookup.endsWithSeparator(fields[focus].value) {
            fields[focus].value += Lookup.separator
            fields[focus].cursor = fields[focus].value.count
        }
    }

    mutating func trySubmit(_ ctx: AppContext) -> Outcome {
        formError = nil
        var firstBad: Int?
        for i in fields.indices where fields[i].check() != nil && firstBad == nil { firstBad = i }
        if let firstBad {
            move(to: firstBad)
            formError = LocalizedText("请先改正标红的项目，未保存任何内容。", "Fix the fields marked in red; nothing was saved.")
            return .stay
        }
        do {
            return .done(try submit(values, ctx))
        } catch let error as FieldError {
            if let i = fields.firstIndex(where: { $0.id == error.field }) {
                fields[i].error = error.message
                focus = i
            }
            formError = error.message
        } catch {
            formError = userMessage(for: error)
        }
        return .stay
    }
}
