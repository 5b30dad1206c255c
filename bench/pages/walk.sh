#!/usr/bin/env bash
# Page render times: publishes StudyHub, starts it with demo data on a free loopback port, and
# walks every role's pages with that role's sign-in cookie (bench/pages/walk.py), printing
# p50/p95/max per page. The budget (issue #11) is p95 < 100 ms per page.
# Usage: bench/pages/walk.sh [renders=40]; BENCH_HOST=<dir> runs an already published build.
set -euo pipefail
cd "$(dirname "$0")/../.."
renders=${1:-40}
host=${BENCH_HOST:-artifacts/bench-pages-host}
[ -n "${BENCH_HOST:-}" ] || dotnet publish src/StudyHub.Server -c Release -o "$host" -nologo -v quiet
data=$(mktemp -d /tmp/studyhub-pages.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
url=http://127.0.0.1:$port
(cd "$host" && exec dotnet StudyHub.Server.dll --urls "$url" --DataDirectory "$data" --SeedDemoData true \
  --RateLimits:PerUserPerMinute 1000000 --RateLimits:PerAddressPerMinute 1000000 --Logging:LogLevel:Default Warning) > "$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
until curl -sf "$url/health/ready" >/dev/null; do
  kill -0 $server 2>/dev/null || { cat "$data/server.log"; exit 1; }
  sleep 0.1
done
echo "load before the walk: $(uptime)"
python3 bench/pages/walk.py "$url" "$renders"
echo "load after the walk: $(uptime)"
