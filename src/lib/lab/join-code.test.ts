import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateJoinCode, isJoinCode, JOIN_CODE_ALPHABET, normaliseJoinCode } from './join-code';

describe('the alphabet', () => {
	it.each([...'0OQD1ILJ2Z5S6G8BUV'])('leaves out the look-alike %s', (c) => {
		expect(JOIN_CODE_ALPHABET).not.toContain(c);
	});

	it('has 18 different upper-case letters and digits', () => {
		expect([new Set(JOIN_CODE_ALPHABET).size, /^[A-Z0-9]+$/.test(JOIN_CODE_ALPHABET)]).toEqual([
			18,
			true
		]);
	});
});

describe('generateJoinCode', () => {
	it.each([
		{ name: 'all zeros', picks: [0, 0, 0, 0, 0, 0], code: 'AAAAAA' },
		// alphabet A C E F H K M N P R T W X Y 3 4 7 9: indexes 0..5 then 17
		{ name: 'first six', picks: [0, 1, 2, 3, 4, 5], code: 'ACEFHK' },
		{ name: 'last', picks: [17, 17, 17, 17, 17, 17], code: '999999' }
	])('$name', ({ picks, code }) => {
		const queue = [...picks];
		expect(generateJoinCode(() => queue.shift()!)).toBe(code);
	});

	it('asks for numbers below the alphabet size, six times', () => {
		const asked: number[] = [];
		generateJoinCode((max) => {
			asked.push(max);
			return 0;
		});
		expect(asked).toEqual([18, 18, 18, 18, 18, 18]);
	});

	it.each([18, -1, 1.5, Number.NaN])('rejects a random source returning %s', (n) => {
		expect(() => generateJoinCode(() => n)).toThrow(RangeError);
	});

	it('always makes a valid code', () => {
		fc.assert(
			fc.property(fc.array(fc.nat({ max: 17 }), { minLength: 6, maxLength: 6 }), (picks) => {
				const queue = [...picks];
				expect(isJoinCode(generateJoinCode(() => queue.shift()!))).toBe(true);
			})
		);
	});
});

describe('normaliseJoinCode', () => {
	it.each([
		{ input: 'ACK39X', code: 'ACK39X' },
		{ input: '  ack39x ', code: 'ACK39X' },
		{ input: 'ack-39x', code: 'ACK39X' },
		{ input: 'AC K3 9X', code: 'ACK39X' },
		{ input: 'ack\u201339x', code: 'ACK39X' }, // an en dash, as phones autocorrect
		{ input: 'ack.39x\t', code: 'ACK39X' }
	])('$input -> $code', ({ input, code }) => {
		expect(normaliseJoinCode(input)).toBe(code);
	});

	it('undoes any lower-casing, spacing and dashes', () => {
		const decorated = fc
			.array(fc.constantFrom(...JOIN_CODE_ALPHABET), { minLength: 6, maxLength: 6 })
			.chain((chars) =>
				fc
					.array(fc.constantFrom('', ' ', '-', ' - '), { minLength: 7, maxLength: 7 })
					.chain((gaps) =>
						fc.boolean().map((lower) => {
							const code = chars.join('');
							const typed = gaps.map((g, i) => g + (chars[i] ?? '')).join('');
							return { code, typed: lower ? typed.toLowerCase() : typed };
						})
					)
			);
		fc.assert(
			fc.property(decorated, ({ code, typed }) => {
				expect(normaliseJoinCode(typed)).toBe(code);
			})
		);
	});
});

describe('isJoinCode', () => {
	it.each([
		{ code: 'ACK39X', valid: true },
		{ code: 'ACK39', valid: false },
		{ code: 'ACK39XA', valid: false },
		{ code: 'ACK30X', valid: false }, // 0
		{ code: 'ACKI9X', valid: false }, // I
		{ code: 'ack39x', valid: false } // not normalised
	])('$code: $valid', ({ code, valid }) => {
		expect(isJoinCode(code)).toBe(valid);
	});
});
