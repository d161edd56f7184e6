#!/usr/bin/env bash
# Builds a stand-in for Microsoft's ASP.NET Core runtime image and serves it from a registry on loopback, for the
# container check (tools/container-check.sh). The real image (mcr.microsoft.com/dotnet/aspnet:10.0) cannot be pulled
# here: only Debian's packages, NuGet and npm are reachable. The stand-in is built the same way in spirit: a Debian
# minbase with the libraries .NET needs, this machine's ASP.NET Core runtime in /usr/share/dotnet, the non-root user
# app (uid 1654) and the same environment (ASPNETCORE_HTTP_PORTS=8080, APP_UID=1654).
#
#   tools/container-base.sh WORKDIR REGISTRY_PORT   prints the image reference on its last line
set -euo pipefail
WORK=$1
PORT=$2
IMAGE="127.0.0.1:$PORT/proeftuin-test-base:10.0"
mkdir -p "$WORK"

# The registry: Debian's docker-registry (CNCF Distribution), plain HTTP on loopback, storage in WORK.
cat >"$WORK/registry.yml" <<YML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $WORK/registry
http:
  addr: 127.0.0.1:$PORT
YML
docker-registry serve "$WORK/registry.yml" >"$WORK/registry.log" 2>&1 &
echo $! >"$WORK/registry.pid"
for _ in $(seq 1 50); do
  curl -fsS "http://127.0.0.1:$PORT/v2/" >/dev/null 2>&1 && break
  sleep 0.2
done
curl -fsS "http://127.0.0.1:$PORT/v2/" >/dev/null

ROOTFS="$WORK/rootfs"
if [ ! -x "$ROOTFS/usr/bin/env" ]; then
  rm -rf "$ROOTFS"
  debootstrap --variant=minbase --include=ca-certificates,libicu72,libssl3,tzdata bookworm "$ROOTFS" \
    http://deb.debian.org/debian >"$WORK/debootstrap.log" 2>&1 || { tail -20 "$WORK/debootstrap.log"; exit 1; }
  rm -rf "$ROOTFS/var/cache/apt/archives/"*.deb "$ROOTFS/var/lib/apt/lists/"*
fi
DOTNET_ROOT=$(dirname "$(readlink -f "$(command -v dotnet)")")
mkdir -p "$ROOTFS/usr/share/dotnet/shared"
cp -a "$DOTNET_ROOT/dotnet" "$DOTNET_ROOT/host" "$ROOTFS/usr/share/dotnet/"
cp -a "$DOTNET_ROOT/shared/Microsoft.NETCore.App" "$DOTNET_ROOT/shared/Microsoft.AspNetCore.App" "$ROOTFS/usr/share/dotnet/shared/"
ln -sf /usr/share/dotnet/dotnet "$ROOTFS/usr/bin/dotnet"
grep -q '^app:' "$ROOTFS/etc/group" || echo 'app:x:1654:' >>"$ROOTFS/etc/group"
grep -q '^app:' "$ROOTFS/etc/passwd" || echo 'app:x:1654:1654::/home/app:/usr/sbin/nologin' >>"$ROOTFS/etc/passwd"
mkdir -p "$ROOTFS/home/app" && chown 1654:1654 "$ROOTFS/home/app"

tar -C "$ROOTFS" -c . | podman import \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'ENV APP_UID=1654' --change 'ENV ASPNETCORE_HTTP_PORTS=8080' --change 'ENV DOTNET_RUNNING_IN_CONTAINER=true' \
  --change 'ENV DOTNET_VERSION=10.0' --change 'USER 1654' \
  - localhost/proeftuin-test-base:10.0 >"$WORK/import.log" 2>&1 || { cat "$WORK/import.log"; exit 1; }
podman push --quiet --tls-verify=false --format v2s2 localhost/proeftuin-test-base:10.0 "docker://$IMAGE" >"$WORK/push.log" 2>&1 \
  || { cat "$WORK/push.log"; exit 1; }
echo "$IMAGE"
