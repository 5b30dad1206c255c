#!/usr/bin/env bash
# Builds and runs StudyHub on one machine: SQLite and local files under ./data, the built-in AI
# engines, demo accounts seeded on first start. Options: --data DIR, --urls URL (default
# http://127.0.0.1:5000); anything else is passed to the server as configuration
# (e.g. --Database:Provider Postgres --Database:ConnectionString "...").
set -euo pipefail
cd "$(dirname "$0")/.."

data=data
urls=http://127.0.0.1:5000
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --data) data=$2; shift 2 ;;
    --urls) urls=$2; shift 2 ;;
    *) extra+=("$1"); shift ;;
  esac
done

# Reading photos and scans needs these tools on the machine; install only what is missing.
need_packages=()
source scripts/reading-tools.sh
# PDF progress reports: DejaVu (above) draws Latin, Greek and Cyrillic names; this draws Chinese and Japanese ones.
[ -f /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf ] || need_packages+=(fonts-droid-fallback)
echo "[1/4] Checking the tools for reading photos and scans and drawing reports"
if [ ${#need_packages[@]} -gt 0 ]; then
  echo "      installing: ${need_packages[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_packages[@]}" >/dev/null
fi

echo "[2/4] Fetching the web page assets (KaTeX, Chart.js, MathLive)"
scripts/web-assets.sh
echo "[3/4] Building StudyHub (the first build takes a minute or two)"
dotnet publish src/StudyHub.Server -c Release -o artifacts/run -nologo -v quiet
data=$(realpath -m "$data")
echo "[4/4] Starting StudyHub on $urls (data in $data)"
# The published folder is the content root: static files and appsettings.json are found there.
cd artifacts/run
# Readable log lines for a person at a terminal; a deployment keeps the JSON default (README).
exec dotnet StudyHub.Server.dll --urls "$urls" --DataDirectory "$data" --SeedDemoData true --Logging:Format text "${extra[@]}"
