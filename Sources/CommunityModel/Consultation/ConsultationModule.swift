import Foundation
import GRDB

extension Schema {
    /// The "168" consultation tables (issue 3). Overdue is never a column: it follows from `step_since`
    /// and the data file's deadlines, so changing a deadline changes who is overdue at once.
    static func registerConsultation(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2-consultation") { db in
            try db.execute(sql: """
            CREATE TABLE issue (
                id INTEGER PRIMARY KEY,
                number TEXT NOT NULL UNIQUE CHECK (length(number) > 0),
                title TEXT NOT NULL CHECK (length(title) > 0),
                description TEXT NOT NULL DEFAULT '',
                category TEXT NOT NULL CHECK (length(category) > 0),
                source TEXT NOT NULL CHECK (length(source) > 0),
                reporter TEXT NOT NULL CHECK (length(reporter) > 0),
                location TEXT NOT NULL DEFAULT '',
                created_on TEXT NOT NULL,
                step INTEGER NOT NULL CHECK (step BETWEEN 1 AND 8),
                step_since TEXT NOT NULL,
                furthest_step INTEGER NOT NULL CHECK (furthest_step BETWEEN 1 AND 8 AND furthest_step >= step),
                outcome TEXT CHECK (outcome IN ('已解决', '未解决', '不予立项', '已撤回', '转报街道')),
                closed_on TEXT CHECK ((outcome IS NULL) = (closed_on IS NULL)),
                resolution TEXT,
                published_on TEXT,
                implementation_owner TEXT,
                implementation_due TEXT,
                implementation_done TEXT,
                implementation_note TEXT,
                survey_satisfied INTEGER CHECK (survey_satisfied >= 0),
                survey_basic INTEGER CHECK (survey_basic >= 0),
                survey_dissatisfied INTEGER CHECK (survey_dissatisfied >= 0),
                surveyed_on TEXT,
                -- What `/` searches, lower-cased once here so a search reads one narrow index, not whole rows.
                search TEXT GENERATED ALWAYS AS (lower(number || ' ' || title || ' ' || reporter || ' ' || location)) VIRTUAL
            ) STRICT;
            -- Each index ends in the rowid, so "WHERE x = ? ORDER BY id DESC LIMIT n" walks it without sorting.
            CREATE INDEX issue_open_step ON issue(step) WHERE outcome IS NULL;
            CREATE INDEX issue_open_since ON issue(step, step_since) WHERE outcome IS NULL;
            CREATE INDEX issue_category ON issue(category);
            CREATE INDEX issue_outcome ON issue(outcome);
            CREATE INDEX issue_furthest ON issue(furthest_step);
            CREATE INDEX issue_search ON issue(search);
            -- Covers the satisfaction sums so the dashboard never reads whole rows.
            CREATE INDEX issue_survey ON issue(survey_satisfied, survey_basic, survey_dissatisfied) WHERE surveyed_on IS NOT NULL;

            CREATE TABLE issue_transition (
                id INTEGER PRIMARY KEY,
                issue_id INTEGER NOT NULL REFERENCES issue(id) ON DELETE RESTRICT,
                seq INTEGER NOT NULL CHECK (seq >= 1),
                kind TEXT NOT NULL CHECK (kind IN ('create', 'advance', 'vote_failed', 'send_back', 'close', 'reopen')),
                from_step INTEGER CHECK (from_step BETWEEN 1 AND 8),
                to_step INTEGER NOT NULL CHECK (to_step BETWEEN 1 AND 8),
                outcome TEXT CHECK (outcome IN ('已解决', '未解决', '不予立项', '已撤回', '转报街道')),
                reason TEXT NOT NULL DEFAULT '',
                operator_id INTEGER REFERENCES operator(id),
                operator_name TEXT NOT NULL,
                on_day TEXT NOT NULL,
                at TEXT NOT NULL,
                UNIQUE (issue_id, seq)
            ) STRICT;

            CREATE TABLE issue_party (
                id INTEGER PRIMARY KEY,
                issue_id INTEGER NOT NULL REFERENCES issue(id) ON DELETE RESTRICT,
                name TEXT NOT NULL CHECK (length(name) > 0),
                kind TEXT NOT NULL CHECK (length(kind) > 0),
                contact TEXT NOT NULL DEFAULT '',
                added_on TEXT NOT NULL
            ) STRICT;
            CREATE INDEX issue_party_issue ON issue_party(issue_id);

            CREATE TABLE issue_option (
                id INTEGER PRIMARY KEY,
                issue_id INTEGER NOT NULL REFERENCES issue(id) ON DELETE RESTRICT,
                title TEXT NOT NULL CHECK (length(title) > 0),
                detail TEXT NOT NULL DEFAULT '',
                added_on TEXT NOT NULL
            ) STRICT;
            CREATE INDEX issue_option_issue ON issue_option(issue_id);

            CREATE TABLE issue_meeting (
                id INTEGER PRIMARY KEY,
                issue_id INTEGER NOT NULL REFERENCES issue(id) ON DELETE RESTRICT,
                round_seq INTEGER NOT NULL,
                held_on TEXT NOT NULL,
                place TEXT NOT NULL,
                minutes TEXT NOT NULL CHECK (length(minutes) > 0),
                vote_for INTEGER CHECK (vote_for >= 0),
                vote_against INTEGER CHECK (vote_against >= 0),
                vote_abstain INTEGER CHECK (vote_abstain >= 0),
                CHECK ((vote_for IS NULL) = (vote_against IS NULL) AND (vote_for IS NULL) = (vote_abstain IS NULL))
            ) STRICT;
            CREATE INDEX issue_meeting_issue ON issue_meeting(issue_id);

            CREATE TABLE issue_meeting_attendee (
                id INTEGER PRIMARY KEY,
                meeting_id INTEGER NOT NULL REFERENCES issue_meeting(id) ON DELETE RESTRICT,
                name TEXT NOT NULL CHECK (length(name) > 0),
                kind TEXT NOT NULL
            ) STRICT;
            CREATE INDEX issue_meeting_attendee_meeting ON issue_meeting_attendee(meeting_id);
            """)
            // History, meetings and votes are facts: a mistake is corrected by a new row, never by editing.
            try db.execute(sql: appendOnlyTriggers("issue_transition", message: "议题流转记录不可修改或删除 (issue history cannot be changed)"))
            try db.execute(sql: appendOnlyTriggers("issue_meeting", message: "议事会议记录不可修改或删除 (meeting records cannot be changed)"))
            try db.execute(sql: appendOnlyTriggers("issue_meeting_attendee", message: "参会记录不可修改或删除 (attendance records cannot be changed)"))
        }
        registerConsultationSearch(&migrator)
    }
}

/// The "168" consultation tracker's part of seeding, generation, check and stats (issue 3).
public enum ConsultationModule: ModuleHooks {
    public static func seedDemo(_ db: Database, context: inout SeedContext) throws {
        try ConsultationDemo.seed(db, context: &context, reference: .active)
    }

    public static func generate(_ pool: DatabasePool, scale: GenerateScale, context: inout SeedContext, progress: ProgressHandler?) throws {
        try ConsultationDemo.generate(pool, scale: scale, context: &context, reference: .active, progress: progress)
    }

    /// Every issue's history must be a valid walk of the eight steps that ends where the issue stands.
    public static func check(_ db: Database) throws -> [IntegrityProblem] {
        try ConsultationFigures.historyProblems(db).map { IntegrityProblem(area: "consultation", detail: $0) }
    }

    public static func stats(_ db: Database, today: String) throws -> [StatsSection] {
        [StatsSection(name: "consultation", value: try ConsultationFigures.compute(db, today: today, reference: .active))]
    }
}
