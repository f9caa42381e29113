import { describe, expect, it } from 'vitest';
import { surveyState } from './status';

const now = new Date('2026-06-01T12:00:00Z');
const before = new Date('2026-05-01T00:00:00Z');
const after = new Date('2026-07-01T00:00:00Z');

describe('surveyState', () => {
	it.each([
		[{ status: 'draft', opensAt: null, closesAt: null }, 'draft'],
		[{ status: 'closed', opensAt: before, closesAt: after }, 'closed'],
		[{ status: 'open', opensAt: null, closesAt: null }, 'open'],
		[{ status: 'open', opensAt: before, closesAt: after }, 'open'],
		[{ status: 'open', opensAt: after, closesAt: null }, 'scheduled'],
		[{ status: 'open', opensAt: null, closesAt: before }, 'closed'],
		[{ status: 'open', opensAt: null, closesAt: now }, 'closed']
	] as const)('%j is %s', (timing, state) => {
		expect(surveyState(timing, now)).toBe(state);
	});
});
