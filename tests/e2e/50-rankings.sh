#!/usr/bin/env bash
# Issue 9: on the demo at the start of December, open 5, move to last month, generate its letters (the
# confirmation shows the counts the ranking command gives), see them in the outbox and mark one sent.
export COMMUNITY_TODAY=2026-12-03
source "$(dirname "$0")/lib.sh"
DB="$WORK/demo.sqlite"
"$BIN" seed-demo --db "$DB" >/dev/null || fail "seed-demo failed"

JSON=$("$BIN" ranking --period 2026-11 --json --db "$DB") || fail "ranking --json failed"
THANKS=$(grep -o '"letter" : "thanks"' <<<"$JSON" | wc -l)
REMINDERS=$(grep -o '"letter" : "reminder"' <<<"$JSON" | wc -l)
TOTAL=$((THANKS + REMINDERS))
[ "$TOTAL" -gt 0 ] || fail "November has no letters due"

start_ui 100 30 --demo --db "'$DB'"
wait_for "朝东社区"
keys 5
wait_for "2026年11月"
keys '['
wait_for "2026年10月"
keys ']'
wait_for "应发感谢信 $THANKS 封 · 提醒函 $REMINDERS 封"

keys g
wait_for "将生成感谢信 $THANKS 封、提醒函 $REMINDERS 封"
keys y
wait_for "已生成11月信函：感谢信 $THANKS 封 · 提醒函 $REMINDERS 封"

keys o
wait_for "发件箱 · $TOTAL 封"
keys s
wait_for "标记已发送 · 1 封"
keys Enter Enter
wait_for "已将 1 封信函标记为已发送"
keys f
wait_for "只看“待发送”"
wait_for "发件箱 · $((TOTAL - 1)) 封"
keys Escape
wait_for "应发感谢信"
keys q
expect_exit_ok

SENT=$("$BIN" letters list --period 2026-11 --db "$DB" | grep -c "已发送")
[ "$SENT" = "1" ] || fail "expected 1 sent letter, letters list shows $SENT"
AGAIN=$("$BIN" letters generate --period last-month --db "$DB") || fail "letters generate failed"
grep -qF "新生成感谢信 0 封 · 提醒函 0 封" <<<"$AGAIN" || fail "generating again made letters: $AGAIN"
echo "ok: rankings end-to-end"
