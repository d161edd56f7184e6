#!/usr/bin/env bash
# The benchmark run: every scenario of issue 11 in one go, as ratios to a bare ASP.NET Core app measured in the same
# run on the same machine. Builds Release (dotnet publish into a throwaway folder), starts the bare plaintext app
# (bench/plaintext) and Proeftuin on 127.0.0.1 only, fills each database with the scale data (`seed-scale`), warms up
# every scenario before measuring it (JIT tiering makes cold figures swing 2x), runs wrk for a bounded time, and prints
# a Markdown section (machine, commit, date, table). A full run also records that section in docs/benchmarks.md.
#
#   bench/run.sh                    full run: 10 s per scenario after 5 s warm-up, 10,000 and 100,000 stories
#   bench/run.sh --quick            3 s per scenario after 2 s warm-up, 1,000 and 10,000 stories; prints only
#   options: --seconds N --warmup N --connections N --scales "10000 100000" --record FILE | --no-record
#            --live "300 1000"      live broadcast: that many screens on one session, Proeftuin and bench/relay (a
#                                   SignalR hub that only relays) driven by bench/sessions/SessionLoad in the same run;
#                                   on by default in a full run, "" turns it off
#            --pg-port PORT         PostgreSQL on 127.0.0.1:PORT (user postgres, trust) instead of SQLite for the
#                                   scenarios (a database per scale, dropped afterwards); cold start stays on SQLite
#
# Scenarios: anonymous pages (home, programme, project, a news item, story list); the project page signed in as its
# facilitator (signed in by posting the sign-in form; wrk gets the cookie with -H); the API lists; search over the
# scale data (a rotating list of queries, bench/wrk/search.lua); cold start of the published app (SQLite, migrated)
# to its first page; and growth: every scenario again at the larger scale. Bytes per page: bench/pageweight.py.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SECONDS_PER=10
WARMUP=5
CONNECTIONS=64
THREADS=2
SCALES="10000 100000"
RECORD="$ROOT/docs/benchmarks.md"
QUICK=0
PG_PORT=""
LIVE="300 1000"
PLAIN_PORT=5180
RELAY_PORT=5182
APP_PORT=5181

while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) QUICK=1; SECONDS_PER=3; WARMUP=2; SCALES="1000 10000"; RECORD=""; LIVE=""; shift ;;
    --live) LIVE="$2"; shift 2 ;;
    --seconds) SECONDS_PER="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --scales) SCALES="$2"; shift 2 ;;
    --record) RECORD="$2"; shift 2 ;;
    --no-record) RECORD=""; shift ;;
    --pg-port) PG_PORT="$2"; shift 2 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "bench/run.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done
