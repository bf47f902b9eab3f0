import CommunityModel

extension App {
    /// Once the first frame is up, the reads that the first visit to a screen would otherwise make on the key
    /// run on background readers: the desk's and the pickers' lookup keys, the rankings screen 5 opens on, the
    /// task titles the audit search reads, and the issue texts a common search on screen 2 counts.
    /// At stress each is 15–25 ms, over a frame; a secretary spends longer than that looking at the overview.
    /// The writer gets a rolled-back redemption, so the first confirm is as quick as the next ones.
    func warmUp() {
        guard phase == .main else { return }
        ctx.db.warmHolderLookup()
        ctx.db.warmConfirm()
        if ctx.kiosk { return }
        ctx.db.warmRankings(RankingAudience.allCases.compactMap { RankingPeriod.lastClosed(for: $0, today: ctx.today) })
        ctx.db.warmAuditSearch()
        ctx.db.warmIssueSearch()
    }
}
