#!/usr/bin/env bash
# Installs every tool ZabScope's two commands need, from the package registries only
# (Debian, Cargo, npm). Idempotent: each tool is checked for presence and exact version
# first, so a warm run costs about a second. Nothing here downloads a prebuilt binary from
# elsewhere: wasm-pack runs with --mode no-install and we call wasm-bindgen ourselves.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

WASM_BINDGEN_VERSION=0.2.130
WASM_PACK_VERSION=0.15.1
GECKODRIVER_VERSION=0.37.1

log() { printf '[setup] %s\n' "$*"; }
have_version() { command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -q "$2"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# 1. Browsers and their drivers from Debian.
missing_debs=()
command -v chromium >/dev/null 2>&1 || missing_debs+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing_debs+=(chromium-driver)
command -v firefox-esr >/dev/null 2>&1 || command -v firefox >/dev/null 2>&1 || missing_debs+=(firefox-esr)
# A CJK font, so the browsers draw the page's 简体中文 (screenshots, the e2e overflow checks).
[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing_debs+=(fonts-wqy-microhei)
if [ ${#missing_debs[@]} -gt 0 ]; then
  log "apt-get install ${missing_debs[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing_debs[@]}" >/dev/null
fi

# 1b. The conformance suite's judge: Debian's ZooKeeper 3.8 (server, client jar, its JRE) and a
#     JDK to compile the suite's small Java drivers against /usr/share/java/zookeeper.jar.
missing_debs=()
[ -f /usr/share/java/zookeeper.jar ] || missing_debs+=(zookeeper)
command -v javac >/dev/null 2>&1 || missing_debs+=(default-jdk-headless)
if [ ${#missing_debs[@]} -gt 0 ]; then
  log "apt-get install ${missing_debs[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing_debs[@]}" >/dev/null
fi

# 2. Rust target and tools, installed with cargo.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi
if ! have_version wasm-bindgen "$WASM_BINDGEN_VERSION"; then
  log "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force  # not --locked: its lockfile names a yanked crate
fi
if ! have_version wasm-pack "$WASM_PACK_VERSION"; then
  log "cargo install wasm-pack $WASM_PACK_VERSION"
  cargo install wasm-pack --version "$WASM_PACK_VERSION" --locked --force
fi
if ! have_version geckodriver "$GECKODRIVER_VERSION"; then
  log "cargo install geckodriver $GECKODRIVER_VERSION"
  cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked --force
fi

# 3. Node packages (playwright-core drives Debian's chromium; binaryen gives wasm-opt).
if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/binaryen ]; then
  log "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
log "toolchain ready"
