#!/usr/bin/env bash
# Builds the release web app into dist/: cargo (wasm32) → wasm-bindgen --target web → wasm-opt -Oz
# (binaryen from npm), then copies index.html and static/, writes .gz and .br siblings of the
# .wasm and the JS glue, and prints their sizes and the bytes a first load transfers.
# No Trunk: it would try to download its tools; plain wasm-bindgen does the same job offline.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

# `DEV=1 scripts/build-web.sh`: a debug build without wasm-opt, for quick iteration.
# The page is built without `builtin-zh`: its 简体中文 catalogues (the core's and the page's) are
# dist/i18n/zh-CN.json, fetched only when a user asks for 简体中文 (web/src/i18n/load.rs).
out=dist
if [ "${DEV:-0}" = 1 ]; then
  wasm_in=target/wasm32-unknown-unknown/debug/zabscope_web.wasm
  cargo build --locked --target wasm32-unknown-unknown -p zabscope-web --no-default-features
else
  wasm_in=target/wasm32-unknown-unknown/release/zabscope_web.wasm
  cargo build --release --locked --target wasm32-unknown-unknown -p zabscope-web --no-default-features
fi
rm -rf "$out"
mkdir -p "$out/pkg"
wasm-bindgen --target web --no-typescript --out-dir "$out/pkg" "$wasm_in"
wasm_out="$out/pkg/zabscope_web_bg.wasm"
if [ "${DEV:-0}" != 1 ] && [ -x node_modules/binaryen/bin/wasm-opt ]; then
  node_modules/binaryen/bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$wasm_out" -o "$wasm_out.opt" && mv "$wasm_out.opt" "$wasm_out"
fi
cp index.html "$out/"
cp -r static "$out/static"
mkdir -p "$out/i18n"
cargo run --quiet --locked -p zabscope-web --example i18n_catalogue -- "$out/i18n/zh-CN.json"

# Precompressed siblings of the .wasm, the JS glue and the CSS (scripts/serve.py, or any
# static host, sends them with Content-Encoding when the browser accepts it; docs/page.md "Static
# hosting"): gzip -9 from Python's standard library, brotli (quality 11) from Node's built-in
# zlib. Both are deterministic (no file name or time stamp inside).
mapfile -t packed < <(find "$out" -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' -o -name '*.json' \) | sort)
python3 - "${packed[@]}" <<'PY'
import gzip, sys
for path in sys.argv[1:]:
    with open(path, "rb") as f:
        data = f.read()
    with open(path + ".gz", "wb") as f:
        f.write(gzip.compress(data, compresslevel=9, mtime=0))
PY
if command -v node >/dev/null; then
  node -e '
    const fs = require("fs"), zlib = require("zlib");
    for (const p of process.argv.slice(1)) {
      const data = fs.readFileSync(p);
      fs.writeFileSync(p + ".br", zlib.brotliCompressSync(data, { params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length } }));
    }' "${packed[@]}"
else
  echo "[build] node not found: no .br files (serve.py falls back to gzip)" >&2
fi

# What a first load transfers: index.html as is, each packed file raw / gzip / brotli; a
# catalogue fetched on demand (i18n/*.json) is listed but not counted.
python3 - "$out" "${packed[@]}" <<'PY'
import os, sys
out, files = sys.argv[1], sys.argv[2:]
size = lambda p: os.path.getsize(p) if os.path.exists(p) else None
html = size(os.path.join(out, "index.html"))
total = {"raw": html, "gzip": html, "brotli": html}
for p in files:
    raw, gz, br = size(p), size(p + ".gz"), size(p + ".br")
    on_demand = p.endswith(".json")
    print(f"[build] {p}: {raw} bytes raw, {gz} gzip, {br if br is not None else '-'} brotli"
          + (" (on demand, not in a first load)" if on_demand else ""))
    if on_demand:
        continue
    total["raw"] += raw
    total["gzip"] += gz
    total["brotli"] += br if br is not None else gz
print(f"[build] transferred on first load (index.html + the files above): "
      f"{total['raw']} bytes uncompressed, {total['gzip']} gzip, {total['brotli']} brotli")
PY
