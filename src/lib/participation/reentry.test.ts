import { describe, expect, it } from 'vitest';
import { earlierAnswers } from './reentry';

describe('coming back to answers already sent', () => {
	it.each([
		['household', 'never'],
		['person', 'askFirst'],
		[null, 'askFirst']
	] as const)('with a %s code, earlier answers are %s', (unit, expected) => {
		expect(earlierAnswers(unit)).toBe(expected);
	});
});
