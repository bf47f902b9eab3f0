# Shared helpers for the tmux end-to-end scripts. Each script gets its own tmux server (-L) and
# temporary folder, so scripts never see each other's sessions or files.
set -u
BIN="$1"
WORK=$(mktemp -d)
SOCK="community-e2e-$$"
SESSION=e2e
export COMMUNITY_TODAY="${COMMUNITY_TODAY:-2026-11-30}"
export COMMUNITY_DATA="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../data" && pwd)"

t() { tmux -L "$SOCK" "$@"; }

cleanup() {
  t kill-server 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

fail() {
  echo "FAIL: $*"
  echo "---- screen ----"
  t capture-pane -p -t "$SESSION" 2>/dev/null
  exit 1
}

# Starts the UI in a fresh tmux window of the given size; the exit status lands in $WORK/exit.
start_ui() { # width height args...
  local w=$1 h=$2; shift 2
  rm -f "$WORK/exit"
  t new-session -d -s "$SESSION" -x "$w" -y "$h" \
    "TERM=xterm-256color LANG=C.UTF-8 '$BIN' $*; echo \$? > '$WORK/exit'; sleep 30"
}

screen() { t capture-pane -p -t "$SESSION"; }

# Waits up to 20 s for text to appear on the screen (a 2-core CI machine building alongside is slow to start).
wait_for() {
  local text="$1" i
  for i in $(seq 1 200); do
    if screen | grep -qF -- "$text"; then return 0; fi
    sleep 0.1
  done
  fail "did not see: $text"
}

wait_gone() {
  local text="$1" i
  for i in $(seq 1 100); do
    if ! screen | grep -qF -- "$text"; then return 0; fi
    sleep 0.1
  done
  fail "still see: $text"
}

keys() { t send-keys -t "$SESSION" "$@"; }
type_text() { t send-keys -t "$SESSION" -l "$1"; }

# Waits for the program to exit and checks its status and that the terminal is back to normal.
expect_exit_ok() {
  local i
  for i in $(seq 1 100); do
    [ -s "$WORK/exit" ] && break
    sleep 0.1
  done
  [ -s "$WORK/exit" ] || fail "the program did not exit"
  [ "$(cat "$WORK/exit")" = "0" ] || fail "exit status $(cat "$WORK/exit")"
  [ "$(t display -p -t "$SESSION" '#{alternate_on}')" = "0" ] || fail "terminal left in the alternate screen"
}
