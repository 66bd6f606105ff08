#!/usr/bin/env bash
# Proves that the SQL a hosted Supabase will get also applies to a stock PostgreSQL 15: a
# throwaway cluster gets bootstrap.sql, every migration in name order and seed.sql, then the
# role tests in database.sql. The cluster lives in a temp dir and is always removed.
# Usage: bash supabase/tests/pg15.sh   (PG15_BIN=/path/to/bin to use other binaries; VERBOSE=1)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
bin="${PG15_BIN:-/usr/lib/postgresql/15/bin}"

for tool in initdb pg_ctl postgres psql; do
  if [ ! -x "$bin/$tool" ]; then
    echo "pg15: $bin/$tool not found. Install PostgreSQL 15 (Debian/Ubuntu: apt-get install postgresql-15)" >&2
    echo "pg15: or point PG15_BIN at a folder holding initdb, pg_ctl, postgres and psql." >&2
    echo "pg15: FAIL (PostgreSQL 15 not found)"
    exit 1
  fi
done

# initdb and postgres refuse to run as root: then the server runs as the postgres system user.
server_user=""
if [ "$(id -u)" -eq 0 ]; then
  if ! id postgres >/dev/null 2>&1; then
    echo "pg15: running as root, but there is no 'postgres' system user to run the server as." >&2
    echo "pg15: FAIL (run as an ordinary user, or create the postgres user)"
    exit 1
  fi
  server_user=postgres
fi

as_server() {
  if [ -z "$server_user" ]; then
    "$@"
  elif command -v runuser >/dev/null 2>&1; then
    runuser -u "$server_user" -- "$@"
  else
    su "$server_user" -s /bin/bash -c "$(printf '%q ' "$@")"
  fi
}

tmp="$(mktemp -d "${TMPDIR:-/tmp}/ljh-pg15.XXXXXX")"
data="$tmp/data"
log="$tmp/server.log"
out="$tmp/psql.out"
started=0

cleanup() {
  if [ "$started" -eq 1 ]; then
    as_server "$bin/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ -n "$server_user" ]; then
  chown "$server_user" "$tmp"
fi
chmod 700 "$tmp"

# The socket sits in our own temp dir and TCP is off, so no port on the machine can clash with
# it; the port number only names the socket file.
port=$((20000 + RANDOM % 20000))
psql=("$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$tmp" -p "$port" -U postgres -d postgres)

fail() {
  echo "pg15: $1" >&2
  [ -s "$out" ] && sed 's/^/  /' "$out" >&2
  echo "pg15: FAIL ($1)"
  exit 1
}

as_server "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 -N \
  >"$out" 2>&1 || fail "initdb failed"
as_server "$bin/pg_ctl" -D "$data" -l "$log" -w -t 20 start \
  -o "-c listen_addresses='' -k '$tmp' -p $port -c max_connections=260 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  >"$out" 2>&1 || { cat "$log" >>"$out" 2>/dev/null; fail "the PostgreSQL 15 server did not start"; }
started=1
echo "pg15: $("${psql[@]}" -At -c 'select version()' | cut -d' ' -f1-2) in $tmp"

# The same order as the embedded stack and the Supabase CLI: bootstrap, migrations, seed; each
# file in one transaction, as the CLI applies a migration.
files=("$root/supabase/bootstrap.sql")
while IFS= read -r file; do files+=("$file"); done < <(find "$root/supabase/migrations" -maxdepth 1 -name '*.sql' | LC_ALL=C sort)
files+=("$root/supabase/seed.sql")
for file in "${files[@]}"; do
  "${psql[@]}" -1 -f "$file" >"$out" 2>&1 || fail "${file#"$root"/} does not apply"
  echo "pg15: applied ${file#"$root"/}"
done

# The role tests print one "ok:" notice per passing check and stop at the first failure.
status=0
"${psql[@]}" -f "$root/supabase/tests/database.sql" >"$out" 2>&1 || status=$?
passed=$(grep -c 'NOTICE:  ok:' "$out" || true)
if [ "${VERBOSE:-0}" = 1 ]; then
  sed -n 's/.*NOTICE:  ok: /  ok: /p' "$out"
fi
if [ "$status" -ne 0 ]; then
  grep -v 'NOTICE:  ok:' "$out" | sed 's/^/  /' >&2
  echo "pg15: $passed passed, 1 failed (database.sql stops at the first failure)"
  echo "pg15: FAIL"
  exit 1
fi

# Concurrency on a real multi-session server (the embedded PGlite runs one session): 200
# huisartsen sign one letter at the same moment, and 50 huisartsen each try 10 times to sign
# another. Every attempt must succeed without an error; each letter must end with exactly one
# signature (and one audit entry) per huisarts.
concurrency="$root/supabase/tests/concurrency"
"${psql[@]}" -f "$concurrency/setup.sql" >"$out" 2>&1 || fail "the concurrency setup does not apply"
bench=("$bin/pgbench" -n -h "$tmp" -p "$port" -U postgres -f "$concurrency/sign.pgbench")
"${bench[@]}" -D letter=1 -c 200 -j 2 -t 1 postgres >"$out" 2>&1 || fail "200 huisartsen signing at once gave errors"
grep -q 'number of failed transactions: 0' "$out" || fail "200 huisartsen signing at once: failed transactions"
"${bench[@]}" -D letter=2 -c 50 -j 2 -t 10 postgres >"$out" 2>&1 || fail "50 huisartsen signing 10 times gave errors"
grep -q 'number of failed transactions: 0' "$out" || fail "50 huisartsen signing 10 times: failed transactions"
"${psql[@]}" -f "$concurrency/check.sql" >"$out" 2>&1 || fail "the concurrency check failed"
concurrent=$(grep -c 'NOTICE:  ok:' "$out" || true)
[ "${VERBOSE:-0}" = 1 ] && sed -n 's/.*NOTICE:  ok: /  ok: /p' "$out"
passed=$((passed + concurrent))

echo "pg15: $passed passed, 0 failed"
echo "pg15: OK"
