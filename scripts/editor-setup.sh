#!/usr/bin/env bash
# Installs the browser the editor tests (test/editor/) drive: Debian's `chromium` package at
# /usr/bin/chromium, with apt (as root, e.g. on CI). No browser is downloaded from anywhere else:
# puppeteer-core ships no browser and is pointed at this one.
#
# Idempotent: when /usr/bin/chromium runs, this only prints its version. Not root and no chromium:
# fails with the command to run. Set EDITOR_CHROMIUM to use another chromium binary (then nothing
# is installed).
set -euo pipefail

CHROMIUM="${EDITOR_CHROMIUM:-/usr/bin/chromium}"
log() { printf '[editor-setup %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

if [[ -x "$CHROMIUM" ]]; then
	log "$("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
	exit 0
fi
if [[ "$CHROMIUM" != /usr/bin/chromium ]]; then
	log "EDITOR_CHROMIUM=$CHROMIUM is not an executable"
	exit 1
fi
if [[ "$(id -u)" != 0 ]]; then
	log "chromium is missing; install it with: sudo apt-get install -y chromium"
	exit 1
fi
log "installing Debian's chromium with apt-get (about a minute)"
export DEBIAN_FRONTEND=noninteractive
# Another apt (a CI step, a parallel setup) may hold the dpkg lock: wait for it rather than fail.
apt-get -o DPkg::Lock::Timeout=600 update -qq >&2 || log "apt-get update failed; installing from the current package lists"
apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends chromium >&2
log "$("$CHROMIUM" --version)"
