#!/usr/bin/env bash
# Load test: answer submission (issue 9) on SQLite with wrk and answers.lua: N students, each on
# its own connection, playing 20-question games end to end (start, next, answer until the
# question ends, next …), every answer with a unique Idempotency-Key.
# Usage: bench/wrk/answers.sh [duration=30s] [connections=32]
# BENCH_HOST=<dir> runs an already published build; the port is a free ephemeral one.
set -euo pipefail
cd "$(dirname "$0")/../.."
duration=${1:-30s}
connections=${2:-32}
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }

host=${BENCH_HOST:-artifacts/bench-host}
[ -n "${BENCH_HOST:-}" ] || dotnet publish src/StudyHub.Server -c Release -o "$host" -nologo -v quiet
data=$(mktemp -d /tmp/studyhub-bench.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
url=http://127.0.0.1:$port
# Limits raised for the benchmark only: one student answers far faster than a person could.
(cd "$host" && exec dotnet StudyHub.Server.dll --urls "$url" --DataDirectory "$data" \
  --RateLimits:PerUserPerMinute 1000000 --Practice:QuizzesPerDay 100000 --Logging:LogLevel:Default Warning) > "$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
until curl -sf "$url/health/ready" >/dev/null; do
  kill -0 $server 2>/dev/null || { cat "$data/server.log"; exit 1; }
  sleep 0.1
done

tokens=(); games=()
for i in $(seq 1 "$connections"); do
  curl -sf "$url/api/v1/auth/register" -H 'content-type: application/json' \
    -d "{\"email\":\"bench$i@example.org\",\"password\":\"Bench-mark-2026\",\"displayName\":\"Bench $i\",\"role\":\"student\",\"birthDate\":\"2008-01-01\"}" >/dev/null
  token=$(curl -sf "$url/api/v1/auth/login" -H 'content-type: application/json' \
    -d "{\"email\":\"bench$i@example.org\",\"password\":\"Bench-mark-2026\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
  game=$(curl -sf "$url/api/v1/games" -H 'content-type: application/json' -H "Authorization: Bearer $token" \
    -d '{"skillId":"math.linear-equations","questionCount":20}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  tokens+=("$token"); games+=("$game")
done
export BENCH_TOKENS=$(IFS=,; echo "${tokens[*]}") BENCH_GAMES=$(IFS=,; echo "${games[*]}")

BENCH_RUN=warmup wrk -t"$connections" -c"$connections" -d5s -s bench/wrk/answers.lua "$url" >/dev/null
BENCH_RUN=measured wrk -t"$connections" -c"$connections" -d"$duration" --latency -s bench/wrk/answers.lua "$url"
printf 'memory after load (RSS): %s MB\n' "$(( $(ps -o rss= -p "$(pgrep -f 'StudyHub.Server.dll --urls '"$url" | head -1)") / 1024 ))"
