import CommunityModel

/// What screens may know while handling a key or loading: the store, who is signed in, what day it is,
/// the reference data, and how many rows the body of the screen can show.
struct AppContext {
    var db: CommunityDatabase
    var actor: Actor?
    var today: String
    var reference: ReferenceData
    /// The community's name from its profile, read once when the app starts (receipts print it).
    var community = ""
    /// Rows between the tab bar and the status lines.
    var bodyHeight: Int
    var bodyWidth: Int
    /// The kiosk hides phone numbers and roster edits.
    var kiosk = false
    /// Training mode at the kiosk: `db` is then a temporary copy, and this is the real file, where
    /// supervisor PINs are always checked (so training never resets or dodges the five-wrong-PINs lock).
    var realDB: CommunityDatabase? = nil
    var training: Bool { realDB != nil }
    /// Where supervisor PINs are checked: the real file, even in training.
    var pinDB: CommunityDatabase { realDB ?? db }
    /// The screen an `Effect.open` came from (the overview), while the screen it opened is shown: Esc with
    /// nothing left to close goes back there, so a screen whose Esc also clears things lets it through then.
    var openedFrom: ScreenID? = nil

    var signedIn: Actor {
        actor ?? Actor(operatorId: 0, name: "?", role: .kiosk)
    }
}
