#!/usr/bin/env bash
# Start a throwaway PostgreSQL server on 127.0.0.1:${PGPORT:-55432} for the tests that check
# DATABASE_URL with PostgreSQL. Installs Debian's postgresql when it is missing. Idempotent.
set -euo pipefail
port=${PGPORT:-55432}
data=${PGDATA_DIR:-/tmp/kansrijk-postgres}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/postgres" ]; then
  echo "==> installing PostgreSQL (Debian package)"
  if [ "$(id -u)" -ne 0 ]; then echo "error: installing postgresql needs root (apt-get)" >&2; exit 1; fi
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null \
    || { echo "error: apt-get install postgresql failed" >&2; exit 1; }
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if as_postgres "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then exit 0; fi
if [ ! -f "$data/PG_VERSION" ]; then
  mkdir -p "$data"; [ "$(id -u)" -eq 0 ] && chown postgres "$data"
  as_postgres "$bin/initdb" -D "$data" -A trust -U postgres >/dev/null
fi
as_postgres "$bin/pg_ctl" -D "$data" -l "$data/server.log" -o "-p $port -k /tmp -c listen_addresses=127.0.0.1" -w start >/dev/null
echo "==> PostgreSQL on 127.0.0.1:$port"
