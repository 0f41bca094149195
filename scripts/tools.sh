#!/usr/bin/env bash
# Installs whatever the build or the tests need and is missing. Idempotent: quick when all is
# there. The site is built by the workspace's own `site` crate (cargo and crates.io only), so
# neither cargo-leptos nor the wasm-bindgen binary is needed.
# Usage: scripts/tools.sh build (make serve), test (make test) or bench (make bench).
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-build}"
say() { printf '\033[1;33m==> %s\033[0m\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "please run as root: $*" >&2; return 1; fi
}

apt_install() {
  say "installing $* from Debian"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
if [ "$what" = bench ]; then
  if [ ! -x target/tools/node_modules/.bin/wasm-opt ]; then
    say "installing wasm-opt (npm package binaryen) for release builds"
    npm install --no-save --no-audit --no-fund --prefix target/tools binaryen@132.0.0
  fi
fi

if [ "$what" = test ] || [ "$what" = bench ]; then
  command -v npm >/dev/null || apt_install nodejs npm
  if [ ! -x /usr/bin/chromium ] && [ -z "${CHROMIUM:-}" ]; then apt_install chromium; fi
  if [ ! -d end2end/node_modules/@playwright/test ]; then
    say "installing Playwright (npm; Debian's Chromium is the browser)"
    (cd end2end && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
  fi
  # PostgreSQL: start the local cluster if it is installed but down.
  if command -v pg_lsclusters >/dev/null && [ -z "${DATABASE_URL:-}" ]; then
    if pg_lsclusters 2>/dev/null | awk 'NR>1 && $4 != "online" {found=1} END {exit !found}'; then
      say "starting PostgreSQL"
      as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
    fi
  fi
fi
