#!/usr/bin/env bash
# Provisions a private PostgreSQL cluster for development and tests, under .data/ in the repo.
# Sourced by run.sh and test.sh. Skipped entirely when the caller configured a database
# (ConnectionStrings__Platform for run.sh, PLATFORM_TEST_POSTGRES for test.sh).
#
# Variables (all optional):
#   PLATFORM_PG_PORT  port of the private cluster (default 54329)
#   PLATFORM_PG_DIR   data directory (default <repo>/.data/pg)

PLATFORM_PG_PORT="${PLATFORM_PG_PORT:-54329}"
PLATFORM_PG_DIR="${PLATFORM_PG_DIR:-$REPO_ROOT/.data/pg}"
PLATFORM_PG_LOG="$PLATFORM_PG_DIR/../postgres-$PLATFORM_PG_PORT.log"
PLATFORM_PG_USER=platform
PLATFORM_PG_PASSWORD=platform

pg_bin_dir() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/initdb" ]; then echo "$dir"; fi
  done | sort -V | tail -n 1
}

pg_ensure_binaries() {
  PG_BIN="$(pg_bin_dir)"
  if [ -z "$PG_BIN" ]; then
    echo "==> PostgreSQL binaries not found; installing the 'postgresql' apt package"
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
    PG_BIN="$(pg_bin_dir)"
    if [ -z "$PG_BIN" ]; then
      echo "error: could not install PostgreSQL" >&2
      return 1
    fi
  fi
}

# Runs a PostgreSQL server binary as a non-root user: initdb and postgres refuse to run as root.
pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

pg_start() {
  pg_ensure_binaries || return 1
  mkdir -p "$PLATFORM_PG_DIR"
  if [ "$(id -u)" -eq 0 ]; then
    chown -R postgres:postgres "$PLATFORM_PG_DIR" "$(dirname "$PLATFORM_PG_DIR")"
    chmod 0700 "$PLATFORM_PG_DIR"
  fi
  if [ ! -f "$PLATFORM_PG_DIR/PG_VERSION" ]; then
    echo "==> Creating a private PostgreSQL cluster in $PLATFORM_PG_DIR"
    local pwfile
    pwfile="$(mktemp)"
    printf '%s\n' "$PLATFORM_PG_PASSWORD" >"$pwfile"
    chmod 0644 "$pwfile"
    pg_as_owner "$PG_BIN/initdb" -D "$PLATFORM_PG_DIR" -U "$PLATFORM_PG_USER" --pwfile="$pwfile" \
      --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
    rm -f "$pwfile"
  fi
  if pg_as_owner "$PG_BIN/pg_ctl" -D "$PLATFORM_PG_DIR" status >/dev/null 2>&1; then
    echo "==> PostgreSQL already running on 127.0.0.1:$PLATFORM_PG_PORT"
  else
    echo "==> Starting PostgreSQL on 127.0.0.1:$PLATFORM_PG_PORT"
    pg_as_owner "$PG_BIN/pg_ctl" -D "$PLATFORM_PG_DIR" -l "$PLATFORM_PG_LOG" -w -t 60 \
      -o "-p $PLATFORM_PG_PORT -c listen_addresses=127.0.0.1 -k /tmp -c max_connections=300 -c fsync=${PLATFORM_PG_FSYNC:-on}" \
      start >/dev/null
    PLATFORM_PG_STARTED_HERE=1
  fi
  pg_create_database platform
}

pg_create_database() {
  local db="$1"
  if ! PGPASSWORD="$PLATFORM_PG_PASSWORD" "$PG_BIN/psql" -h 127.0.0.1 -p "$PLATFORM_PG_PORT" -U "$PLATFORM_PG_USER" \
      -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1; then
    PGPASSWORD="$PLATFORM_PG_PASSWORD" "$PG_BIN/psql" -h 127.0.0.1 -p "$PLATFORM_PG_PORT" -U "$PLATFORM_PG_USER" \
      -d postgres -qc "CREATE DATABASE $db" >/dev/null
  fi
}

pg_stop() {
  if [ "${PLATFORM_PG_STARTED_HERE:-0}" = 1 ]; then
    echo "==> Stopping PostgreSQL"
    pg_as_owner "$PG_BIN/pg_ctl" -D "$PLATFORM_PG_DIR" -m fast -w stop >/dev/null || true
  fi
}

pg_connection_string() {
  local db="$1"
  echo "Host=127.0.0.1;Port=$PLATFORM_PG_PORT;Username=$PLATFORM_PG_USER;Password=$PLATFORM_PG_PASSWORD;Database=$db"
}
