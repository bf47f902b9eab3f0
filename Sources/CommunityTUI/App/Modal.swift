import CommunityModel

/// What can sit on top of a screen; modals are a stack, Esc pops one.
enum Modal {
    case form(FormState)
    case confirm(ConfirmState)
    case help(HelpState)
    /// A read-only page of text (a receipt, a member's details, the entries behind a figure).
    case text(TextPage)
}

/// "Are you sure?" for destructive actions: y or Enter confirms, n or Esc cancels.
struct ConfirmState {
    var title: LocalizedText
    var message: LocalizedText
    var onConfirm: [Effect]
}

struct HelpState {
    var title: LocalizedText
    var lines: [HelpLine]
    var scroll = 0
}

struct TextPage {
    var title: LocalizedText
    var lines: [String]
    var scroll = 0
}
