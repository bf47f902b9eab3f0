import CommunityModel

/// The visible window of a long list. Only `rows` (one screenful) is ever in memory; moving past
/// its edges asks the store for the next rows by key (STYLE 6), so scrolling costs the same at
/// 400 rows or 500,000.
struct VirtualList<Row: KeyedRow> {
    /// How a screen reads its list: a page by key, and counts (all, or those before a key).
    struct Source {
        var fetch: (PageRequest) throws -> [Row]
        var count: (ListKey?) throws -> Int
    }

    private(set) var rows: [Row] = []
    /// Index of the selected row within `rows`.
    private(set) var selected = 0
    /// Position of `rows[0]` in the whole list, for "37 / 5,000".
    private(set) var offset = 0
    private(set) var total = 0
    /// Rows marked with Space, by id, to act on several at once.
    var marked: Set<Int64> = []
    var pageSize = 10

    var current: Row? { rows.indices.contains(selected) ? rows[selected] : nil }
    var isEmpty: Bool { rows.isEmpty }
    /// 1-based position of the selection in the whole list.
    var position: Int { rows.isEmpty ? 0 : offset + selected + 1 }

    /// Refreshes in place: the same first row (or the next one if it went away), selection kept on the same id.
    mutating func reload(_ source: Source, pageSize: Int) throws {
        self.pageSize = max(1, pageSize)
        let keepId = current?.listKey.id
        total = try source.count(nil)
        // The first page starts at row 0 by definition: counting the rows before it would cost a second
        // pass over a search's matches on every key typed.
        var fromTop = false
        if let first = rows.first {
            rows = try source.fetch(.from(first.listKey, self.pageSize))
            if rows.count < self.pageSize && total > rows.count {
                rows = try source.fetch(.last(self.pageSize))
            }
        } else {
            rows = try source.fetch(.first(self.pageSize))
            fromTop = true
        }
        offset = fromTop ? 0 : try rows.first.map { try source.count($0.listKey) } ?? 0
        if let keepId, let i = rows.firstIndex(where: { $0.listKey.id == keepId }) {
            selected = i
        }
        selected = min(selected, max(0, rows.count - 1))
    }

    /// Selects the row with `key`, bringing its page into view when it is not on screen (a row just saved,
    /// which may have moved in the order). False when the list, as filtered, does not hold the row: the
    /// selection is then left where it was rather than handed to another row.
    mutating func focus(_ key: ListKey, _ source: Source, pageSize: Int) throws -> Bool {
        self.pageSize = max(1, pageSize)
        if let i = rows.firstIndex(where: { $0.listKey.id == key.id }) {
            selected = i
            return true
        }
        let page = try source.fetch(.from(key, self.pageSize))
        guard page.first?.listKey.id == key.id else { return false }
        total = try source.count(nil)
        rows = page
        // Near the end of the list, show a full page that ends with the last row instead of a short one.
        if rows.count < self.pageSize && total > rows.count { rows = try source.fetch(.last(self.pageSize)) }
        offset = try rows.first.map { try source.count($0.listKey) } ?? 0
        selected = rows.firstIndex { $0.listKey.id == key.id } ?? 0
        return true
    }

    /// Starts again from the top (a new filter).
    mutating func reset(_ source: Source, pageSize: Int) throws {
        rows = []
        selected = 0
        offset = 0
        marked = []
        try reload(source, pageSize: pageSize)
    }

    mutating func move(_ move: ListMove, _ source: Source) throws {
        guard !rows.isEmpty else { return }
        switch move {
        case .down:
            if selected < rows.count - 1 {
                selected += 1
            } else if let last = rows.last, let next = try source.fetch(.after(last.listKey, 1)).first {
                rows.append(next)
                if rows.count > pageSize { rows.removeFirst(); offset += 1 }
                selected = rows.count - 1
            }
        case .up:
            if selected > 0 {
                selected -= 1
            } else if let first = rows.first, let previous = try source.fetch(.before(first.listKey, 1)).first {
                rows.insert(previous, at: 0)
                if rows.count > pageSize { rows.removeLast() }
                offset = max(0, offset - 1)
                selected = 0
            }
        case .pageDown:
            guard let last = rows.last else { return }
            let next = try source.fetch(.after(last.listKey, pageSize))
            if next.isEmpty {
                selected = rows.count - 1
            } else if next.count == pageSize {
                offset += rows.count
                rows = next
            } else {
                try jumpToEnd(source, keepSelection: true)
            }
        case .pageUp:
            guard let first = rows.first else { return }
            let previous = try source.fetch(.before(first.listKey, pageSize))
            if previous.isEmpty {
                selected = 0
            } else if previous.count == pageSize {
                offset = max(0, offset - pageSize)
                rows = previous
            } else {
                rows = try source.fetch(.first(pageSize))
                offset = 0
            }
        case .top:
            rows = try source.fetch(.first(pageSize))
            offset = 0
            selected = 0
        case .bottom:
            try jumpToEnd(source, keepSelection: false)
        }
        selected = min(selected, max(0, rows.count - 1))
    }

    private mutating func jumpToEnd(_ source: Source, keepSelection: Bool) throws {
        rows = try source.fetch(.last(pageSize))
        total = try source.count(nil)
        offset = max(0, total - rows.count)
        if !keepSelection { selected = rows.count - 1 }
    }

    /// Space: marks or unmarks the selected row and moves down, as in a file manager.
    mutating func toggleMark(_ source: Source) throws {
        guard let row = current else { return }
        let id = row.listKey.id
        if marked.contains(id) { marked.remove(id) } else { marked.insert(id) }
        try move(.down, source)
    }

    /// The ids to act on: the marked rows, or the selected one when nothing is marked.
    var targets: [Int64] {
        if !marked.isEmpty { return marked.sorted() }
        return current.map { [$0.listKey.id] } ?? []
    }
}
