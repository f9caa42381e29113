/**
 * Participation codes: what a resident types from a letter. Twelve characters from an
 * alphabet with no look-alikes (no 0/O, 1/I/L, 2/Z, 5/S, 8/B, U/V), printed in groups of four.
 * 23^12 is about 2 x 10^16 (54 bits): far beyond guessing at the rate code entry allows.
 */
export const CODE_ALPHABET = 'ACDEFGHJKMNPQRTWXY34679';
export const CODE_LENGTH = 12;

/**
 * A new code from `randomIndex`, which must return a uniform integer in [0, max) from a CSPRNG
 * (the server passes one built on crypto.getRandomValues; tests pass a seeded one).
 */
export function generateCode(randomIndex: (max: number) => number): string {
	let code = '';
	for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomIndex(CODE_ALPHABET.length)];
	return code;
}

/** As printed: ACDE-FGHJ-KMNP. */
export function formatCode(code: string): string {
	return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/** What the resident typed or pasted, as stored: upper case, no spaces, dashes or dots. */
export function normaliseCode(input: string): string {
	return input.toUpperCase().replace(/[\s\-‐-―.]/g, '');
}

export function isWellFormedCode(code: string): boolean {
	if (code.length !== CODE_LENGTH) return false;
	for (const ch of code) if (!CODE_ALPHABET.includes(ch)) return false;
	return true;
}
