@testable import CommunityTUI
import CommunityModel
import XCTest

/// Screen 2 (议事) rendered headless at 80×24 and driven by keys over a real database.
final class ConsultationScreenTests: XCTestCase {
    var reference: ConsultationReference { (try? ReferenceData.load(from: TUIFixture.dataDirectory).consultation) ?? .builtIn }

    /// Issues with titles of different lengths and scripts, at different steps, one overdue.
    func seedIssues(_ f: TUIFixture) throws {
        let r = reference
        let plots = try f.db.createIssue(IssueDraft(title: "5号楼北侧绿地被圈占种菜", category: "vegetable_plots", source: "resident", reporter: "王秀兰", location: "5号楼"),
                                         on: "2026-11-01", by: f.secretary, reference: r)
        _ = try f.db.createIssue(IssueDraft(title: "Wires", category: "overhead_wires", source: "grid_worker", reporter: "李娜"),
                                 on: "2026-11-28", by: f.secretary, reference: r)
        let shed = try f.db.createIssue(IssueDraft(title: "7号楼一楼住户私搭彩钢房占用公共通道和消防登高场地", category: "illegal_structures", source: "hotline_12345", reporter: "赵德明"),
                                        on: "2026-11-25", by: f.secretary, reference: r)
        try f.db.advanceIssue(id: shed.id!, on: "2026-11-26", by: f.secretary, reference: r)
        try f.db.advanceIssue(id: plots.id!, on: "2026-11-02", by: f.secretary, reference: r)
        try f.db.advanceIssue(id: plots.id!, on: "2026-11-03", by: f.secretary, reference: r)
    }

    func testListAlignsChineseAndLatinRowsAt80Columns() throws {
        var f = try TUIFixture()
        defer { f.remove() }
        try seedIssues(f)
        f.press(.char("2"))
        let lines = f.lines
        XCTAssertEqual(lines.count, 24)
        let header = try XCTUnwrap(lines.first { $0.contains("编号") }, f.text)
        for title in ["议题", "类别", "步骤", "已用天数", "逾期"] { XCTAssertTrue(header.contains(title), header) }
        let rows = lines.filter { $0.contains("2026-000") }
        XCTAssertEqual(rows.count, 3, f.text)
        // Category, step and day columns start at the same display column on every row.
        for needles in [["圈地种菜", "高空飘线", "私搭乱建"], ["③", "①", "②"]] {
            let columns = rows.compactMap { row in needles.compactMap { displayColumn(of: $0, in: row) }.first }
            XCTAssertEqual(columns.count, 3, "\(needles) missing in \(rows)")
            XCTAssertEqual(Set(columns).count, 1, "misaligned \(needles): \(columns)\n" + rows.joined(separator: "\n"))
        }
        XCTAssertTrue(rows.allSatisfy { DisplayWidth.of($0) <= 80 })
        // The long title is cut with "…" and the 5号楼 issue (27 days at step 3, limit 7) is marked overdue.
        XCTAssertTrue(rows.contains { $0.contains("…") }, rows.joined(separator: "\n"))
        let overdue = try XCTUnwrap(rows.first { $0.contains("圈地种菜") })
        XCTAssertEqual(overdue, "2026-0001 5号楼北侧绿地被圈占种菜         圈地种菜 ③确定议事…       27 逾期")
        XCTAssertTrue(header.contains("逾期/结果"), "the last column is headed for what it holds: \(header)")
        XCTAssertTrue(f.text.contains("办理中 3"), f.text)
    }

    func testExtraWidthGoesFirstToTheColumnsThatAreCut() throws {
        var f = try TUIFixture(width: 120, height: 30)
        defer { f.remove() }
        try seedIssues(f)
        f.press(.char("2"))
        let row = try XCTUnwrap(f.lines.first { $0.contains("圈地种菜") }, f.text)
        XCTAssertTrue(row.contains("③确定议事主体"), "at 120 columns the step is whole: \(row)")
    }

    func testAdvanceRefusalNamesTheUnmetGate() throws {
        var f = try TUIFixture()
        defer { f.remove() }
        try seedIssues(f)
        f.press(.char("2"), .char("G"))      // the oldest: 2026-0001 at step 3, no parties
        f.press(.char("a"))
        XCTAssertTrue(f.text.contains("议事主体至少要有 3 类"), f.text)
        XCTAssertTrue(f.screen.rowHasStyle(23, .error), "the status line shows the refusal in red")
        let d = try XCTUnwrap(f.db.issue(number: "2026-0001"))
        XCTAssertEqual(d.step, 3, "nothing was written")
    }

    func testDetailShowsTimelineSectionsAndHistory() throws {
        var f = try TUIFixture()
        defer { f.remove() }
        try seedIssues(f)
        f.press(.char("2"), .char("G"), .enter)
        let text = f.text
        XCTAssertTrue(text.contains("2026-0001  5号楼北侧绿地被圈占种菜"), text)
        XCTAssertTrue(text.contains("①收集议题"), text)
        XCTAssertTrue(text.contains("11-03"), "the day step 3 was entered: \(text)")
        XCTAssertTrue(text.contains("尚未满足"), text)
        XCTAssertTrue(text.contains("议事主体（0 个，0 类）"), text)
        f.press(.pageDown, .pageDown, .pageDown)
        XCTAssertTrue(f.text.contains("流转记录"), f.text)
        f.press(.escape)
        XCTAssertTrue(f.text.contains("已用天数"), "Esc returns to the list")
    }

