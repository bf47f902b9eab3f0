import CommunityModel
import Foundation

/// Finds or makes the demo database for `community --demo`.
enum DemoLauncher {
    /// Without `--db` the demo file lives in the user's data folder and is made on first use;
    /// with `--db` it must be (or become) a demo-marked file — a real community's file is refused.
    static func openDemo(path: String) throws -> CommunityDatabase {
        try CommunityDatabase.openDemo(path: path, dataDirectory: Paths.referenceData)
    }
}
