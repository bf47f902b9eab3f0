#!/usr/bin/env bash
# Issue 12: the desk as a newcomer finds it — a claimant picked from the list by pinyin, a filled form that Esc
# does not throw away, a 补录 task claimed and approved, a party and an attendee picked by pinyin initials, and
# an English community with no stray Chinese.
source "$(dirname "$0")/lib.sh"
DB="$WORK/demo.sqlite"
"$BIN" seed-demo --db "$DB" >/dev/null || fail "seed-demo failed"

start_ui 100 30 --demo --db "'$DB'"
wait_for "朝东社区"
keys 3
wait_for "审核队列"

# Esc on a form with something typed asks first; n keeps the work.
keys n
wait_for "发布新任务"
type_text "补录：3号楼楼道清理"
keys Escape
wait_for "确定放弃"
keys n
wait_for "补录：3号楼楼道清理"

# A task whose time has passed is still published — as 补录 — and takes claims.
keys Tab Tab Tab C-u
type_text "11-20 9:00"
keys Tab C-u
type_text "11-20 11:00"
keys Tab
type_text "3号楼"
keys C-s
wait_for "已发布任务「补录：3号楼楼道清理」"
keys /
type_text "3号楼楼道"
keys Enter
wait_for "查找：3号楼楼道"
keys Enter
wait_for "已结束 · 补录"

# Claim on behalf: the member is picked from the list by the pinyin of her name.
keys c
wait_for "代为认领"
type_text "chengcaixia"
wait_for "程彩霞（CD00014）"
keys Enter
wait_for "认领「补录：3号楼楼道清理」"
keys r
wait_for "登记回复"
type_text "清理完毕"
keys Enter
wait_for "已登记回复"
keys a
wait_for "程彩霞（CD00014） 的认领"
keys y
wait_for "已通过 1 条认领"
keys Escape Escape

# A party and a meeting's attendee are picked from the roster by the initials of their names.
keys 2
wait_for "办理中"
keys t t t
wait_for "筛选：③确定议事主体"
keys Enter
wait_for "议事主体（"
keys p
wait_for "添加议事主体"
keys Tab
type_text "bgy"
wait_for "▸ 白桂英  CD00089"
keys Enter C-s
wait_for "已添加议事主体 白桂英"
keys Escape t t
wait_for "筛选：⑤协商议事"
keys Enter
wait_for "议事主体（"
keys m
wait_for "记录议事会议和表决"
keys Tab Tab
type_text "cxm"
wait_for "▸ 程新民  CD00093"
keys Enter Tab
type_text "同意在主路两侧施划禁停线"
keys Tab
type_text "5"
keys C-s
wait_for "已记录会议"
keys q
expect_exit_ok
attended=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"SELECT COUNT(*) FROM issue_meeting_attendee WHERE name = '程新民'\").fetchone()[0])" "$DB")
[ "$attended" = "1" ] || fail "程新民 is not among the meeting's attendees ($attended)"
parties=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"SELECT COUNT(*) FROM issue_party WHERE name = '白桂英'\").fetchone()[0])" "$DB")
[ "$parties" = "1" ] || fail "白桂英 was not added as a party ($parties)"

# English: a community whose own data are Latin shows no Chinese on any screen.
t kill-session -t "$SESSION" 2>/dev/null
EN="$WORK/en.sqlite"
"$BIN" init --db "$EN" --lang en --name "Chaodong" --street "Park Street" --district "Canal" --city "Cangzhou" \
  --operator "Wang" --pin 246810 >/dev/null || fail "init failed"
printf '\xef\xbb\xbfname,level,contact,phone\nBus Group,city,Liu,13903170121\n' > "$WORK/o.csv"
printf '\xef\xbb\xbfname,phone,organisation,code\nWang Li,18631700033,Bus Group,D0004\n' > "$WORK/m.csv"
"$BIN" import --db "$EN" --lang en --what organisations --operator Wang --pin 246810 "$WORK/o.csv" >/dev/null || fail "import failed"
"$BIN" import --db "$EN" --lang en --what members --operator Wang --pin 246810 "$WORK/m.csv" >/dev/null || fail "import failed"
start_ui 100 30 --db "'$EN'" --lang en
wait_for "Operator"
type_text "Wang"
keys Tab
type_text "246810"
keys Enter
wait_for "Welcome"
for n in 1 2 3 4 5 6 7; do
  keys "$n"
  sleep 0.4
  stray=$(screen | python3 -c 'import sys; print("".join(c for c in sys.stdin.read() if 0x4E00 <= ord(c) <= 0x9FFF or 0x3000 <= ord(c) <= 0x303F or 0xFF00 <= ord(c) <= 0xFFEF))')
  [ -z "$stray" ] || fail "screen $n shows Chinese in English mode: $stray"
done
keys q
expect_exit_ok
echo "ok: desk end-to-end"
