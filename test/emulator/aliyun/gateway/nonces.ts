/** Nonces seen in the replay window; a second use inside it is `SignatureNonceUsed`. */
export class NonceRegistry {
	private readonly seen = new Map<string, number>();

	constructor(private readonly windowMs: number) {}

	/** Registers the nonce; false when it was already used within the window. */
	claim(scope: string, nonce: string, now: number): boolean {
		// Entries are kept in insertion order, so the expired ones are at the front.
		for (const [key, expiresAt] of this.seen) {
			if (expiresAt > now) break;
			this.seen.delete(key);
		}
		const key = `${scope}\n${nonce}`;
		if (this.seen.has(key)) return false;
		this.seen.set(key, now + this.windowMs);
		return true;
	}

	clear(): void {
		this.seen.clear();
	}
}
