/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/** How the benchmark cases print: one line each, and a target's verdict. */

export function line(text = ''): void {
	process.stdout.write(`${text}\n`);
}

export function verdict(met: boolean): string {
	return met ? 'met' : 'MISSED';
}
