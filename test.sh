#!/usr/bin/env bash
# Runs every test in the solution against PostgreSQL.
#
#   ./test.sh [extra dotnet test arguments]
#
# Without PLATFORM_TEST_POSTGRES in the environment, the private PostgreSQL under .data/pg is
# created or started (installing the postgresql apt package if needed); each test fixture creates
# and drops a database of its own there.
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$REPO_ROOT"

# shellcheck source=scripts/postgres.sh
source "$REPO_ROOT/scripts/postgres.sh"
trap pg_stop EXIT

if [ -z "${PLATFORM_TEST_POSTGRES:-}" ]; then
  pg_start
  export PLATFORM_TEST_POSTGRES="$(pg_connection_string postgres)"
fi

dotnet test "$REPO_ROOT/OrleansPlatform.sln" -nologo "$@"
