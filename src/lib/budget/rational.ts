/**
 * Exact rational numbers over BigInt, for the few decisions where a floating-point comparison
 * could flip a choice (near ties in the Method of Equal Shares). The reference implementation
 * (pabutools) counts in exact fractions throughout; we count in floats and fall back to these
 * only when floats cannot tell two values apart.
 */

export interface Rational {
	/** Numerator; carries the sign. */
	readonly n: bigint;
	/** Denominator; always positive, and coprime with the numerator. */
	readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
	if (a < 0n) a = -a;
	if (b < 0n) b = -b;
	while (b !== 0n) {
		const t = a % b;
		a = b;
		b = t;
	}
	return a;
}

/** Builds n/d in lowest terms. Throws on a zero denominator. */
export function rational(n: bigint, d: bigint = 1n): Rational {
	if (d === 0n) throw new RangeError('Division by zero');
	if (d < 0n) {
		n = -n;
		d = -d;
	}
	if (d === 1n) return { n, d };
	const g = gcd(n, d);
	return g === 1n ? { n, d } : { n: n / g, d: d / g };
}

/** 0/1. */
export const ZERO: Rational = { n: 0n, d: 1n };

/** The exact value of a finite JavaScript number (every double is a dyadic rational). */
export function fromNumber(x: number): Rational {
	if (!Number.isFinite(x)) throw new RangeError(`Not a finite number: ${x}`);
	if (Number.isInteger(x)) return { n: BigInt(x), d: 1n };
	// Scale by 2 until the value is an integer: at most 1074 steps for a subnormal.
	let d = 1n;
	let v = x;
	while (!Number.isInteger(v)) {
		v *= 2;
		d *= 2n;
	}
	return rational(BigInt(v), d);
}

/** a + b */
export function add(a: Rational, b: Rational): Rational {
	if (a.d === 1n && b.d === 1n) return { n: a.n + b.n, d: 1n };
	return rational(a.n * b.d + b.n * a.d, a.d * b.d);
}

/** a - b */
export function sub(a: Rational, b: Rational): Rational {
	if (a.d === 1n && b.d === 1n) return { n: a.n - b.n, d: 1n };
	return rational(a.n * b.d - b.n * a.d, a.d * b.d);
}

/** a · b */
export function mul(a: Rational, b: Rational): Rational {
	return rational(a.n * b.n, a.d * b.d);
}

/** a / b; throws on division by zero. */
export function div(a: Rational, b: Rational): Rational {
	if (b.n === 0n) throw new RangeError('Division by zero');
	return rational(a.n * b.d, a.d * b.n);
}

/** -1, 0 or 1 as a is less than, equal to or greater than b. */
export function compare(a: Rational, b: Rational): number {
	const l = a.n * b.d;
	const r = b.n * a.d;
	return l < r ? -1 : l > r ? 1 : 0;
}

/** The largest integer not above a. */
export function floor(a: Rational): bigint {
	const q = a.n / a.d;
	// BigInt division truncates toward zero; step down for negative non-integers.
	return a.n < 0n && q * a.d !== a.n ? q - 1n : q;
}

function bitLength(x: bigint): number {
	return (x < 0n ? -x : x).toString(2).length;
}

/** A double within one part in 2^52 of a (used only to seed float arithmetic). */
export function toNumber(a: Rational): number {
	if (a.d === 1n) return Number(a.n);
	if (a.n === 0n) return 0;
	// Keep about 64 significant bits in the quotient, so that neither huge numerators nor huge
	// denominators overflow to Infinity / Infinity.
	const shift = bitLength(a.d) - bitLength(a.n) + 64;
	if (shift <= 0) return Number(a.n / a.d);
	// Scale down in steps: 2 ** -shift alone underflows to 0 for the smallest values.
	let x = Number((a.n << BigInt(shift)) / a.d);
	let s = shift;
	for (; s > 960; s -= 960) x *= 2 ** -960;
	return x * 2 ** -s;
}
