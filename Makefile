# The two commands of the README. Each installs what is missing first.
SHELL := /bin/bash

# Debug builds compile Leptos views with `--cfg erase_components` (faster to compile); the
# site, the server and the tests use the same flags so that they share one build.
export RUSTFLAGS ?= --cfg erase_components

.PHONY: serve test test-rust test-e2e test-e2e-release lint bench

## Build, migrate the embedded SQLite database (data/), load the demo coop on first run and
## serve on http://127.0.0.1:3000, printing the demo logins.
serve:
	@scripts/tools.sh build
	cargo run -q -p site -- serve

## Every test: unit, property, integration on SQLite and PostgreSQL, then Playwright in Chromium.
test:
	@scripts/tools.sh test
	@$(MAKE) --no-print-directory test-rust
	@$(MAKE) --no-print-directory test-e2e

test-rust:
	@scripts/drop-test-databases.sh
	cargo test --workspace --exclude frontend

test-e2e:
	scripts/e2e.sh

## The same Playwright tests on the release build (wasm-opt, precompressed assets).
test-e2e-release:
	@scripts/tools.sh bench
	E2E_PROFILE=release scripts/e2e.sh

## The habits CI checks first: rustfmt, leptosfmt on app/, clippy with warnings as errors.
lint:
	scripts/lint.sh

## Every benchmark figure of the project, written to target/bench/results.json.
bench:
	@scripts/tools.sh bench
	scripts/bench.sh
