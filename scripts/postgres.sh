#!/usr/bin/env bash
# Starts a throwaway PostgreSQL for the tests (installing it from Debian when run as root and it is missing),
# and prints the connection string. Usage: scripts/postgres.sh start|stop
set -euo pipefail

PGROOT=${RS_PG_ROOT:-/tmp/rulesuspension-pg}
PGPORT=${RS_PG_PORT:-55432}

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

install_if_missing() {
  [ -n "$(pg_bin)" ] && return 0
  if [ "$(id -u)" != 0 ]; then
    echo "PostgreSQL is not installed and this is not root: install the Debian package 'postgresql'." >&2
    exit 1
  fi
  echo "Installing PostgreSQL from Debian..." >&2
  (apt-get install -y -qq postgresql >/dev/null 2>&1) || { apt-get update -qq >/dev/null && apt-get install -y -qq postgresql >/dev/null; }
}

# What a production server under write load is given (docker-compose.yml too): with the defaults a checkpoint comes
# every ~500 MB of WAL, every half minute under the load tool, and the full-page images after it stall commits.
WRITE_HEAVY="-c max_wal_size=8GB -c checkpoint_timeout=15min -c wal_compression=on"

start() {
  install_if_missing
  local bin; bin=$(pg_bin)
  mkdir -p "$PGROOT"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$PGROOT"
  if [ ! -f "$PGROOT/data/PG_VERSION" ]; then
    as_owner "$bin/initdb" -D "$PGROOT/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if ! as_owner "$bin/pg_ctl" -D "$PGROOT/data" status >/dev/null 2>&1; then
    as_owner "$bin/pg_ctl" -D "$PGROOT/data" -l "$PGROOT/log" -w \
      -o "-p $PGPORT -k $PGROOT -c listen_addresses=127.0.0.1 -c max_connections=300 $WRITE_HEAVY" start >/dev/null
  fi
  echo "Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres;Pooling=true"
}

stop() {
  local bin; bin=$(pg_bin)
  [ -n "$bin" ] && [ -f "$PGROOT/data/PG_VERSION" ] && as_owner "$bin/pg_ctl" -D "$PGROOT/data" -m fast stop >/dev/null 2>&1 || true
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
