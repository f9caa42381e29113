import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { count } from './count';
import { canonicalRules, digestBallots, digestHeader } from './digest';
import { RulesSchema } from './schemas';
import { BallotAggregate, indexInput } from './tallies';
import type { Ballot, CountInput } from './types';

const input: CountInput = {
	proposals: [
		{ id: 'b', title: 'Bee', kind: 'saving', amount: 5, service: 's', affects: ['x'] },
		{ id: 'a', title: 'Ay', kind: 'development', amount: 7, service: 's', affects: [] }
	],
	segments: [{ id: 'x', label: 'Ex' }],
	ballots: [
		{
			marks: { a: 'want', b: 'dontWant' },
			uses: ['a'],
			segments: ['x'],
			area: 'n',
			channel: 'paper',
			count: 2
		},
		{ marks: {}, uses: [], segments: [], area: null, channel: 'online' }
	],
	rules: {
		weighting: 'none',
		method: 'majority',
		protection: { margin: 0.2, threshold: 0.5, minGroup: 20 },
		savingsTarget: 0,
		developmentBudget: 0,
		maxDontWants: 0,
		maxWants: 0
	}
};

describe('digest', () => {
	it('is SHA-256 of the canonical text described in digest.ts', () => {
		// Written out by hand from the format: proposals and segments as listed, rules in the fixed
		// key order, ballots with marks in proposal order (b before a), sorted by their text.
		const text =
			'{"format":"co-commission/count-input/1",' +
			'"proposals":[{"id":"b","title":"Bee","kind":"saving","amount":5,"service":"s","affects":["x"]},' +
			'{"id":"a","title":"Ay","kind":"development","amount":7,"service":"s","affects":[]}],' +
			'"segments":[{"id":"x","label":"Ex"}],' +
			'"rules":{"maxWants":0,"maxDontWants":0,"developmentBudget":0,"savingsTarget":0,"method":"majority",' +
			'"protection":{"minGroup":20,"threshold":0.5,"margin":0.2},"weighting":"none"},' +
			'"population":null,"ballots":[' +
			'[{"marks":[["b","dontWant"],["a","want"]],"uses":["a"],"segments":["x"],"area":"n","ageBand":null,"channel":"paper"},2],' +
			'[{"marks":[],"uses":[],"segments":[],"area":null,"ageBand":null,"channel":"online"},1]]}';
		const expected = createHash('sha256').update(text).digest('hex');
		expect(count(input).digest).toBe(expected);
	});

	it('does not depend on the key order of the rules', () => {
		expect(Object.keys(canonicalRules(input.rules))).toEqual([
			'maxWants',
			'maxDontWants',
			'developmentBudget',
			'savingsTarget',
			'method',
			'protection',
			'weighting'
		]);
	});

	it('sorts population cells so their order does not matter', () => {
		const one = digestHeader(input.proposals, input.segments, input.rules, [
			{ area: 's', population: 1 },
			{ area: 'n', population: 2 }
		]);
		const two = digestHeader(input.proposals, input.segments, input.rules, [
			{ area: 'n', population: 2 },
			{ area: 's', population: 1 }
		]);
		expect(one).toBe(two);
	});

	it('hashes many ballots in chunks to the same value as one string', () => {
		const sorted = Array.from(
			{ length: 5000 },
			(_, i) => [`{"i":${String(i).padStart(4, '0')}}`, i + 1] as [string, number]
		);
		const whole = createHash('sha256')
			.update('H' + sorted.map(([k, n]) => `[${k},${n}]`).join(',') + ']}')
			.digest('hex');
		expect(digestBallots('H', sorted)).toBe(whole);
	});
});

describe('canonical ballot texts', () => {
	// Ids chosen to trip up an order that is not the order of the text: prefixes ("1" and "10"),
	// quotes, a capital, non-ASCII letters.
	const ids = ['10', '1', 'a"b', 'ab', 'Z', 'é'];
	const proposals = ids.map((id, i) => ({
		id,
		title: id,
		kind: (i % 2 ? 'saving' : 'development') as 'saving' | 'development',
		amount: 1,
		service: `s${i % 3}`,
		affects: []
	}));
	const segments = [
		{ id: 'y', label: 'Y' },
		{ id: 'x', label: 'X' },
		{ id: 'x2', label: 'X2' }
	];
	const ballotArb = fc.record({
		marks: fc.array(fc.constantFrom<'want' | 'dontWant' | null>('want', 'dontWant', null), {
			minLength: 6,
			maxLength: 6
		}),
		uses: fc.subarray(ids),
		segments: fc.subarray(['y', 'x', 'x2']),
		area: fc.constantFrom('n', 'n s', null, 'Ω', '"q"', 'N'),
		ageBand: fc.constantFrom('16-24', '65+', null),
		channel: fc.constantFrom(
			'online' as const,
			'room' as const,
			'paper' as const,
			'kiosk' as const
		),
		count: fc.integer({ min: 1, max: 5 })
	});

	/** The text written out directly from its definition, for comparison. */
	function directText(b: Ballot): string {
		const marks = ids.filter((id) => b.marks[id]).map((id) => [id, b.marks[id]]);
		const uses = ids.filter((id) => b.uses.includes(id));
		const segs = ['y', 'x', 'x2'].filter((s) => b.segments.includes(s));
		return JSON.stringify({
			marks,
			uses,
			segments: segs,
			area: b.area,
			ageBand: b.ageBand ?? null,
			channel: b.channel
		});
	}

	it('come out sorted by text, each written as defined, with their counts', () => {
		fc.assert(
			fc.property(fc.array(ballotArb, { maxLength: 40 }), (raw) => {
				const ballots: Ballot[] = raw.map((b) => ({
					...b,
					marks: Object.fromEntries(ids.flatMap((id, i) => (b.marks[i] ? [[id, b.marks[i]]] : [])))
				}));
				const agg = new BallotAggregate(
					indexInput(proposals, segments, RulesSchema.parse({}), 'none')
				);
				for (const b of ballots) agg.add(b);
				const got = [...agg.canonicalTexts()];
				const texts = got.map(([t]) => t);
				expect(texts).toEqual([...texts].sort());
				const expected = new Map<string, number>();
				for (const b of ballots)
					expected.set(directText(b), (expected.get(directText(b)) ?? 0) + (b.count ?? 1));
				expect(new Map(got)).toEqual(expected);
			}),
			{ numRuns: 300 }
		);
	});
});
