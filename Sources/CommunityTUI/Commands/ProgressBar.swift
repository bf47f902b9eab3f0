import CommunityModel
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A one-line progress bar on stderr for long commands, drawn only when stderr is a terminal
/// (a log file or a pipe gets just the final summary on stdout).
final class ProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private let enabled: Bool
    private var currentLabel: String?
    private var lastDrawn = -1
    private static let width = 30

    init(enabled: Bool = isatty(STDERR_FILENO) == 1) {
        self.enabled = enabled
    }

    /// The handler to pass to the model; safe to call from any thread.
    var handler: ProgressHandler {
        { [self] label, done, total in self.update(label.text(), done: done, total: total) }
    }

    func update(_ label: String, done: Int, total: Int) {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        if currentLabel != label {
            if currentLabel != nil { write("\n") }
            currentLabel = label
            lastDrawn = -1
        }
        let permille = total > 0 ? min(1000, done * 1000 / total) : 1000
        // Redraw only when the bar visibly moves: a terminal is slow compared with inserting rows.
        guard permille / 5 != lastDrawn / 5 || done == total else { return }
        lastDrawn = permille
        let filled = permille * Self.width / 1000
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: Self.width - filled)
        write("\r\(label) \(bar) \(done)/\(total)  ")
    }

    /// Ends the bar's line so the summary starts on a fresh one.
    func finish() {
        guard enabled else { return }
        lock.lock(); defer { lock.unlock() }
        if currentLabel != nil { write("\n") }
        currentLabel = nil
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
