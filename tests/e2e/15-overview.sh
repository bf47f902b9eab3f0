#!/usr/bin/env bash
# Issue 11: the overview lists today's alerts; the first (issues past their step's deadline) is selected,
# Enter opens 议事 showing only the overdue issues (as many as stats --json counts), Esc comes back.
export COMMUNITY_TODAY=2026-11-30
source "$(dirname "$0")/lib.sh"
DB="$WORK/demo.sqlite"
"$BIN" seed-demo --db "$DB" >/dev/null || fail "seed-demo failed"
OVERDUE=$("$BIN" stats --json --db "$DB" | tr -d ' \n' | grep -o '"consultation":{[^}]*' | grep -o '"overdue":[0-9]*' | cut -d: -f2)
[ -n "$OVERDUE" ] && [ "$OVERDUE" -gt 0 ] || fail "the demo has no overdue issue (stats says '$OVERDUE')"

start_ui 80 24 --demo --db "'$DB'"
wait_for "▶ ! $OVERDUE 个议题超过本步办理期限"
keys Enter
wait_for "筛选：只看逾期"
wait_for "/$OVERDUE"
# Every listed row is marked overdue: the rows on screen under the table header all say 逾期.
ROWS=$(screen | grep -cE '^ *[0-9]{4}-[0-9]{4} ')
MARKED=$(screen | grep -E '^ *[0-9]{4}-[0-9]{4} ' | grep -c '逾期')
[ "$ROWS" -gt 0 ] && [ "$ROWS" = "$MARKED" ] || fail "rows $ROWS, marked overdue $MARKED"
keys Escape
wait_for "▶ ! $OVERDUE 个议题超过本步办理期限"
wait_gone "筛选：只看逾期"
keys q
expect_exit_ok
echo "ok: overview end-to-end"
