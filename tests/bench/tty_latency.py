#!/usr/bin/env python3
"""Key -> screen-changed latency of the real binary, driven through a pseudo-terminal.

Starts the (release) binary in a pty of the given size on a database, waits for the first frame, then
types every scenario of scenarios.txt one key at a time. For each measured key it records the time from
writing the key's bytes to the last byte of the frame the app draws in answer: after the key the output
is read until it has been quiet for --quiet ms, and the time of the last byte read is the latency (the
quiet wait itself is not counted). The next key is sent only after that, so keys never queue up.

Next to it, the same scenarios run headless (`community bench --script`, the app's update and render
only), so the cost of the terminal side -- diffing cells, writing escape sequences -- shows as a gap.

Usage: tty_latency.py BIN DB [--size 80x24] [--scenarios FILE] [--only SUBSTRING] [--json OUT]
"""
import argparse
import fcntl
import json
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import time

HERE = os.path.dirname(os.path.abspath(__file__))

# Bytes an xterm sends for each named key (keypad mode as ncurses sets it: smkx).
NAMED = {
    "Esc": b"\x1b", "Enter": b"\r", "Tab": b"\t", "S-Tab": b"\x1b[Z", "BS": b"\x7f",
    "Up": b"\x1bOA", "Down": b"\x1bOB", "Right": b"\x1bOC", "Left": b"\x1bOD",
    "PgUp": b"\x1b[5~", "PgDn": b"\x1b[6~", "Home": b"\x1bOH", "End": b"\x1bOF", "Space": b" ",
}


def parse_keys(text):
    """The same notation as BenchScenario.swift: <Name> or <C-x>, else each character is a key.
    <WaitN> is a pause of N seconds (data None): idle long enough for a machine that reclaims idle memory
    to drop the file's pages, as a secretary's pause would."""
    keys = []
    for word in text.split():
        if word.startswith("<") and word.endswith(">") and len(word) > 2:
            name = word[1:-1]
            if name.startswith("Wait") and name[4:].isdigit() and int(name[4:]) > 0:
                keys.append((word, None))
            elif name in NAMED:
                keys.append((word, NAMED[name]))
            elif name.startswith("C-") and len(name) == 3:
                keys.append((word, bytes([ord(name[2].lower()) - 96])))
            else:
                raise SystemExit("unknown key " + word)
        else:
            keys += [(c, c.encode("utf-8")) for c in word]
    return keys


def parse_scenarios(path):
    scenarios = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            parts = [p.strip() for p in line.split("|")]
            if len(parts) != 3:
                raise SystemExit("%s:%d: expected `name | setup keys | measured keys`" % (path, n))
            scenarios.append((parts[0], parse_keys(parts[1]), parse_keys(parts[2])))
    return scenarios


class PtyApp:
    """The binary in a pty; every byte it writes is read (so it never blocks) and timestamped."""

    def __init__(self, argv, env, width, height):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))
            os.execve(argv[0], argv, env)
        self.bytes = 0

    def drain(self, quiet_ms, first_timeout_s):
        """Reads until output has been quiet for quiet_ms; returns the time of the last byte (or None)."""
        last = None
        deadline = time.perf_counter() + first_timeout_s
        while True:
            now = time.perf_counter()
            wait = (quiet_ms / 1000.0) if last is not None else max(0.0, deadline - now)
            ready, _, _ = select.select([self.fd], [], [], wait)
            if not ready:
                return last
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                return last
            if not chunk:
                return last
            self.bytes += len(chunk)
            last = time.perf_counter()

    def key(self, data, quiet_ms):
        """Sends one key; returns (latency in ms or None when the screen did not change, bytes written)."""
        before = self.bytes
        t0 = time.perf_counter()
        os.write(self.fd, data)
        end = self.drain(quiet_ms, first_timeout_s=2.0)
        return (None if end is None else (end - t0) * 1000.0), self.bytes - before

    def major_faults(self):
        """Page faults that had to read from disk so far (Linux /proc), or 0 where there is no /proc."""
        try:
            with open("/proc/%d/stat" % self.pid) as f:
                stat = f.read()
            return int(stat[stat.rindex(")") + 2:].split()[9])
        except (OSError, ValueError, IndexError):
            return 0

    def close(self):
        try:
            os.write(self.fd, b"\x03")  # Ctrl-C quits at once
            self.drain(50, 1.0)
        except OSError:
            pass
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass


