#!/usr/bin/env bash
# Runs every benchmark side by side with the plain-SQL baseline and writes bench/results/<date>-<size>.{md,json}.
#
#   bench/run.sh [--size tiny|county|province] [--concurrency N] [--skip-idle]
#
# PostgreSQL: PLATFORM_TEST_POSTGRES (a role that may create databases) or ConnectionStrings__Platform
# (its server is used) when set; otherwise the private cluster of scripts/postgres.sh under .data/, on
# PLATFORM_PG_PORT (default 54329), started here and stopped at the end if it was not running.
# The databases bench_ours and bench_baseline are dropped and created afresh on every run.
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"

SIZE=county
CONCURRENCY=32
EXTRA=()
while [ $# -gt 0 ]; do
  case "$1" in
    --size) SIZE="$2"; shift 2 ;;
    --concurrency) CONCURRENCY="$2"; shift 2 ;;
    --skip-idle) EXTRA+=(--skip-idle); shift ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "unknown option: $1 (try --help)" >&2; exit 2 ;;
  esac
done
case "$SIZE" in tiny|county|province) ;; *) echo "--size must be tiny, county or province" >&2; exit 2 ;; esac
if ! [[ "$CONCURRENCY" =~ ^[1-9][0-9]*$ ]]; then echo "--concurrency must be a positive number" >&2; exit 2; fi

# shellcheck source=../scripts/postgres.sh
source "$REPO_ROOT/scripts/postgres.sh"
trap pg_stop EXIT

ADMIN="${PLATFORM_TEST_POSTGRES:-${ConnectionStrings__Platform:-}}"
if [ -z "$ADMIN" ]; then
  pg_start
  ADMIN="$(pg_connection_string postgres)"
fi

# Connection strings of the two databases: the admin one with its Database replaced.
with_database() {
  local cs="$1" db="$2"
  cs="$(printf '%s' "$cs" | sed -E 's/(^|;)[[:space:]]*(Database|Db)[[:space:]]*=[^;]*//I')"
  printf '%s;Database=%s' "${cs%;}" "$db"
}
OURS="$(with_database "$ADMIN" bench_ours)"
BASELINE="$(with_database "$ADMIN" bench_baseline)"

echo "==> Building (Release)"
dotnet build "$REPO_ROOT/OrleansPlatform.sln" -c Release -nologo -v quiet -clp:ErrorsOnly
SILO_DLL="$REPO_ROOT/src/OrleansPlatform.Silo/bin/Release/net10.0/OrleansPlatform.Silo.dll"
BENCH_DLL="$REPO_ROOT/bench/OrleansPlatform.Bench/bin/Release/net10.0/OrleansPlatform.Bench.dll"

echo "==> Fresh databases bench_ours and bench_baseline"
dotnet "$BENCH_DLL" reset-databases --ours "$OURS" --baseline "$BASELINE"
ConnectionStrings__Platform="$OURS" DOTNET_ENVIRONMENT=Production dotnet "$SILO_DLL" migrate >/dev/null

COMMIT="$(git -C "$REPO_ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [ -n "$(git -C "$REPO_ROOT" status --porcelain --untracked-files=no 2>/dev/null)" ]; then COMMIT="$COMMIT-dirty"; fi

echo "==> Benchmarks (size $SIZE, concurrency $CONCURRENCY)"
dotnet "$BENCH_DLL" --size "$SIZE" --concurrency "$CONCURRENCY" ${EXTRA[@]+"${EXTRA[@]}"} \
  --ours "$OURS" --baseline "$BASELINE" --silo-dll "$SILO_DLL" \
  --results "$REPO_ROOT/bench/results" --logs "$REPO_ROOT/.data/logs" --commit "$COMMIT"
