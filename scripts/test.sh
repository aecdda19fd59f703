#!/usr/bin/env bash
# npm test: system packages (Chromium, Slurm) if missing, the CLI build, type checking, lint, every vitest
# suite (unit, patterns, properties, CLI, browser in real Chromium) and the Slurm cluster test; then one
# closing line with the total.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
npm run --silent build:cli
# the training server's tests serve the built site (dist/)
npm run --silent build > /dev/null
npm run --silent typecheck
npm run --silent lint
report=$(mktemp /tmp/meerwaarde-vitest.XXXXXX.json)
vitest_status=0
npx vitest run --reporter=default --reporter=json --outputFile="$report" || vitest_status=$?
slurm_log=$(mktemp /tmp/meerwaarde-slurm.XXXXXX.log)
slurm_status=0
# one Slurm cluster at a time on this host (its daemons listen on fixed ports): several checkouts may test at once
flock /tmp/meerwaarde-slurm.lock bash .ci/slurm-test.sh 2>&1 | tee "$slurm_log" || slurm_status=$?
node -e '
  const fs = require("fs");
  const r = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
  const m = /slurm: (\d+) passed, (\d+) failed/.exec(fs.readFileSync(process.argv[2], "utf8")) || [0, 0, 1];
  const passed = r.numPassedTests + Number(m[1]);
  const failed = r.numFailedTests + Number(m[2]);
  console.log(`\nall suites: ${passed} passed, ${failed} failed`);
' "$report" "$slurm_log"
rm -f "$report" "$slurm_log"
[ "$vitest_status" -eq 0 ] && [ "$slurm_status" -eq 0 ]
