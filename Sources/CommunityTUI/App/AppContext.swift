import CommunityModel

/// What screens may know while handling a key or loading: the store, who is signed in, what day it is,
/// the reference data, and how many rows the body of the screen can show.
struct AppContext {
    var db: CommunityDatabase
    var actor: Actor?
    var today: String
    var reference: ReferenceData
    /// Rows between the tab bar and the status lines.
    var bodyHeight: Int
    var bodyWidth: Int
    /// The kiosk hides phone numbers and roster edits.
    var kiosk = false

    var signedIn: Actor {
        actor ?? Actor(operatorId: 0, name: "?", role: .kiosk)
    }
}
