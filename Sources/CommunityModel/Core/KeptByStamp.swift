import Foundation
import GRDB

/// One value read from the file and kept while a stamp, read in the same snapshot, is unchanged: the search
/// keys held in memory (the roster's lookup keys, task titles, issue texts) are read once and reused by every
/// key typed until the rows behind them change.
final class KeptByStamp<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var kept: (stamp: String, value: Value)?

    /// The kept value while `stamp` holds, else `load()`'s. A nil stamp (no file to tie it to) is never kept.
    func value(_ db: Database, stamp: String?, load: () throws -> Value) throws -> Value {
        if let stamp {
            lock.lock()
            let current = kept
            lock.unlock()
            if let current, current.stamp == stamp { return current.value }
        }
        let value = try load()
        // A writer's snapshot may hold rows that roll back: what is read there is used once, never kept.
        if let stamp, db.configuration.readonly {
            lock.lock()
            kept = (stamp, value)
            lock.unlock()
        }
        return value
    }
}
