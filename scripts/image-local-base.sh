#!/usr/bin/env bash
# A stand-in for node:20-bookworm-slim on a machine that cannot reach a container registry (the
# sandbox this project is developed in: no DNS for registry-1.docker.io), so that the Dockerfile
# can still be built unchanged with `--build-arg NODE_IMAGE=localhost/node:20-bookworm-slim`.
#
# What it is: Debian bookworm minbase (debootstrap from the machine's Debian mirror), this
# machine's Node 20 and npm in /usr/local as the official image has them, a `node` user (uid
# 1000), and this machine's CA bundle (a TLS-intercepting egress proxy needs its CA for npm ci).
# It is not the official image: the image check proves the Dockerfile's steps, not Docker Hub's
# base.
#
#   scripts/image-local-base.sh [TAG]      (default localhost/node:20-bookworm-slim)
set -euo pipefail
TAG="${1:-localhost/node:20-bookworm-slim}"
node -e 'process.exit(process.versions.node.split(".")[0] === "20" ? 0 : 1)' || { echo "needs Node 20 on this machine" >&2; exit 2; }
command -v debootstrap >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq debootstrap >/dev/null; }

ROOTFS=$(mktemp -d)
trap 'rm -rf "$ROOTFS"' EXIT
MIRROR=$(grep -hm1 '^URIs:' /etc/apt/sources.list.d/debian.sources 2>/dev/null | awk '{ print $2 }')
debootstrap --variant=minbase bookworm "$ROOTFS" "${MIRROR:-http://deb.debian.org/debian}" >/dev/null

NODE_BIN=$(command -v node)
NPM_DIR=$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")
mkdir -p "$ROOTFS/usr/local/bin" "$ROOTFS/usr/local/lib/node_modules"
cp "$NODE_BIN" "$ROOTFS/usr/local/bin/node"
cp -a "$NPM_DIR" "$ROOTFS/usr/local/lib/node_modules/npm"
ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$ROOTFS/usr/local/bin/npm"
ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$ROOTFS/usr/local/bin/npx"
chroot "$ROOTFS" /bin/sh -c 'groupadd -g 1000 node && useradd -u 1000 -g node -m -s /bin/bash node'
chroot "$ROOTFS" /usr/local/bin/node -e 'console.log("node", process.version, "in the base")'
mkdir -p "$ROOTFS/etc/ssl/certs"
cp /etc/ssl/certs/ca-certificates.crt "$ROOTFS/etc/ssl/certs/ca-certificates.crt"
cp /etc/resolv.conf "$ROOTFS/etc/resolv.conf"

# podman comes with buildah (Debian); the image lands in the storage both use.
tar -C "$ROOTFS" -cf "$ROOTFS.tar" .
podman import \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change 'ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt' \
  --change 'CMD ["node"]' "$ROOTFS.tar" "$TAG" >/dev/null
rm -f "$ROOTFS.tar"
echo "base image $TAG"
