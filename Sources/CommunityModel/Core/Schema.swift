import Foundation
import GRDB

/// Named migrations, in order. A shipped migration is never edited: change the schema with a new one.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        registerFoundation(&migrator)
        registerConsultation(&migrator)
        registerVolunteer(&migrator)
        registerSpeedIndexes(&migrator)
        registerOffice(&migrator)
        registerRankings(&migrator)
        registerStar(&migrator)
        registerRedemption(&migrator)
        CommunityDatabase.registerMonthlyIndexes(&migrator)
        registerRosterStamp(&migrator)
        MonthlyTotals.register(&migrator)
        registerDeskFigureIndex(&migrator)
        RedemptionDayTotals.register(&migrator)
        AuditHolders.register(&migrator)
        return migrator
    }

    /// Refuses UPDATE and DELETE on an append-only table.
    static func appendOnlyTriggers(_ table: String, message: String) -> String {
        """
        CREATE TRIGGER \(table)_no_update BEFORE UPDATE ON \(table)
        BEGIN SELECT RAISE(ABORT, '\(message)'); END;
        CREATE TRIGGER \(table)_no_delete BEFORE DELETE ON \(table)
        BEGIN SELECT RAISE(ABORT, '\(message)'); END;
        """
    }

    static func registerFoundation(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v1-foundation") { db in
            try db.execute(sql: """
            CREATE TABLE community_profile (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                name TEXT NOT NULL CHECK (length(name) > 0),
                street TEXT NOT NULL,
                district TEXT NOT NULL,
                city TEXT NOT NULL,
                is_demo INTEGER NOT NULL DEFAULT 0 CHECK (is_demo IN (0, 1)),
                created_at TEXT NOT NULL
            ) STRICT;

            CREATE TABLE organisation (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
                level TEXT NOT NULL CHECK (level IN ('市级', '区级')),
                contact TEXT NOT NULL,
                phone TEXT NOT NULL,
                active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
                reported_on TEXT NOT NULL
            ) STRICT;

            CREATE TABLE member (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL CHECK (length(name) > 0),
                phone TEXT NOT NULL CHECK (length(phone) = 11),
                organisation_id INTEGER REFERENCES organisation(id) ON DELETE RESTRICT,
                level TEXT NOT NULL CHECK (level IN ('市直', '区直')),
                member_code TEXT NOT NULL UNIQUE CHECK (length(member_code) > 0),
                reported_on TEXT NOT NULL,
                active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
            ) STRICT;
            CREATE INDEX member_phone ON member(phone);
            CREATE INDEX member_organisation ON member(organisation_id);
            CREATE INDEX member_name ON member(name, id);

            CREATE TABLE operator (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
                role TEXT NOT NULL CHECK (role IN ('书记/管理员', '社区工作者', '兑换窗口')),
                pin_hash TEXT NOT NULL,
                pin_salt TEXT NOT NULL,
                failed_attempts INTEGER NOT NULL DEFAULT 0,
                locked_until TEXT,
                active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
                created_at TEXT NOT NULL
            ) STRICT;

            CREATE TABLE audit_log (
                id INTEGER PRIMARY KEY,
                operator_id INTEGER REFERENCES operator(id),
                operator_name TEXT NOT NULL,
                at TEXT NOT NULL,
                action TEXT NOT NULL,
                target TEXT NOT NULL,
                detail TEXT NOT NULL DEFAULT ''
            ) STRICT;
            CREATE INDEX audit_log_at ON audit_log(at);
            """)
            try db.execute(sql: appendOnlyTriggers("audit_log", message: "审计日志不可修改或删除 (the audit log cannot be changed)"))
        }
    }
}
