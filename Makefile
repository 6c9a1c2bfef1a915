# ZabScope's two commands. Both install whatever is missing first (scripts/setup.sh).
.PHONY: run test build setup

run:    ## build the release app and serve it on http://127.0.0.1:8080
	scripts/run.sh

test:   ## run every test: fmt, clippy, cargo test, wasm in Chromium + Firefox, Playwright e2e
	scripts/test.sh

build:  ## build the release app into dist/ only
	scripts/setup.sh && scripts/build-web.sh

setup:  ## install the toolchain only
	scripts/setup.sh
