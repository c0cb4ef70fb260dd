#!/usr/bin/env bash
# Installs the project's dev dependencies when node_modules is missing or older than the lockfile.
# --ignore-scripts: n8n-workflow pulls isolated-vm, whose install script needs Node 24 (this machine runs 20).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
	npm ci --ignore-scripts --no-audit --no-fund
fi
