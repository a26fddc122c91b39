#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for reportmine's tests, on loopback.
#
#   eval "$(bash .ci/dev-postgres.sh)"     # start (installs the server if absent)
#   bash .ci/dev-postgres.sh stop          # stop it
#
# Installs Debian's postgresql package when no server binaries are found
# (apt-get, as root), initialises a cluster in $REPORTMINE_PG_DIR
# (default /tmp/reportmine-pg), starts it on 127.0.0.1:$REPORTMINE_PG_PORT
# (default 55432) and creates the database reportmine_test. Prints the export
# line for REPORTMINE_TEST_PG_URL on stdout; everything else goes to stderr.
# Run as root, the server runs as the postgres user; otherwise as you.
set -euo pipefail

PGDIR=${REPORTMINE_PG_DIR:-/tmp/reportmine-pg}
PORT=${REPORTMINE_PG_PORT:-55432}
DB=reportmine_test
log() { echo "dev-postgres: $*" >&2; }

find_bin() {
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

BIN=$(find_bin)
if [ -z "$BIN" ] || [ ! -x "$BIN/pg_ctl" ]; then
    if [ "$(id -u)" -ne 0 ]; then
        log "PostgreSQL is not installed; run as root, or: sudo apt-get install -y postgresql"
        exit 1
    fi
    log "installing PostgreSQL from the Debian packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
    BIN=$(find_bin)
fi

if [ "$(id -u)" -eq 0 ]; then
    OWNER=postgres
    as_owner() { runuser -u postgres -- "$@"; }
else
    OWNER=$(id -un)
    as_owner() { "$@"; }
fi

pg_ctl_() { as_owner "$BIN/pg_ctl" -D "$PGDIR/data" "$@"; }

if [ "${1:-start}" = "stop" ]; then
    if [ -f "$PGDIR/data/postmaster.pid" ]; then
        pg_ctl_ -m fast -w stop >&2
    fi
    exit 0
fi

mkdir -p "$PGDIR"
chown "$OWNER" "$PGDIR"
if [ ! -f "$PGDIR/data/PG_VERSION" ]; then
    log "initialising a cluster in $PGDIR/data"
    as_owner "$BIN/initdb" -D "$PGDIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi
if ! pg_ctl_ status >/dev/null 2>&1; then
    log "starting the server on 127.0.0.1:$PORT"
    pg_ctl_ -w -t 60 -l "$PGDIR/server.log" \
        -o "-p $PORT -k $PGDIR -c listen_addresses=127.0.0.1 -c fsync=off" start >&2
fi
PSQL=("$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -v ON_ERROR_STOP=1 -qtA)
if [ "$("${PSQL[@]}" -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" != 1 ]; then
    "${PSQL[@]}" -d postgres -c "CREATE DATABASE $DB" >&2
fi
log "ready: postgresql://postgres@127.0.0.1:$PORT/$DB"
echo "export REPORTMINE_TEST_PG_URL=postgresql://postgres@127.0.0.1:$PORT/$DB"
