#!/usr/bin/env bash
# Installs the front-end libraries StudyHub serves (KaTeX, Chart.js, MathLive, the SignalR client)
# into src/StudyHub.Server/wwwroot/lib (gitignored). Versions are pinned by
# tools/web-assets/package-lock.json; runs npm only when the lock file changed since the last copy.
# Called by run.sh and test.sh before they build, so the files are part of the static asset manifest.
set -euo pipefail
cd "$(dirname "$0")/.."

lib=src/StudyHub.Server/wwwroot/lib
stamp=$lib/.installed-from
lock_hash=$(sha256sum tools/web-assets/package-lock.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$lock_hash" ]; then
  exit 0
fi

if ! command -v npm >/dev/null 2>&1; then
  echo "Installing: npm"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends npm >/dev/null
fi
echo "Installing web assets (KaTeX, Chart.js, MathLive, SignalR client)"
npm ci --prefix tools/web-assets --no-audit --no-fund --loglevel=error >/dev/null

modules=tools/web-assets/node_modules
rm -rf "$lib"
mkdir -p "$lib/katex" "$lib/chart.js/dist" "$lib/mathlive" "$lib/signalr"
cp "$modules/katex/dist/katex.min.js" "$modules/katex/dist/katex.min.css" "$modules/katex/LICENSE" "$lib/katex/"
cp -r "$modules/katex/dist/fonts" "$lib/katex/"
cp "$modules/chart.js/dist/chart.umd.js" "$lib/chart.js/dist/"
cp "$modules/chart.js/LICENSE.md" "$lib/chart.js/"
cp "$modules/mathlive/mathlive.min.js" "$modules/mathlive/mathlive-static.css" "$modules/mathlive/mathlive-fonts.css" "$modules/mathlive/LICENSE.txt" "$lib/mathlive/"
cp -r "$modules/mathlive/fonts" "$modules/mathlive/sounds" "$lib/mathlive/"
cp "$modules/@microsoft/signalr/dist/browser/signalr.min.js" "$lib/signalr/"
echo "$lock_hash" > "$stamp"
