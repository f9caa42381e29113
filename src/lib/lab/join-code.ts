/**
 * Join codes: six characters read off a projector across a room and typed on a phone.
 *
 * The alphabet leaves out every character that is easily taken for another, on a wall or
 * in a hurry, dropping both of each pair: 0 O Q D (round shapes), 1 I L J (strokes), 2 Z,
 * 5 S, 6 G, 8 B, U V, and lower case entirely (input is upper-cased). That leaves 18
 * characters: 18^6 = 34 million codes, plenty for the labs open at any one time (the server
 * still checks a new code is free).
 */

export const JOIN_CODE_ALPHABET = 'ACEFHKMNPRTWXY3479';
export const JOIN_CODE_LENGTH = 6;

/**
 * A new join code.
 * @param randomInt returns a uniformly random integer in [0, max): inject a cryptographic
 * source on the server (e.g. `crypto.randomInt`), a seeded one in tests
 * @throws RangeError if randomInt returns something outside [0, max)
 */
export function generateJoinCode(randomInt: (max: number) => number): string {
	let code = '';
	for (let i = 0; i < JOIN_CODE_LENGTH; i++) {
		const n = randomInt(JOIN_CODE_ALPHABET.length);
		if (!Number.isInteger(n) || n < 0 || n >= JOIN_CODE_ALPHABET.length) {
			throw new RangeError(`randomInt(${JOIN_CODE_ALPHABET.length}) returned ${n}`);
		}
		code += JOIN_CODE_ALPHABET[n];
	}
	return code;
}

/**
 * A typed code as stored: trimmed, upper-cased, with spaces, dashes and dots taken out
 * ("ack-3 9x" -> "ACK39X"). It does not check the code: see `isJoinCode`.
 */
export function normaliseJoinCode(input: string): string {
	return input.toUpperCase().replace(/[\s.\-\u2010-\u2015]/g, '');
}

/** Whether a (normalised) code has the right length and only alphabet characters. */
export function isJoinCode(code: string): boolean {
	if (code.length !== JOIN_CODE_LENGTH) return false;
	for (const c of code) if (!JOIN_CODE_ALPHABET.includes(c)) return false;
	return true;
}
