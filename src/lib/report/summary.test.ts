import { describe, expect, it } from 'vitest';
import { count } from '../budget/count';
import type { CountResult } from '../budget/types';
import { ballot, proposal, rules, scenarios } from '../test/votes';
import { listOf, pct, turnout, voteSummary } from './summary';

function counted(file: string): CountResult {
	return count(scenarios().find((s) => s.file === file)!.input);
}
const none = new Map<string, string>();

describe('the summary of a vote', () => {
	it('says the decision in a sentence: savings against the target, what is protected and what is left to members', () => {
		expect(voteSummary(counted('override-order.json'), none).decision).toBe(
			'The vote accepts 1 saving worth £150,000 against a target of £600,000, protects 2 savings that a declared group depends on and leaves 1 to members as too close to call.'
		);
	});

	it('says so when the only decision is a protection', () => {
		expect(voteSummary(counted('union-groups.json'), none).decision).toBe(
			'The vote accepts no savings and protects 1 saving that a declared group depends on.'
		);
	});

	it('counts developments funded against the budget', () => {
		const r = count({
			proposals: [proposal('bus', 'development', 30000), proposal('cafe', 'development', 90000)],
			segments: [],
			ballots: [ballot(30, { bus: 'want', cafe: 'want' })],
			rules: rules({ developmentBudget: 50000 })
		});
		expect(voteSummary(r, none).decision).toBe(
			'The vote funds 1 development (£300 of a £500 budget).'
		);
	});

	it('gives the shortfall and the override order, weakest protection first, with each group named', () => {
		const s = voteSummary(counted('override-order.json'), none);
		expect(s.money).toBe(
			'£450,000 short of the £600,000 savings target (£150,000 saved). Members have an override order, weakest protection first.'
		);
		expect(s.overrideOrder.map((o) => [o.position, o.decision, o.heldBackBy])).toEqual([
			[1, 'marginal', 'too close to call for Service users'],
			[2, 'protected', 'protected by Service users'],
			[3, 'protected', 'protected by Service users']
		]);
	});

	it('says when the target is met, and nothing about money without one', () => {
		const met = count({
			proposals: [proposal('a', 'saving', 1000)],
			segments: [],
			ballots: [ballot(30, { a: 'want' })],
			rules: rules({ savingsTarget: 800, maxDontWants: 0 })
		});
		expect(voteSummary(met, none).money).toBe('The £8 savings target is met: £10 saved.');
		expect(voteSummary(counted('union-groups.json'), none).money).toBeNull();
	});

	it('names who protects each saving, with their figures and fragility', () => {
		const s = voteSummary(
			counted('union-groups.json'),
			new Map([
				['deaf', 'Deaf or hard of hearing'],
				['blind', 'Blind or partially sighted']
			])
		);
		expect(s.protected).toHaveLength(1);
		expect(s.protected[0].groups).toEqual([
			{
				label: 'Deaf or hard of hearing + Blind or partially sighted',
				figures: expect.stringMatching(
					/^Deaf or hard of hearing \+ Blind or partially sighted: \d+ of \d+ don't want it \(\d+%; other voters \d+%\)$/
				),
				fragility: 10
			}
		]);
	});

	it('lists what is too close to call and what is flagged for review', () => {
		expect(
			voteSummary(counted('confidence-marginal.json'), none).marginal.map((m) => m.id)
		).toEqual(['hydro-pool']);
		const flagged = voteSummary(
			counted('undeclared-divergence.json'),
			new Map([['young', 'Aged 16 to 24']])
		).flagged;
		expect(flagged).toEqual([
			{
				title: expect.any(String),
				decision: 'accept',
				groups: [expect.stringMatching(/^Aged 16 to 24: /)]
			}
		]);
	});

	it('says what simple majority would have done differently', () => {
		const r = counted('confidence-marginal.json');
		const [meals, pool] = r.proposals.map((p) => p.title);
		expect(voteSummary(r, none).majority).toBe(
			`Simple majority would have decided 2 proposals differently: it would have accepted ${meals} and ${pool}.`
		);
		expect(voteSummary(counted('override-order.json'), none).majority).toMatch(
			/; found .* not needed\. It would have saved £[\d,]+\.$/
		);
	});

	it('names knock-on changes', () => {
		const r = counted('day-centres.json');
		const changed = r.proposals.filter((p) => p.knockOn).map((p) => p.title);
		expect(voteSummary(r, none).knockOn).toBe(
			`Knock-on: ${listOf(changed)} ${changed.length === 1 ? 'is' : 'are'} accepted only because savings held back higher up cannot count towards the target.`
		);
		expect(voteSummary(counted('union-groups.json'), none).knockOn).toBeNull();
	});

	it.each([
		[
			'decisions that rest on open ballots',
			'assurance-open-ballots.json',
			/^432 ballots backed by a code or checked by staff, 120 open: counting only the assured ballots would change 1 decision, which depends on open ballots: End the dial-a-ride service\.$/
		],
		[
			'that every ballot is assured',
			'union-groups.json',
			/^Every ballot is backed by a participation code or was checked by staff\.$/
		]
	])('says %s', (_name, file, sentence) => {
		expect(voteSummary(counted(file), none).assurance).toMatch(sentence);
	});

	it('says when every ballot is open', () => {
		const r = count({
			proposals: [proposal('a', 'saving', 1000)],
			segments: [],
			ballots: [ballot(30, { a: 'want' }, { assured: false })],
			rules: rules({ maxDontWants: 0 })
		});
		expect(voteSummary(r, none).assurance).toBe(
			'Every ballot is open (not backed by a code or checked by staff), so no decision rests on assured ballots alone.'
		);
	});
});

describe('turnout', () => {
	const vote = count({
		proposals: [proposal('a', 'saving', 1000)],
		segments: [],
		ballots: [
			ballot(300, { a: 'want' }, { area: 'north' }),
			ballot(100, { a: 'want' }, { area: 'south' }),
			ballot(5, { a: 'want' }, { area: 'east' }),
			ballot(20, { a: 'want' })
		],
		rules: rules({ maxDontWants: 0 })
	});

	it('sets ballots against the population, overall and by area, suppressing small areas', () => {
		const t = turnout(vote, [
			{ id: 'north', name: 'North', population: 10000 },
			{ id: 'south', name: 'South', population: 20000 },
			{ id: 'east', name: 'East', population: 5000 }
		]);
		expect(t.population).toBe(35000);
		expect(t.share).toBeCloseTo(425 / 35000);
		expect(t.byArea.map((a) => [a.id, a.ballots, a.share])).toEqual([
			['north', 300, 0.03],
			['south', 100, 0.005],
			['east', null, null]
		]);
		expect(t.elsewhere).toBe(20);
		expect(t.sentence).toBe(
			'425 ballots from a population of 35,000: 1.2% turnout. By area, from 0.5% in South to 3.0% in North. 20 ballots gave no area.'
		);
	});

	it('says so when no population was entered', () => {
		expect(turnout(vote, [{ id: 'north', name: 'North', population: 0 }]).sentence).toBe(
			'425 ballots; no population figures were entered, so turnout cannot be given. 125 ballots gave no area.'
		);
	});

	it.each([
		[0.0196, '2.0%'],
		[0.25, '25%'],
		[0, '0%']
	])('writes a turnout of %s as %s', (share, text) => {
		expect(pct(share)).toBe(text);
	});
});
