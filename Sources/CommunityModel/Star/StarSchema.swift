import Foundation
import GRDB

extension Schema {
    /// The quarterly star assessment (issue 10). Both tables are histories: a deduction is applied or removed
    /// by a new row, a stage is signed off or reopened by a new row, and triggers refuse UPDATE and DELETE, so
    /// who signed what, and when, can never be rewritten. The current state is the replay of the rows.
    static func registerStar(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v7-star") { db in
            try db.execute(sql: """
            CREATE TABLE star_deduction (
                id INTEGER PRIMARY KEY,
                quarter TEXT NOT NULL CHECK (length(quarter) = 6 AND substr(quarter, 5, 1) = 'Q'),
                criterion TEXT NOT NULL CHECK (length(criterion) > 0),
                case_index INTEGER NOT NULL CHECK (case_index >= 0),
                action TEXT NOT NULL CHECK (action IN ('apply', 'remove')),
                count INTEGER NOT NULL CHECK (count >= 0),
                note TEXT NOT NULL DEFAULT '',
                proposed INTEGER NOT NULL DEFAULT 0 CHECK (proposed IN (0, 1)),
                operator_id INTEGER REFERENCES operator(id),
                operator_name TEXT NOT NULL,
                at TEXT NOT NULL,
                CHECK (action = 'remove' OR count >= 1)
            ) STRICT;
            CREATE INDEX star_deduction_quarter ON star_deduction(quarter, id);

            CREATE TABLE star_stage (
                id INTEGER PRIMARY KEY,
                quarter TEXT NOT NULL CHECK (length(quarter) = 6 AND substr(quarter, 5, 1) = 'Q'),
                stage TEXT NOT NULL CHECK (stage IN ('self_assessment', 'public_defence', 'site_check', 'district_review')),
                action TEXT NOT NULL CHECK (action IN ('sign_off', 'reopen')),
                total INTEGER CHECK (total BETWEEN 0 AND 100),
                claimed_stars INTEGER CHECK (claimed_stars BETWEEN 3 AND 5),
                defence_score REAL CHECK (defence_score BETWEEN 0 AND 100),
                confirmed INTEGER CHECK (confirmed IN (0, 1)),
                site_results TEXT NOT NULL DEFAULT '',
                final_stars INTEGER CHECK (final_stars BETWEEN 3 AND 5),
                note TEXT NOT NULL DEFAULT '',
                operator_id INTEGER REFERENCES operator(id),
                operator_name TEXT NOT NULL,
                operator_role TEXT NOT NULL,
                at TEXT NOT NULL,
                CHECK (action <> 'reopen' OR length(note) > 0),
                CHECK (stage <> 'self_assessment' OR action <> 'sign_off' OR (total IS NOT NULL AND claimed_stars IS NOT NULL)),
                CHECK (stage <> 'public_defence' OR action <> 'sign_off' OR (defence_score IS NOT NULL AND confirmed IS NOT NULL)),
                CHECK (stage <> 'district_review' OR action <> 'sign_off' OR final_stars IS NOT NULL)
            ) STRICT;
            CREATE INDEX star_stage_quarter ON star_stage(quarter, id);

            -- The quarter's live evidence counts rows by day ranges; at stress scale (200,000 claims, 20,000
            -- issues) each count would otherwise read the whole table every time screen 6 opens.
            CREATE INDEX star_claim_claimed ON claim(claimed_at, source);
            CREATE INDEX star_claim_approved ON claim(reviewed_at, member_id) WHERE state = '已通过';
            CREATE INDEX star_meeting_held ON issue_meeting(held_on, issue_id);
            CREATE INDEX star_issue_closed ON issue(closed_on, outcome) WHERE closed_on IS NOT NULL;
            CREATE INDEX star_issue_surveyed ON issue(surveyed_on, survey_satisfied, survey_basic, survey_dissatisfied) WHERE surveyed_on IS NOT NULL;
            CREATE INDEX star_task_published ON task(published_at) WHERE published_at IS NOT NULL;
            """)
            try db.execute(sql: appendOnlyTriggers("star_deduction", message: "星级扣分记录只能追加，不可修改或删除 (star deductions are a history)"))
            try db.execute(sql: appendOnlyTriggers("star_stage", message: "星级评定环节记录只能追加，不可修改或删除 (star stages are a history)"))
        }
    }
}
