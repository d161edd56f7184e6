#!/usr/bin/env bash
# Live-session load: one running session with 100 / 300 / 1,000 participants connected over WebSockets,
# a few writers adding 10 notes per second overall for a bounded time; measures, per note, the time from its
# submission to its arrival at every other screen, lost notes, and the time to join everyone. Runs on one
# node, and on two nodes that share a SQLite file and a Redis backplane (screens split over the nodes).
# Release build, 127.0.0.1 only, throwaway data folder and Redis; prints a Markdown table for docs/benchmarks.md.
#
#   bench/sessions.sh [seconds] ["clients..."] ["nodes..."] [notes|enter]
#   e.g. bench/sessions.sh 20 "100 300 1000" "1 2" notes
#
# "enter" measures only the round trip of the hub's Enter (for a build without AddNote).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECONDS_OF_LOAD="${1:-20}"
CLIENTS="${2:-100 300 1000}"
NODES="${3:-1 2}"
MODE="${4:-notes}"
PORT_A=5090
PORT_B=5091
REDIS_PORT=56391
WRITERS=20   # 10 notes/s for 20 s from 20 writers stays under the 20 notes per participant per minute
RATE=10

command -v redis-server >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null; }
ulimit -n 65536 2>/dev/null || ulimit -n 4096 2>/dev/null || true

DATA="$(mktemp -d)"
PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  [[ -s "$DATA/redis.pid" ]] && kill "$(cat "$DATA/redis.pid")" 2>/dev/null
  wait 2>/dev/null
  rm -rf "$DATA"
}
trap cleanup EXIT

echo "Building (Release)…" >&2
dotnet publish "$ROOT/src/Proeftuin" -c Release -o "$DATA/app" --nologo -v quiet >"$DATA/build.log" 2>&1 || { cat "$DATA/build.log" >&2; exit 1; }
dotnet build "$ROOT/bench/sessions/SessionLoad" -c Release -o "$DATA/load" --nologo -v quiet >"$DATA/build.log" 2>&1 || { cat "$DATA/build.log" >&2; exit 1; }

redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no --daemonize yes \
  --pidfile "$DATA/redis.pid" --dir "$DATA" --logfile "$DATA/redis.log"

# start_node PORT DATADIR [redis] : a Release app on 127.0.0.1:PORT; waits until /health answers.
start_node() {
  local port=$1 dir=$2 redis=${3:-}
  (cd "$DATA/app" && ASPNETCORE_ENVIRONMENT=Benchmark App__DataDirectory="$dir" Demo__Seed=true \
    App__PublicUrl="http://127.0.0.1:$port" Logging__LogLevel__Default=Warning \
    Redis__Configuration="$redis" Redis__ChannelPrefix="bench-sessions-$$" \
    exec dotnet Proeftuin.dll --urls "http://127.0.0.1:$port") >"$DATA/node-$port.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/health" >/dev/null && return 0; sleep 0.5; done
  echo "node on port $port did not start; its log:" >&2; cat "$DATA/node-$port.log" >&2; return 1
}

stop_nodes() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  PIDS=()
}

echo "Machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before the runs; commit $(git -C "$ROOT" rev-parse --short HEAD)" >&2
dotnet "$DATA/load/SessionLoad.dll" --header
status=0
for nodes in $NODES; do
  dir="$DATA/db-$nodes"
  mkdir -p "$dir"
  if [[ "$nodes" == 1 ]]; then
    start_node "$PORT_A" "$dir"
    urls="http://127.0.0.1:$PORT_A"
  else
    # The first node migrates and seeds the shared file before the second one starts.
    start_node "$PORT_A" "$dir" "127.0.0.1:$REDIS_PORT"
    start_node "$PORT_B" "$dir" "127.0.0.1:$REDIS_PORT"
    urls="http://127.0.0.1:$PORT_A,http://127.0.0.1:$PORT_B"
  fi
  # Warm up (JIT tiering, connection pools); its figures are not printed.
  dotnet "$DATA/load/SessionLoad.dll" --db "$dir/proeftuin.db" --urls "$urls" --clients 20 --writers 10 --rate "$RATE" \
    --seconds 3 --mode "$MODE" >/dev/null 2>&1 || true
  for clients in $CLIENTS; do
    echo "-- $nodes node(s), $clients clients, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
    dotnet "$DATA/load/SessionLoad.dll" --db "$dir/proeftuin.db" --urls "$urls" --clients "$clients" \
      --writers "$WRITERS" --rate "$RATE" --seconds "$SECONDS_OF_LOAD" --mode "$MODE" || status=1
  done
  stop_nodes
done
exit "$status"
