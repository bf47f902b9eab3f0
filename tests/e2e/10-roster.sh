#!/usr/bin/env bash
# Issue 2: start on demo, press 7, find a member with /, open help with ?, resize below 80x24 and back, quit with q.
source "$(dirname "$0")/lib.sh"
DB="$WORK/demo.sqlite"
"$BIN" seed-demo --db "$DB" >/dev/null || fail "seed-demo failed"

start_ui 100 30 --demo --db "'$DB'"
wait_for "朝东社区"
wait_for "在职党员 387 人"
keys 7
wait_for "党员编号"
keys /
type_text "公交集团"
wait_for "/ 公交集团"
keys Enter
wait_for "查找：公交集团"
screen | grep -F "公交集团党委" | grep -q "D" || fail "no member of 公交集团党委 listed"
keys j
keys '?'
wait_for "按键帮助"
wait_for "新增党员"
keys Escape
wait_gone "按键帮助 ·"
t resize-window -t "$SESSION" -x 70 -y 20
wait_for "终端太小，至少需要 80×24"
t resize-window -t "$SESSION" -x 100 -y 30
wait_for "党员编号"
wait_gone "终端太小"
# English, at 160x48
keys q
expect_exit_ok

t kill-server
start_ui 160 48 --demo --db "'$DB'" --lang en
wait_for "Roster"
keys 7
wait_for "Organisation"
keys Tab
wait_for "active (city"
keys q
expect_exit_ok

# Ctrl-C in the middle of an edit asks first, then quits cleanly and restores the terminal.
t kill-server
start_ui 80 24 --demo --db "'$DB'"
wait_for "朝东社区"
keys 7
wait_for "党员编号"
keys a
wait_for "新增在职党员"
keys C-c
wait_for "尚未保存"
keys y
expect_exit_ok
echo "ok: roster end-to-end"
