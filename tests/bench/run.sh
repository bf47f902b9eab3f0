#!/usr/bin/env bash
# make bench: builds the demo and stress databases once (kept in .build-bench), then times the real
# app code — open, first frame, and every key of typical sequences — at two terminal sizes.
set -eu
BIN=$(realpath "$1")
DIR="$2"
mkdir -p "$DIR"
export COMMUNITY_DATA="$(cd "$(dirname "$0")/../../data" && pwd)"
export COMMUNITY_TODAY="${COMMUNITY_TODAY:-2026-11-30}"

make_db() { # scale file
  if [ ! -s "$2" ]; then
    echo "generating $1 database (once) …"
    local t0=$(date +%s%N)
    "$BIN" generate --scale "$1" --db "$2" >/dev/null
    echo "  generate --scale $1 took $(( ($(date +%s%N) - t0) / 1000000 )) ms"
  fi
}

make_db demo "$DIR/demo.sqlite"
make_db stress "$DIR/stress.sqlite"

for scale in demo stress; do
  db="$DIR/$scale.sqlite"
  echo
  echo "== $scale scale ($(du -h "$db" | cut -f1))"
  "$BIN" stats --json --db "$db" | head -c 2000 | tr -d '\n' | cut -c1-300; echo
  for size in 80x24 160x48; do
    echo "-- terminal $size"
    "$BIN" bench --db "$db" --size "$size"
  done
  # The desk's confirm: one redeem transaction committed with synchronous = FULL, on a copy of the file
  # (removed afterwards) so the receipts it makes never skew the next run.
  echo "-- redemption confirm"
  "$BIN" bench --db "$db" --confirm 200
done

# Through the real terminal: the same binary in a pty, key -> screen-changed latency per scenario
# (tests/bench/scenarios.txt), beside the headless time of the same keys, so a gap shows.
echo
echo "== through the terminal (pty), stress scale: key -> last byte of the frame, ms"
for size in 80x24 160x48; do
  python3 "$(dirname "$0")/tty_latency.py" "$BIN" "$DIR/stress.sqlite" --size "$size"
done
echo
echo "Budget (SPEC §9): first frame ≤ 200 ms, every key ≤ 16 ms (p99, through the terminal), memory flat as data grows."
echo "The confirm line is the redeem write transaction alone (fsync included), not a key: the desk shows the receipt after it."
