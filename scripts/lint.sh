#!/usr/bin/env bash
# The habits CI checks before the tests: rustfmt, leptosfmt on the views of app/ (with
# .leptosfmt.toml), and clippy with warnings as errors on every target of the workspace. Installs leptosfmt when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '\033[1;33m==> %s\033[0m\n' "$*"; }
if [[ "$(leptosfmt --version 2>/dev/null)" != *"0.1.33"* ]]; then
  say "installing leptosfmt 0.1.33 (about 2 minutes, once)"
  cargo install leptosfmt --locked --version 0.1.33
fi
say "cargo fmt --check"
cargo fmt --all --check
say "leptosfmt --check app/"
leptosfmt --quiet --config-file .leptosfmt.toml --check app/src
say "cargo clippy (every target, warnings are errors)"
cargo clippy --workspace --all-targets -- -D warnings
