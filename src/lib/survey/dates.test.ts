import { describe, expect, it } from 'vitest';
import { dayOf, fromLocalInput, toLocalInput } from './dates';

describe('fromLocalInput', () => {
	it('reads winter times as UTC and summer times as UTC+1', () => {
		expect(fromLocalInput('2026-01-15T09:30').toISOString()).toBe('2026-01-15T09:30:00.000Z');
		expect(fromLocalInput('2026-06-30T17:00').toISOString()).toBe('2026-06-30T16:00:00.000Z');
		expect(fromLocalInput('2026-06-30T17:00:30').toISOString()).toBe('2026-06-30T16:00:30.000Z');
	});

	it('copes with the hours the clocks change', () => {
		// 29 March 2026: 01:00 GMT becomes 02:00 BST; 01:30 does not exist.
		expect(fromLocalInput('2026-03-29T01:30').toISOString()).toBe('2026-03-29T01:30:00.000Z');
		expect(fromLocalInput('2026-03-29T03:00').toISOString()).toBe('2026-03-29T02:00:00.000Z');
		// 25 October 2026: 01:30 happens twice; the first (BST) is taken.
		expect(fromLocalInput('2026-10-25T01:30').toISOString()).toBe('2026-10-25T00:30:00.000Z');
	});

	it('refuses anything else', () => {
		expect(() => fromLocalInput('30/06/2026')).toThrow(RangeError);
	});
});

describe('toLocalInput', () => {
	it('round-trips through the council zone', () => {
		for (const v of ['2026-01-15T09:30', '2026-06-30T17:00', '2026-12-31T23:59']) {
			expect(toLocalInput(fromLocalInput(v))).toBe(v);
		}
	});
});

describe('dayOf', () => {
	it('keeps only the day', () => {
		expect(dayOf(new Date('2026-06-30T16:42:10Z')).toISOString()).toBe('2026-06-30T00:00:00.000Z');
	});
});
