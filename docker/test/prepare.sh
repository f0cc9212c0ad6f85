#!/usr/bin/env bash
# Prepares this machine for ComposeStackTest: a Docker engine, and the base images that
# docker/Dockerfile and docker/compose.yaml name, built locally (CI reaches Debian's packages but no
# container registry). Real users pull the official images instead; nothing here is needed then.
#   eclipse-temurin:17-jre  <- debootstrap bookworm + openjdk-17-jre-headless
#   postgres:15-bookworm    <- the same root + PostgreSQL 15, with the official image's env contract
#   nginx:stable            <- the same root + nginx, run in the foreground as the official image does
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

if ! docker image inspect salw-test/bookworm-base >/dev/null 2>&1; then
  root="$(mktemp -d /tmp/bookworm-root.XXXX)"
  # the mirror apt already uses (deb822 URIs: lines, or one-line deb entries)
  mirror="$( (grep -hE '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}';
              grep -hE '^deb ' /etc/apt/sources.list 2>/dev/null | awk '{print $2}') | grep -v security | head -1 || true)"
  mirror="${mirror:-http://deb.debian.org/debian}"
  debootstrap --variant=minbase --include=openjdk-17-jre-headless,postgresql-15,nginx-light,ca-certificates \
    bookworm "$root" "$mirror" >/tmp/debootstrap.log 2>&1 || { tail -30 /tmp/debootstrap.log; exit 1; }
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
  tar -C "$root" -c . | docker import - salw-test/bookworm-base >/dev/null
  rm -rf "$root"
fi
docker tag salw-test/bookworm-base eclipse-temurin:17-jre
docker build -q -t postgres:15-bookworm "$here/standins/postgres" >/dev/null
docker build -q -t nginx:stable "$here/standins/nginx" >/dev/null
echo "docker ready: $(docker version --format '{{.Server.Version}}'), base images tagged"
