#!/usr/bin/env bash
# `make bench`: builds the release site and server, starts the server on a fresh SQLite
# database with the demo coop on 127.0.0.1:3200, runs the load generator, stops the server;
# then the till bench records sales on a fresh SQLite database of its own.
# Every figure lands in target/bench/results.json (name: number).
set -euo pipefail
cd "$(dirname "$0")/.."
target="${CARGO_TARGET_DIR:-$PWD/target}"
export PATH="$PWD/target/tools/node_modules/.bin:$PATH"
cargo leptos build --release
cargo build --release -p bench
mkdir -p target/bench && rm -f "$target"/bench-db.*
port=3200
DATABASE_URL="sqlite://$target/bench-db.sqlite?mode=rwc" RUCHE_DEMO=1 RUST_LOG=warn \
LEPTOS_SITE_ADDR="127.0.0.1:$port" LEPTOS_SITE_ROOT="$PWD/target/site" LEPTOS_OUTPUT_NAME=ruche \
LEPTOS_SITE_PKG_DIR=pkg LEPTOS_ENV=PROD \
  "$target/release/server" > target/bench/server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
  sleep 0.5
done
"$target/release/loadgen" "http://127.0.0.1:$port" target/bench/results.json
"$target/release/tillbench" target/bench/results.json
cat target/bench/results.json
