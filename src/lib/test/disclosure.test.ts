import { describe, expect, it } from 'vitest';
import { disclosureFindings, parseCsv } from './disclosure';

// The scanner itself must be able to fail: each planted leak is found, and only it.
describe('the disclosure check', () => {
	it('reads our CSV files, quotes and all', () => {
		expect(parseCsv('"a","b ""c""",3\r\n"x,y",,4\n')).toEqual([
			['a', 'b "c"', '3'],
			['x,y', '', '4']
		]);
	});

	it.each([
		{
			leak: 'a group of 2 respondents',
			file: { 'survey.csv': '"group","respondents"\n"Carers",2\n"Everyone",40\n' },
			finds: ['survey.csv line 2: respondents 2']
		},
		{
			leak: 'a small group in a later section of a CSV',
			file: {
				'vote.csv':
					'"rank","ballots"\n1,40\n\n"proposal_id","breakdown","ballots","wants"\n"1","segment",7,3\n'
			},
			finds: ['vote.csv line 5: ballots 7']
		},
		{
			leak: 'an area and age band of 3 ballots',
			file: {
				'vote.json': JSON.stringify({
					ballots: [
						{ area: 'north', ageBand: '75+', count: 3 },
						{ area: 'north', count: 12 }
					]
				})
			},
			finds: ['vote.json: 3 ballots with area north, age band 75+']
		},
		{
			leak: "a ballot naming its voter's segments",
			file: { 'vote.json': JSON.stringify({ ballots: [{ segments: ['disabled'], count: 10 }] }) },
			finds: ['vote.json: a ballot names its segments or service use']
		},
		{
			leak: 'a group total of 4 ballots',
			file: {
				'vote.json': JSON.stringify({
					ballots: [],
					groups: [
						{
							proposal: '1',
							group: 'carers',
							all: { ballots: 40, wants: 3, dontWants: 2 },
							assured: { ballots: 4, wants: 1, dontWants: 0 }
						}
					]
				})
			},
			finds: ['vote.json: group carers of proposal 1 (assured) has 4']
		}
	] as { leak: string; file: Record<string, string>; finds: string[] }[])(
		'finds $leak',
		({ file, finds }) => {
			expect(disclosureFindings(file)).toEqual(finds);
		}
	);

	it('lets through groups of 10 or more, marks within them, zeros and blanks', () => {
		expect(
			disclosureFindings({
				'a.csv': '"group","respondents","wants","n"\n"Carers",10,3,\n"Youth",0,0,12\n',
				'b.json': JSON.stringify({
					ballots: [{ area: 'north', count: 10 }],
					groups: [
						{
							proposal: '1',
							group: 'carers',
							all: { fewerThan10: true, joinsUnions: false },
							assured: { ballots: 10, wants: 2, dontWants: 1 }
						}
					]
				})
			})
		).toEqual([]);
	});
});
