import Foundation
import GRDB

extension Schema {
    /// Indexes that keep screens 2 and 3 inside one frame (SPEC §9) at stress scale, where a filter or a board
    /// count had to look up thousands of rows in the table instead of counting index entries.
    static func registerSpeedIndexes(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v5-speed-indexes") { db in
            try db.execute(sql: """
            -- Overdue issues of one category: each overdue term (category, step, step_since) is one index range.
            CREATE INDEX issue_open_category ON issue(category, step, step_since) WHERE outcome IS NULL;
            -- Category with state or outcome (the l and e filters together), counted on the index alone.
            CREATE INDEX issue_category_outcome ON issue(category, outcome);
            -- 可认领 / 已满 columns compare taken with places: counted on the index, not the table.
            CREATE INDEX task_status_starts_places ON task(status, starts_at, taken, places, id);
            -- 进行中 column: ends after now and started, both read from the index.
            CREATE INDEX task_status_ends_starts ON task(status, ends_at, starts_at, id);
            """)
        }
    }
}
