import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Q from './rational';

const r = (n: number, d = 1) => Q.rational(BigInt(n), BigInt(d));

describe('rational arithmetic', () => {
	it.each([
		// 2/4 reduces to 1/2; a negative denominator moves its sign up.
		{ name: 'reduces', got: r(2, 4), n: 1n, d: 2n },
		{ name: 'moves the sign to the numerator', got: r(3, -6), n: -1n, d: 2n },
		// 1/2 + 1/3 = 5/6
		{ name: 'adds', got: Q.add(r(1, 2), r(1, 3)), n: 5n, d: 6n },
		// 1/2 - 1/3 = 1/6
		{ name: 'subtracts', got: Q.sub(r(1, 2), r(1, 3)), n: 1n, d: 6n },
		// 2/3 * 3/4 = 1/2
		{ name: 'multiplies', got: Q.mul(r(2, 3), r(3, 4)), n: 1n, d: 2n },
		// (1/2) / (1/4) = 2
		{ name: 'divides', got: Q.div(r(1, 2), r(1, 4)), n: 2n, d: 1n },
		// 0.75 = 3/4 exactly in binary
		{ name: 'reads a double exactly', got: Q.fromNumber(0.75), n: 3n, d: 4n }
	])('$name', ({ got, n, d }) => {
		expect(got).toEqual({ n, d });
	});

	it.each([
		{ a: r(1, 3), b: r(2, 6), expected: 0 },
		{ a: r(1, 3), b: r(1, 2), expected: -1 },
		{ a: r(-1, 3), b: r(-1, 2), expected: 1 }
	])('compares $a.n/$a.d with $b.n/$b.d', ({ a, b, expected }) => {
		expect(Q.compare(a, b)).toBe(expected);
	});

	it.each([
		{ x: r(7, 2), expected: 3n },
		{ x: r(-7, 2), expected: -4n },
		{ x: r(6, 3), expected: 2n }
	])('floors $x.n/$x.d to $expected', ({ x, expected }) => {
		expect(Q.floor(x)).toBe(expected);
	});

	it('refuses division by zero', () => {
		expect(() => Q.div(r(1), Q.ZERO)).toThrow(RangeError);
	});

	it('reads any normal double exactly and converts it back', () => {
		fc.assert(
			fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
				fc.pre(x === 0 || Math.abs(x) >= 2 ** -1000);
				expect(Q.toNumber(Q.fromNumber(x))).toBe(x === 0 ? 0 : x);
			})
		);
	});

	it('converts quotients to the nearest double or next to it', () => {
		fc.assert(
			fc.property(
				fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
				fc.bigInt({ min: 1n, max: 10n ** 30n }),
				(n, d) => {
					const x = Q.toNumber(Q.rational(n, d));
					const exact = Number(n) / Number(d);
					expect(Math.abs(x - exact)).toBeLessThanOrEqual(Math.abs(exact) * 1e-15 + 1e-300);
				}
			)
		);
	});
});
