#!/usr/bin/env bash
# Starts Debian's PostgreSQL on loopback and creates the test role and database; idempotent.
# Prints the connection URL for MINUTEBOOK_TEST_PG_URL on its last line.
set -euo pipefail
ver=$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1)
[ -n "$ver" ] || { echo "pg-start: PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }
if ! pg_lsclusters -h 2>/dev/null | grep -q "^$ver main"; then
  pg_createcluster "$ver" main >/dev/null
fi
if ! pg_lsclusters -h | grep -q "^$ver main .* online"; then
  pg_ctlcluster "$ver" main start
fi
for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -q && break; sleep 1; done
pg_isready -h 127.0.0.1 -q || { echo "pg-start: PostgreSQL did not come up on 127.0.0.1" >&2; exit 1; }
su postgres -c "psql -qtAc \"select 1 from pg_roles where rolname='minutebook'\"" | grep -q 1 ||
  su postgres -c "psql -qc \"create role minutebook login superuser password 'minutebook'\""
su postgres -c "psql -qtAc \"select 1 from pg_database where datname='minutebook_test'\"" | grep -q 1 ||
  su postgres -c "psql -qc \"create database minutebook_test owner minutebook\""
echo "postgres://minutebook:minutebook@127.0.0.1:5432/minutebook_test"
