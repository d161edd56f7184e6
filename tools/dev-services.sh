#!/usr/bin/env bash
# Developer services for running the PostgreSQL suite by hand: the same PostgreSQL (127.0.0.1:55432)
# and Redis (127.0.0.1:56379) that test.sh starts, kept in /tmp/proeftuin-services.
#
#   tools/dev-services.sh start    start both (a fresh cluster) and print the variables to export
#   tools/dev-services.sh stop     stop both and remove the folder (and every test database in it)
#   tools/dev-services.sh status   say whether they are running
#   tools/dev-services.sh env      print the variables to export again
#
# Then, e.g.:  eval "$(tools/dev-services.sh env)"; dotnet test tests/Proeftuin.Tests
# Stop them before running ./test.sh: it starts its own on the same ports.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=tools/services.sh
source "$HERE/services.sh"

DIR=/tmp/proeftuin-services

running() {
  local pid
  [ -f "$DIR/pg/data/postmaster.pid" ] || return 1
  pid=$(head -1 "$DIR/pg/data/postmaster.pid")
  kill -0 "$pid" 2>/dev/null || return 1
  [ -s "$DIR/redis.pid" ] && kill -0 "$(cat "$DIR/redis.pid")" 2>/dev/null
}

print_env() {
  echo "# PostgreSQL suite (unset PROEFTUIN_TEST_DB and PROEFTUIN_TEST_PG for the SQLite suite):"
  services_env
}

case "${1:-}" in
  start)
    if running; then
      echo "Already running in $DIR." >&2
    else
      services_stop "$DIR"   # whatever is left of an earlier, half-stopped start
      rm -rf "$DIR"
      services_ensure_packages postgresql redis-server
      mkdir -p "$DIR"
      if ! services_start "$DIR"; then
        services_stop "$DIR"
        exit 1
      fi
    fi
    print_env
    ;;
  stop)
    services_stop "$DIR"
    rm -rf "$DIR"
    echo "Stopped; removed $DIR." >&2
    ;;
  status)
    if running; then echo "running in $DIR"; else echo "not running"; exit 1; fi
    ;;
  env)
    print_env
    ;;
  *)
    sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
    ;;
esac
