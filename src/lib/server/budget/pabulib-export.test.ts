import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { count } from '../../budget/count';
import { neutraliseField, parsePabulib, restoreField } from '../../budget/pabulib';
import { readVotePabulib } from '../../vote/pabulib';
import { DEFAULT_RULES } from '../../vote/rules';
import { neutralise } from '../../csv/csv';
import { castBallot } from './ballots';
import * as exportsTool from './exports';
import { closeVote } from './results';
import { ballotWith, setup, T0 } from '../../test/vote-db';
import { addProposal, createVote, openVote, saveRules } from './votes';

const later = (m: number) => new Date(T0.getTime() + m * 60_000);

/** Titles a resident's idea (drafted into a proposal by the lab) could start with. */
const TITLES = [
	'=HYPERLINK("https://evil.example","Click")',
	'+44 helpline for carers',
	'-10% on library opening hours',
	'@council: more benches',
	"'=already an apostrophe",
	'Ordinary title'
];

describe('the Pabulib export (vote.pb)', () => {
	it('neutralises formulas in text as the CSV exports do, and still recounts to the official digest', () => {
		const { db, actor, engagementId } = setup();
		const voteId = createVote(
			db,
			actor,
			{ engagementId, title: '=cmd|"/c calc"!A1', eligibility: 'open' },
			T0
		);
		const proposals = TITLES.map((title, i) =>
			String(
				addProposal(
					db,
					actor,
					voteId,
					{
						title,
						description: 'A proposal.',
						kind: i % 2 ? 'development' : 'saving',
						amount: (i + 1) * 10_000_00,
						serviceId: 'libraries',
						affects: []
					},
					T0
				)
			)
		);
		// A vote with savings states its limit on don't-wants before it opens.
		saveRules(db, actor, voteId, DEFAULT_RULES, T0);
		openVote(db, actor, voteId, T0);
		for (let i = 0; i < 12; i++)
			castBallot(
				db,
				{
					voteId,
					voter: { key: `participant:${i}`, assurance: 'open', codeId: null },
					channel: 'online',
					content: ballotWith({ [proposals[i % TITLES.length]]: 'want' })
				},
				later(1)
			);
		closeVote(db, actor, voteId, later(2));
		const data = exportsTool.prepareExport(db, actor, voteId, 'pb', 'Council', later(3));
		const text = exportsTool.pabulibExport(data);

		// In the file, no field starts as a formula would: each has the CSV exports' apostrophe.
		const fields = text.split('\n').flatMap((line) => line.split(';'));
		const formulas = fields.filter((f) => /^"?[=+@]/.test(f) || /^"?-[^\d]/.test(f));
		expect(formulas).toEqual([]);
		for (const title of TITLES.slice(0, 4)) expect(text).toContain(neutralise(title).split('"')[0]);
		expect(text).toContain(`description;"'=cmd|`);

		// Read back, the titles are exactly as entered, and the recount gives the official digest.
		const back = readVotePabulib(parsePabulib(text));
		expect(back.proposals.map((p) => p.title)).toEqual(TITLES);
		expect(count(back).digest).toBe(data.result.digest);
	});

	it('reads back every field exactly as it was written', () => {
		fc.assert(
			fc.property(
				fc.string({ unit: fc.constantFrom('=', '+', '-', '@', "'", 'a', '1', ' ') }),
				(s) => {
					expect(restoreField(neutraliseField(s))).toBe(s);
				}
			)
		);
	});

	it.each([
		['-122.31', '-122.31'],
		['-', '-'],
		['+5', '+5'],
		['=1+1', "'=1+1"],
		['-x', "'-x"],
		["'s-Hertogenbosch", "'s-Hertogenbosch"],
		["'=x", "''=x"]
	])('writes %j as %j', (field, written) => {
		expect(neutraliseField(field)).toBe(written);
	});
});
