#!/usr/bin/env bash
# Start a throwaway PostgreSQL 15 + PostGIS server for the integration tests.
#
# Usage: eval "$(bash .ci/postgres.sh)"   # exports FLASHPOINT_TEST_PG_URL
# Installs postgresql-15-postgis-3 with apt when missing, initdb's a cluster under
# $FLASHPOINT_PG_DIR (default /tmp/flashpoint-pg) owned by the `postgres` user, starts it
# on 127.0.0.1 (port 5432 if free, else a free port), creates `flashpoint_test` with
# the postgis extension, and prints the export line on stdout (everything else on stderr).
# Re-running reuses a server it already started.
set -euo pipefail

PG_BIN=/usr/lib/postgresql/15/bin
PG_DIR=${FLASHPOINT_PG_DIR:-/tmp/flashpoint-pg}
DATA="$PG_DIR/data"
log() { echo "postgres.sh: $*" >&2; }

as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

if [ ! -f /usr/share/postgresql/15/extension/postgis.control ]; then
  log "installing postgresql-15-postgis-3"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=900 update -qq >&2
  apt-get -o DPkg::Lock::Timeout=900 install -y -qq postgresql-15 postgresql-15-postgis-3 >&2
fi

mkdir -p "$PG_DIR"
if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$PG_DIR"; fi

if [ ! -f "$DATA/PG_VERSION" ]; then
  log "initdb $DATA"
  as_pg "$PG_BIN/initdb" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >&2
fi

port_file="$PG_DIR/port"
if as_pg "$PG_BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1 && [ -f "$port_file" ]; then
  PORT=$(cat "$port_file")
  log "reusing the server on port $PORT"
else
  PORT=$(python3 - <<'PY'
import socket
def free(port):
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False
if free(5432):
    print(5432)
else:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        print(s.getsockname()[1])
PY
)
  echo "$PORT" > "$port_file"
  log "starting on 127.0.0.1:$PORT"
  as_pg "$PG_BIN/pg_ctl" -D "$DATA" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-p $PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off" start >&2
fi

psql_pg() { as_pg psql -h 127.0.0.1 -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -qAt "$@"; }
if [ "$(psql_pg -d postgres -c "SELECT 1 FROM pg_database WHERE datname = 'flashpoint_test'")" != 1 ]; then
  psql_pg -d postgres -c "CREATE DATABASE flashpoint_test" >&2
fi
psql_pg -d flashpoint_test -c "CREATE EXTENSION IF NOT EXISTS postgis" >&2

URL="postgresql+psycopg://postgres@127.0.0.1:$PORT/flashpoint_test"
export FLASHPOINT_TEST_PG_URL="$URL"
echo "export FLASHPOINT_TEST_PG_URL=$URL"
