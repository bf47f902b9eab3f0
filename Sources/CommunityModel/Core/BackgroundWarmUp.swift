import Foundation

/// Reads (and the writer's rehearsed confirm) run ahead of the key that will need them, on background queues.
/// One group holds them all so `community bench --script` can wait for them as a person at the terminal does
/// without knowing it: the pty bench's keys come hundreds of milliseconds after the first frame, by when they
/// are done, and the headless figures should be taken from the same state.
public enum BackgroundWarmUp {
    private static let group = DispatchGroup()
    private static let lock = NSLock()
    nonisolated(unsafe) private static var count = 0

    /// How many warm-ups have been started in this process (for tests: that a key started one).
    public static var started: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }

    static func run(_ work: @escaping @Sendable () -> Void) {
        lock.lock()
        count += 1
        lock.unlock()
        DispatchQueue.global(qos: .utility).async(group: group, execute: work)
    }

    /// Waits until every warm-up started so far has finished.
    public static func wait() {
        group.wait()
    }
}
