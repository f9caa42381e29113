import { describe, expect, it } from 'vitest';
import { formatRemaining, remainingSeconds, startCountdown } from './countdown';

describe('remainingSeconds', () => {
	it.each([
		{ name: 'no countdown', endsAt: null, now: 0, expected: null },
		{ name: 'exactly 60 s left', endsAt: 60_000, now: 0, expected: 60 },
		// 59.001 s left rounds up: the wall shows 1:00 until a full second has gone
		{ name: 'part seconds round up', endsAt: 60_000, now: 999, expected: 60 },
		{ name: 'one millisecond left shows 1', endsAt: 60_000, now: 59_999, expected: 1 },
		{ name: 'at the end', endsAt: 60_000, now: 60_000, expected: 0 },
		{ name: 'after the end', endsAt: 60_000, now: 90_000, expected: 0 },
		// 2026-01-01T10:05:00Z minus 10:00:30Z = 270 s
		{
			name: 'ISO end time',
			endsAt: '2026-01-01T10:05:00Z',
			now: Date.parse('2026-01-01T10:00:30Z'),
			expected: 270
		}
	])('$name', ({ endsAt, now, expected }) => {
		expect(remainingSeconds(endsAt === null ? null : { endsAt }, now)).toBe(expected);
	});

	it('rejects an end that is not a time', () => {
		expect(() => remainingSeconds({ endsAt: 'soon' }, 0)).toThrow(RangeError);
	});
});

describe('startCountdown', () => {
	it('ends minutes after now', () => {
		// 5 minutes = 300,000 ms
		expect(startCountdown(5, 1_000)).toEqual({ endsAt: 301_000 });
	});

	it.each([0, 61, 2.5, Number.NaN])('rejects %s minutes', (minutes) => {
		expect(() => startCountdown(minutes, 0)).toThrow(RangeError);
	});
});

describe('formatRemaining', () => {
	it.each([
		{ seconds: 0, text: '0:00' },
		{ seconds: 5, text: '0:05' },
		{ seconds: 65, text: '1:05' },
		{ seconds: 3600, text: '60:00' }
	])('$seconds s -> $text', ({ seconds, text }) => {
		expect(formatRemaining(seconds)).toBe(text);
	});
});
