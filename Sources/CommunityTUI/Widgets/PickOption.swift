import CommunityModel

/// One row a picker offers: what the field stores once chosen (`id`), how it reads (`label`), and a line
/// that tells two people of the same name apart (unit, masked phone, code).
struct PickOption: Equatable {
    var id: String
    var label: String
    var detail: String
}

/// A field that finds its value as you type (name, pinyin or its initials, phone tail, member code) and
/// offers the matches under it; ↑/↓ choose, Enter takes one. What was picked, not what was typed, is submitted.
struct Lookup {
    /// The matches for what has been typed so far, at most `limit` of them.
    var search: (String, AppContext) -> [PickOption]
    var limit = 6
    var options: [PickOption] = []
    var selected = 0
    var picked: PickOption?

    init(search: @escaping (String, AppContext) -> [PickOption]) {
        self.search = search
    }

    mutating func refresh(_ text: String, _ ctx: AppContext) {
        let query = text.trimmingCharacters(in: .whitespaces)
        if let picked, picked.label == query { options = []; return }
        picked = nil
        options = query.isEmpty ? [] : Array(search(query, ctx).prefix(limit))
        selected = 0
    }
}
