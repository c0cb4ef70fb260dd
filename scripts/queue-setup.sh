#!/usr/bin/env bash
# Installs what the queue-mode end-to-end tests (test/e2e/queue/) need besides n8n: Debian's redis-server and
# postgresql, with apt-get when missing (root only, as on CI). Nothing is started or enabled as a service: the
# tests start their own postgres and redis-server on free loopback ports.
#
# Idempotent: when both are present it only prints where they are (well under a second).
# The last line of stdout is one JSON object: {"redisServer","postgresBinDir"}. Everything else goes to stderr.
set -euo pipefail

log() { printf '[queue-setup %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# The newest installed PostgreSQL server's bin folder (Debian: /usr/lib/postgresql/<major>/bin).
postgres_bin_dir() {
	local dir
	dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
	[[ -n "$dir" && -x "$dir/postgres" && -x "$dir/initdb" ]] && printf '%s\n' "$dir"
}

missing=()
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
postgres_bin_dir >/dev/null || missing+=(postgresql)

if ((${#missing[@]} > 0)); then
	if [[ "$(id -u)" != 0 ]]; then
		log "missing ${missing[*]}; install them (apt-get install -y ${missing[*]}) or run this script as root"
		exit 1
	fi
	log "installing ${missing[*]} with apt-get"
	export DEBIAN_FRONTEND=noninteractive
	# The package lists may be stale or absent (fresh container): refresh them only when the install fails.
	if ! apt-get install -y --no-install-recommends "${missing[@]}" >&2; then
		apt-get update >&2
		apt-get install -y --no-install-recommends "${missing[@]}" >&2
	fi
fi

redis="$(command -v redis-server)"
pg_bin="$(postgres_bin_dir)" || { log "postgresql installed but no /usr/lib/postgresql/*/bin/postgres"; exit 1; }
printf '{"redisServer":"%s","postgresBinDir":"%s"}\n' "$redis" "$pg_bin"
