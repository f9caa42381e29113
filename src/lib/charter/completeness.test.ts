import { describe, expect, it } from 'vitest';
import { emptyContent, type CharterContent } from './charter';
import {
	completeness,
	consultationGaps,
	isComplete,
	structuralProblems,
	type Gap
} from './completeness';
import { demoCharterContent } from './demo';

function changed(change: (c: CharterContent) => void): CharterContent {
	const content = demoCharterContent();
	change(content);
	return content;
}

describe('completeness', () => {
	it('finds nothing missing in the demo charter', () => {
		expect(completeness(demoCharterContent())).toEqual([]);
		expect(isComplete(demoCharterContent())).toBe(true);
	});

	it('lists everything an empty charter lacks, section by section', () => {
		// An empty charter: no title, no service, no outcome, no commissioner, no community
		// party, six blank governance fields and no standard.
		expect(completeness(emptyContent()).map((g) => g.section)).toEqual([
			'basics',
			'basics',
			'outcomes',
			'parties',
			'parties',
			'governance',
			'governance',
			'governance',
			'governance',
			'governance',
			'governance',
			'standards'
		]);
	});

	it.each<{ name: string; change: (c: CharterContent) => void; gaps: Gap[] }>([
		{
			name: 'a blank title',
			change: (c) => (c.title = '  '),
			gaps: [{ section: 'basics', message: 'Give the charter a title.' }]
		},
		{
			name: 'an outcome without an indicator',
			change: (c) => (c.outcomes[0].indicator = ''),
			gaps: [{ section: 'outcomes', message: 'Outcome "Living independently" needs an indicator.' }]
		},
		{
			name: 'an unnamed outcome, by position',
			change: (c) => (c.outcomes[1].title = ''),
			gaps: [{ section: 'outcomes', message: 'Outcome 2 needs a name.' }]
		},
		{
			name: 'a party without a signatory',
			change: (c) => (c.parties[1].signatoryName = ''),
			gaps: [{ section: 'parties', message: 'Hub Together CIC needs the name of who will sign.' }]
		},
		{
			name: 'a commitment without a measure',
			change: (c) => (c.commitments[1].measure = ''),
			gaps: [
				{
					section: 'commitments',
					message:
						'Commitment "Open the hub 40 hours a week, including one evening" needs a measure.'
				}
			]
		},
		{
			name: 'a commitment without a due date',
			change: (c) => {
				c.commitments[2].date = '';
				c.commitments[2].dateKind = 'due';
			},
			gaps: [
				{
					section: 'commitments',
					message: 'Commitment "Run a peer support group every week" needs a due date.'
				}
			]
		},
		{
			name: 'a commitment whose party was removed',
			change: (c) => (c.commitments[0].partyId = 'p-gone'),
			// The council is then left with no commitment of its own.
			gaps: [
				{
					section: 'commitments',
					message:
						'Riverside Borough Council has not committed anything yet: add at least one commitment.'
				},
				{
					section: 'commitments',
					message:
						'Commitment "Fund the hub at £420,000 a year for three years" belongs to a party that is no longer in the charter.'
				}
			]
		},
		{
			name: 'a blank standard beside a filled one',
			change: (c) => (c.standards[1].text = ''),
			gaps: [
				{
					section: 'standards',
					message: 'Service standard 2 is blank: fill it in or remove it.'
				}
			]
		},
		{
			name: 'governance without a way to raise concerns',
			change: (c) => (c.governance.concerns = ''),
			gaps: [
				{ section: 'governance', message: 'Governance: describe how residents raise concerns.' }
			]
		}
	])('reports $name', ({ change, gaps }) => {
		expect(completeness(changed(change))).toEqual(gaps);
	});

	it('needs only one party of each required kind: providers are optional', () => {
		const content = changed((c) => {
			c.parties = c.parties.filter((p) => p.kind !== 'provider');
			c.commitments = c.commitments.filter((x) => x.partyId !== 'p-provider');
		});
		expect(completeness(content)).toEqual([]);
	});
});

describe('consultationGaps', () => {
	it.each<{ name: string; content: CharterContent; gaps: number }>([
		{ name: 'an empty charter', content: emptyContent(), gaps: 2 },
		{
			name: 'a service and nothing else',
			content: { ...emptyContent(), service: 'Libraries' },
			gaps: 1
		},
		{
			name: 'a service and one governance field',
			content: {
				...emptyContent(),
				service: 'Libraries',
				governance: { ...emptyContent().governance, forum: 'Library users panel' }
			},
			gaps: 0
		},
		{ name: 'the demo charter', content: demoCharterContent(), gaps: 0 }
	])('finds $gaps reasons for $name', ({ content, gaps }) => {
		expect(consultationGaps(content)).toHaveLength(gaps);
	});
});

describe('structuralProblems', () => {
	it.each<{ name: string; change: (c: CharterContent) => void; problems: string[] }>([
		{ name: 'nothing wrong', change: () => {}, problems: [] },
		{
			name: 'two commitments with one id',
			change: (c) => (c.commitments[2].id = 'c-funding'),
			problems: ['Two commitments share the id "c-funding".']
		},
		{
			name: 'a standard with no id',
			change: (c) => (c.standards[0].id = ''),
			problems: ['One of the service standards has no id.']
		}
	])('$name', ({ change, problems }) => {
		expect(structuralProblems(changed(change))).toEqual(problems);
	});
});