    func testStepAndOverdueFilters() throws {
        var f = try TUIFixture()
        defer { f.remove() }
        try seedIssues(f)
        f.press(.char("2"), .char("t"))     // ①
        XCTAssertTrue(f.text.contains("Wires"))
        XCTAssertFalse(f.text.contains("圈地种菜 ③"))
        XCTAssertTrue(f.text.contains("筛选：①收集议题"), f.text)
        f.press(.char("x"), .char("v"))
        let rows = f.lines.filter { $0.contains("2026-000") }
        XCTAssertEqual(rows.count, 1, f.text)
        XCTAssertTrue(rows[0].contains("2026-0001"))
        f.press(.char("x"), .char("/"))
        f.type("wires")
        XCTAssertEqual(f.lines.filter { $0.contains("2026-000") }.count, 1, f.text)
    }

    func testAResidentsComplaintGoesFromCollectToResolvedWithKeysOnly() throws {
        var f = try TUIFixture()
        defer { f.remove() }
        f.press(.char("2"), .char("n"))
        f.type("3号楼楼道堆放杂物")
        f.press(.tab, .right, .right, .right, .tab, .tab)    // category → 环境卫生
        f.type("周志刚")
        f.press(.ctrl("s"))
        XCTAssertTrue(f.text.contains("已登记议题 2026-0001"), f.text)
        XCTAssertTrue(f.text.contains("环境卫生"), f.text)
        f.press(.char("a"), .char("a"))                      // ①→②, then ② asks who accepts it
        XCTAssertTrue(f.text.contains("代表社区党组织受理立项"), f.text)
        f.press(.char("y"))                                  // ②→③
        for name in ["朝东社区党委", "朝东社区居委会", "楼门长 吴凤霞"] {
            f.press(.char("p"), .tab)
            f.type(name)
            f.press(.ctrl("s"))
        }
        f.press(.char("a"), .char("f"))                      // ③→④, write an option
        f.type("组织楼道清理日")
        f.press(.ctrl("s"), .char("a"))                      // ④→⑤
        f.press(.char("m"), .tab, .tab, .tab)
        f.type("一致同意清理")
        f.press(.tab, .ctrl("u"))
        f.type("3")
        f.press(.ctrl("s"))
        XCTAssertTrue(f.text.contains("表决通过"), f.text)
        f.press(.char("a"), .char("r"))                      // ⑤→⑥, resolution
        f.type("周六上午集中清理楼道")
        f.press(.ctrl("s"), .char("a"))                      // ⑥→⑦
        f.press(.char("i"))
        f.type("朝东社区居委会")
        f.press(.tab, .tab)
        f.type("2026-11-30")
        f.press(.ctrl("s"), .char("a"))                      // ⑦→⑧
        f.press(.char("a"))
        XCTAssertTrue(f.text.contains("还没有记录居民满意度"), "step 8 needs a survey: \(f.text)")
        f.press(.char("s"), .ctrl("u"))
        f.type("25")
        f.press(.ctrl("s"), .char("a"))                      // closes
        XCTAssertTrue(f.text.contains("已办结：已解决"), f.text)
        XCTAssertTrue(f.text.contains("已解决 1"), f.text)
        let issue = try XCTUnwrap(f.db.issue(number: "2026-0001"))
        XCTAssertEqual(issue.outcome, .resolved)
        XCTAssertEqual(try f.db.pool.read { db in try ConsultationModule.check(db) }, [])
    }

    func testHelpListsEveryConsultationKey() throws {
        var f = try TUIFixture()
        defer { f.remove() }
        try seedIssues(f)
        f.press(.char("2"), .char("?"))
        let text = f.text
        for words in ["登记新议题", "推进到下一步", "退回到前面的步骤", "添加议事主体", "记录议事会议和表决"] {
            XCTAssertTrue(text.contains(words), "\(words) missing from help:\n\(text)")
        }
    }

    func testEnglishAndWideTerminalKeepColumnsAligned() throws {
        var f = try TUIFixture(width: 160, height: 48)
        defer { f.remove(); Language.current = .zh }
        try seedIssues(f)
        Language.current = .en
        f.press(.char("2"))
        let rows = f.lines.filter { $0.contains("2026-000") }
        XCTAssertEqual(rows.count, 3, f.text)
        let columns = rows.compactMap { row in ["Fenced", "Overhead", "Illegal"].compactMap { displayColumn(of: $0, in: row) }.first }
        XCTAssertEqual(Set(columns).count, 1, rows.joined(separator: "\n"))
        XCTAssertTrue(rows.allSatisfy { DisplayWidth.of($0) <= 160 })
        XCTAssertTrue(f.text.contains("overdue 1"), f.text)
        // At 160 columns the long Chinese title is shown whole.
        XCTAssertTrue(f.text.contains("7号楼一楼住户私搭彩钢房占用公共通道和消防登高场地"), f.text)
    }

    func testDetailFitsIn80ColumnsWithTheTimelineAligned() throws {
        var f = try TUIFixture()
        defer { f.remove() }
        try seedIssues(f)
        f.press(.char("2"), .char("G"), .enter)
        XCTAssertTrue(f.lines.allSatisfy { DisplayWidth.of($0) <= 80 })
        let timeline = try XCTUnwrap(f.lines.first { $0.contains("①") && $0.contains("⑧") }, f.text)
        // Eight cells of ten columns: each step starts at a multiple of 10.
        for (i, mark) in ["①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧"].enumerated() {
            XCTAssertEqual(displayColumn(of: mark, in: timeline), i * 10, timeline)
        }
        let current = try XCTUnwrap(f.lines.firstIndex(of: timeline))
        XCTAssertTrue(f.screen.rowHasStyle(current, .selected), "the current step is highlighted")
    }
}
