import { sha256Hex } from '../hash/sha256';
import type { CharterContent } from './charter';

/**
 * Names the canonical form, so that if it ever has to change, old hashes can still be
 * recomputed by the old rule instead of silently failing to match.
 */
const HASH_PREFIX = 'co-commission/charter-content/v1\n';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined };

/**
 * JSON with object keys sorted and undefined members dropped, so the same content always gives
 * the same text whatever order the fields were built or read from the database in. Arrays
 * keep their order: the order of outcomes and commitments is part of what was signed.
 */
export function canonicalJson(value: Json | undefined): string {
	if (value === null || typeof value === 'boolean' || typeof value === 'string')
		return JSON.stringify(value);
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new Error('Charter content cannot hold a non-finite number');
		return JSON.stringify(value);
	}
	if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
	if (value === undefined) throw new Error('canonicalJson needs a value');
	const keys = Object.keys(value)
		.filter((k) => value[k] !== undefined)
		.sort();
	return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
}

/**
 * The SHA-256 of a charter's canonical text, in lower-case hex (64 characters). Each signature
 * records it, so a signature is bound to the exact words the signatory was shown.
 */
export function contentHash(content: CharterContent): string {
	const text = HASH_PREFIX + canonicalJson(content as unknown as Json);
	return sha256Hex(text);
}
