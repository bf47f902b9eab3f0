#!/usr/bin/env bash
# Issue 8: the locked kiosk on the demo, with the desk open on the same file in a second terminal.
# The desk approves a claim and the kiosk's balance rises without a key; at the kiosk: look up by phone tail,
# basket rice + towel, confirm; the receipt is shown and written to receipts/, balance and stock fall; a void
# with the secretary's PIN; Ctrl-C, Ctrl-Z and q do not leave; leaving with the PIN exits 0, terminal restored.
source "$(dirname "$0")/lib.sh"
DB="$WORK/demo.sqlite"
"$BIN" seed-demo --db "$DB" >/dev/null || fail "seed-demo failed"
q() { sqlite3 -readonly "$DB" "$1"; }
# The store half of the desk is built on another branch; until it is there this script says so and passes.
skip() { echo "skip: kiosk end-to-end — $*"; exit 0; }
[ "$(q "SELECT count(*) FROM sqlite_master WHERE name = 'redemption_item'")" = "1" ] || skip "no catalog table yet"

# An active member whose phone tail no one else shares.
ROW=$(q "SELECT m.name || '|' || substr(m.phone, 8) || '|' || m.member_code FROM member m
         WHERE m.active = 1 AND (SELECT count(*) FROM member o WHERE substr(o.phone, 8) = substr(m.phone, 8)) = 1
         ORDER BY m.id LIMIT 1")
IFS='|' read -r NAME TAIL CODE <<<"$ROW"
[ -n "$CODE" ] || fail "no member with a unique phone tail in the demo"
balance() { q "SELECT coalesce((SELECT b.balance FROM points_balance b JOIN member m ON b.holder_kind = 'member' AND b.holder_id = m.id WHERE m.member_code = '$CODE'), 0)"; }
stock() { q "SELECT stock FROM redemption_item WHERE key = '$1'"; }
BEFORE=$(balance)
RICE=$(stock rice_5kg); TOWEL=$(stock towel)

# Terminal 1, the desk: a 300-point task claimed for the member and reported back, approval still pending.
# It runs all day today, so the report-back comes after its start, as the desk requires.
SESSION=desk
t new-session -d -s desk -x 100 -y 30 "TERM=xterm-256color LANG=C.UTF-8 '$BIN' --demo --db '$DB'; sleep 30"
wait_for "朝东社区"
keys 3
wait_for "审核队列"
keys n
wait_for "发布新任务"
type_text "积分兑换演练：整理物资"
keys Enter Enter Enter C-u
type_text "11-30 0:00"
keys Enter C-u
type_text "11-30 23:59"
keys Enter
type_text "党群服务中心"
keys Enter Enter C-u
type_text "300"
keys Enter Enter Enter
wait_for "已发布任务「积分兑换演练：整理物资」"
keys /
type_text "积分兑换演练"
keys Enter
keys c
wait_for "代为认领"
type_text "$CODE"
keys Enter
wait_for "认领「积分兑换演练：整理物资」"
keys Enter
wait_for "积分兑换演练：整理物资  [进行中]"
keys r
wait_for "登记回复"
type_text "整理大米和毛巾"
keys Enter
wait_for "已登记回复"

# Terminal 2, the kiosk.
SESSION=e2e
start_ui 100 30 kiosk --demo --db "'$DB'" --idle-seconds 600
wait_for "积分兑换 · 兑换窗口"
wait_for "Ctrl-T"

# Only screen 4: number keys do nothing; Ctrl-Z, Ctrl-\, Ctrl-C and q never leave.
keys 7
wait_for "不能切换到其他页面"
keys C-z
wait_for "兑换窗口不能挂起或直接退出"
keys 'C-\'
keys C-c
wait_for "离开兑换窗口 · 需书记/管理员 PIN"
keys Escape
keys q
wait_for "离开兑换窗口 · 需书记/管理员 PIN"
keys Escape
wait_gone "离开兑换窗口 · 需"
[ -s "$WORK/exit" ] && fail "the kiosk left without a PIN"

# A lookup too short for the kiosk is refused; the phone tail finds the member.
keys /
type_text "13"
wait_for "手机号请输入后 4 位"
keys C-u
type_text "$TAIL"
sleep 0.5
screen | grep -qF "此功能尚未完成" && skip "the redemption model answers 'not yet'"
wait_for "$NAME"
keys Enter Enter
wait_for "积分余额 $BEFORE"

# The desk approves; the kiosk shows the new balance within a second or two, no key pressed.
SESSION=desk
keys a
wait_for "共发放 300 积分吗"
keys y
wait_gone "共发放 300 积分吗"
SESSION=e2e
BALANCE=$((BEFORE + 300))
wait_for "积分余额 $BALANCE"

# Basket: rice (first in the catalog) and towel (fifth).
keys +
keys j j j j +
wait_for "合计"
keys c
wait_for "确认兑换"
wait_for "兑后余额 $((BALANCE - 250)) 分"
keys y
wait_for "已兑换 DH"
wait_for "积分余额 $((BALANCE - 250))"
RECEIPT=$(screen | grep -o 'DH[0-9]\{8\}-[0-9]\{4\}' | head -1)
[ -n "$RECEIPT" ] || fail "no receipt number on screen"
[ -f "$WORK/receipts/$RECEIPT.txt" ] || fail "receipt file $RECEIPT.txt not in $WORK/receipts"
grep -qF "$RECEIPT" "$WORK/receipts/$RECEIPT.txt" || fail "the receipt file does not carry its number"
[ "$(balance)" = "$((BALANCE - 250))" ] || fail "the balance in the file did not fall by 250"
[ "$(stock rice_5kg)" = "$((RICE - 1))" ] || fail "rice stock did not fall"
[ "$(stock towel)" = "$((TOWEL - 1))" ] || fail "towel stock did not fall"

# Void it from today's receipts (newest first) with the secretary's PIN typed at the kiosk.
keys n t
wait_for "今日兑换单"
wait_for "$RECEIPT"
keys g v
wait_for "作废 $RECEIPT"
type_text "选错物品"
keys Enter
type_text "1234"
keys Enter
wait_for "已作废 $RECEIPT"
[ "$(balance)" = "$BALANCE" ] || fail "the points did not come back with the void"
[ "$(stock rice_5kg)" = "$RICE" ] || fail "rice did not go back in stock after the void"
[ "$(q "SELECT void_supervisor FROM redemption WHERE receipt = '$RECEIPT'")" = "演示书记" ] || fail "the void does not name its supervisor"

# Leave: a wrong PIN keeps the kiosk; the secretary's PIN closes it with the terminal restored.
keys Escape q
wait_for "离开兑换窗口 · 需书记/管理员 PIN"
type_text "0000"
keys Enter
wait_for "PIN 不正确"
[ -s "$WORK/exit" ] && fail "a wrong PIN let the kiosk close"
keys C-u
type_text "1234"
keys Enter
expect_exit_ok
echo "ok: kiosk end-to-end"
