#!/usr/bin/env bash
# Read throughput of Proeftuin's public pages and API on SQLite with the demo data.
# Starts a Release build on 127.0.0.1 in a throwaway data folder, runs wrk against each URL
# (bounded: -d per URL), prints a Markdown table for docs/benchmarks.md, and stops the app.
#   bench/pages.sh [seconds-per-url]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECONDS_PER_URL="${1:-10}"
PORT=5081
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

DATA="$(mktemp -d)"
cleanup() { [[ -n "${APP_PID:-}" ]] && kill "$APP_PID" 2>/dev/null; wait 2>/dev/null; rm -rf "$DATA"; }
trap cleanup EXIT

dotnet publish "$ROOT/src/Proeftuin" -c Release -o "$DATA/app" --nologo -v quiet >/dev/null
(cd "$DATA/app" && ASPNETCORE_ENVIRONMENT=Benchmark App__DataDirectory="$DATA" Demo__Seed=true \
  App__PublicUrl="http://127.0.0.1:$PORT" RateLimits__ApiPerMinute=100000000 Logging__LogLevel__Default=Warning \
  exec dotnet Proeftuin.dll --urls "http://127.0.0.1:$PORT") >"$DATA/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.5; done

echo "| endpoint | req/s | p50 | p99 |"
echo "|---|---|---|---|"
for url in / /programmas/1 "/programmas/1?domein=zorg" /projecten/1 /api/v1/programmes/1 /api/v1/projects /api/v1/projects/1; do
  curl -fs -o /dev/null "http://127.0.0.1:$PORT$url"   # fail loudly on an error
  wrk -t2 -c64 -d6s "http://127.0.0.1:$PORT$url" >/dev/null   # warm up: JIT tiering (dynamic PGO), caches
  out="$(wrk -t2 -c64 -d"${SECONDS_PER_URL}s" --latency "http://127.0.0.1:$PORT$url")"
  rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  p50="$(awk '$1=="50%" {print $2}' <<<"$out")"
  p99="$(awk '$1=="99%" {print $2}' <<<"$out")"
  non2xx="$(awk '/Non-2xx/ {print " (" $NF " non-2xx)"}' <<<"$out")"
  echo "| GET $url | $rps$non2xx | $p50 | $p99 |"
done
