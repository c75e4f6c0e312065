#!/usr/bin/env bash
# `npm test`: everything, in the order a failure is cheapest to find. Installs what the tests
# need on a fresh machine (npm dependencies; Debian's Chromium for the browser tests).
set -euo pipefail
cd "$(dirname "$0")/.."

node scripts/ensure-installed.mjs

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  echo "[test] Installing Chromium from Debian for the end-to-end tests"
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

mkdir -p test-reports
echo "[test] prisma generate"; npm run -s db:generate >/dev/null
echo "[test] typecheck"; npm run -s typecheck
echo "[test] lint"; npm run -s lint
echo "[test] message catalogues"; npx tsx scripts/i18n-check.ts
echo "[test] unit"; npx vitest run --project unit --reporter=default --reporter=json --outputFile.json=test-reports/unit.json
echo "[test] integration"; npx vitest run --project integration --reporter=default --reporter=json --outputFile.json=test-reports/integration.json
echo "[test] build"; npm run -s build >/dev/null
echo "[test] JavaScript budget of public pages"; node scripts/js-budget.mjs
echo "[test] end-to-end"; PLAYWRIGHT_JSON_OUTPUT_NAME=test-reports/e2e.json npx playwright test --reporter=list,json
node scripts/test-summary.mjs test-reports/unit.json test-reports/integration.json test-reports/e2e.json
