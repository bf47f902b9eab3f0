import CommunityModel

/// A screen: state, a key table, and a render function over a buffer.
/// Screens never draw to the terminal; writes go through `Effect.write` which the app performs.
protocol Screen {
    associatedtype Action
    var id: ScreenID { get }
    /// The key table for the screen's current mode; looked up before the global table.
    func bindings(_ ctx: AppContext) -> [KeyBinding<Action>]
    mutating func perform(_ action: Action, _ ctx: AppContext) -> [Effect]
    /// Loads (or refreshes in place) what the screen shows; called on entry, after writes,
    /// when another terminal commits, and on resize.
    mutating func reload(_ ctx: AppContext) throws
    /// `/`: the text to filter or search by; nil when the screen has nothing to filter.
    mutating func applyFilter(_ text: String, _ ctx: AppContext) -> [Effect]?
    var filterText: String { get }
    /// Whether `/` means something on this screen (it is then listed in the footer and help).
    var supportsFilter: Bool { get }
    /// `/` was pressed: the search prompt is open and the first key will follow (a screen may read ahead).
    func filterWillOpen(_ ctx: AppContext)
    /// Esc on the screen itself (closing a detail view); false when there is nothing to go back from.
    mutating func back(_ ctx: AppContext) -> Bool
    /// Arriving from an alert or figure: show the rows `intent` names (nil: leaving, back to the plain view).
    mutating func open(_ intent: ScreenIntent?, _ ctx: AppContext)
    /// Opens one record on this screen (an issue's dossier, a task, a member); nil when it cannot.
    mutating func open(_ record: AuditRecord, _ ctx: AppContext) -> [Effect]?
    /// After a save (already reloaded): selects the saved record where the list shows it; when the view has to
    /// change to show it (a filter cleared), the screen says so on its own lines (the status line holds the save).
    mutating func select(_ record: AuditRecord, _ ctx: AppContext) throws
    func render(into buffer: inout ScreenBuffer, area: Rect, ctx: AppContext)
}

extension Screen {
    mutating func applyFilter(_ text: String, _ ctx: AppContext) -> [Effect]? { nil }
    var filterText: String { "" }
    var supportsFilter: Bool { false }
    func filterWillOpen(_ ctx: AppContext) {}
    mutating func back(_ ctx: AppContext) -> Bool { false }
    mutating func open(_ intent: ScreenIntent?, _ ctx: AppContext) {}
    mutating func open(_ record: AuditRecord, _ ctx: AppContext) -> [Effect]? { nil }
    mutating func select(_ record: AuditRecord, _ ctx: AppContext) throws {}

    /// Dispatches a key through this screen's table; nil when the table has no such key.
    mutating func handle(_ key: Key, _ ctx: AppContext) -> [Effect]? {
        guard let binding = bindings(ctx).first(where: { $0.matches(key) }) else { return nil }
        if let reason = binding.disabledReason { return [.error(reason)] }
        return perform(binding.action, ctx)
    }

    func helpLines(_ ctx: AppContext) -> [HelpLine] {
        bindings(ctx).map(\.helpLine)
    }
}
