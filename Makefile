# 社区党建工作台 — two commands on a fresh Debian machine: `make run` and `make test`.
SWIFT      ?= swift
BIN        := .build/debug/community
RELEASE    := .build-release/release/community
BENCH_DIR  := .build-bench
APT_NEEDS  := libncursesw5-dev libsqlite3-dev tmux

.PHONY: all deps build run test unit e2e bench clean

all: build

# Installs the C libraries and tmux the build and the tests need, only when missing.
deps:
	@missing=""; for p in $(APT_NEEDS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  if [ "$$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -q && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing; \
	fi

build: deps
	$(SWIFT) build

# The app on the demo database (朝东社区), created on first use in ~/.local/share/community.
run: build
	$(BIN) --demo

# The whole suite: model and screen tests, then the real binary driven in tmux.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	tests/e2e/run-all.sh $(BIN)

unit: deps
	$(SWIFT) test

e2e: build
	tests/e2e/run-all.sh $(BIN)

# First frame and per-key latency at demo and stress scale, on a release build.
bench: deps
	$(SWIFT) build -c release --scratch-path .build-release
	tests/bench/run.sh $(RELEASE) $(BENCH_DIR)

clean:
	rm -rf .build .build-release $(BENCH_DIR)
