#!/usr/bin/env bash
# Issue 4: publish a task, claim it for a member, record the reply, approve, and see the member's balance
# rise by the task's points — all from the keyboard on the demo database.
source "$(dirname "$0")/lib.sh"
DB="$WORK/demo.sqlite"
"$BIN" seed-demo --db "$DB" >/dev/null || fail "seed-demo failed"

start_ui 100 30 --demo --db "'$DB'"
wait_for "朝东社区"
keys 3
wait_for "发布中"
wait_for "审核队列"

# Publish: title, then Enter through the fields (place is the sixth), Enter on the last field saves. The task
# runs all day today, so the reply below comes after its start, as a report-back must.
keys n
wait_for "发布新任务"
type_text "环境整治：清理楼道"
keys Enter Enter Enter C-u
type_text "11-30 0:00"
keys Enter C-u
type_text "11-30 23:59"
keys Enter
type_text "朝东小区 3 号楼"
keys Enter Enter Enter Enter Enter
wait_for "已发布任务「环境整治：清理楼道」"

# Find it on the board and claim it for 程彩霞 (CD00014), as if she had phoned in.
keys /
type_text "清理楼道"
keys Enter
wait_for "查找：清理楼道"
keys c
wait_for "代为认领"
type_text "CD00014"
keys Enter
wait_for "认领「环境整治：清理楼道」"

# Open the task (under way), record her reply, approve it.
keys Enter
wait_for "环境整治：清理楼道  [进行中]"
wait_for "程彩霞（CD00014）"
keys r
wait_for "登记回复"
type_text "清理 1–6 单元楼道杂物"
keys Enter
wait_for "已登记回复"
# Her balance before the approval, read from the file the UI shares (the demo's service less its redemptions).
BEFORE=$(python3 -c 'import sys, sqlite3; c = sqlite3.connect(sys.argv[1]); print(c.execute("SELECT COALESCE((SELECT b.balance FROM points_balance b JOIN member m ON b.holder_kind = ? AND m.id = b.holder_id WHERE m.member_code = ?), 0)", ("member", "CD00014")).fetchone()[0])' "$DB")
keys a
wait_for "的认领，共发放 10 积分吗？"
keys y
wait_for "已通过 1 条认领，发放 10 积分"

# Enter on her claim opens the entries behind her balance: what the demo's half year left her, +10.
keys Enter
wait_for "程彩霞（CD00014）  积分余额 $((BEFORE + 10))"
screen | grep -F "入账" | grep -qF "+10" || fail "no +10 credit in her entries"
keys Escape Escape
wait_for "发布中"
keys q
expect_exit_ok
echo "ok: volunteer end-to-end"
