#!/usr/bin/env bash
# Builds the site and runs the Playwright tests in Chromium against a server on a fresh
# SQLite database with the demo coop. Playwright starts and stops the server.
# E2E_PROFILE=release runs the same tests on the release build (`make test-e2e-release`).
set -euo pipefail
cd "$(dirname "$0")/.."
target="${CARGO_TARGET_DIR:-$PWD/target}"
profile="${E2E_PROFILE:-debug}"
if [ "$profile" = release ]; then
  export PATH="$PWD/target/tools/node_modules/.bin:$PATH"
  cargo run -q -p site -- build --release
else
  cargo run -q -p site -- build
fi
rm -rf "$target/e2e" && mkdir -p "$target/e2e"
cd end2end
E2E_SERVER="$target/$profile/server" \
E2E_DB="sqlite://$target/e2e/ruche.db?mode=rwc" \
E2E_SITE_ROOT="$(cd .. && pwd)/target/site" \
  npx playwright test
