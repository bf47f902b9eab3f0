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

    /// Members and organisations as an issue's parties or a meeting's attendees: the label is the name alone (what
    /// the dossier records), the detail tells namesakes apart (member code, unit, masked phone). Members come from
    /// the desk's lookup; organisations also by the pinyin of their name, as the member form's unit picker finds them.
    static func people(_ query: String, _ ctx: AppContext, organisations: [(id: Int64, name: String)]) -> [PickOption] {
        let matches = (try? ctx.db.findHolders(query, limit: 6)) ?? []
        let unitNote = LocalizedText("报到单位", "organisation").text()
        var options: [PickOption] = matches.filter(\.active).map { m in
            switch m.holder {
            case .member(let n):
                return PickOption(id: "member:\(n)", label: m.name,
                                  detail: [m.memberCode, m.unit, m.maskedPhone].filter { !$0.isEmpty }.joined(separator: " · "))
            case .organisation(let n):
                return PickOption(id: "organisation:\(n)", label: m.name, detail: unitNote)
            }
        }
        for unit in Self.organisations(query, organisations) where !options.contains(where: { $0.id == unit.id }) {
            options.append(PickOption(id: unit.id, label: unit.label, detail: unitNote))
        }
        return options
    }

    /// A meeting's attendees: the issue's own parties first (they are who usually comes, and may not be on the
    /// roster at all), then the roster.
    static func attendees(_ query: String, _ ctx: AppContext, parties: [IssueParty], organisations: [(id: Int64, name: String)]) -> [PickOption] {
        let reference = ctx.reference.consultation
        var options = parties.filter { PinyinText.matches(query, $0.name) }.map {
            PickOption(id: "party:\($0.id ?? 0)", label: $0.name, detail: reference.partyKindLabel($0.kind).text())
        }
        for person in people(query, ctx, organisations: organisations) where !options.contains(where: { $0.label == person.label }) {
            options.append(person)
        }
        return options
    }

    /// The claimant a picked row stands for.
    static func claimant(for option: PickOption, _ ctx: AppContext) -> Claimant? {
        let parts = option.id.split(separator: ":")
        guard parts.count == 2, let n = Int64(parts[1]) else { return nil }
        let holder: PointsHolder = parts[0] == "member" ? .member(n) : .organisation(n)
        return try? ctx.db.claimant(holder)
    }
}
