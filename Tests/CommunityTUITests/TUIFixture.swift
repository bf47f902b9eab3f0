@testable import CommunityTUI
import CommunityModel
import CommunityTestSupport
import Foundation
import XCTest

/// An app over a real SQLite file, driven by keys and read back as text, as the terminal would show it.
/// The file comes from the shared `TestStore`: a fresh 朝东社区 (or an empty file), or a copy of the demo.
struct TUIFixture {
    let store: TestStore
    var app: App

    var directory: URL { store.directory }
    var db: CommunityDatabase { store.db }
    /// 王书记 on a fresh file, 演示书记 on the demo copy; nobody on a file not set up.
    let secretary: Actor

    static var dataDirectory: URL { TestStore.dataDirectory }

    init(width: Int = 80, height: Int = 24, signedIn: Bool = true, setUp: Bool = true, demo: Bool = false) throws {
        Language.current = .zh
        store = demo ? try TestStore.demo() : try TestStore(fileName: "tui.sqlite", setUp: setUp)
        secretary = store.secretary
        let reference = try ReferenceData.load(from: Self.dataDirectory)
        ConsultationReference.active = reference.consultation
        let ctx = AppContext(db: store.db, actor: signedIn ? secretary : nil, today: TestStore.demoToday, reference: reference,
                             bodyHeight: height - 3, bodyWidth: width)
        app = App(ctx: ctx, width: width, height: height)
    }

    mutating func press(_ keys: Key...) {
        for key in keys { app.handle(key) }
    }

    mutating func type(_ text: String) {
        for c in text { app.handle(.char(c)) }
    }

    var screen: ScreenBuffer { app.render() }
    var lines: [String] { screen.lines }
    var text: String { lines.joined(separator: "\n") }

    /// A small roster with Chinese names of different lengths, to show misalignment if any.
    func seedRoster() throws {
        let bus = try db.addOrganisation(Organisation(name: "公交集团党委", level: .city, contact: "刘建国", phone: "13903170121", reportedOn: "2026-03-01"), by: secretary)
        let court = try db.addOrganisation(Organisation(name: "区法院党组", level: .district, contact: "赵雪梅", phone: "18631701156", reportedOn: "2026-03-02"), by: secretary)
        let people: [(String, String, String, Int64?)] = [
            ("张建华", "D0001", "13912345678", bus.id), ("李娜", "D0002", "13800001111", court.id),
            ("欧阳振华", "D0003", "15031700022", bus.id), ("Wang Li", "D0004", "18631700033", nil),
        ]
        for (name, code, phone, org) in people {
            _ = try db.addMember(Member(name: name, phone: phone, organisationId: org, level: .district, memberCode: code, reportedOn: "2026-04-01"), by: secretary)
        }
    }

    func remove() { store.remove() }
}

/// The display column where `needle` starts in `line`, or nil.
func displayColumn(of needle: String, in line: String) -> Int? {
    guard let range = line.range(of: needle) else { return nil }
    return DisplayWidth.of(String(line[..<range.lowerBound]))
}
