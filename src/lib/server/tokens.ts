import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { sha256Hex } from '../hash/sha256';

/** A random token of 160 bits, base32: session cookies, participant cookies, signing links. */
export function generateToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/** What we store instead of a token or code: its SHA-256, hex. */
export function hashToken(token: string): string {
	return sha256Hex(token);
}
