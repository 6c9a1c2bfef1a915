#!/usr/bin/env bash
# The simulation-speed table of docs/figures.md in one command: builds the native benchmark
# (`zabscope bench`, profile soak = opt-level 3) and the release page (scripts/build-web.sh),
# runs the same workload natively and as wasm in headless Chromium (`window.zabscope.bench`,
# scripts/bench-wasm.mjs) for 3, 5, 7, 13 and 51 servers, trace off and with the browser's
# settings, then rewrites the table between <!-- bench:begin --> and <!-- bench:end --> in
# docs/figures.md and draws docs/bench.svg (scripts/bench_report.py). Fails if any workload did not
# hold (a client lost, writes not committing, a new leader, an invariant violated).
# Not part of scripts/test.sh: core/tests/bench_workload.rs keeps the workload from rotting.
#   STEPS=200000 SERVERS=3,5,7,13,51 SKIP_BUILD=1 scripts/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
steps=${STEPS:-200000}
servers=${SERVERS:-3,5,7,13,51}
load=$(cut -d' ' -f1 /proc/loadavg)

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  cargo build --locked --profile soak -p zabscope
  scripts/build-web.sh
fi

# The measurements stay in target/bench/ (JSON lines): the report can be redrawn from them.
out=target/bench
mkdir -p "$out"
rm -f "$out"/*.jsonl "$out"/note.txt
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 scripts/serve.py "$port" dist >/dev/null 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT

echo "== native: target/soak/zabscope bench --servers $servers --steps $steps"
target/soak/zabscope bench --servers "$servers" --steps "$steps" >"$out/native.jsonl"

for _ in $(seq 50); do
  python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/')" 2>/dev/null && break
  sleep 0.1   # waiting for the port to open
done
echo "== wasm: node scripts/bench-wasm.mjs --servers $servers --steps $steps (headless Chromium)"
ZABSCOPE_URL="http://127.0.0.1:$port/" node scripts/bench-wasm.mjs --servers "$servers" --steps "$steps" \
  >"$out/wasm.jsonl"

cores=$(nproc)
note="Measured by \`scripts/bench.sh\` on $(date -u +%Y-%m-%d) ($cores cores; load average $load when it started"
if awk -v l="$load" 'BEGIN { exit !(l >= 0.5) }'; then
  note="$note: measured with other builds running, so the figures are noisy"
fi
note="$note). Workload (\`core/src/tools/bench.rs\`): a fresh ensemble elected, one client per server each keeping one \`setData\` outstanding, a warm-up of $steps steps (the history buffers reach their bounds), then three consecutive windows of $steps agenda steps timed, the fastest shown; each run checked that every client stayed connected, wrote in the last fifth of the run, and that the leader never changed (and, with the browser's settings, no invariant was violated). Native: \`cargo build --profile soak -p zabscope\` (opt-level 3, the mimalloc allocator); wasm: the release page (\`scripts/build-web.sh\`: zabscope-core at opt-level 3, the rest at z, wasm-opt -Oz; Rust's default allocator) in headless Chromium. *Trace off*: no trace, narration, checkpoints or invariants; *browser settings*: what the page runs (trace, narration, invariants after every step, \`HistoryBudget::browser()\` checkpoints)."
printf '%s\n' "$note" >"$out/note.txt"
echo "== report"
python3 scripts/bench_report.py "$out/native.jsonl" "$out/wasm.jsonl" docs/figures.md docs/bench.svg "$note"
echo "docs/figures.md (Simulation speed) and docs/bench.svg rewritten"
