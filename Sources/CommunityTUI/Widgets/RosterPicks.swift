import CommunityModel

/// What the roster pickers offer: members and organisations found by what a clerk remembers of them.
enum RosterPicks {
    /// Members then organisations matching the query, each told apart by unit and masked phone.
    static func claimants(_ query: String, _ ctx: AppContext) -> [PickOption] {
        // The desk's lookup (Redemption/): pinyin and initials precomputed, phone tails, codes in any case.
        guard let matches = try? ctx.db.findHolders(query, limit: 6) else { return [] }
        return matches.filter(\.active).map { m in
            let id: String
            switch m.holder {
            case .member(let n): id = "member:\(n)"
            case .organisation(let n): id = "organisation:\(n)"
            }
            let label = m.memberCode.isEmpty ? m.name : "\(m.name)（\(m.memberCode)）"
            return PickOption(id: id, label: label, detail: [m.unit, m.maskedPhone].filter { !$0.isEmpty }.joined(separator: " · "))
        }
    }

    /// Organisations whose name matches as written, by full pinyin or by initials (a few hundred at most).
    static func organisations(_ query: String, _ all: [(id: Int64, name: String)]) -> [PickOption] {
        all.filter { PinyinText.matches(query, $0.name) }.prefix(6).map { PickOption(id: "organisation:\($0.id)", label: $0.name, detail: "") }
    }

    /// The claimant a picked row stands for.
    static func claimant(for option: PickOption, _ ctx: AppContext) -> Claimant? {
        let parts = option.id.split(separator: ":")
        guard parts.count == 2, let n = Int64(parts[1]) else { return nil }
        let holder: PointsHolder = parts[0] == "member" ? .member(n) : .organisation(n)
        return try? ctx.db.claimant(holder)
    }
}
