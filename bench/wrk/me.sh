#!/usr/bin/env bash
# Load test: authenticated GET /api/v1/me on SQLite, 64 connections, with wrk.
# Runs a published StudyHub on loopback with the per-user rate limit raised for the benchmark
# (the default 100/min would rightly turn the load into 429s); every other default is kept.
# Usage: bench/wrk/me.sh [duration=30s] [connections=64]
# WRK_SCRIPT=bench/wrk/mixed.lua makes one request in ten a write (PATCH /api/v1/me).
# BENCH_HOST=<dir> runs an already published build instead of publishing (to compare two builds
# side by side in one sitting); the port is a free ephemeral one unless BENCH_PORT is set.
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-30s}
connections=${2:-64}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

host=${BENCH_HOST:-artifacts/bench-host}
[ -n "${BENCH_HOST:-}" ] || dotnet publish src/StudyHub.Server -c Release -o "$host" -nologo -v quiet
data=$(mktemp -d /tmp/studyhub-bench.XXXXXX)
port=${BENCH_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
url=http://127.0.0.1:$port
(cd "$host" && exec env ${BENCH_ENV:-} dotnet StudyHub.Server.dll --urls "$url" --DataDirectory "$data" \
  --RateLimits:PerUserPerMinute 1000000 --Logging:LogLevel:Default Warning) > "$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT

start=$(date +%s.%N)
until curl -sf "$url/health/ready" >/dev/null; do
  kill -0 $server 2>/dev/null || { cat "$data/server.log"; exit 1; }
  sleep 0.05
done
ready=$(date +%s.%N)
printf 'start to ready: %.2f s\n' "$(echo "$ready - $start" | bc)"

curl -sf "$url/api/v1/auth/register" -H 'content-type: application/json' \
  -d '{"email":"bench@example.org","password":"Bench-mark-2026","displayName":"Bench","role":"teacher"}' >/dev/null
token=$(curl -sf "$url/api/v1/auth/login" -H 'content-type: application/json' \
  -d '{"email":"bench@example.org","password":"Bench-mark-2026"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
sleep 2
printf 'idle memory (RSS): %s MB\n' "$(( $(ps -o rss= -p "$(pgrep -f 'StudyHub.Server.dll --urls '"$url" | head -1)") / 1024 ))"

# Warm up, then measure.
script=(); [ -z "${WRK_SCRIPT:-}" ] || script=(-s "$WRK_SCRIPT")
wrk -t2 -c"$connections" -d5s "${script[@]}" -H "Authorization: Bearer $token" "$url/api/v1/me" >/dev/null
wrk -t2 -c"$connections" -d"$duration" --latency "${script[@]}" -H "Authorization: Bearer $token" "$url/api/v1/me"
printf 'memory after load (RSS): %s MB\n' "$(( $(ps -o rss= -p "$(pgrep -f 'StudyHub.Server.dll --urls '"$url" | head -1)") / 1024 ))"
