import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';

/**
 * The SHA-256 of a text's UTF-8 bytes, in lower-case hex (64 characters). The house's one
 * SHA-256 is @oslojs/crypto, the library the Lucia session guide uses: plain JavaScript, so
 * domain code that hashes (charter versions, the count's digest) imports nothing of Node.
 */
export function sha256Hex(text: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(text)));
}
