#!/usr/bin/env bash
# Every test the project has, from a fresh clone: build, lint (strict), type-check the tests,
# unit + emulator + package tests, end-to-end tests in a real n8n (regular and queue mode), then the editor
# in a browser (test/editor/: the same n8n's editor in Debian's chromium, which scripts/editor-setup.sh installs).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
report_dir=$(mktemp -d)
trap 'rm -rf "$report_dir"' EXIT

bash scripts/ensure-deps.sh
npm run build
npm run lint
npm run typecheck
npx vitest run --project unit --reporter=default --reporter=json --outputFile.json="$report_dir/unit.json"
bash scripts/e2e-setup.sh
bash scripts/e2e-setup.sh test/e2e/n8n-2.40.2 # the oldest supported n8n (test/e2e/olderN8n.test.ts)
bash scripts/queue-setup.sh >/dev/null # redis-server and postgresql for test/e2e/queue/
npx vitest run --project e2e --reporter=default --reporter=json --outputFile.json="$report_dir/e2e.json"
bash scripts/editor-setup.sh
editor_started=$(date +%s)
npx vitest run --project editor --reporter=default --reporter=json --outputFile.json="$report_dir/editor.json"
echo "editor tests took $(( $(date +%s) - editor_started )) s"

echo "test command took $(( $(date +%s) - started )) s"
node -e '
	const fs = require("fs");
	let passed = 0, failed = 0, skipped = 0;
	for (const file of process.argv.slice(1)) {
		const report = JSON.parse(fs.readFileSync(file, "utf8"));
		passed += report.numPassedTests; failed += report.numFailedTests;
		skipped += report.numPendingTests + report.numTodoTests;
	}
	console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
' "$report_dir/unit.json" "$report_dir/e2e.json" "$report_dir/editor.json"
