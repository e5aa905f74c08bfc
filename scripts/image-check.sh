#!/usr/bin/env bash
# Builds the Dockerfile's image from a clean export of HEAD and checks what the image promises:
# the server runs as a non-root user, the image's own HEALTHCHECK command passes (/health 200),
# one analysis goes through with an API key, and /metrics is closed on the locked server.
#
#   scripts/image-check.sh [--base IMAGE] [--no-build]
#     --base IMAGE  replaces the Dockerfile's NODE_IMAGE (an offline machine's local Node 20 image)
#     --no-build    checks the image built last time (tag localhost/vectis-analyzer:check)
#
# Engines, first that works: docker or podman (build, then `run`); else buildah to build and
# `buildah run --isolation chroot` to run (docker format, so the HEALTHCHECK is kept). That last way is how it runs in the sandbox this
# project is developed in, where no OCI runtime can start a container (see docs/server.md,
# "The deploy files, run"). Needs network for `npm ci` inside the build.
set -euo pipefail
cd "$(dirname "$0")/.."

BASE=""
BUILD=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --base) BASE="$2"; shift 2 ;;
    --no-build) BUILD=0; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
TAG="localhost/vectis-analyzer:check"
KEY="image-check-$RANDOM$RANDOM"
PORT=$((20000 + RANDOM % 20000))
BUILD_ARGS=()
[[ -n "$BASE" ]] && BUILD_ARGS=(--build-arg "NODE_IMAGE=$BASE")

say() { printf '\n== %s\n' "$*"; }

can_run_containers() {
  local engine=$1
  command -v "$engine" >/dev/null 2>&1 || return 1
  # A probe container from the base image: the engine must be able to start one.
  "$engine" run --rm "${BASE:-node:20-bookworm-slim}" node -e 'process.exit(0)' >/dev/null 2>&1
}

ENGINE=""
for e in docker podman; do
  if can_run_containers "$e"; then ENGINE=$e; break; fi
done
if [[ -z "$ENGINE" ]]; then
  command -v buildah >/dev/null 2>&1 || { echo "no docker, podman or buildah that can build here" >&2; exit 2; }
  ENGINE=buildah-chroot
fi
say "engine: $ENGINE"

CONTEXT=$(mktemp -d)
CONTAINER=""
cleanup() {
  case "$ENGINE" in
    buildah-chroot) [[ -n "${SERVER_PID:-}" ]] && kill "$SERVER_PID" 2>/dev/null; [[ -n "$CONTAINER" ]] && buildah rm "$CONTAINER" >/dev/null 2>&1 ;;
    *) [[ -n "$CONTAINER" ]] && "$ENGINE" rm -f "$CONTAINER" >/dev/null 2>&1 ;;
  esac
  rm -rf "$CONTEXT"
}
trap cleanup EXIT

say "build context: a clean export of HEAD (no working-tree changes, no node_modules)"
git archive HEAD | tar -x -C "$CONTEXT"

if [[ $BUILD == 1 ]]; then
  say "build"
  began=$(date +%s)
  if [[ "$ENGINE" == buildah-chroot ]]; then
    buildah bud --isolation chroot --format docker --layers=false "${BUILD_ARGS[@]}" -t "$TAG" "$CONTEXT"
  else
    "$ENGINE" build "${BUILD_ARGS[@]}" -t "$TAG" "$CONTEXT"
  fi
  echo "built in $(( $(date +%s) - began )) s"
fi

# The server as the image starts it: its CMD, user and environment, locked as in production.
ENVS=(-e "PORT=$PORT" -e "API_KEYS=$KEY" -e "AUTH_REQUIRED=true" -e "WORKERS=1")
say "start"
if [[ "$ENGINE" == buildah-chroot ]]; then
  CONTAINER=$(buildah from "$TAG")
  # No --user: the image's own USER line decides. The host's network (chroot isolation).
  buildah run --isolation chroot --env "PORT=$PORT" --env "API_KEYS=$KEY" --env "AUTH_REQUIRED=true" --env "WORKERS=1" \
    "$CONTAINER" -- node dist-server/index.mjs > "$CONTEXT/server.log" 2>&1 &
  SERVER_PID=$!
else
  CONTAINER=$("$ENGINE" run -d --network host "${ENVS[@]}" "$TAG")
fi

URL="http://127.0.0.1:$PORT"
for _ in $(seq 1 180); do
  [[ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/health" || true)" == 200 ]] && break
  sleep 1
done
status=$(curl -s -o /dev/null -w '%{http_code}' "$URL/health" || true)
if [[ "$status" != 200 ]]; then
  echo "FAIL: /health answered '$status' after 180 s" >&2
  [[ "$ENGINE" == buildah-chroot ]] && cat "$CONTEXT/server.log" >&2 || "$ENGINE" logs "$CONTAINER" >&2
  exit 1
fi
echo "/health 200"

say "the image's HEALTHCHECK command"
HEALTHCHECK_JS="fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
grep -qF "$HEALTHCHECK_JS" "$CONTEXT/Dockerfile" || { echo "FAIL: the Dockerfile's HEALTHCHECK is not the command checked here" >&2; exit 1; }
if [[ "$ENGINE" == buildah-chroot ]]; then
  buildah run --isolation chroot --env "PORT=$PORT" "$CONTAINER" -- node -e "$HEALTHCHECK_JS"
else
  "$ENGINE" exec "$CONTAINER" node -e "$HEALTHCHECK_JS"
fi
echo "HEALTHCHECK passes"

say "non-root"
if [[ "$ENGINE" == buildah-chroot ]]; then
  pid=$(ss -ltnpH "sport = :$PORT" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
  uid=$(awk '/^Uid:/ { print $2 }' "/proc/$pid/status")
else
  uid=$("$ENGINE" exec "$CONTAINER" id -u)
fi
[[ -n "$uid" && "$uid" != 0 ]] || { echo "FAIL: the server runs as uid '$uid'" >&2; exit 1; }
echo "the server process runs as uid $uid"

say "one analysis"
answer=$(curl -s -w '\n%{http_code}' -H "authorization: Bearer $KEY" -F "file=@fixtures/box-with-hole.step" "$URL/analyze")
code=$(tail -n1 <<<"$answer")
faces=$(head -n -1 <<<"$answer" | node -e 'let s="";process.stdin.on("data",(d)=>s+=d).on("end",()=>{try{console.log(JSON.parse(s).part.faces)}catch{console.log("?")}})')
[[ "$code" == 200 && "$faces" == 7 ]] || { echo "FAIL: /analyze answered $code, faces '$faces'" >&2; exit 1; }
echo "/analyze 200, box-with-hole: $faces faces"
[[ "$(curl -s -o /dev/null -w '%{http_code}' -F "file=@fixtures/box-with-hole.step" "$URL/analyze")" == 401 ]] || { echo "FAIL: /analyze without a key was not 401" >&2; exit 1; }
echo "/analyze without a key: 401"
[[ "$(curl -s -o /dev/null -w '%{http_code}' "$URL/metrics")" == 404 ]] || { echo "FAIL: /metrics is open" >&2; exit 1; }
echo "/metrics without METRICS_TOKEN: 404"

say "image check passed ($ENGINE)"
