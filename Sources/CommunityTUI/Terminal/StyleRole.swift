/// What a cell means, not its colour; the backend maps roles to colour pairs, or to bold/reverse
/// on a monochrome terminal so a selection is still visible.
enum StyleRole: UInt8, Equatable, CaseIterable {
    case normal, selected, header, title, muted, ok, warning, error, key, marked, accent, tabActive
}
