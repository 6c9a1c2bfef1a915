#!/usr/bin/env bash
# Builds the release web app into dist/: cargo (wasm32) → wasm-bindgen --target web → wasm-opt -Oz
# (binaryen from npm), then copies index.html and static/. Prints the .wasm size raw and gzipped.
# No Trunk: it would try to download its tools; plain wasm-bindgen does the same job offline.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

# `DEV=1 scripts/build-web.sh`: a debug build without wasm-opt, for quick iteration.
out=dist
if [ "${DEV:-0}" = 1 ]; then
  wasm_in=target/wasm32-unknown-unknown/debug/zabscope_web.wasm
  cargo build --locked --target wasm32-unknown-unknown -p zabscope-web
else
  wasm_in=target/wasm32-unknown-unknown/release/zabscope_web.wasm
  cargo build --release --locked --target wasm32-unknown-unknown -p zabscope-web
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

raw=$(wc -c <"$wasm_out")
gz=$(gzip -9 -c "$wasm_out" | wc -c)
js=$(wc -c <"$out/pkg/zabscope_web.js")
printf '[build] %s: %d bytes raw, %d bytes gzip; JS glue %d bytes\n' "$wasm_out" "$raw" "$gz" "$js"
