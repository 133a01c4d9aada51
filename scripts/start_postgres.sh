#!/usr/bin/env bash
# Start a PostgreSQL server on 127.0.0.1:${PGPORT:-55432} with its data in ${PGDATA_DIR:-/tmp/kansrijk-postgres}.
# Installs Debian's postgresql when it is missing. Idempotent.
#
#   start_postgres.sh               a throwaway server in the background, for the tests (trust login)
#   start_postgres.sh --foreground  the server in the foreground, for `make run-scaled`'s supervisor;
#                                   a stale server of the same data folder is stopped first
#
# PG_PASSWORD, when set while the data folder is created: logins need the password of
# user postgres (scram-sha-256) instead of being trusted. make run-scaled sets it: the
# tracker holds what pupils typed, and other users of the machine must not read it.
set -euo pipefail
port=${PGPORT:-55432}
data=${PGDATA_DIR:-/tmp/kansrijk-postgres}
foreground=$([ "${1:-}" = --foreground ] && echo 1 || true)
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/postgres" ]; then
  echo "==> installing PostgreSQL (Debian package)"
  if [ "$(id -u)" -ne 0 ]; then echo "error: installing postgresql needs root (apt-get)" >&2; exit 1; fi
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null \
    || { echo "error: apt-get install postgresql failed" >&2; exit 1; }
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ -z "$foreground" ] && as_postgres "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then exit 0; fi
if [ ! -f "$data/PG_VERSION" ]; then
  mkdir -p "$data"; [ "$(id -u)" -eq 0 ] && chown postgres "$data"
  chmod 700 "$data"
  if [ -n "${PG_PASSWORD:-}" ]; then
    # initdb reads the password from a file the postgres user can read; it lives for a moment.
    pwfile=$(mktemp); trap 'rm -f "$pwfile"' EXIT
    printf '%s\n' "$PG_PASSWORD" > "$pwfile"; [ "$(id -u)" -eq 0 ] && chown postgres "$pwfile"
    as_postgres "$bin/initdb" -D "$data" -A scram-sha-256 --pwfile="$pwfile" -U postgres >/dev/null
    rm -f "$pwfile"
  else
    as_postgres "$bin/initdb" -D "$data" -A trust -U postgres >/dev/null
  fi
fi
if [ -n "$foreground" ]; then
  # A server of this folder left over from a launcher that was killed: stop it, then take over.
  as_postgres "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1 && as_postgres "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null
  options=(-D "$data" -p "$port" -k /tmp -c listen_addresses=127.0.0.1)
  # exec: the supervisor's process is the server itself (setpriv changes user without a parent process).
  if [ "$(id -u)" -eq 0 ]; then
    exec setpriv --reuid=postgres --regid=postgres --init-groups "$bin/postgres" "${options[@]}"
  fi
  exec "$bin/postgres" "${options[@]}"
fi
as_postgres "$bin/pg_ctl" -D "$data" -l "$data/server.log" -o "-p $port -k /tmp -c listen_addresses=127.0.0.1" -w start >/dev/null
echo "==> PostgreSQL on 127.0.0.1:$port"
