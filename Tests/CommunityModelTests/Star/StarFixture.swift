import CommunityModel
import CommunityTestSupport
import Foundation

/// The shipped standard and a fresh store, shared by the star suites.
enum StarFixture {
    static let standard: StarStandard = {
        // The shipped file must load; a test failing here names the file's problem.
        try! StarStandard.load(from: TestStore.dataDirectory)
    }()

    static let q4 = StarQuarter(year: 2026, number: 4)

    /// A 社区工作者 and a 兑换窗口 operator beside the fresh store's secretary.
    static func others(_ store: TestStore) throws -> (worker: Actor, kiosk: Actor) {
        _ = try store.db.addOperator(name: "李社工", role: .worker, pin: "135790", by: store.secretary)
        _ = try store.db.addOperator(name: "窗口", role: .kiosk, pin: "135791", by: store.secretary)
        return (try store.db.login(name: "李社工", pin: "135790"), try store.db.login(name: "窗口", pin: "135791"))
    }
}
