#!/usr/bin/env bash
# The container check of ./test.sh (issue 17): builds the image archive with the .NET SDK (no Docker daemon), checks
# what is in it, and runs it with Podman from Debian's packages as an operator would: read-only, non-root, the data
# folder as the one writable volume, /health answering on port 8080 and the image's own health command.
#
#   tools/container-check.sh [Release|Debug]
#
# The image's base is Microsoft's ASP.NET Core image in real use; here, where mcr.microsoft.com cannot be reached,
# tools/container-base.sh builds a stand-in from Debian and serves it from a registry on loopback.
# Prints "ok: ..." per check and exits non-zero on the first failure.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CONFIG=${1:-Release}
WORK=$(mktemp -d /tmp/proeftuin-container.XXXXXX)
chmod 755 "$WORK"
NAME="proeftuin-check-$$"
TAG="localhost/proeftuin:check-$$"
# Podman's default limits (1048576 open files, all processes) are above what this machine lets a container set.
RUN_OPTS=(--runtime runc --ulimit nofile=8192:8192 --ulimit nproc=8192:8192)

cleanup() {
  podman rm -f "$NAME" >/dev/null 2>&1 || true
  podman rmi -f "$TAG" localhost/proeftuin-test-base:10.0 >/dev/null 2>&1 || true
  [ -f "$WORK/base/registry.pid" ] && kill "$(cat "$WORK/base/registry.pid")" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
fail() { echo "FAILED: $*" >&2; exit 1; }
ok() { echo "ok: $*"; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

need=()
for pkg in podman runc docker-registry debootstrap python3-yaml; do dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg"); done
if [ "${#need[@]}" -gt 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -q "${need[@]}" >"$WORK/apt.log" 2>&1 \
    || { tail -20 "$WORK/apt.log"; fail "apt-get install ${need[*]}"; }
fi

# deploy/compose.yaml cannot run here (its PostgreSQL, Redis and nginx images cannot be fetched): check that its
# settings fit the app and the nginx template that the deployment test runs.
python3 - "$ROOT/deploy" <<'PY' || fail "deploy/compose.yaml does not fit the app or the nginx template"
import re, sys, yaml
deploy = sys.argv[1]
compose = yaml.safe_load(open(f"{deploy}/compose.yaml"))
template = open(f"{deploy}/nginx/templates/proeftuin.conf.template").read()
services = compose["services"]
proxy = services["proxy"]
used = set(re.findall(r"\$\{(PROEFTUIN_[A-Z_]+)\}", template))
nodes = [services["node1"], services["node2"]]
proxy_ip = proxy["networks"]["proeftuin"]["ipv4_address"]
checks = {
    "the proxy sets every template variable": used == set(proxy["environment"]),
    "both nodes are in the proxy's upstream": all(f"server {n}:8080" in proxy["environment"]["PROEFTUIN_UPSTREAM"] for n in ("node1", "node2")),
    "the nodes trust exactly the proxy's address": all(n["environment"]["ForwardedHeaders__KnownProxies__0"] == proxy_ip for n in nodes),
    "the nodes do not migrate; migrate runs first": all(n["environment"]["Database__MigrateAtStart"] == "false"
        and n["depends_on"]["migrate"]["condition"] == "service_completed_successfully" for n in nodes)
        and services["migrate"]["command"] == ["migrate"],
    "the nodes run read-only with /data in memory": all(n["read_only"] is True and any(t.startswith("/data:uid=1654") for t in n["tmpfs"]) for n in nodes),
    "the nodes' health check is the app's health command": all(n["healthcheck"]["test"] == ["CMD", "dotnet", "/app/Proeftuin.dll", "health"] for n in nodes),
}
for what, good in checks.items():
    print(("ok: compose: " if good else "FAILED: compose: ") + what)
sys.exit(0 if all(checks.values()) else 1)
PY

REGISTRY_PORT=$(free_port)
BASE=$("$ROOT/tools/container-base.sh" "$WORK/base" "$REGISTRY_PORT" | tail -1) || fail "building the stand-in base image"
ok "base image $BASE"

# The README's command, with the stand-in base instead of Microsoft's.
ARCHIVE="$WORK/proeftuin.tar"
DOTNET_CONTAINER_INSECURE_REGISTRIES="127.0.0.1:$REGISTRY_PORT" \
  dotnet publish "$ROOT/src/Proeftuin" -c "$CONFIG" -t:PublishContainer \
  -p:ContainerBaseImage="$BASE" -p:ContainerArchiveOutputPath="$ARCHIVE" -o "$WORK/publish" >"$WORK/publish.log" 2>&1 \
  || { tail -30 "$WORK/publish.log"; fail "dotnet publish -t:PublishContainer"; }
[ -s "$ARCHIVE" ] || fail "no image archive at $ARCHIVE"
ok "image archive built ($(( $(stat -c %s "$ARCHIVE") / 1024 / 1024 )) MB)"

# What is in the archive: the app, a numeric non-root user, port 8080, the data folder setting.
python3 - "$ARCHIVE" <<'PY' || fail "the image archive is not as expected"
import json, sys, tarfile
archive = tarfile.open(sys.argv[1])
manifest = json.load(archive.extractfile("manifest.json"))[0]
config = json.load(archive.extractfile(manifest["Config"]))["config"]
app_layer = tarfile.open(fileobj=archive.extractfile(manifest["Layers"][-1]))
names = set(app_layer.getnames())
env = dict(e.split("=", 1) for e in config.get("Env", []))
checks = {
    "the app is in /app": "app/Proeftuin.dll" in names and "app/appsettings.json" in names,
    "runs as uid 1654, not root": config.get("User") == "1654",
    "exposes 8080/tcp": "8080/tcp" in config.get("ExposedPorts", {}),
    "listens on 8080": env.get("ASPNETCORE_HTTP_PORTS") == "8080",
    "keeps its data in /data": env.get("App__DataDirectory") == "/data",
    "starts the app": config.get("Entrypoint") == ["dotnet", "/app/Proeftuin.dll"],
    "no secrets baked in": not any(k.startswith(("ConnectionStrings__", "Mail__SmtpPassword", "Admin__Password")) for k in env),
}
for what, good in checks.items():
    print(("ok: " if good else "FAILED: ") + what)
sys.exit(0 if all(checks.values()) else 1)
PY

podman load -q -i "$ARCHIVE" >/dev/null || fail "podman load"
podman tag localhost/proeftuin:latest "$TAG" && podman rmi localhost/proeftuin:latest >/dev/null
DATA="$WORK/data"
mkdir -p "$DATA" && chown 1654:1654 "$DATA"
PORT=$(free_port)
podman run -d --name "$NAME" "${RUN_OPTS[@]}" --read-only -v "$DATA:/data" -p "127.0.0.1:$PORT:8080" \
  -e App__PublicUrl="http://127.0.0.1:$PORT" "$TAG" >/dev/null || fail "podman run"
healthy=""
for _ in $(seq 1 120); do
  if [ "$(curl -s -m 2 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/health" || true)" = "200" ]; then healthy=1; break; fi
  sleep 0.5
done
[ -n "$healthy" ] || { podman logs "$NAME" 2>&1 | tail -30; fail "/health did not answer 200 within 60 s"; }
ok "started read-only; /health answers 200 through port 8080"
[ "$(podman exec "$NAME" id -u)" = "1654" ] || fail "the app does not run as uid 1654"
ok "runs as uid 1654"
podman exec "$NAME" dotnet /app/Proeftuin.dll health >/dev/null || fail "the image's health command failed"
ok "the image's health command says healthy"
if podman exec "$NAME" sh -c 'touch /app/written' >/dev/null 2>&1; then fail "the app folder is writable"; fi
[ "$(stat -c %u "$DATA/proeftuin.db" 2>/dev/null)" = "1654" ] || fail "no database in the data volume"
ok "only /data is written (the SQLite file is there, /app is read-only)"
curl -fsS -m 10 -o /dev/null "http://127.0.0.1:$PORT/" || fail "the home page did not answer"
ok "the home page answers"
podman stop -t 10 "$NAME" >/dev/null || fail "podman stop"
ok "stops on SIGTERM"
