#!/usr/bin/env bash
# Runs every StudyHub test on a fresh Debian 12 machine with the .NET 10 SDK:
# installs what the tests need (idempotently), starts a private PostgreSQL 15 on loopback,
# runs the whole suite on SQLite, then the server suite again on PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

need_packages=()
command -v /usr/lib/postgresql/15/bin/initdb >/dev/null 2>&1 || need_packages+=(postgresql)
[ -x /usr/bin/chromium ] || need_packages+=(chromium)   # Playwright drives Debian's Chromium; it never downloads one
command -v npm >/dev/null 2>&1 || need_packages+=(npm)   # installs s3rver, the S3-compatible server the storage tests start
python3 -c 'import sympy' >/dev/null 2>&1 || need_packages+=(python3-sympy)   # the math engine's differential test
command -v node >/dev/null 2>&1 || need_packages+=(nodejs)  # runs the FSRS reference (ts-fsrs) the flashcard tests compare against
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || need_packages+=(python3-aiosmtpd)   # the local SMTP server the mail tests start on a free port
[ -x /usr/bin/redis-server ] || need_packages+=(redis-server)   # the shared counters and broadcasts of the two-instance cluster tests
source scripts/reading-tools.sh
# PDF progress reports: DejaVu (above) draws Latin, Greek and Cyrillic names; this draws Chinese and Japanese ones.
[ -f /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf ] || need_packages+=(fonts-droid-fallback)
if [ ${#need_packages[@]} -gt 0 ]; then
  echo "Installing: ${need_packages[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_packages[@]}" >/dev/null
fi

# axe-core (accessibility checks in the browser tests) lives in a gitignored folder, fetched once.
axe_version=4.14.1
if [ ! -f artifacts/axe/node_modules/axe-core/axe.min.js ] || ! grep -q "\"version\": \"$axe_version\"" artifacts/axe/node_modules/axe-core/package.json; then
  command -v npm >/dev/null 2>&1 || { export DEBIAN_FRONTEND=noninteractive; apt-get update -qq; apt-get install -y -qq --no-install-recommends npm >/dev/null; }
  npm install --prefix artifacts/axe --no-save --no-package-lock --no-audit --no-fund "axe-core@$axe_version" >/dev/null
fi

# The FSRS-6 reference implementation, pinned by tests/fsrs-reference/package-lock.json (gitignored node_modules).
[ -f tests/fsrs-reference/node_modules/ts-fsrs/package.json ] || (cd tests/fsrs-reference && npm ci --no-audit --no-fund --loglevel=error)
# s3rver for the storage tests, pinned by tools/s3rver/package-lock.json; the tests start it on a free port.
if [ ! -x tools/s3rver/node_modules/.bin/s3rver ]; then
  echo "Installing s3rver into tools/s3rver"
  npm ci --prefix tools/s3rver --no-audit --no-fund --loglevel=error >/dev/null
fi

# KaTeX, Chart.js, MathLive and the SignalR client, served from wwwroot/lib; before the build so they are in the asset manifest.
scripts/web-assets.sh

# A throwaway PostgreSQL cluster on 127.0.0.1, owned by the postgres user, gone when we exit.
pg_bin=/usr/lib/postgresql/15/bin
pg_port=${STUDYHUB_TEST_PG_PORT:-55432}
pg_dir=$(mktemp -d /tmp/studyhub-pg.XXXXXX)
chown postgres:postgres "$pg_dir"
chmod 700 "$pg_dir"
stop_servers() {
  runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
  if [ -n "${redis_dir:-}" ]; then
    [ -f "$redis_dir/redis.pid" ] && kill "$(cat "$redis_dir/redis.pid")" 2>/dev/null || true
    rm -rf "$redis_dir"
  fi
}
trap stop_servers EXIT
# A throwaway Redis on a free loopback port (the kernel picks it; no fixed port another run could hold),
# nothing saved to disk, stopped when we exit. The cluster tests find it through STUDYHUB_TEST_REDIS.
redis_dir=$(mktemp -d /tmp/studyhub-redis.XXXXXX)
redis_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
/usr/bin/redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly no --dir "$redis_dir" \
  --daemonize yes --pidfile "$redis_dir/redis.pid" --logfile "$redis_dir/redis.log"
for _ in $(seq 1 100); do
  redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break
  sleep 0.1
done
redis-cli -p "$redis_port" ping >/dev/null || { echo "redis-server did not start on 127.0.0.1:$redis_port:"; cat "$redis_dir/redis.log"; exit 1; }
export STUDYHUB_TEST_REDIS="127.0.0.1:$redis_port"
echo "Redis is running on $STUDYHUB_TEST_REDIS"

runuser -u postgres -- "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust --no-sync >/dev/null
runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300" start >/dev/null
postgres="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres;Pooling=true;Timeout=30"
echo "PostgreSQL 15 is running on 127.0.0.1:$pg_port"

results=$(mktemp -d /tmp/studyhub-results.XXXXXX)
dotnet build StudyHub.slnx -c Release -nologo -v quiet

status=0
run_tests() { # name, extra env..., -- dotnet test args
  local name=$1; shift
  echo "== $name"
  if ! env "$@" 2>&1 | tee "$results/$name.log"; then status=1; fi
}
# Measured: run beside the SQLite run, the PostgreSQL run took as long as the two in a row (20 min
# in all either way), so they run in turn and their output stays in order.
run_tests sqlite dotnet test StudyHub.slnx -c Release --no-build -nologo
run_tests postgres STUDYHUB_TEST_POSTGRES="$postgres" dotnet test tests/StudyHub.Server.Tests -c Release --no-build -nologo

# The math engine against SymPy over generated problems: any confidently wrong answer fails the run.
echo "== math differential (SymPy)"
if ! python3 tests/differential/differential.py artifacts/bin/StudyHub.Math.Differential/release/StudyHub.Math.Differential.dll; then status=1; fi

passed=0; failed=0
while read -r f p; do passed=$((passed + p)); failed=$((failed + f)); done < <(
  grep -hoE 'Failed: +[0-9]+, Passed: +[0-9]+' "$results"/*.log | sed -E 's/Failed: +([0-9]+), Passed: +([0-9]+)/\1 \2/')
rm -rf "$results"
[ "$failed" -eq 0 ] || status=1
echo "Total: $passed passed, $failed failed"
exit $status
