import CommunityModel

/// A form in a modal: fields, the focused one, and what Enter on the last field (or Ctrl-S) does.
/// Nothing is written until every field validates; a store refusal keeps the form open with the message.
struct FormState {
    var title: LocalizedText
    var fields: [FormField]
    var focus = 0
    var formError: LocalizedText?
    /// Performs the write. Throwing `FieldError` marks a field; any other error shows on the form.
    var submit: (FormValues, AppContext) throws -> [Effect]

    init(title: LocalizedText, fields: [FormField], submit: @escaping (FormValues, AppContext) throws -> [Effect]) {
        self.title = title
        self.fields = fields
        self.submit = submit
    }

    var values: FormValues {
        FormValues(values: Dictionary(fields.map { ($0.id, $0.value) }, uniquingKeysWith: { a, _ in a }))
    }

    enum Outcome {
        case stay
        case cancel
        case done([Effect])
    }

    mutating func handle(_ key: Key, _ ctx: AppContext) -> Outcome {
        switch key {
        case .escape:
            return .cancel
        case .tab, .down:
            fields[focus].check()
            focus = (focus + 1) % fields.count
        case .backTab, .up:
            focus = (focus + fields.count - 1) % fields.count
        case .enter:
            fields[focus].check()
            if focus < fields.count - 1 {
                focus += 1
            } else {
                return trySubmit(ctx)
            }
        case .ctrl("s"):
            return trySubmit(ctx)
        default:
            _ = fields[focus].edit(key)
        }
        return .stay
    }

    mutating func trySubmit(_ ctx: AppContext) -> Outcome {
        formError = nil
        var firstBad: Int?
        for i in fields.indices where fields[i].check() != nil && firstBad == nil { firstBad = i }
        if let firstBad {
            focus = firstBad
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
