import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	CODE_ALPHABET,
	CODE_LENGTH,
	formatCode,
	generateCode,
	isWellFormedCode,
	normaliseCode
} from './codes';

describe('participation codes', () => {
	it('use no look-alike characters', () => {
		for (const ch of '0O1IL2Z5S8BUV') expect(CODE_ALPHABET).not.toContain(ch);
	});

	it('are at least 12 characters', () => {
		expect(CODE_LENGTH).toBeGreaterThanOrEqual(12);
	});

	it.each([
		{ typed: 'acde-fghj-kmnp', stored: 'ACDEFGHJKMNP' },
		{ typed: ' ACDE FGHJ KMNP ', stored: 'ACDEFGHJKMNP' },
		{ typed: 'ACDE–FGHJ.KMNP', stored: 'ACDEFGHJKMNP' }
	])('normalise "$typed" as pasted or typed', ({ typed, stored }) => {
		expect(normaliseCode(typed)).toBe(stored);
		expect(isWellFormedCode(normaliseCode(typed))).toBe(true);
	});

	it.each(['ACDEFGHJKMN', 'ACDEFGHJKMNPQ', 'ACDEFGHJKMN0'])('reject malformed %s', (code) => {
		expect(isWellFormedCode(code)).toBe(false);
	});

	it('generate well-formed codes that survive printing and retyping', () => {
		fc.assert(
			fc.property(
				fc.array(fc.nat(), { minLength: CODE_LENGTH, maxLength: CODE_LENGTH }),
				(draws) => {
					let i = 0;
					const code = generateCode((max) => draws[i++] % max);
					expect(isWellFormedCode(code)).toBe(true);
					expect(normaliseCode(formatCode(code))).toBe(code);
				}
			)
		);
	});
});
