import { describe, expect, it } from 'vitest';
import { nextPage, pageCount, pageOf, previousPage, readScale, stepScale } from './paging';

describe('pages of a wall', () => {
	// A board 1000 px wide with 20 px gaps: pages start at 0, 1020, 2040... (10_200)
	it.each([
		{ offset: 0, page: 0 },
		{ offset: 510, page: 0 },
		{ offset: 1019, page: 1 }, // rounding: the first column of page 2, a pixel short
		{ offset: 1020, page: 1 },
		{ offset: 2040, page: 2 },
		{ offset: 10_198, page: 10 }, // ten pages of rounding: still the tenth page
		{ offset: -3, page: 0 }
	])('a card at $offset px is on page $page', ({ offset, page }) => {
		expect(pageOf(offset, 1020)).toBe(page);
	});

	it('counts the pages the cards need, at least one', () => {
		expect(pageCount([], 1020)).toBe(1);
		expect(pageCount([0, 340, 680], 1020)).toBe(1);
		expect(pageCount([0, 340, 1020, 2380], 1020)).toBe(3);
		expect(pageCount([0, 5000], 0)).toBe(1);
	});

	it.each([
		{ page: 0, count: 3, next: 1, previous: 2 },
		{ page: 2, count: 3, next: 0, previous: 1 },
		{ page: 0, count: 1, next: 0, previous: 0 }
	])('from page $page of $count: next $next, previous $previous', ({ page, count, ...want }) => {
		expect(nextPage(page, count)).toBe(want.next);
		expect(previousPage(page, count)).toBe(want.previous);
	});
});

describe('text size', () => {
	it.each([
		{ value: '1.2', scale: 1.2 },
		{ value: '9', scale: 2 },
		{ value: '0.1', scale: 0.6 },
		{ value: '1.04', scale: 1 },
		{ value: 'big', scale: null },
		{ value: '-1', scale: null },
		{ value: '', scale: null },
		{ value: null, scale: null }
	])('reads $value as $scale', ({ value, scale }) => {
		expect(readScale(value)).toBe(scale);
	});

	it('steps by a tenth within bounds', () => {
		expect(stepScale(1, 1)).toBe(1.1);
		expect(stepScale(0.7, -1)).toBe(0.6);
		expect(stepScale(0.6, -1)).toBe(0.6);
		expect(stepScale(2, 1)).toBe(2);
	});
});
