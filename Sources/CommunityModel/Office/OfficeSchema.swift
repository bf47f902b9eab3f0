import Foundation
import GRDB

extension Schema {
    /// Running the office (issue 14): community settings, the operators' last sign-in, and the indexes the
    /// audit screen pages by — time, operator, and kind of change — at a million audit lines.
    static func registerOffice(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v7-office") { db in
            try db.execute(sql: """
            CREATE TABLE community_setting (
                key TEXT PRIMARY KEY CHECK (length(key) > 0),
                value TEXT NOT NULL,
                changed_at TEXT NOT NULL,
                changed_by TEXT NOT NULL
            ) STRICT;

            ALTER TABLE operator ADD COLUMN last_sign_in TEXT;

            -- The kind of change, from the action's prefix; virtual, so the append-only rows are not rewritten.
            ALTER TABLE audit_log ADD COLUMN kind TEXT GENERATED ALWAYS AS (\(AuditKind.sqlExpression)) VIRTUAL;
            CREATE INDEX audit_log_kind ON audit_log(kind, at, id);
            CREATE INDEX audit_log_operator ON audit_log(operator_name, at, id);
            -- Text search finds the people and things first, then their lines by target.
            CREATE INDEX audit_log_target ON audit_log(target, at);
            """)
        }
    }
}
