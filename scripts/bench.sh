#!/usr/bin/env bash
# `make bench`: builds the release site, server and load generator, then
# 1. starts the server on a fresh SQLite database with the demo coop on 127.0.0.1:3200 and
#    measures page weight, the member's home page and sign-in;
# 2. writes a coop of 20,000 members with five years of history into another fresh SQLite
#    database, times recomputing every status, starts the server on it on 127.0.0.1:3201 and
#    measures a booking rush and the member's shift page;
# 3. the till bench records sales from 16 tills on a fresh SQLite database of its own; the
#    stock reports bench times the stock value of 20,000 products and a month's sales report;
#    the stock bench times reorder suggestions over 20,000 products and 100-line receptions;
#    the count bench takes an inventory count of 2,000 products with three counters while two
#    tills sell, on another;
# 4. loads the demo coop into another fresh SQLite database (`server demo`: the demo goes only
#    into an empty database), writes 20,000 products beside it, starts the server on it on
#    127.0.0.1:3202 (TILL_BENCH_PORT) and times the till in headless Chromium
#    (end2end/bench/till.bench.ts): catalogue cold and warm, scanner Enter to line.
# Every figure lands in target/bench/results.json (name: number).
set -euo pipefail
cd "$(dirname "$0")/.."
target="${CARGO_TARGET_DIR:-$PWD/target}"
export PATH="$PWD/target/tools/node_modules/.bin:$PATH"
cargo run -q -p site -- build --release
env -u RUSTFLAGS cargo build --release -p bench
mkdir -p target/bench && rm -f "$target"/bench-db.* "$target"/bench-big.* "$target"/bench-till.*

server=""
trap '[ -n "$server" ] && kill $server 2>/dev/null || true' EXIT
serve() { # serve DATABASE_URL PORT DEMO LOG (DEMO: RUCHE_DEMO, 1 to load the demo coop)
  DATABASE_URL="$1" RUCHE_DEMO="$3" RUST_LOG=warn \
  LEPTOS_SITE_ADDR="127.0.0.1:$2" LEPTOS_SITE_ROOT="$PWD/target/site" LEPTOS_OUTPUT_NAME=ruche \
  LEPTOS_SITE_PKG_DIR=pkg LEPTOS_ENV=PROD \
    "$target/release/server" > "$4" 2>&1 &
  server=$!
  for _ in $(seq 1 120); do
    curl -fsS "http://127.0.0.1:$2/health" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "the server on port $2 did not answer /health" >&2
  return 1
}
stop() { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; server=""; }

serve "sqlite://$target/bench-db.sqlite?mode=rwc" 3200 1 target/bench/server.log
"$target/release/loadgen" "http://127.0.0.1:3200" target/bench/results.json
stop

big="sqlite://$target/bench-big.sqlite?mode=rwc"
"$target/release/loadgen" seed "$big" target/bench/seed.json target/bench/results.json
# Each phase starts once the previous one's writes are on disk: the seed writes about two
# gigabytes (the file and its log), whose write-back otherwise runs through the next phases (the sales' p99
# right after the rush was 16-17 ms against 11-12 ms for the same build on a settled machine).
sync
serve "$big" 3201 0 target/bench/server-big.log
"$target/release/loadgen" rush "http://127.0.0.1:3201" "$big" target/bench/seed.json target/bench/results.json
stop

sync
"$target/release/tillbench" target/bench/results.json
"$target/release/stockreports" target/bench/results.json
"$target/release/stockbench" target/bench/results.json
"$target/release/countbench" target/bench/results.json

till="sqlite://$target/bench-till.sqlite?mode=rwc"
till_port="${TILL_BENCH_PORT:-3202}"
DATABASE_URL="$till" RUST_LOG=warn "$target/release/server" demo > target/bench/server-till-demo.log 2>&1
"$target/release/loadgen" products "$till" 20000
serve "$till" "$till_port" 0 target/bench/server-till.log
(cd end2end && BENCH_URL="http://127.0.0.1:$till_port" BENCH_RESULTS="$PWD/../target/bench/results.json" \
  npx playwright test -c bench.config.ts)
stop
cat target/bench/results.json
