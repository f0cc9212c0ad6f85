#!/usr/bin/env bash
# Prepares this machine for ComposeStackTest: a Docker engine, and the base images that
# docker/Dockerfile and docker/compose.yaml name, built locally (CI reaches Debian's packages but no
# container registry). Real users pull the official images instead; nothing here is needed then.
#   eclipse-temurin:25-jre  <- debootstrap trixie + openjdk-25-jre-headless (bookworm has no Java 25)
#   postgres:15-bookworm    <- debootstrap bookworm + PostgreSQL 15, with the official image's env contract
#   nginx:stable            <- the bookworm root + nginx, run in the foreground as the official image does
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

if ! command -v dockerd >/dev/null || ! command -v docker-compose >/dev/null || ! command -v debootstrap >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io docker-compose debootstrap >/dev/null
fi
if ! docker info >/dev/null 2>&1; then
  (dockerd >/tmp/dockerd.log 2>&1 &)
  for _ in $(seq 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
  docker info >/dev/null
fi

# the mirror apt already uses (deb822 URIs: lines, or one-line deb entries)
mirror="$( (grep -hE '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}';
            grep -hE '^deb ' /etc/apt/sources.list 2>/dev/null | awk '{print $2}') | grep -v security | head -1 || true)"
mirror="${mirror:-http://deb.debian.org/debian}"

# base_image TAG SUITE PACKAGES: a minimal Debian root with those packages, imported as TAG
base_image() {
  docker image inspect "$1" >/dev/null 2>&1 && return 0
  local root
  root="$(mktemp -d "/tmp/$2-root.XXXX")"
  debootstrap --variant=minbase --include="$3" "$2" "$root" "$mirror" >"/tmp/debootstrap-$2.log" 2>&1 \
    || { tail -30 "/tmp/debootstrap-$2.log"; exit 1; }
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
  tar -C "$root" -c . | docker import - "$1" >/dev/null
  rm -rf "$root"
}
base_image salw-test/bookworm-base bookworm postgresql-15,nginx-light,ca-certificates
base_image salw-test/trixie-jre trixie openjdk-25-jre-headless,ca-certificates
docker tag salw-test/trixie-jre eclipse-temurin:25-jre
docker build -q -t postgres:15-bookworm "$here/standins/postgres" >/dev/null
docker build -q -t nginx:stable "$here/standins/nginx" >/dev/null
echo "docker ready: $(docker version --format '{{.Server.Version}}'), base images tagged"
