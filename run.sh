#!/usr/bin/env bash
# Starts the whole platform on 127.0.0.1 with demo data; Ctrl-C stops everything.
#
#   ./run.sh [--silos N] [--port P] [--no-seed]
#
# Without ConnectionStrings__Platform in the environment, a private PostgreSQL is created under
# .data/pg (installing the postgresql apt package if needed) and kept between runs.
# Variables: PLATFORM_SILOS (default 2), PLATFORM_HTTP_PORT (default 8080), PLATFORM_PG_PORT (54329).
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$REPO_ROOT"

SILOS="${PLATFORM_SILOS:-2}"
HTTP_PORT="${PLATFORM_HTTP_PORT:-8080}"
SEED=1
while [ $# -gt 0 ]; do
  case "$1" in
    --silos) SILOS="$2"; shift 2 ;;
    --port) HTTP_PORT="$2"; shift 2 ;;
    --no-seed) SEED=0; shift ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (try --help)" >&2; exit 2 ;;
  esac
done
if ! [[ "$SILOS" =~ ^[1-9][0-9]*$ ]]; then echo "--silos must be a positive number" >&2; exit 2; fi

# shellcheck source=scripts/postgres.sh
source "$REPO_ROOT/scripts/postgres.sh"

PIDS=()
cleanup() {
  trap - INT TERM EXIT
  echo
  echo "==> Stopping"
  for ((i=${#PIDS[@]}-1; i>=0; i--)); do kill -TERM "${PIDS[$i]}" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  pg_stop
}
trap cleanup EXIT
trap 'cleanup; exit 0' INT TERM

if [ -z "${ConnectionStrings__Platform:-}" ]; then
  pg_start
  export ConnectionStrings__Platform="$(pg_connection_string platform)"
else
  echo "==> Using the database from ConnectionStrings__Platform"
fi
export DOTNET_ENVIRONMENT="${DOTNET_ENVIRONMENT:-Development}"
if [ -z "${Auth__SigningKey:-}" ]; then
  # A random token-signing key of this installation, kept under the ignored .data folder (never in git).
  KEY_FILE="$REPO_ROOT/.data/signing-key"
  if [ ! -s "$KEY_FILE" ]; then
    mkdir -p "$REPO_ROOT/.data"
    (umask 077; head -c 48 /dev/urandom | base64 -w0 >"$KEY_FILE")
  fi
  export Auth__SigningKey="$(cat "$KEY_FILE")"
fi

echo "==> Building"
dotnet build "$REPO_ROOT/OrleansPlatform.sln" -c Release -nologo -v quiet -clp:ErrorsOnly
BIN_SILO="$REPO_ROOT/src/OrleansPlatform.Silo/bin/Release/net10.0/OrleansPlatform.Silo.dll"
BIN_GATEWAY="$REPO_ROOT/src/OrleansPlatform.Gateway/bin/Release/net10.0/OrleansPlatform.Gateway.dll"

echo "==> Migrating the database"
dotnet "$BIN_SILO" migrate

LOGS="$REPO_ROOT/.data/logs"
mkdir -p "$LOGS"
for ((i=0; i<SILOS; i++)); do
  echo "==> Starting silo $((i+1))/$SILOS (silo port $((11111+i)), gateway port $((30000+i))); log: .data/logs/silo-$((i+1)).log"
  dotnet "$BIN_SILO" --silo-port $((11111+i)) --gateway-port $((30000+i)) >"$LOGS/silo-$((i+1)).log" 2>&1 &
  PIDS+=($!)
done

echo "==> Starting the gateway on http://127.0.0.1:$HTTP_PORT; log: .data/logs/gateway.log"
dotnet "$BIN_GATEWAY" --urls "http://127.0.0.1:$HTTP_PORT" >"$LOGS/gateway.log" 2>&1 &
PIDS+=($!)

for _ in $(seq 1 120); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$HTTP_PORT") 2>/dev/null; then break; fi
  for pid in "${PIDS[@]}"; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "a process exited during start-up; see .data/logs/" >&2; exit 1; fi
  done
  sleep 0.5
done

if [ "$SEED" = 1 ]; then
  echo "==> Seeding demo data"
  dotnet "$BIN_SILO" seed-demo
fi

cat <<MSG

OrleansPlatform is running with $SILOS silo(s).
  Sign in: curl -s -X POST http://127.0.0.1:$HTTP_PORT/api/v1/auth/token -H 'Content-Type: application/json' \\
             -d '{"login":"demo-province-admin","password":"<printed above>"}'
  API:     http://127.0.0.1:$HTTP_PORT/api/v1/areas/610204100201  (Authorization: Bearer <accessToken>)
  Docs:    http://127.0.0.1:$HTTP_PORT/docs
  Health:  http://127.0.0.1:$HTTP_PORT/health/ready
Press Ctrl-C to stop.
MSG
wait -n "${PIDS[@]}" || true
echo "a process stopped unexpectedly; see .data/logs/" >&2
exit 1
