#!/usr/bin/env bash
# Runs every end-to-end script against the built binary; each drives the real ncurses UI in tmux.
set -u
BIN=$(realpath "${1:-.build/debug/community}")
cd "$(dirname "$0")"
failed=0
for script in [0-9]*.sh; do
  echo "== e2e: $script"
  if ! bash "$script" "$BIN"; then
    echo "FAILED: $script"
    failed=1
  fi
done
exit $failed
