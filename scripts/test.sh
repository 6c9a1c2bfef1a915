#!/usr/bin/env bash
# Runs every ZabScope test: formatting, lints (host and wasm), the workspace's cargo tests,
# the wasm tests in headless Chromium and Firefox, and the Playwright end-to-end suite against
# the built release app. Installs whatever is missing first (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

step() { printf '\n==> %s\n' "$*"; }
export CARGO_TERM_COLOR=never

step "toolchain"
scripts/setup.sh

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (host)"
cargo clippy --locked --workspace --all-targets -- -D warnings
step "cargo clippy (wasm32)"
cargo clippy --locked -p zabscope-web -p zabscope-core --target wasm32-unknown-unknown --lib --tests -- -D warnings  # benches are native-only (criterion)

step "cargo test --workspace"
cargo test --locked --workspace

step "conformance against a real ZooKeeper 3.8 (tests/conformance, about 2 min)"
# Starts Debian's ZooKeeper on a free loopback port, plays seeds 0..120 of api sequences and
# of zkCli scripts against it and against the zabscope binary cargo test just built, checks
# that corrupted answers are caught, stops the server; then two rejoin scenarios on a real
# 3-server ensemble (tests/conformance/rejoin.py ci: 600 creates → DIFF from the txn log; a
# PROPOSAL waiting in paused followers survives the leader's kill); then the random fault
# schedules recorded from real 3- and 5-server ensembles in tests/conformance/faults-recorded/
# against this build, and one schedule played live (tests/conformance/faults.py ci). Any
# difference fails.
ZABSCOPE_BIN=target/debug/zabscope timeout 900 python3 tests/conformance/conformance.py ci

for browser in chrome firefox; do
  for crate in core web; do
    step "wasm-pack test --headless --$browser $crate"
    timeout 900 wasm-pack test --headless "--$browser" --mode no-install "$crate"
  done
done

step "build the release app"
scripts/build-web.sh

step "end-to-end (Playwright, Debian chromium)"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 scripts/serve.py "$port" dist >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/')" 2>/dev/null && break
  sleep 0.1   # waiting for a port to open, not for the app: the tests themselves poll the DOM
done
# Node runs test files in parallel on a machine with more than two cores (one Chromium each);
# they share only the server (read-only) and write differently named screenshots, so that is
# safe — except for the lab's file, which measures time (its figures' budgets and the longest
# gap between two frames): it runs alone afterwards, so other files' Chromiums do not take the
# CPU from it on a machine with more cores than ours.
e2e=()
for f in tests/e2e/*.test.mjs; do [[ $f == */lab.test.mjs ]] || e2e+=("$f"); done
ZABSCOPE_URL="http://127.0.0.1:$port/" timeout 900 node --test "${e2e[@]}"
ZABSCOPE_URL="http://127.0.0.1:$port/" timeout 300 node --test tests/e2e/lab.test.mjs

step "all tests passed"
