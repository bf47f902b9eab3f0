import CommunityModel

/// What handling a key asks the app to do; screens return these instead of touching the terminal.
enum Effect {
    /// A line in the status bar: green for success, red for an error.
    case message(LocalizedText, isError: Bool)
    /// Opens a modal (form, confirmation, help, text prompt) on top of the screen.
    case present(Modal)
    /// Runs one store action; its result message goes to the status line and the screen reloads.
    case write(StoreAction)
    /// Reloads the current screen's data from the store.
    case reload
    /// Reloads the current screen and selects this record: the row just saved stays under the cursor.
    case select(AuditRecord)
    case switchScreen(ScreenID)
    /// Switches to a screen narrowed by an intent; Esc there (with nothing else to close) comes back.
    case open(ScreenID, ScreenIntent)
    /// Switches to the screen that shows this record and opens it there (from the audit log).
    case openRecord(AuditRecord)
    /// Sets the audit screen's filter (from its filter form).
    case setAuditFilter(AuditFilter)
    case signedIn(Actor)
    /// Closes the modal on top (after a confirmation, the form it was asked about).
    case closeModal
    case quit
    /// The kiosk's own requests (leave, training on/off), after a supervisor PIN where one is needed.
    case kiosk(KioskRequest)

    static func ok(_ text: LocalizedText) -> Effect { .message(text, isError: false) }
    static func error(_ text: LocalizedText) -> Effect { .message(text, isError: true) }
}

/// A store action: a closure the app runs against the database as the signed-in operator.
/// Any thrown error becomes a red status message and nothing else happens.
struct StoreAction {
    var run: (CommunityDatabase, Actor) throws -> LocalizedText

    init(_ run: @escaping (CommunityDatabase, Actor) throws -> LocalizedText) {
        self.run = run
    }
}
