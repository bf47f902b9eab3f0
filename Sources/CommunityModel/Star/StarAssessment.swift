import Foundation
import GRDB

/// Everything about one quarter: the scorecard with its live figures, where the stages stand, and the
/// histories behind both. Read in one transaction, so the card and the stages agree.
public struct StarAssessment: Sendable, Equatable {
    public var quarter: StarQuarter
    public var scorecard: StarScorecard
    public var progress: StarProgress
    public var evidence: StarEvidence
    public var deductionHistory: [StarDeductionEvent]

    /// The stage the quarter waits for, or nil when its star is final.
    public var stage: StarStage? { progress.current }
    /// The stars claimed: from the signed self-assessment, else what the card's total claims now.
    public var claimedStars: Int { progress.claimedStars ?? scorecard.claimedStars }
    public var finalStars: Int? { progress.finalStars }

    /// `self_assessment` … `district_review`, or `final`.
    public var stageKey: String { stage?.rawValue ?? "final" }
    public var stageLabel: LocalizedText { stage?.label ?? LocalizedText("已定级", "final") }

    static func read(_ db: Database, quarter: StarQuarter, standard: StarStandard) throws -> StarAssessment {
        let q = quarter.description
        let deductions = try StarDeductionEvent.fetchAll(db, sql: "SELECT * FROM star_deduction WHERE quarter = ? ORDER BY id", arguments: [q])
        let stages = try StarStageEvent.fetchAll(db, sql: "SELECT * FROM star_stage WHERE quarter = ? ORDER BY id", arguments: [q])
        // The evidence is a dozen aggregates over the quarter's issues, claims and ledger: the slow part of
        // screen 6 at stress, so it is kept per quarter until the file changes (and warmed for the
        // neighbouring quarters, `warmStarEvidence`).
        let evidence = try FiguresCache.shared.value(db, "star.evidence.\(q)", context: quarter) { try StarEvidence.read(db, quarter: quarter) }
        return StarAssessment(quarter: quarter, scorecard: StarScorecard(standard: standard, quarter: quarter, history: deductions, evidence: evidence),
                              progress: StarProgress(quarter: quarter, events: stages), evidence: evidence, deductionHistory: deductions)
    }
}

/// One quarter in the history line (2026Q1 ★★★★ · Q2 ★★★★★).
public struct StarQuarterSummary: Sendable, Equatable {
    public var quarter: StarQuarter
    public var stage: StarStage?
    public var claimedStars: Int?
    public var finalStars: Int?
}

extension StarStandard {
    /// The standard in force: start-up code sets it from `ReferenceData.load`. Hooks (`seed-demo`, `check`,
    /// `stats`) that run without it find `data/` as `defaultDirectory` says.
    nonisolated(unsafe) public static var active: StarStandard?

    /// `active`, else the file found as described there.
    /// - Throws: `ReferenceDataError` when the file is missing or bad.
    public static func inForce() throws -> StarStandard {
        if let active { return active }
        let standard = try load(from: defaultDirectory())
        active = standard
        return standard
    }

    /// `$COMMUNITY_DATA`, else a `data/` beside the executable (as the commands look for it), else the one
    /// beside these sources (tests and development builds), else the installed copy.
    static func defaultDirectory(_ env: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let dir = env["COMMUNITY_DATA"], !dir.isEmpty { return URL(fileURLWithPath: dir) }
        let fm = FileManager.default
        let file = ReferenceData.starStandardFile
        var dir = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            if fm.fileExists(atPath: dir.appendingPathComponent("data/" + file).path) { return dir.appendingPathComponent("data") }
            dir.deleteLastPathComponent()
        }
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("data")
        if fm.fileExists(atPath: sources.appendingPathComponent(file).path) { return sources }
        return URL(fileURLWithPath: "/usr/local/share/community/data")
    }
}
