import { describe, expect, it } from 'vitest';
import { parseBallot } from './ballot';
import { fieldOrder, paperLayout } from './paper-form';

const PROPOSALS = [
	{ id: 11, serviceId: 'libraries' },
	{ id: 12, serviceId: 'parks' },
	{ id: 13, serviceId: 'libraries' }
];
const SEGMENTS = [{ id: 'carers' }, { id: 'disabled' }];

describe('the paper ballot layout', () => {
	const sections = paperLayout({ proposals: PROPOSALS, segments: SEGMENTS });

	it('numbers every proposal, then each service once, then the questions about the voter', () => {
		expect(sections.map((s) => [s.id, s.questions.map((q) => `${q.number} ${q.field}`)])).toEqual([
			['marks', ['1 mark-11', '2 mark-12', '3 mark-13']],
			['uses', ['4 use-libraries', '5 use-parks']],
			['about', ['6 area', '7 ageBand', '8 segment-carers', '9 segment-disabled']]
		]);
	});

	it('puts the ballot number, the office box and the code first, as the keying page does', () => {
		expect(fieldOrder(sections).slice(0, 5)).toEqual([
			'serial',
			'spoilt',
			'checked',
			'code',
			'mark-11'
		]);
	});

	it('asks only fields a keyed ballot can carry: a form filled from it parses', () => {
		const answers: Record<string, string> = {};
		for (const s of sections)
			for (const q of s.questions)
				answers[q.field] =
					q.kind === 'mark' ? 'want' : q.kind === 'area' || q.kind === 'ageBand' ? '' : 'yes';
		const parsed = parseBallot(answers, {
			proposalIds: ['11', '12', '13'],
			serviceIds: ['libraries', 'parks'],
			maxWants: 0,
			maxDontWants: 0,
			areaIds: [],
			ageBands: [],
			segmentIds: ['carers', 'disabled']
		});
		expect(parsed.ok).toBe(true);
	});
});
