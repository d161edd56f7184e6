#!/usr/bin/env bash
# Read throughput of the story and thread pages with a large project: 1,000 extra signified stories,
# 200 insights and 1,000 links added to "Samen tegen eenzaamheid in de wijk" (project 1) on top of the
# demo data. Starts a Release build on 127.0.0.1 in a throwaway data folder, seeds with sqlite3,
# runs wrk per URL (bounded: -d per URL), prints a Markdown table for docs/benchmarks.md, stops the app.
#   bench/thread.sh [seconds-per-url] [stories]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECONDS_PER_URL="${1:-10}"
STORIES="${2:-1000}"
PORT=5082
for tool in wrk sqlite3; do
  command -v "$tool" >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$tool" >/dev/null; }
done

DATA="$(mktemp -d)"
cleanup() { [[ -n "${APP_PID:-}" ]] && kill "$APP_PID" 2>/dev/null; wait 2>/dev/null; rm -rf "$DATA"; }
trap cleanup EXIT

dotnet publish "$ROOT/src/Proeftuin" -c Release -o "$DATA/app" --nologo -v quiet >/dev/null
(cd "$DATA/app" && ASPNETCORE_ENVIRONMENT=Benchmark App__DataDirectory="$DATA" Demo__Seed=true \
  App__PublicUrl="http://127.0.0.1:$PORT" RateLimits__ApiPerMinute=100000000 Logging__LogLevel__Default=Warning \
  exec dotnet Proeftuin.dll --urls "http://127.0.0.1:$PORT") >"$DATA/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.5; done

# Stories in every consent scope and knowledge source, each signified on the default framework;
# every tenth mentions "eenzaamheid". Insights, each backed by five stories.
sqlite3 "$DATA/proeftuin.db" <<SQL
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $STORIES),
v AS (SELECT i, (i * 37 % 90 + 5) / 100.0 AS top, (i * 53 % 80 + 10) / 100.0 AS b FROM n)
INSERT INTO Items (ProjectId, Kind, Title, Text, Html, KnowledgeSource, Phase, CreatedAt, UpdatedAt, SearchTerms,
  PromptId, Scope, MayQuote, NotifyByEmail, ConsentAt, FrameworkVersion, SignificationJson, SignifiedAt)
SELECT 1, 0, 'Verhaal ' || i,
  CASE WHEN i % 10 = 0 THEN 'Over eenzaamheid op zondag, verhaal ' || i ELSE 'Over de buurt en de markt, verhaal ' || i END,
  '<p>Verhaal ' || i || '</p>', i % 3, 0, datetime('now', '-' || i || ' hours'), datetime('now', '-' || i || ' hours'),
  CASE WHEN i % 10 = 0 THEN ' verhal over eenzam op zondag ' ELSE ' verhal over de buurt en markt ' END,
  1 + i % 2, i % 3, 1, 0, datetime('now', '-' || i || ' hours'), 0,
  '{"answers":{"hulp":{"na":false,"x":' || ((1 - top) * (1 - b) + top / 2) || ',"y":' || top || ',"top":' || top ||
  ',"left":' || ((1 - top) * b) || ',"right":' || ((1 - top) * (1 - b)) || '},"regie":{"na":false,"x":' || b ||
  '},"gevoel":{"na":false,"choices":["' || CASE i % 3 WHEN 0 THEN 'zorgen' WHEN 1 THEN 'vertrouwen' ELSE 'allebei' END || '"]}}}',
  datetime('now', '-' || i || ' hours')
FROM v;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200)
INSERT INTO Items (ProjectId, Kind, Title, Text, Html, KnowledgeSource, Phase, CreatedAt, UpdatedAt, SearchTerms)
SELECT 1, 1, 'Inzicht ' || i, 'Wat we zagen in de verhalen, ' || i, '<p>Wat we zagen</p>', i % 3, 0, datetime('now'), datetime('now'), ' inzicht wat we zag in de verhal '
FROM n;
INSERT INTO Links (ProjectId, FromId, ToId, Type, CreatedAt)
SELECT 1, s.Id, i.Id, 0, datetime('now')
FROM (SELECT Id, ROW_NUMBER() OVER (ORDER BY Id) AS r FROM Items WHERE Kind = 0 AND Title LIKE 'Verhaal %') s
JOIN (SELECT Id, ROW_NUMBER() OVER (ORDER BY Id) AS r FROM Items WHERE Kind = 1 AND Title LIKE 'Inzicht %') i ON i.r = (s.r - 1) / 5 + 1;
SQL
STORY=$(sqlite3 "$DATA/proeftuin.db" "SELECT MIN(Id) FROM Items WHERE Title = 'Verhaal 4'")
INSIGHT=$(sqlite3 "$DATA/proeftuin.db" "SELECT MIN(Id) FROM Items WHERE Title = 'Inzicht 1'")
QUESTION=$(sqlite3 "$DATA/proeftuin.db" "SELECT MIN(Id) FROM Items WHERE Kind = 6 AND ProjectId = 1")

echo "| endpoint ($STORIES extra stories) | req/s | p50 | p99 |"
echo "|---|---|---|---|"
for url in /projecten/1 /projecten/1/verhalen /projecten/1/analyse "/projecten/1/zoeken?q=eenzaam" /projecten/1/draad \
  "/verhalen/$STORY" "/draad/$INSIGHT" "/draad/$QUESTION/spoor" /api/v1/projects/1/stories "/api/v1/items/$QUESTION/trace"; do
  curl -fs -o /dev/null "http://127.0.0.1:$PORT$url"   # fail loudly on an error
  wrk -t2 -c32 -d5s "http://127.0.0.1:$PORT$url" >/dev/null   # warm up: JIT tiering (dynamic PGO), caches
  out="$(wrk -t2 -c32 -d"${SECONDS_PER_URL}s" --latency "http://127.0.0.1:$PORT$url")"
  rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  p50="$(awk '$1=="50%" {print $2}' <<<"$out")"
  p99="$(awk '$1=="99%" {print $2}' <<<"$out")"
  non2xx="$(awk '/Non-2xx/ {print " (" $NF " non-2xx)"}' <<<"$out")"
  echo "| GET $url | $rps$non2xx | $p50 | $p99 |"
done
