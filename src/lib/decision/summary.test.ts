import { describe, expect, it } from 'vitest';
import { demoEvidence } from '../test/decision';
import { listWords, writeSummary } from './summary';

describe('the consultation summary written from the data', () => {
	const s = writeSummary(demoEvidence());

	it.each([
		[
			'participation',
			'300 ballots were counted in the community budget vote “Day services budget” (300 online)'
		],
		['participation', 'under-represented: Northgate (30% of their share)'],
		['participation', 'over-represented: Westcliff (150% of their share)'],
		['participation', '420 people answered the survey “Day services survey”.'],
		[
			'participation',
			'26 people took part in the co-production lab “Designing costs out” and posted 42 ideas.'
		],
		['views', 'Residents protected 1 saving: “centres” (£400,000).'],
		[
			'views',
			'1 saving was too close to call and goes to members with this assessment: “transport” (£90,000).'
		],
		[
			'views',
			'The vote accepted 2 savings worth £160,000 against a target of £600,000, £440,000 short.'
		],
		['views', 'It funded 1 development: “drivers” (£15,000), £15,000 of the £50,000 budget.'],
		['views', 'weakest protection first: “transport” and “centres”.'],
		[
			'groups',
			'People who use the service: 100% of 40 do not want “centres”, against 10% of other voters. This protects it; it would change if 14 of them had voted the other way.'
		],
		[
			'groups',
			'Older people: 57% of 30 do not want “transport”, against 0% of other voters. That is above the threshold but not surely so'
		],
		[
			'groups',
			'Older people: 100% of 30 do not want “golf”, against 0% of other voters. They were not declared as depending on it, so this is flagged'
		],
		[
			'lab',
			'shortlisted 2 ideas: Use community buildings (22 dots; became “Day sessions in halls”); Pay per session (16 dots; not costed as a proposal).'
		],
		['survey', 'ranked Adult day services and Community transport "fix first"']
	] as const)('%s says: %s', (part, text) => {
		expect(s[part]).toContain(text);
	});

	it('never names a suppressed group', () => {
		expect(Object.values(s).join(' ')).not.toContain('Young');
	});

	it('still writes every part with no closed vote, survey or lab', () => {
		const empty = writeSummary(demoEvidence({ vote: false, survey: false, lab: false }));
		expect(empty).toEqual({
			participation: 'Nobody has taken part yet: no survey, lab or vote has results.',
			views:
				'No community budget vote has closed for this engagement, so there are no vote results.',
			groups: 'There are no figures by group without a closed vote.',
			lab: 'No co-production lab was held for this engagement.',
			survey: 'No survey results are available for this engagement.'
		});
	});

	it('without a vote, says who answered the survey against the population', () => {
		const e = demoEvidence({ vote: false });
		e.survey!.representation = { under: [{ label: '16 to 24', ratio: 0.45 }], over: [] };
		expect(writeSummary(e).participation).toContain(
			'among survey respondents, under-represented: 16 to 24 (45% of their share)'
		);
	});
});

describe('lists in words', () => {
	it.each([
		[[], ''],
		[['a'], 'a'],
		[['a', 'b'], 'a and b'],
		[['a', 'b', 'c'], 'a, b and c']
	])('%j', (items, words) => {
		expect(listWords(items)).toBe(words);
	});
});
