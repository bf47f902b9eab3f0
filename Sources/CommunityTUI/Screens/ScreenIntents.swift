import CommunityModel

// How each screen answers the overview's `Effect.open`: the rows behind an alert, already narrowed. Each
// arrives as the screen's top view (nothing under it to go back to), so Esc returns to the overview.

extension ConsultationScreen {
    mutating func open(_ intent: ScreenIntent?, _ ctx: AppContext) {
        switch intent {
        case .overdueIssues?:
            filter = IssueFilter(overdueOnly: true)
        case .openIssues?:
            filter = IssueFilter(status: .open)
        case nil:
            // Leaving: the alert's narrowing goes; a filter the user changed since stays.
            if filter == IssueFilter(overdueOnly: true) || filter == IssueFilter(status: .open) { filter = IssueFilter() }
        default:
            return
        }
        mode = .list
        dossier = nil
        refusal = nil
        try? list.reset(source(ctx), pageSize: listRows(ctx))
    }
}

extension TaskScreen {
    mutating func open(_ intent: ScreenIntent?, _ ctx: AppContext) {
        switch intent {
        case .reviewQueue?:
            modes = [.review]
        case .tasksStartingSoon?:
            // Exactly the alert's tasks, across the columns (most in 发布中, soonest first; any under way today
            // in 进行中); a text search from before would hide some of them.
            modes = [.board]
            filter = ""
            soonOnly = VolunteerModule.soonTasks(today: ctx.today)
            boardAsOf = nil
            column = TaskState.boardColumns.firstIndex(of: .open) ?? 1
        case nil:
            modes = [.board]
            if soonOnly != nil { soonOnly = nil; boardAsOf = nil }
        default:
            return
        }
    }
}

extension RankingScreen {
    mutating func open(_ intent: ScreenIntent?, _ ctx: AppContext) {
        guard case .pendingLetters(let key)? = intent else {
            if intent == nil { mode = .ranking }
            return
        }
        for a in RankingAudience.allCases {
            if let p = RankingPeriod.lastClosed(for: a, today: ctx.today), p.key == key {
                audience = a
                periods[a] = p
            }
        }
        mode = .ranking
        ledger = nil
        selected = 0
        top = 0
    }
}

extension StarScreen {
    mutating func open(_ intent: ScreenIntent?, _ ctx: AppContext) {
        guard intent == .starStage else { return }
        // The current quarter, where the stage waiting to be signed is.
        quarter = StarQuarter(day: ctx.today)
        selected = 0
        scroll = 0
    }
}

extension RedemptionScreen {
    mutating func open(_ intent: ScreenIntent?, _ ctx: AppContext) {
        switch intent {
        case .todayReceipts?:
            mode = .today
            todayList = VirtualList()
            openedOnToday = true
        case .lowStock?:
            // The desk as it was (a resident half served stays); its catalog marks the items running low.
            mode = .desk
            openedOnToday = false
        case nil:
            if openedOnToday { mode = .desk }
            openedOnToday = false
        default:
            return
        }
    }
}
