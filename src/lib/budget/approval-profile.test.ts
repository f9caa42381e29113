import { describe, expect, it } from 'vitest';
import { prepareProfile, ProfileError, type ApprovalProfile } from './approval-profile';

const base: ApprovalProfile = {
	ids: ['a', 'b'],
	costs: [10, 20],
	budget: 30,
	voters: [
		{ approvals: [0, 1, 1], weight: 2 },
		{ approvals: [1], weight: 1 }
	]
};

describe('prepareProfile', () => {
	it('counts each approval once per voter group, times its weight', () => {
		// a: group 1 (2); b: group 1 (2, its repeat ignored) + group 2 (1) = 3.
		const pp = prepareProfile(base);
		expect([...pp.votes]).toEqual([2, 3]);
		expect(pp.totalWeight).toBe(3);
		expect(pp.integerWeights).toBe(true);
	});

	it.each([
		{ name: 'a negative budget', change: { budget: -1 }, message: /budget/ },
		{ name: 'a fractional cost', change: { costs: [10.5, 20] }, message: /cost/ },
		{ name: 'a missing cost', change: { costs: [10] }, message: /One cost/ },
		{
			name: 'a zero weight',
			change: { voters: [{ approvals: [0], weight: 0 }] },
			message: /weight/
		},
		{
			name: 'an unknown project',
			change: { voters: [{ approvals: [5], weight: 1 }] },
			message: /does not exist/
		},
		{ name: 'a short tie-break list', change: { tieRank: [0] }, message: /tie-break/ }
	])('refuses $name', ({ change, message }) => {
		expect(() => prepareProfile({ ...base, ...change })).toThrow(ProfileError);
		expect(() => prepareProfile({ ...base, ...change })).toThrow(message);
	});

	it('notes fractional weights, which send near ties to exact fractions', () => {
		expect(
			prepareProfile({ ...base, voters: [{ approvals: [0], weight: 0.5 }] }).integerWeights
		).toBe(false);
	});
});