def percentile(values, p):
    if not values:
        return float("nan")
    s = sorted(values)
    return s[min(len(s) - 1, int(len(s) * p / 100.0))]


def headless(binary, db, size, scenarios_path, env):
    out = subprocess.run([binary, "bench", "--db", db, "--size", size, "--script", scenarios_path],
                         env=env, capture_output=True, text=True, check=True).stdout
    result = {}
    for line in out.splitlines():
        if "\t" in line:
            name, times = line.split("\t", 1)
            result[name] = [float(t) for t in times.split(",") if t]
    return result


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("db")
    ap.add_argument("--size", default="80x24")
    ap.add_argument("--scenarios", default=os.path.join(HERE, "scenarios.txt"))
    ap.add_argument("--only", default=None, help="run the scenarios whose name contains this")
    ap.add_argument("--quiet", type=float, default=60.0, help="ms of silence that ends a frame")
    ap.add_argument("--json", default=None, help="also write every key's time to this file")
    ap.add_argument("--budget", type=float, default=16.0)
    args = ap.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    binary = os.path.abspath(args.binary)
    env = dict(os.environ)
    env.update({"TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
                "COMMUNITY_TODAY": env.get("COMMUNITY_TODAY", "2026-11-30")})
    env.setdefault("COMMUNITY_DATA", os.path.normpath(os.path.join(HERE, "..", "..", "data")))
    scenarios = parse_scenarios(args.scenarios)
    if args.only:
        scenarios = [s for s in scenarios if args.only in s[0]]
    script = args.scenarios
    if args.only:  # headless runs exactly the same scenarios, in the same order from the same start
        script = os.path.join("/tmp", "tty-latency-%d.txt" % os.getpid())
        with open(args.scenarios, encoding="utf-8") as src, open(script, "w", encoding="utf-8") as dst:
            for line in src:
                if line.strip() and not line.lstrip().startswith("#") and args.only in line.split("|")[0]:
                    dst.write(line)
    head = headless(binary, args.db, args.size, script, env)

    app = PtyApp([binary, "--demo", "--db", args.db], env, width, height)
    t0 = time.perf_counter()
    first = app.drain(300, first_timeout_s=10.0)
    print("terminal %s, first frame %.0f ms (through the pty)" % (args.size, ((first or t0) - t0) * 1000))
    results = {}
    for name, setup, keys in scenarios:
        for label, data in setup:
            if data is None:
                time.sleep(int(label[5:-1]))
            else:
                app.key(data, args.quiet)
        times, faults, silent = [], [], 0
        for label, data in keys:
            if data is None:
                raise SystemExit("%s: a pause belongs in the setup keys, not the measured ones" % name)
            before = app.major_faults()
            ms, _ = app.key(data, args.quiet)
            if ms is None:
                silent += 1
            else:
                times.append(ms)
                faults.append(app.major_faults() - before)
        results[name] = {"tty": times, "faults": faults, "silent": silent, "headless": head.get(name, [])}
    app.close()

    # disk: the page faults that read the file (or the program) back from disk during the scenario's keys, and
    # the most in one key; a slow key with disk reads is the machine's cache, not the app's work.
    fmt = "%-36s %5s | %6s %6s %6s %6s | %6s %6s %6s %6s | %9s"
    print(fmt % ("scenario", "keys", "tty50", "p95", "p99", "max", "head50", "p95", "p99", "max", "disk/max"))
    over = 0
    for name, r in results.items():
        t, h = r["tty"], r["headless"]
        row = [percentile(t, 50), percentile(t, 95), percentile(t, 99), max(t) if t else float("nan"),
               percentile(h, 50), percentile(h, 95), percentile(h, 99), max(h) if h else float("nan")]
        note = "" if not r["silent"] else "  (%d keys drew nothing)" % r["silent"]
        if t and percentile(t, 99) > args.budget:
            over += 1
            note += "  OVER %g ms p99" % args.budget
        disk = "%d/%d" % (sum(r["faults"]), max(r["faults"])) if r["faults"] else "-"
        print(fmt % ((name[:36], len(t)) + tuple("%.1f" % v for v in row) + (disk,)) + note)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"size": args.size, "results": results}, f, ensure_ascii=False)
    print("%d scenario(s) over the %g ms p99 budget" % (over, args.budget))


if __name__ == "__main__":
    main()
