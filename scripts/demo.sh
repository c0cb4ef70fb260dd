#!/usr/bin/env bash
# npm run demo: the example workflows (examples/) in a real n8n against the local cloud emulator.
# Works from a fresh clone: installs the dev dependencies if needed, builds the package, installs n8n and
# Node 24 into ~/.cache/n8n-nodes-video-snapshots (first run: a few minutes), then runs scripts/demo.ts.
# Images are written to .demo-output/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "[demo] installing dependencies (if missing) and building the package" >&2
bash scripts/ensure-deps.sh
npm run build >&2
echo "[demo] setting up n8n 2.41.1 and Node 24 (cached after the first run)" >&2
bash scripts/e2e-setup.sh >/dev/null
exec node --import tsx scripts/demo.ts
