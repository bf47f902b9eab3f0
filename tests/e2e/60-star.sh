#!/usr/bin/env bash
# Issue 10: open screen 6 on the demo, confirm a proposed deduction, sign off the self-assessment, and see
# the stage move on — on screen and in `star show --json`.
source "$(dirname "$0")/lib.sh"
DB="$WORK/demo.sqlite"
"$BIN" seed-demo --db "$DB" >/dev/null || fail "seed-demo failed"
before=$("$BIN" star show --db "$DB" --json) || fail "star show failed"
total_before=$(printf '%s' "$before" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')

start_ui 80 24 --demo --db "'$DB'"
wait_for "朝东社区"
keys 6
wait_for "2026年第4季度"
wait_for "自评 ◀待签"
wait_for "历史  2026Q1 ★★★★☆ · Q2 ★★★★★ · Q3 ★★★★★"
wait_for "建议扣分 2 项待确认"

# a: confirm the proposed deduction.
keys a
wait_for "确认建议扣分"
keys y
wait_for "已扣分"
wait_for "建议扣分 1 项待确认"

# s: sign off the self-assessment; the timeline shows who signed and the next stage is due.
keys s
wait_for "签署后锁定"
keys y
wait_for "自评已签署"
wait_for "自评 ✓演示书记"
wait_for "◀待签"
screen | grep -qF "自评 ◀待签" && fail "the self-assessment is still due"

# A deduction is now refused, with the reason in the status line.
keys d
wait_for "自评已签署锁定"

# [ goes to the previous quarter, final at five stars.
keys '['
wait_for "2026年第3季度"
wait_for "最终 ★★★★★"
keys q
expect_exit_ok

after=$("$BIN" star show --db "$DB" --json) || fail "star show failed"
printf '%s' "$after" | python3 -c '
import json, sys
d = json.load(sys.stdin)
before = int(sys.argv[1])
assert d["stage"] in ("public_defence", "site_check"), d["stage"]
assert d["total"] < before, (d["total"], before)
assert set(d) >= {"quarter", "stage", "total", "claimed_stars", "final_stars", "areas", "criteria", "flags"}, sorted(d)
assert all(set(x) >= {"key", "score", "weight"} for x in d["areas"]), d["areas"]
assert len(d["criteria"]) == 22 and all(set(c) >= {"key", "weight", "score", "deductions", "evidence"} for c in d["criteria"])
assert d["total"] == sum(c["score"] for c in d["criteria"]) == sum(a["score"] for a in d["areas"])
' "$total_before" || fail "star show does not show the signed self-assessment: $after"
"$BIN" stats --db "$DB" --json | python3 -c '
import json, sys
s = json.load(sys.stdin)["star"]
assert s["quarter"] == "2026Q4" and s["stage"] in ("public_defence", "site_check") and s["final_stars"] is None, s
' || fail "stats --json has no star section after the sign-off"
"$BIN" check --db "$DB" >/dev/null || fail "check finds problems after the walk"
echo "ok: star screen"

# The street's side: this quarter's export, a printable self-assessment, and the roll-up over exports.
"$BIN" star export --db "$DB" --to "$WORK/q4.json" 2>/dev/null || fail "star export json failed"
"$BIN" star export --db "$DB" --to "$WORK/q4.docx" 2>/dev/null || fail "star export docx failed"
[ "$(head -c 2 "$WORK/q4.docx")" = "PK" ] || fail "the .docx is not a ZIP package"
python3 - "$WORK" <<'PY' || fail "could not make the other communities' exports"
import json, sys
work = sys.argv[1]
d = json.load(open(f"{work}/q4.json"))
for i, (name, score) in enumerate([("甲社区", 95), ("乙社区", 91), ("丙社区", None), ("丁社区", None)]):
    e = dict(d, community=name, defence_score=score, stages={})
    json.dump(e, open(f"{work}/c{i}.json", "w"), ensure_ascii=False)
PY
out=$("$BIN" star street "$WORK"/c*.json --min-share 0.2 2>/dev/null) || fail "star street failed"
printf '%s' "$out" | grep -qF "1,甲社区,2026Q4" || fail "street table: $out"
printf '%s' "$out" | grep -F "乙社区" | grep -qF ",否" || fail "one of four needs only one five-star: $out"
echo "ok: star export and street"
