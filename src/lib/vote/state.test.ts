import { describe, expect, it } from 'vitest';
import { takesBallots, takesPaper, voteState, type VoteSchedule } from './state';

const at = (h: number) => new Date(Date.UTC(2027, 0, 1, h));

describe('voteState', () => {
	it.each<[string, VoteSchedule, number, string]>([
		['a draft', { status: 'draft', opensAt: null, closesAt: null }, 12, 'draft'],
		['open with no schedule', { status: 'open', opensAt: null, closesAt: null }, 12, 'open'],
		[
			'open before its opening time',
			{ status: 'open', opensAt: at(13), closesAt: null },
			12,
			'scheduled'
		],
		['open at its closing time', { status: 'open', opensAt: null, closesAt: at(12) }, 12, 'ended'],
		['open within its schedule', { status: 'open', opensAt: at(10), closesAt: at(14) }, 12, 'open'],
		['closed', { status: 'closed', opensAt: null, closesAt: at(20) }, 12, 'closed']
	])('%s', (_name, schedule, hour, state) => {
		expect(voteState(schedule, at(hour))).toBe(state);
	});

	it('takes online ballots only while open, paper until staff close it', () => {
		expect(
			['draft', 'scheduled', 'open', 'ended', 'closed'].map((s) => takesBallots(s as never))
		).toEqual([false, false, true, false, false]);
		expect(
			['draft', 'scheduled', 'open', 'ended', 'closed'].map((s) => takesPaper(s as never))
		).toEqual([false, false, true, true, false]);
	});
});
