/// What the app needs from a terminal; `NcursesTerminal` is the real one, tests use a buffer.
protocol Terminal: AnyObject {
    var size: (width: Int, height: Int) { get }
    /// Flushes a frame: only cells that changed since the last frame are written, then one update.
    func draw(_ buffer: ScreenBuffer)
    /// Waits up to `timeoutMs` for a key; nil when none came (the loop then polls for others' changes).
    func readKey(timeoutMs: Int) -> Key?
    func shutdown()
}
