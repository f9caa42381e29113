import { describe, expect, it } from 'vitest';
import { scheduleState, type Schedule } from './state';

const at = (h: number) => new Date(Date.UTC(2027, 0, 1, h));

describe('scheduleState', () => {
	it.each<[string, Schedule, number, string]>([
		['a draft', { status: 'draft', opensAt: at(10), closesAt: at(14) }, 12, 'draft'],
		['closed by staff', { status: 'closed', opensAt: at(10), closesAt: at(14) }, 12, 'closed'],
		['open with no schedule', { status: 'open', opensAt: null, closesAt: null }, 12, 'open'],
		['open within its schedule', { status: 'open', opensAt: at(10), closesAt: at(14) }, 12, 'open'],
		[
			'open before its opening time',
			{ status: 'open', opensAt: at(13), closesAt: null },
			12,
			'scheduled'
		],
		['open at its opening time', { status: 'open', opensAt: at(12), closesAt: null }, 12, 'open'],
		[
			'open just before its closing time',
			{ status: 'open', opensAt: null, closesAt: at(13) },
			12,
			'open'
		],
		['open at its closing time', { status: 'open', opensAt: null, closesAt: at(12) }, 12, 'ended'],
		[
			'open after its closing time',
			{ status: 'open', opensAt: at(8), closesAt: at(10) },
			12,
			'ended'
		],
		[
			'a passed close before a later open',
			{ status: 'open', opensAt: at(14), closesAt: at(10) },
			12,
			'ended'
		]
	])('%s', (_name, schedule, hour, state) => {
		expect(scheduleState(schedule, at(hour))).toBe(state);
	});
});
