@testable import CommunityTUI
@testable import CommunityModel
import Foundation
import XCTest

/// Screen 5 at 80×24 in Chinese and English: the ranking with letters, moving periods, generating with a
/// confirmation, the outbox, marking sent, and Enter on a figure (issue 9 items 2, 7).
final class RankingScreenTests: XCTestCase {
    /// The fixture's "today" is 2026-11-30, so October is the latest closed month: 张建华 30, 李娜 and 欧阳振华 20, Wang Li 0.
    func fixture() throws -> TUIFixture {
        let f = try TUIFixture()
        try f.seedRoster()
        let points = ["D0001": [10, 20], "D0002": [20], "D0003": [20], "D0004": []]
        for code in points.keys.sorted() {
            let holder = try XCTUnwrap(f.db.findClaimant(code)).holder
            for (i, p) in (points[code] ?? []).enumerated() {
                let day = "2026-10-1\(i + 1)"
                try f.db.pool.write { db in
                    let task = try CommunityDatabase.insertTask(db, TaskDraft(title: "核酸检测（\(code)-\(i)）", category: .nucleicTesting, audience: .both,
                                                                              startsAt: "\(day) 08:00", endsAt: "\(day) 11:00", place: "卫生站", places: 9, points: p),
                                                               publish: true, by: f.secretary)
                    let claim = try CommunityDatabase.insertClaim(db, taskId: task.id!, holder: holder, now: "2026-10-01 09:00", by: f.secretary)
                    _ = try CommunityDatabase.reply(db, id: claim.id!, note: "完成", at: "\(day) 12:00:00", by: f.secretary)
                    _ = try CommunityDatabase.approve(db, claimId: claim.id!, by: f.secretary)
                }
            }
        }
        // Two letters each way, so the tie at 20 shows at the boundary.
        RankingSettings.active = RankingSettings(members: .init(thanks: 2, reminders: 1), organisations: .init(thanks: 1, reminders: 1))
        return f
    }

    override func tearDown() {
        RankingSettings.active = .defaults
        Language.current = .zh
    }

    func testRankingAt80x24ShowsRanksTiesLettersAndTheRule() throws {
        var f = try fixture()
        defer { f.remove() }
        f.press(.char("5"))
        XCTAssertEqual(f.lines.count, 24)
        XCTAssertTrue(f.text.contains("2026年10月"), f.text)
        XCTAssertTrue(f.text.contains("应发感谢信 3 封 · 提醒函 1 封"), f.text)
        let rows = f.lines.filter { $0.contains("D000") }
        XCTAssertEqual(rows.count, 4, f.text)
        XCTAssertTrue(rows[0].contains("张建华") && rows[0].contains("30") && rows[0].contains("感谢信"), rows[0])
        XCTAssertTrue(rows[1].contains("   2 ") && rows[2].contains("   2 "), "tied at rank 2:\n\(rows.joined(separator: "\n"))")
        XCTAssertTrue(rows[3].contains("   4 ") && rows[3].contains("提醒函"), rows[3])
        // Columns line up whatever the name's width.
        let pointColumns = rows.compactMap { displayColumn(of: "提醒函", in: $0) ?? displayColumn(of: "感谢信", in: $0) }
        XCTAssertEqual(Set(pointColumns).count, 1, rows.joined(separator: "\n"))
        XCTAssertTrue(f.lines.allSatisfy { DisplayWidth.of($0) <= 80 })
        f.press(.char("?"))
        XCTAssertTrue(f.text.contains("服务日期在本期、审核通过的服务入账") && f.text.contains("兑换和手工调整不计入"), f.text)
    }

    func testGenerateConfirmsWithCountsThenTheOutboxMarksSent() throws {
        var f = try fixture()
        defer { f.remove() }
        f.press(.char("5"), .char("g"))
        XCTAssertTrue(f.text.contains("感谢信 3 封、提醒函 1 封"), f.text)
        XCTAssertEqual(try f.db.letterCount(RankingPeriod(year: 2026, month: 10)!), 0, "nothing written before yes")
        f.press(.char("y"))
        XCTAssertTrue(f.text.contains("已生成10月信函：感谢信 3 封 · 提醒函 1 封"), f.text)
        f.press(.char("g"))
        XCTAssertTrue(f.text.contains("已全部生成"), "a second g adds nothing: \(f.text)")
        f.press(.char("o"))
        XCTAssertTrue(f.text.contains("发件箱 · 4 封"), f.text)
        f.press(.char(" "), .char(" "), .char("s"))
        XCTAssertTrue(f.text.contains("标记已发送 · 2 封"), f.text)
        f.press(.ctrl("s"))
        XCTAssertTrue(f.text.contains("已将 2 封信函标记为已发送"), f.text)
        XCTAssertEqual(try f.db.letterCount(RankingPeriod(year: 2026, month: 10)!, state: .sent), 2)
        f.press(.char("f"))
        XCTAssertTrue(f.text.contains("只看“待发送”") && f.text.contains("发件箱 · 2 封"), f.text)
        f.press(.enter)
        XCTAssertTrue(f.text.contains("状态：待发送") && f.text.contains("尊敬的"), f.text)
        // p writes the period's printable letters beside the database.
        f.press(.escape, .char("p"), .ctrl("s"))
        XCTAssertTrue(f.text.contains("已写出 1 个文件"), f.text)
        XCTAssertTrue(FileManager.default.fileExists(atPath: f.directory.appendingPathComponent("信函_2026-10/2026-10_党员信函.docx").path))
    }

