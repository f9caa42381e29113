import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPostRate } from './rate-limit';

const NOW = 100_000;

describe('checkPostRate (5 a minute)', () => {
	it.each([
		{ name: 'no posts yet', recent: [], next: null },
		{ name: 'four in the last minute', recent: [50_000, 60_000, 70_000, 80_000], next: null },
		// the oldest of five leaves the window at 50,000 + 60,000 = 110,000
		{
			name: 'five in the last minute',
			recent: [50_000, 60_000, 70_000, 80_000, 90_000],
			next: 110_000
		},
		{
			name: 'the same, in any order',
			recent: [90_000, 50_000, 80_000, 60_000, 70_000],
			next: 110_000
		},
		// a post exactly 60 s ago (40,000) has left the window, leaving four
		{
			name: 'one exactly a minute old',
			recent: [40_000, 60_000, 70_000, 80_000, 90_000],
			next: null
		},
		{
			name: 'older posts ignored',
			recent: [1_000, 2_000, 3_000, 4_000, 5_000, 90_000],
			next: null
		},
		// seven in the window: allowed again once only four remain, i.e. when the third oldest
		// (50,000) leaves: 50,000 + 60,000 = 110,000
		{
			name: 'seven in the last minute',
			recent: [41_000, 45_000, 50_000, 60_000, 70_000, 80_000, 90_000],
			next: 110_000
		},
		// a post stamped in the future (another instance's clock) still counts
		{
			name: 'a future time counts',
			recent: [60_000, 70_000, 80_000, 90_000, 101_000],
			next: 120_000
		}
	])('$name', ({ recent, next }) => {
		const verdict = checkPostRate(recent, NOW);
		expect(verdict.allowed ? null : verdict.nextAllowedAt).toBe(next);
	});

	it.each([
		// 110,000 - 100,000 = 10 s
		{
			recent: [50_000, 60_000, 70_000, 80_000, 90_000],
			text: 'Please wait 10 seconds and try again.'
		},
		// 40,500 + 60,000 - 100,000 = 0.5 s, shown as 1 second
		{
			recent: [40_500, 60_000, 70_000, 80_000, 90_000],
			text: 'Please wait 1 second and try again.'
		}
	])('says how long to wait: $text', ({ recent, text }) => {
		const verdict = checkPostRate(recent, NOW);
		expect(verdict.allowed ? '' : verdict.reason).toContain(text);
	});

	it('takes another rule', () => {
		// 2 in 10 s: posts at 95,000 and 99,000 -> next at 105,000
		const verdict = checkPostRate([95_000, 99_000], NOW, { max: 2, windowMs: 10_000 });
		expect(verdict.allowed ? null : verdict.nextAllowedAt).toBe(105_000);
	});

	it('allows a post exactly at the time it gives, and not a millisecond before', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: 0, max: 200_000 }), { maxLength: 12 }), (recent) => {
				const verdict = checkPostRate(recent, NOW);
				fc.pre(!verdict.allowed);
				if (verdict.allowed) return;
				expect(checkPostRate(recent, verdict.nextAllowedAt - 1).allowed).toBe(false);
				expect(checkPostRate(recent, verdict.nextAllowedAt).allowed).toBe(true);
			})
		);
	});
});
