import CommunityModel
import Foundation

/// Opens the database, signs in (or runs first-run setup) and runs the UI.
struct TUILauncher {
    var global: GlobalOptions
    var demo: Bool
    func run() throws {
        throw CommandFailure(text: "UI not built yet")
    }
}
