#!/usr/bin/env bash
# Drops the PostgreSQL databases left by earlier test runs (ruche_test_*). Quiet when
# PostgreSQL or psql is not there.
set -uo pipefail
url="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
case "$url" in postgres*) ;; *) url="postgres://postgres@127.0.0.1:5432/postgres" ;; esac
command -v psql >/dev/null || exit 0
psql "$url" -Atc "select datname from pg_database where datname like 'ruche_test_%'" 2>/dev/null |
  while read -r db; do psql "$url" -qc "drop database if exists \"$db\"" >/dev/null 2>&1; done
exit 0
