#!/usr/bin/env bash
# Installs the project's dev dependencies when node_modules is missing or older than the lockfile.
# --ignore-scripts: n8n-workflow pulls isolated-vm, whose install script needs Node 24 (this machine runs 20).
# `npm install --no-save` rather than `npm ci`: the registry mirror lacks some other platforms' optional
# packages (e.g. @rollup/rollup-darwin-*), so the lockfile cannot list them and `npm ci` refuses it;
# `npm install` still takes every version the lockfile pins and leaves the lockfile untouched.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
	npm install --ignore-scripts --no-audit --no-fund --no-save
fi
