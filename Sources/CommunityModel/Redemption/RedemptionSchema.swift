import Foundation
import GRDB

extension Schema {
    /// The redemption desk (issue 8): catalog, stock ledger, receipts, vouchers, day closes, and the
    /// lookup index. Stock follows the same rule as balances: `redemption_item.stock` is moved only by the
    /// stock ledger's trigger (a raw UPDATE that does not match the ledger is refused), with CHECK (stock >= 0).
    static func registerRedemption(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v7-redemption") { db in
            try db.execute(sql: """
            CREATE TABLE redemption_item (
                id INTEGER PRIMARY KEY,
                key TEXT NOT NULL UNIQUE CHECK (length(key) > 0),
                name TEXT NOT NULL CHECK (length(name) > 0),
                name_en TEXT NOT NULL,
                unit TEXT NOT NULL,
                unit_en TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('goods', 'voucher')),
                points INTEGER NOT NULL CHECK (points > 0),
                low_stock INTEGER NOT NULL CHECK (low_stock >= 0),
                partner TEXT,
                partner_en TEXT,
                code_prefix TEXT UNIQUE,
                limit_count INTEGER CHECK (limit_count > 0),
                limit_per TEXT CHECK (limit_per IN ('week', 'month', 'quarter', 'year')),
                voucher_days INTEGER CHECK (voucher_days > 0),
                stock INTEGER NOT NULL DEFAULT 0 CHECK (stock >= 0),
                active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
                sort_order INTEGER NOT NULL DEFAULT 0,
                created_at TEXT NOT NULL,
                CHECK ((kind = 'voucher') = (code_prefix IS NOT NULL)),
                CHECK ((kind = 'voucher') = (voucher_days IS NOT NULL)),
                CHECK ((limit_count IS NULL) = (limit_per IS NULL))
            ) STRICT;
            CREATE TRIGGER redemption_item_no_delete BEFORE DELETE ON redemption_item
            BEGIN SELECT RAISE(ABORT, '兑换物品只能下架，不可删除 (catalog items are retired, never deleted)'); END;
            CREATE TRIGGER redemption_item_fixed BEFORE UPDATE OF key, kind, code_prefix ON redemption_item
            WHEN NEW.key IS NOT OLD.key OR NEW.kind IS NOT OLD.kind OR NEW.code_prefix IS NOT OLD.code_prefix
            BEGIN SELECT RAISE(ABORT, '物品编号、类别和券码前缀不可更改 (an item''s key, kind and code prefix are fixed)'); END;

            CREATE TABLE redemption (
                id INTEGER PRIMARY KEY,
                receipt TEXT NOT NULL UNIQUE CHECK (length(receipt) > 0),
                request_id TEXT NOT NULL UNIQUE CHECK (length(request_id) > 0),
                series TEXT NOT NULL CHECK (series IN ('DH', 'PX')),
                day TEXT NOT NULL,
                seq INTEGER NOT NULL CHECK (seq > 0),
                member_id INTEGER REFERENCES member(id) ON DELETE RESTRICT,
                organisation_id INTEGER REFERENCES organisation(id) ON DELETE RESTRICT,
                holder_name TEXT NOT NULL,
                holder_phone TEXT NOT NULL DEFAULT '',
                points INTEGER NOT NULL CHECK (points > 0),
                balance_after INTEGER NOT NULL CHECK (balance_after >= 0),
                ledger_entry_id INTEGER NOT NULL UNIQUE REFERENCES ledger_entry(id) ON DELETE RESTRICT,
                at TEXT NOT NULL,
                clerk TEXT NOT NULL,
                state TEXT NOT NULL DEFAULT '有效' CHECK (state IN ('有效', '已作废', '已调整')),
                voided_at TEXT,
                void_reason TEXT NOT NULL DEFAULT '',
                void_clerk TEXT NOT NULL DEFAULT '',
                void_supervisor TEXT NOT NULL DEFAULT '',
                reversal_entry_id INTEGER UNIQUE REFERENCES ledger_entry(id) ON DELETE RESTRICT,
                UNIQUE (series, day, seq),
                CHECK ((member_id IS NULL) <> (organisation_id IS NULL)),
                CHECK ((state = '有效') = (reversal_entry_id IS NULL)),
                CHECK ((state = '有效') = (voided_at IS NULL))
            ) STRICT;
            CREATE INDEX redemption_day ON redemption(day, id);
            CREATE INDEX redemption_member ON redemption(member_id, day) WHERE member_id IS NOT NULL;
            CREATE INDEX redemption_organisation ON redemption(organisation_id, day) WHERE organisation_id IS NOT NULL;
            CREATE TRIGGER redemption_no_delete BEFORE DELETE ON redemption
            BEGIN SELECT RAISE(ABORT, '兑换单不可删除，只能作废 (receipts are voided, never deleted)'); END;
            CREATE TRIGGER redemption_fixed BEFORE UPDATE ON redemption
            WHEN NEW.receipt IS NOT OLD.receipt OR NEW.request_id IS NOT OLD.request_id OR NEW.points IS NOT OLD.points
              OR NEW.member_id IS NOT OLD.member_id OR NEW.organisation_id IS NOT OLD.organisation_id
              OR NEW.ledger_entry_id IS NOT OLD.ledger_entry_id OR NEW.day IS NOT OLD.day OR NEW.seq IS NOT OLD.seq
              OR OLD.state <> '有效'
            BEGIN SELECT RAISE(ABORT, '兑换单开出后只能作废一次 (a receipt can only be voided, once)'); END;

            CREATE TABLE redemption_line (
                redemption_id INTEGER NOT NULL REFERENCES redemption(id) ON DELETE RESTRICT,
                line INTEGER NOT NULL CHECK (line >= 1),
                item_id INTEGER NOT NULL REFERENCES redemption_item(id) ON DELETE RESTRICT,
                item_key TEXT NOT NULL,
                name TEXT NOT NULL,
                name_en TEXT NOT NULL,
                unit TEXT NOT NULL,
                quantity INTEGER NOT NULL CHECK (quantity > 0),
                unit_points INTEGER NOT NULL CHECK (unit_points > 0),
                points INTEGER NOT NULL CHECK (points = quantity * unit_points),
                PRIMARY KEY (redemption_id, line)
            ) STRICT, WITHOUT ROWID;
            CREATE INDEX redemption_line_item ON redemption_line(item_id, redemption_id);

            CREATE TABLE stock_move (
                id INTEGER PRIMARY KEY,
                item_id INTEGER NOT NULL REFERENCES redemption_item(id) ON DELETE RESTRICT,
                kind TEXT NOT NULL CHECK (kind IN ('opening', 'restock', 'redemption', 'void', 'stocktake')),
                quantity INTEGER NOT NULL,
                stock_after INTEGER NOT NULL CHECK (stock_after >= 0),
                source TEXT NOT NULL DEFAULT '',
                note TEXT NOT NULL DEFAULT '',
                redemption_id INTEGER REFERENCES redemption(id) ON DELETE RESTRICT,
                at TEXT NOT NULL,
                day TEXT NOT NULL,
                operator_name TEXT NOT NULL,
                CHECK (kind <> 'redemption' OR (quantity < 0 AND redemption_id IS NOT NULL)),
                CHECK (kind NOT IN ('opening', 'restock') OR quantity > 0),
                CHECK (kind <> 'void' OR (quantity > 0 AND redemption_id IS NOT NULL)),
                CHECK (kind <> 'stocktake' OR length(note) > 0)
            ) STRICT;
            CREATE INDEX stock_move_item ON stock_move(item_id, id);
            CREATE INDEX stock_move_day ON stock_move(day, item_id);
            CREATE INDEX stock_move_redemption ON stock_move(redemption_id) WHERE redemption_id IS NOT NULL;
            -- Every move states the stock after it; it must be the item's stock plus the move.
            CREATE TRIGGER stock_move_check BEFORE INSERT ON stock_move
            BEGIN
                SELECT RAISE(ABORT, '库存流水与库存不符 (a stock move must start from the item''s stock)')
                WHERE NEW.stock_after <> (SELECT stock FROM redemption_item WHERE id = NEW.item_id) + NEW.quantity;
            END;
            CREATE TRIGGER stock_move_apply AFTER INSERT ON stock_move
            BEGIN UPDATE redemption_item SET stock = NEW.stock_after WHERE id = NEW.item_id; END;
            -- Stock changes only as the newest move of the item says (so raw SQL cannot invent or lose stock).
            CREATE TRIGGER redemption_item_stock_guard BEFORE UPDATE OF stock ON redemption_item
            WHEN NEW.stock IS NOT OLD.stock AND NEW.stock IS NOT
                 (SELECT stock_after FROM stock_move WHERE item_id = NEW.id ORDER BY id DESC LIMIT 1)
            BEGIN SELECT RAISE(ABORT, '库存只能通过库存流水变动 (stock moves only through the stock ledger)'); END;

            CREATE TABLE voucher (
                id INTEGER PRIMARY KEY,
                code TEXT NOT NULL UNIQUE CHECK (length(code) >= 10),
                redemption_id INTEGER NOT NULL REFERENCES redemption(id) ON DELETE RESTRICT,
                item_id INTEGER NOT NULL REFERENCES redemption_item(id) ON DELETE RESTRICT,
                issued_on TEXT NOT NULL,
                expires_on TEXT NOT NULL CHECK (expires_on >= issued_on),
                state TEXT NOT NULL DEFAULT '未使用' CHECK (state IN ('未使用', '已使用', '已作废')),
                used_at TEXT,
                used_shop TEXT,
                used_by TEXT,
                cancelled_at TEXT,
                CHECK ((state = '已使用') = (used_at IS NOT NULL AND used_shop IS NOT NULL)),
                CHECK ((state = '已作废') = (cancelled_at IS NOT NULL))
            ) STRICT;
            CREATE INDEX voucher_redemption ON voucher(redemption_id);
            CREATE INDEX voucher_state ON voucher(state, expires_on);
            CREATE INDEX voucher_used_day ON voucher(substr(used_at, 1, 10)) WHERE used_at IS NOT NULL;
            CREATE TRIGGER voucher_no_delete BEFORE DELETE ON voucher
            BEGIN SELECT RAISE(ABORT, '券不可删除 (vouchers are never deleted)'); END;
            CREATE TRIGGER voucher_once BEFORE UPDATE ON voucher
            WHEN OLD.state <> '未使用' OR NEW.code IS NOT OLD.code OR NEW.redemption_id IS NOT OLD.redemption_id
              OR NEW.expires_on IS NOT OLD.expires_on
            BEGIN SELECT RAISE(ABORT, '券只能使用或作废一次 (a voucher is used or cancelled once)'); END;

            CREATE TABLE redemption_day_close (
                close_number INTEGER PRIMARY KEY,
                day TEXT NOT NULL UNIQUE,
                closed_at TEXT NOT NULL,
                closed_by TEXT NOT NULL,
                report TEXT NOT NULL
            ) STRICT;

            -- The desk's lookup: pinyin and the reversed phone, computed in Swift. Roster writes mark a row
            -- stale (pinyin NULL) by trigger; the lookup refreshes stale rows before it searches.
            CREATE TABLE member_lookup (
                member_id INTEGER PRIMARY KEY REFERENCES member(id) ON DELETE CASCADE,
                initials TEXT,
                pinyin TEXT,
                phone_reversed TEXT
            ) STRICT;
            CREATE INDEX member_lookup_initials ON member_lookup(initials);
            CREATE INDEX member_lookup_pinyin ON member_lookup(pinyin);
            CREATE INDEX member_lookup_phone ON member_lookup(phone_reversed);
            CREATE INDEX member_lookup_stale ON member_lookup(member_id) WHERE pinyin IS NULL;
            CREATE TRIGGER member_lookup_insert AFTER INSERT ON member
            BEGIN INSERT OR REPLACE INTO member_lookup (member_id) VALUES (NEW.id); END;
            CREATE TRIGGER member_lookup_update AFTER UPDATE OF name, phone ON member
            BEGIN INSERT OR REPLACE INTO member_lookup (member_id) VALUES (NEW.id); END;
            INSERT INTO member_lookup (member_id) SELECT id FROM member;
            """)
            try db.execute(sql: appendOnlyTriggers("stock_move", message: "库存流水只能追加，不可修改或删除 (the stock ledger is append-only)"))
            try db.execute(sql: appendOnlyTriggers("redemption_day_close", message: "日结记录不可修改或删除 (day closes cannot be changed)"))
            try db.execute(sql: """
            CREATE TRIGGER redemption_line_no_update BEFORE UPDATE ON redemption_line
            BEGIN SELECT RAISE(ABORT, '兑换明细不可修改 (receipt lines cannot be changed)'); END;
            CREATE TRIGGER redemption_line_no_delete BEFORE DELETE ON redemption_line
            BEGIN SELECT RAISE(ABORT, '兑换明细不可删除 (receipt lines cannot be deleted)'); END;
            """)
            try HolderLookupIndex.refreshStale(db)
        }
    }
}
