#!/usr/bin/env bash
# Load test: POST /api/v1/math/solve (issue 7: at least 10,000 solves/s on 2 cores) on SQLite,
# 64 connections, with wrk and solve.lua, as a student of 13 or more (so the consent gate runs
# its real check, from the cache). The per-user rate limit is raised for the benchmark only.
# Usage: bench/wrk/solve.sh [duration=30s] [connections=64]
# BENCH_HOST=<dir> runs an already published build; the port is a free ephemeral one unless BENCH_PORT is set.
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
(cd "$host" && exec dotnet StudyHub.Server.dll --urls "$url" --DataDirectory "$data" \
  --RateLimits:PerUserPerMinute 1000000 --Logging:LogLevel:Default Warning) > "$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
until curl -sf "$url/health/ready" >/dev/null; do
  kill -0 $server 2>/dev/null || { cat "$data/server.log"; exit 1; }
  sleep 0.05
done

curl -sf "$url/api/v1/auth/register" -H 'content-type: application/json' \
  -d '{"email":"solver@example.org","password":"Bench-mark-2026","displayName":"Solver","role":"student","birthDate":"2008-01-01"}' >/dev/null
BENCH_TOKEN=$(curl -sf "$url/api/v1/auth/login" -H 'content-type: application/json' \
  -d '{"email":"solver@example.org","password":"Bench-mark-2026"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
export BENCH_TOKEN
# Every problem of the script must be answered, or the figure would count refusals.
curl -sf "$url/api/v1/math/solve" -H 'content-type: application/json' -H "Authorization: Bearer $BENCH_TOKEN" -d '{"problem":"x + y = 10, x - y = 2"}' >/dev/null

echo "load before: $(uptime)"
wrk -t2 -c"$connections" -d5s -s bench/wrk/solve.lua "$url" >/dev/null
wrk -t2 -c"$connections" -d"$duration" --latency -s bench/wrk/solve.lua "$url"
echo "load after: $(uptime)"
printf 'memory after load (RSS): %s MB\n' "$(( $(ps -o rss= -p "$(pgrep -f 'StudyHub.Server.dll --urls '"$url" | head -1)") / 1024 ))"
