# qdash's two commands: `make demo` and `make test`. Each installs what it needs first.
.PHONY: demo test tools browser site test-rust test-wasm test-e2e release bench

CHROMEDRIVER ?= /usr/bin/chromedriver
export CHROMEDRIVER
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER = wasm-bindgen-test-runner

tools:
	@.ci/install-tools

browser:
	@.ci/install-browser

## Build the release binaries and site, then run qdash in demo mode at http://127.0.0.1:3000
demo: release
	./target/release/qdash --site-root target/site

release: tools
	cargo leptos build --release
	cargo build --release -p server --bin qualys-sim

## The whole suite: Rust tests, wasm-bindgen-test in headless Chromium, Playwright specs
test: tools browser test-rust test-wasm test-e2e

test-rust:
	cargo test -p app --features ssr
	cargo test -p server

test-wasm:
	cargo test -p app --features hydrate --target wasm32-unknown-unknown

# Browser specs run against debug builds: they share the compile with test-rust.
test-e2e:
	cargo leptos build
	cargo build -p server --bin qualys-sim
	cd end2end && QDASH_BIN_DIR=../target/debug npx playwright test

## Benchmarks (figures go in docs/BENCHMARKS.md): qdash against qualys-sim, then the simulator at 1M assets
bench: release
	cargo bench -p server --bench qdash
	cargo bench -p server --bench simulator
