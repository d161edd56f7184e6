# shellcheck shell=bash
# Shared start/stop logic for the services the test suites need:
# PostgreSQL on 127.0.0.1:55432 (user postgres, trust auth) and Redis on 127.0.0.1:56379.
#
# Source this file, then:
#   services_ensure_packages PKG...   apt-get install what is missing (postgresql, redis-server, chromium)
#   services_start DIR                start both, keeping all state (data, sockets, logs, pids) in DIR
#   services_stop DIR                 stop what services_start started in DIR (safe to call twice,
#                                     or after a start that failed half-way)
#   services_env                      print the export lines for the test environment variables
#
# Used by test.sh (throwaway mktemp folder) and tools/dev-services.sh (/tmp/proeftuin-services).
# Functions return non-zero on failure; they do not rely on the caller's `set -e`.
# apt starts no services on these machines, and PostgreSQL refuses to run as root: as root it
# runs as the postgres user, so DIR (and every folder above it) must be traversable by that user.

SERVICES_PG_PORT=55432
SERVICES_REDIS_PORT=56379
export SERVICES_PG_PORT SERVICES_REDIS_PORT

services_log() { printf 'services: %s\n' "$*" >&2; }

# Newest installed PostgreSQL server (e.g. /usr/lib/postgresql/15/bin).
services_pg_bin() {
  local ver
  # shellcheck disable=SC2012  # version folder names only ("15", "16", ...)
  ver=$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -1)
  if [ -z "$ver" ] || [ ! -x "/usr/lib/postgresql/$ver/bin/pg_ctl" ]; then
    services_log "no PostgreSQL server found under /usr/lib/postgresql (apt-get install postgresql)"
    return 1
  fi
  printf '/usr/lib/postgresql/%s/bin\n' "$ver"
}

# Run a command as the postgres user when we are root (PostgreSQL refuses root), else as ourselves.
services_as_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# True when something already accepts TCP connections on 127.0.0.1:PORT.
services_port_busy() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# services_ensure_packages PKG... : install the missing ones with apt-get (update first only if needed).
services_ensure_packages() {
  local pkg missing=()
  for pkg in "$@"; do
    case "$pkg" in
      postgresql)   ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && command -v psql >/dev/null 2>&1 && continue ;;
      redis-server) command -v redis-server >/dev/null 2>&1 && command -v redis-cli >/dev/null 2>&1 && continue ;;
      chromium)     [ -x /usr/lib/chromium/chromium ] && continue ;;
      *)            dpkg -s "$pkg" >/dev/null 2>&1 && continue ;;
    esac
    missing+=("$pkg")
  done
  [ "${#missing[@]}" -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    services_log "missing packages: ${missing[*]} (install them as root: apt-get install -y ${missing[*]})"
    return 1
  fi
  services_log "installing missing packages: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 update -q || return 1
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -q "${missing[@]}" || return 1
}

# services_start DIR
services_start() {
  local dir=${1:?usage: services_start DIR} bin port
  dir=$(cd "$dir" 2>/dev/null && pwd) || { services_log "folder '$1' does not exist"; return 1; }
  bin=$(services_pg_bin) || return 1
  command -v redis-server >/dev/null 2>&1 || { services_log "redis-server not found (apt-get install redis-server)"; return 1; }

  for port in "$SERVICES_PG_PORT" "$SERVICES_REDIS_PORT"; do
    if services_port_busy "$port"; then
      services_log "port $port is already in use on 127.0.0.1 (developer services still running? tools/dev-services.sh stop)"
      return 1
    fi
  done

  chmod 755 "$dir" || return 1
  mkdir -p "$dir/pg" || return 1
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$dir/pg" || return 1
    if ! runuser -u postgres -- test -w "$dir/pg"; then
      services_log "user postgres cannot reach $dir/pg: every folder above it must be traversable (mode 755)"
      return 1
    fi
  fi

  # --- PostgreSQL ---
  if [ ! -f "$dir/pg/data/PG_VERSION" ]; then
    if ! services_as_pg "$bin/initdb" -D "$dir/pg/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
        >"$dir/pg/initdb.log" 2>&1; then
      services_log "initdb failed:"; cat "$dir/pg/initdb.log" >&2; return 1
    fi
  fi
  if ! services_as_pg "$bin/pg_ctl" -D "$dir/pg/data" -l "$dir/pg/log" \
      -o "-p $SERVICES_PG_PORT -k '$dir/pg' -c listen_addresses=127.0.0.1 -c fsync=off" -w -t 60 start >/dev/null; then
    services_log "PostgreSQL failed to start; its log:"; cat "$dir/pg/log" >&2 2>/dev/null; return 1
  fi
  services_log "PostgreSQL $(basename "$(dirname "$bin")") listening on 127.0.0.1:$SERVICES_PG_PORT (data in $dir/pg/data)"

  # --- Redis ---
  if ! redis-server --bind 127.0.0.1 --port "$SERVICES_REDIS_PORT" --save '' --appendonly no \
      --daemonize yes --pidfile "$dir/redis.pid" --dir "$dir" --logfile "$dir/redis.log"; then
    services_log "redis-server failed to start"; cat "$dir/redis.log" >&2 2>/dev/null; return 1
  fi
  for _ in $(seq 1 100); do
    if [ -s "$dir/redis.pid" ] && [ "$(redis-cli -h 127.0.0.1 -p "$SERVICES_REDIS_PORT" ping 2>/dev/null)" = PONG ]; then
      services_log "Redis listening on 127.0.0.1:$SERVICES_REDIS_PORT (pid $(cat "$dir/redis.pid"))"
      return 0
    fi
    sleep 0.1
  done
  services_log "Redis did not answer PING within 10 s; its log:"; cat "$dir/redis.log" >&2 2>/dev/null
  return 1
}

# services_stop DIR : stop PostgreSQL (pg_ctl) and Redis (by pid) started in DIR. Never fails.
services_stop() {
  local dir=${1:?usage: services_stop DIR} bin pid
  if [ -f "$dir/pg/data/postmaster.pid" ]; then
    if bin=$(services_pg_bin 2>/dev/null); then
      services_as_pg "$bin/pg_ctl" -D "$dir/pg/data" -m fast -w -t 30 stop >/dev/null 2>&1 \
        || services_as_pg "$bin/pg_ctl" -D "$dir/pg/data" -m immediate -w -t 30 stop >/dev/null 2>&1 \
        || true
    fi
    # Last resort: the postmaster's pid is the first line of postmaster.pid.
    if [ -f "$dir/pg/data/postmaster.pid" ]; then
      pid=$(head -1 "$dir/pg/data/postmaster.pid" 2>/dev/null || true)
      if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
    fi
  fi
  if [ -s "$dir/redis.pid" ]; then
    pid=$(cat "$dir/redis.pid" 2>/dev/null || true)
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      if kill -0 "$pid" 2>/dev/null; then kill -9 "$pid" 2>/dev/null || true; fi
    fi
    rm -f "$dir/redis.pid"
  fi
  return 0
}

# Export lines for the integration tests (PostgreSQL suite).
services_env() {
  cat <<EOF
export PROEFTUIN_TEST_DB=postgres
export PROEFTUIN_TEST_PG='Host=127.0.0.1;Port=$SERVICES_PG_PORT;Username=postgres'
export PROEFTUIN_TEST_REDIS=127.0.0.1:$SERVICES_REDIS_PORT
EOF
}