    func testPeriodsMoveWithBracketsAndArrowsAndNotIntoTheFuture() throws {
        var f = try fixture()
        defer { f.remove() }
        f.press(.char("5"), .char("]"))
        XCTAssertTrue(f.text.contains("2026年11月") && f.text.contains("本期未结束"), f.text)
        f.press(.right)
        XCTAssertTrue(f.text.contains("还没有开始"), f.text)
        f.press(.left, .left)
        XCTAssertTrue(f.text.contains("2026年9月"), f.text)
        f.press(.tab)
        XCTAssertTrue(f.text.contains("2026年第三季度"), f.text)
    }

    func testEnterOpensTheEntriesBehindTheFigure() throws {
        var f = try fixture()
        defer { f.remove() }
        f.press(.char("5"), .enter)
        XCTAssertTrue(f.text.contains("2026年10月计入排名 30 分 = 入账 2 笔 +30"), f.text)
        XCTAssertTrue(f.text.contains("积分余额 30"), "the ledger view of screen 3: \(f.text)")
        XCTAssertTrue(f.text.contains("核酸检测（D0001-1）"), f.text)
        f.press(.escape)
        XCTAssertTrue(f.text.contains("应发感谢信"), f.text)
    }

    func testEnglishShowsNoChineseButUserData() throws {
        var f = try fixture()
        defer { f.remove() }
        Language.current = .en
        f.press(.char("5"))
        XCTAssertTrue(f.text.contains("October 2026"), f.text)
        XCTAssertTrue(f.text.contains("3 thanks · 1 reminders due"), f.text)
        let userData = ["王书记", "张建华", "李娜", "欧阳振华", "公交集团党委", "区法院党组", "朝东社区"]
        // The status line's operator label belongs to the app frame, not this screen.
        for line in f.lines where !line.contains("tui.sqlite") {
            var rest = line
            for d in userData { rest = rest.replacingOccurrences(of: d, with: "") }
            XCTAssertFalse(rest.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) || (0x3000...0x303F).contains($0.value) || (0xFF00...0xFFEF).contains($0.value) },
                           "Chinese in English mode: \(line)")
        }
        XCTAssertTrue(f.lines.allSatisfy { DisplayWidth.of($0) <= 80 })
        f.press(.char("o"))
        XCTAssertTrue(f.text.contains("Outbox"), f.text)
    }

    func testExcludeFromRemindersWithAReasonAndExportTheRankingAsCSV() throws {
        var f = try fixture()
        defer { f.remove() }
        // G: the last row, Wang Li, who would get the reminder.
        f.press(.char("5"), .char("G"), .char("x"))
        XCTAssertTrue(f.text.contains("免发提醒函 · Wang Li（D0004）"), f.text)
        f.type("长期病假")
        f.press(.enter)
        XCTAssertTrue(f.text.contains("今后免发提醒函（长期病假）"), f.text)
        let row = try XCTUnwrap(f.lines.first { $0.contains("D0004") })
        XCTAssertTrue(row.contains("免发"), row)
        XCTAssertTrue(f.text.contains("免发提醒函：长期病假"), f.text)
        XCTAssertTrue(f.text.contains("提醒函 0 封"), "nobody else is at the bottom with zero: \(f.text)")
        f.press(.char("e"), .ctrl("s"))
        let url = f.directory.appendingPathComponent("排名_2026-10_党员.csv")
        let data = try Data(contentsOf: url)
        XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF])
        XCTAssertTrue(String(decoding: data, as: UTF8.self).contains("4,Wang Li,D0004,,0,0,↓3,,长期病假"))
    }

    func testOverviewHintsAtUngeneratedLetters() throws {
        var f = try fixture()
        defer { f.remove() }
        f.press(.char("1"))
        // Issue 11: the hint is one of the overview's alerts (Enter opens that period's ranking).
        XCTAssertTrue(f.text.contains("10月排名信函未生成：感谢信 3 封 · 提醒函 1 封"), f.text)
    }
}