read -r -a SCALE_LIST <<<"$SCALES"
(( ${#SCALE_LIST[@]} >= 1 )) || { echo "bench/run.sh: --scales needs at least one number" >&2; exit 2; }

for tool in wrk curl python3; do
  command -v "$tool" >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$tool" >/dev/null; }
done
ulimit -n 65536 2>/dev/null || true

WORK="$(mktemp -d)"
APP_PID=""
PG_DBS=()
cleanup() {
  [[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
  local db
  for db in "${PG_DBS[@]}"; do psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" postgres >/dev/null 2>&1 || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT
log() { echo "[bench] $*" >&2; }

log "building Release into a throwaway folder"
dotnet publish "$ROOT/bench/plaintext" -c Release -o "$WORK/plain" --nologo -v quiet >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 1; }
dotnet publish "$ROOT/src/Proeftuin" -c Release -o "$WORK/app" --nologo -v quiet >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 1; }
if [[ -n "$LIVE" ]]; then
  dotnet publish "$ROOT/bench/relay" -c Release -o "$WORK/relay" --nologo -v quiet >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 1; }
  dotnet build "$ROOT/bench/sessions/SessionLoad" -c Release -o "$WORK/load" --nologo -v quiet >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log" >&2; exit 1; }
fi
cat "$ROOT/bench/wrk/report.lua" >"$WORK/report.lua"
cat "$ROOT/bench/wrk/report.lua" "$ROOT/bench/wrk/search.lua" >"$WORK/search.lua"

wait_for() { # URL [tries of 20 ms]: until it answers 200
  local i
  for ((i = 0; i < ${2:-1500}; i++)); do
    [[ "$(curl -s -o /dev/null -w '%{http_code}' "$1" || true)" == 200 ]] && return 0
    sleep 0.02
  done
  return 1
}

# app_env DATADIR DB : the environment Proeftuin runs with in every step
app_env() {
  local env=(ASPNETCORE_ENVIRONMENT=Benchmark App__DataDirectory="$1" Demo__Seed=true App__PublicUrl="http://127.0.0.1:$APP_PORT"
    RateLimits__ApiPerMinute=100000000 RateLimits__SignInPerMinute=1000)
  [[ -n "$2" ]] && env+=(Database__Provider=postgres "ConnectionStrings__Proeftuin=Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$2")
  printf '%s\n' "${env[@]}"
}

start_app() { # DATADIR DB
  mapfile -t envs < <(app_env "$1" "$2")
  (cd "$WORK/app" && exec env "${envs[@]}" dotnet Proeftuin.dll --urls "http://127.0.0.1:$APP_PORT") >>"$1/app.log" 2>&1 &
  APP_PID=$!
}

stop_app() {
  [[ -n "$APP_PID" ]] && { kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; }
  APP_PID=""
}

# measure NAME URL [COOKIE] [SCRIPT] : warm-up, then a bounded measured run; prints "rps p50 p95 p99 non2xx errors"
measure() {
  local url="$2" cookie="${3:-}" script="${4:-$WORK/report.lua}" connections="${5:-$CONNECTIONS}" headers=()
  local threads=$(( connections < THREADS ? connections : THREADS ))
  local warmup="$WARMUP"
  # A signed-in page is the only one of its kind in the run: its code (cookie, antiforgery, per-reader queries) is still
  # being recompiled by the JIT's tiers after 5 s under load. Measured on the project page: 834 req/s in the 10 s after a
  # 5 s warm-up, then 1,817 and 1,895 in the next two rounds. So it warms three times as long.
  [[ -n "$cookie" ]] && { headers=(-H "Cookie: $cookie"); warmup=$(( WARMUP * 3 )); }
  wrk -t"$threads" -c"$connections" -d"${warmup}s" "${headers[@]}" -s "$script" "$url" >/dev/null 2>&1 || true
  local out
  out="$(wrk -t"$threads" -c"$connections" -d"${SECONDS_PER}s" --timeout 5s "${headers[@]}" -s "$script" "$url" 2>&1)"
  local line
  line="$(grep '^BENCH ' <<<"$out" || true)"
  [[ -n "$line" ]] || { log "wrk gave no result for $1: $out"; echo "0 0 0 0 0 1"; return; }
  sed -E 's/BENCH rps=([^ ]+) p50=([^ ]+) p95=([^ ]+) p99=([^ ]+) non2xx=([^ ]+) errors=([^ ]+).*/\1 \2 \3 \4 \5 \6/' <<<"$line"
}

sign_in() { # e-mail password -> cookie header value
  local jar="$WORK/jar" token
  rm -f "$jar"
  token="$(curl -s -c "$jar" "http://127.0.0.1:$APP_PORT/inloggen" | grep -oP 'name="__RequestVerificationToken"[^>]*value="\K[^"]+' | tail -1)"
  local code
  code="$(curl -s -b "$jar" -c "$jar" -o /dev/null -w '%{http_code}' \
    --data-urlencode "Input.Email=$1" --data-urlencode "Input.Password=$2" --data-urlencode "__RequestVerificationToken=$token" \
    "http://127.0.0.1:$APP_PORT/inloggen")"
  [[ "$code" == 302 ]] || { log "sign-in of $1 answered $code"; return 1; }
  awk -F'\t' 'NF >= 7 { printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar"
}

# Scenarios: name | path | who (anon / facilitator / resident) | kind (page / api / search) | connections (default --connections)
SCENARIOS=(
  "home|/|anon|page"
  "programme|/programmas/1|anon|page"
  "project|/projecten/1|anon|page"
  "news item|/nieuws/1|anon|page"
  "story list|/projecten/1/verhalen|anon|page"
  "project, facilitator|/projecten/1|facilitator|page"
  "API projects|/api/v1/projects|anon|api"
  "API stories|/api/v1/projects/1/stories|anon|api"
  "search|/projecten/1/zoeken?q=|anon|search"
  # One person searching alone: the wait a searcher has when the machine is not already saturated by 64 others.
  "search, one person|/projecten/1/zoeken?q=|anon|search|1"
  # Issue 12: the dashboard and the trace of the prototype with 100 proeven (seed-scale makes it; {trace} is its id).
  "dashboard|/projecten/1/overzicht|anon|page"
  "API dashboard|/api/v1/projects/1/dashboard|anon|api"
  # Issue 14: the programme dashboard over seed-scale's items (twelve months grouped in the database, per series), signed
  # in past the page cache, and from the API.
  "programme dashboard|/programmas/1/overzicht|facilitator|page"
  "API programme dashboard|/api/v1/programmes/1/dashboard|anon|api"
  "trace, 100 proeven|/draad/{trace}/spoor|anon|page"
  # The participant's feedback form on a phone: seed-scale opens one at a fixed link.
  "feedback form, participant|/f/proeftuin-bench-feedback-form-0000000000000|anon|page"
  # Issue 13: the learning agenda of project 1 (seed-scale adds questions with evidence), as a page and from the API.
  "learning agenda|/projecten/1/leeragenda|anon|page"
  "API learning agenda|/api/v1/projects/1/learning-agenda|anon|api"
  # Issue 13: the werkvormen library (the seven built-in cards and the demo's own) as a page and from the API.
  "werkvormen library|/werkvormen|anon|page"
  "API method cards|/api/v1/method-cards|anon|api"
  # Issue 13: the innovatiereis of project 1 (100 proeven, their decisions and the phases on one timeline).
  "innovatiereis|/projecten/1/innovatiereis|anon|page"
  # Issue 13: the lessenbibliotheek over seed-scale's 10,000 lessons: the rotating queries (search.lua), as a page with
  # its facets and from the API, and one person searching alone.
  "lesson search|/lessen?q=|anon|search"
  "API lesson search|/api/v1/lessons?q=|anon|search"
  "lesson search, one person|/lessen?q=|anon|search|1"
  # Signed in, past the page cache: what the full-text search itself costs over the 10,000 lessons (with the reader's
  # own projects' team lessons).
  "lesson search, facilitator|/lessen?q=|facilitator|search"
  # Issue 13: the reflections of project 1, and the demo's closed reflection as its team reads it (answers, all three
  # kennisbronnen; {reflection} is its id).
  "reflections|/projecten/1/reflecties|anon|page"
  "reflection, facilitator|/reflecties/{reflection}|facilitator|page"
  # Issue 13: the review board of project 1 as its facilitator reads it (the agenda, 100 proeven's decisions, the gates,
  # the lessons and the review advice on one page; signed in: the board is for the project's members).
  "review board, facilitator|/projecten/1/review|facilitator|page"
  # Issue 14: the moderation queue as the demo facilitator reads it (the demo's reported reactie; every other page above
  # now also leaves hidden contributions out through the moderation query filter).
  "moderation queue, facilitator|/moderatie|facilitator|page"
  # Issue 14: activities: the list, the demo's full walk (activity 1, with its waiting list) as a guest sees it, the API
  # list and the project's calendar feed (Ical.Net writes it on every request).
  "activities|/activiteiten|anon|page"
  "activity|/activiteiten/1|anon|page"
  "API activities|/api/v1/activities|anon|api"
  "calendar feed|/projecten/1/activiteiten.ics|anon|api"
  # Issue 14: the initiatives (list with progress, the demo's one short of its threshold as a signed-in resident reads it,
  # with the pledge form and pledges by kennisbron) and the API list.
  "initiatives|/initiatieven|anon|page"
  "initiative, facilitator|/initiatieven/1|facilitator|page"
  "follows, resident|/volgen|resident|page"
  "API initiatives|/api/v1/initiatives|anon|api"
  # Issue 14: vraag en aanbod (the list with each one's match count, and the demo's busje with its match as the signed-in
  # facilitator reads it, with the message and "Past bij…" forms).
  "offers|/vraag-en-aanbod|anon|page"
  "offer, facilitator|/vraag-en-aanbod/1|facilitator|page"
)

COMMIT="$(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- src bench 2>/dev/null || echo '+local changes')"
DATE="$(date -u '+%Y-%m-%d %H:%M UTC')"
CPU="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
MACHINE="$(nproc) cores ($CPU), $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(. /etc/os-release && echo "$PRETTY_NAME"), .NET SDK $(dotnet --version), wrk $({ wrk -v 2>&1 || true; } | head -1 | awk '{print $2}')"
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"

# 1. The yardstick.
log "plaintext app"
(cd "$WORK/plain" && exec dotnet Plaintext.dll --urls "http://127.0.0.1:$PLAIN_PORT") >"$WORK/plain.log" 2>&1 &
PLAIN_PID=$!
wait_for "http://127.0.0.1:$PLAIN_PORT/plaintext" || { log "plaintext app did not start"; cat "$WORK/plain.log" >&2; exit 1; }
read -r PLAIN_RPS PLAIN_P50 PLAIN_P95 PLAIN_P99 _ _ < <(measure plaintext "http://127.0.0.1:$PLAIN_PORT/plaintext")
kill "$PLAIN_PID"; wait "$PLAIN_PID" 2>/dev/null || true
log "plaintext: $PLAIN_RPS req/s"

declare -A RPS P50 P95 P99 BAD FIRST REPEAT SEED
COLD_MS=""
LIVE_ROWS=""
for scale in "${SCALE_LIST[@]}"; do
  dir="$WORK/data-$scale"
  mkdir -p "$dir"
  db=""
  if [[ -n "$PG_PORT" ]]; then db="proeftuin_bench_${scale}_$$"; PG_DBS+=("$db"); fi
  log "seed-scale --stories $scale"
  mapfile -t envs < <(app_env "$dir" "$db")
  start_seed=$(date +%s%N)
  (cd "$WORK/app" && env "${envs[@]}" dotnet Proeftuin.dll seed-scale --stories "$scale") >"$dir/seed.log" 2>&1 || { cat "$dir/seed.log" >&2; exit 1; }
  SEED[$scale]="$(( ($(date +%s%N) - start_seed) / 1000000 ))"
  log "$(tail -1 "$dir/seed.log")"

  # Cold start: the published app on the migrated SQLite file of the first scale, from process start to the first page.
  if [[ -z "$COLD_MS" ]]; then
    cold_dir="$WORK/cold"
    mkdir -p "$cold_dir"
    cp "$WORK/data-${SCALE_LIST[0]}/proeftuin.db" "$cold_dir/" 2>/dev/null || true
    if [[ -f "$cold_dir/proeftuin.db" ]]; then
      start=$(date +%s%N)
      start_app "$cold_dir" ""
      wait_for "http://127.0.0.1:$APP_PORT/" 3000 || { log "app did not start"; cat "$cold_dir/app.log" >&2; exit 1; }
      COLD_MS="$(( ($(date +%s%N) - start) / 1000000 ))"
      stop_app
    fi
  fi

  start_app "$dir" "$db"
  wait_for "http://127.0.0.1:$APP_PORT/health" 3000 || { log "app did not start"; cat "$dir/app.log" >&2; exit 1; }
  # The newest prototype of project 1 is seed-scale's one with 100 proeven: the dashboard API names it.
  TRACE_ID="$(curl -s "http://127.0.0.1:$APP_PORT/api/v1/projects/1/dashboard" | python3 -c 'import json, sys
d = json.load(sys.stdin)
print(next(i["id"] for p in d["phases"] for k in p["kinds"] if k["kind"] == "Prototype" for i in k["latest"]))' 2>/dev/null || echo 0)"
  log "trace of prototype $TRACE_ID"
  # The demo's closed reflection is the last one on project 1's list.
  REFLECTION_ID="$(curl -s "http://127.0.0.1:$APP_PORT/projecten/1/reflecties" | grep -oP 'href="/reflecties/\K[0-9]+' | tail -1 || echo 0)"
  for s in "${SCENARIOS[@]}"; do
    IFS='|' read -r name path who kind conns <<<"$s"
    path="${path//\{trace\}/$TRACE_ID}"
    path="${path//\{reflection\}/$REFLECTION_ID}"
    # Signed in right before the scenario: the cookie's security stamp is checked once a minute, and a browser then
    # takes the renewed cookie; wrk would keep sending the first one and check the stamp on every request after that.
    cookie=""; [[ "$who" == facilitator ]] && cookie="$(sign_in procesbegeleider@proeftuin.demo proeftuin-demo)"
    [[ "$who" == resident ]] && cookie="$(sign_in inwoner@proeftuin.demo proeftuin-demo)"
    url="http://127.0.0.1:$APP_PORT$path"
    script="$WORK/report.lua"
    if [[ "$kind" == search ]]; then
      script="$WORK/search-$scale.lua"
      { echo "PATH_PREFIX = \"$path\""; cat "$WORK/search.lua"; } >"$script"
      url="http://127.0.0.1:$APP_PORT/"
      probe="$url${path#/}eenzaam"
    else
      probe="$url"
    fi
    status="$(curl -s -o /dev/null -w '%{http_code}' ${cookie:+-H "Cookie: $cookie"} "$probe")"
    [[ "$status" == 200 ]] || log "warning: $name ($probe) answered $status"
    log "$scale stories: $name"
    read -r r a b c bad errs < <(measure "$name" "$url" "$cookie" "$script" "${conns:-$CONNECTIONS}")
    key="$scale|$name"
    RPS[$key]=$r; P50[$key]=$a; P95[$key]=$b; P99[$key]=$c; BAD[$key]=$(( bad + errs ))
    if [[ "$scale" == "${SCALE_LIST[0]}" && "$kind" != api ]]; then
      weight_path="$path"; [[ "$kind" == search ]] && weight_path="${path}eenzaam"
      read -r fb fr rb rr < <(python3 "$ROOT/bench/pageweight.py" "http://127.0.0.1:$APP_PORT" "$weight_path" "$cookie" || echo "0 0 0 0")
      FIRST[$name]="$(awk -v b="$fb" 'BEGIN {printf "%.1f KB", b / 1024}') ($fr req)"
      REPEAT[$name]="$(awk -v b="$rb" 'BEGIN {printf "%.1f KB", b / 1024}') ($rr req)"
    fi
  done
  # Live broadcast at the first scale: the same client against Proeftuin (every note stored before it is sent) and
  # against the pure relay, one after the other, each alone on the machine with the client.
  if [[ -n "$LIVE" && "$scale" == "${SCALE_LIST[0]}" ]]; then
    target=(--db "$dir/proeftuin.db")
    [[ -n "$db" ]] && target=(--pg "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$db")
    dotnet "$WORK/load/SessionLoad.dll" "${target[@]}" --urls "http://127.0.0.1:$APP_PORT" --clients 20 --writers 10 --seconds "$WARMUP" >/dev/null 2>&1 || true
    for n in $LIVE; do
      log "live broadcast, Proeftuin, $n screens"
      row="$(dotnet "$WORK/load/SessionLoad.dll" "${target[@]}" --urls "http://127.0.0.1:$APP_PORT" --clients "$n" --writers 20 --rate 10 --seconds "$SECONDS_PER" 2>>"$dir/live.log" || true)"
      LIVE_ROWS+="| Proeftuin ${row#| }"$'\n'
    done
    stop_app
    (cd "$WORK/relay" && exec dotnet Relay.dll --urls "http://127.0.0.1:$RELAY_PORT") >"$WORK/relay.log" 2>&1 &
    RELAY_PID=$!
    sleep 2
    dotnet "$WORK/load/SessionLoad.dll" --relay --urls "http://127.0.0.1:$RELAY_PORT" --clients 20 --writers 10 --seconds "$WARMUP" >/dev/null 2>&1 || true
    for n in $LIVE; do
      log "live broadcast, relay, $n screens"
      row="$(dotnet "$WORK/load/SessionLoad.dll" --relay --urls "http://127.0.0.1:$RELAY_PORT" --clients "$n" --writers 20 --rate 10 --seconds "$SECONDS_PER" 2>>"$WORK/relay.log" || true)"
      LIVE_ROWS+="| relay ${row#| }"$'\n'
    done
    kill "$RELAY_PID"; wait "$RELAY_PID" 2>/dev/null || true
  fi
  stop_app
done
LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"

# The report.
small="${SCALE_LIST[0]}"
large="${SCALE_LIST[${#SCALE_LIST[@]}-1]}"
fmt() { awk -v n="$1" 'BEGIN { s = sprintf("%.0f", n); r = ""; while (length(s) > 3) { r = "," substr(s, length(s) - 2) r; s = substr(s, 1, length(s) - 3) } print s r }'; }
report() {
  echo "### $DATE — \`bench/run.sh$([[ $QUICK == 1 ]] && echo ' --quick')\`"
  echo
  echo "- **machine**: $MACHINE; load average $LOAD_BEFORE before, $LOAD_AFTER after; app, wrk and database on the same cores"
  echo "- **commit**: \`$COMMIT\`"
  echo "- **how**: Release (\`dotnet publish\`), 127.0.0.1, database $([[ -n "$PG_PORT" ]] && echo "PostgreSQL" || echo "SQLite") filled by \`seed-scale\`" \
    "($(for s in "${SCALE_LIST[@]}"; do printf '%s stories in %.1f s; ' "$(fmt "$s")" "$(awk -v m="${SEED[$s]}" 'BEGIN {print m / 1000}')"; done | sed 's/; $//'));" \
    "wrk -t$THREADS -c$CONNECTIONS, ${WARMUP} s warm-up then ${SECONDS_PER} s per scenario; plaintext = bench/plaintext in the same run:" \
    "**$(fmt "$PLAIN_RPS") req/s** (p50 $PLAIN_P50 ms, p99 $PLAIN_P99 ms)"
  echo "- **cold start** (published, SQLite, migrated, $(fmt "$small") stories; process start to the first \`/\` answered): **$(fmt "${COLD_MS:-0}") ms**"
  echo
  echo "| scenario ($(fmt "$small") stories) | req/s | ratio to plaintext | p50 | p95 | p99 | errors | first visit | repeat visit |$( [[ "$large" != "$small" ]] && echo " req/s at $(fmt "$large") | p95 at $(fmt "$large") | p99 at $(fmt "$large") | growth |")"
  echo "|---|---|---|---|---|---|---|---|---|$( [[ "$large" != "$small" ]] && echo "---|---|---|---|")"
  local s name path who kind conns k l
  for s in "${SCENARIOS[@]}"; do
    IFS='|' read -r name path who kind conns <<<"$s"
    k="$small|$name"; l="$large|$name"
    printf '| %s `%s` | %s | %s | %s ms | %s ms | %s ms | %s | %s | %s |' "$name" "$path" "$(fmt "${RPS[$k]}")" \
      "$( [[ -n "$conns" ]] && echo "– (${conns} conn.)" || awk -v a="${RPS[$k]}" -v p="$PLAIN_RPS" 'BEGIN {printf "%.3f", (p > 0 ? a / p : 0)}')" \
      "${P50[$k]}" "${P95[$k]}" "${P99[$k]}" "${BAD[$k]}" "${FIRST[$name]:-–}" "${REPEAT[$name]:-–}"
    if [[ "$large" != "$small" ]]; then
      printf ' %s | %s ms | %s ms | %s× |' "$(fmt "${RPS[$l]}")" "${P95[$l]}" "${P99[$l]}" \
        "$(awk -v a="${RPS[$k]}" -v b="${RPS[$l]}" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}')"
    fi
    echo
  done
  echo
  if [[ -n "$LIVE_ROWS" ]]; then
    echo "Live broadcast (bench/sessions/SessionLoad: one session, 20 writers, 10 notes/s for ${SECONDS_PER} s; \"all screens\" = a note's"
    echo "submission to its arrival at the last other screen; Proeftuin stores each note before sending it, the relay stores nothing):"
    echo
    echo "| app | nodes | screens | writers | mode | notes ok/sent | ack p50 / p99 | delivery p50 / p99 | all screens p50 / p99 | lost | join all | join p50 / p99 per screen | dropped |"
    echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
    printf '%s' "$LIVE_ROWS"
    echo
  fi
  echo "Ratio = req/s ÷ plaintext req/s in this run. Errors = non-2xx answers plus socket errors and timeouts."
  if [[ "$large" != "$small" ]]; then echo "Growth = req/s at $(fmt "$small") stories ÷ req/s at $(fmt "$large") (1.00 = no slower)."; fi
  echo "Weights: body bytes as sent with \`Accept-Encoding: br, gzip\`, page plus linked assets; repeat = warm browser"
  echo "cache (bench/pageweight.py)."
}
REPORT="$(report)"
echo "$REPORT"
if [[ -n "$RECORD" ]]; then
  python3 - "$RECORD" "$REPORT" <<'PY'
import sys
path, report = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
marker = "## Results\n"
i = text.index(marker) + len(marker)
open(path, "w", encoding="utf-8").write(text[:i] + "\n" + report + "\n" + text[i:])
PY
  log "recorded in $RECORD"
fi
