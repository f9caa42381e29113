import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RULES } from '../test/votes';
import { canonicalTexts } from './canonical';
import { checkRules, count } from './count';
import { canonicalRules, digestBallots } from './digest';
import { BallotReader, indexInput } from './tallies';
import type { Ballot, CountInput } from './types';

const input: CountInput = {
	proposals: [
		{ id: 'b', title: 'Bee', kind: 'saving', amount: 5, service: 's', affects: ['x', 'users'] },
		{ id: 'a', title: 'Ay', kind: 'development', amount: 7, service: 'r', affects: [] }
	],
	segments: [{ id: 'x', label: 'Ex' }],
	ballots: [
		{
			marks: { a: 'want', b: 'dontWant' },
			uses: ['r', 's'],
			verifiedUses: ['s'],
			segments: ['x'],
			area: 'n',
			channel: 'paper',
			assured: true,
			count: 2
		},
		{ marks: {}, uses: [], segments: [], area: null, channel: 'online', assured: false }
	],
	rules: {
		...RULES,
		method: 'majority',
		protection: {
			margin: 0.2,
			threshold: 0.5,
			minGroup: 20,
			membership: 'declared',
			confidence: 0.95
		}
	}
};

describe('digest (format version 2)', () => {
	it('is SHA-256 of the canonical text described in digest.ts', () => {
		// Written out by hand from the format: proposals and segments as listed, rules in the fixed
		// key order, ballots with marks in proposal order (b before a) and uses in the order the
		// proposals name their services (s before r), sorted by their text.
		const text =
			'{"format":"co-commission/count-input/2",' +
			'"proposals":[{"id":"b","title":"Bee","kind":"saving","amount":5,"service":"s","affects":["x","users"]},' +
			'{"id":"a","title":"Ay","kind":"development","amount":7,"service":"r","affects":[]}],' +
			'"segments":[{"id":"x","label":"Ex"}],' +
			'"rules":{"maxWants":0,"maxDontWants":0,"developmentBudget":0,"savingsTarget":0,"method":"majority",' +
			'"developments":"equalShares","protection":{"minGroup":20,"threshold":0.5,"margin":0.2,"confidence":0.95,"membership":"declared"},"weighting":"none"},' +
			'"groups":null,"ballots":[' +
			'[{"marks":[["b","dontWant"],["a","want"]],"uses":["s","r"],"verifiedUses":["s"],"segments":["x"],"area":"n","ageBand":null,"channel":"paper","assured":true},2],' +
			'[{"marks":[],"uses":[],"verifiedUses":[],"segments":[],"area":null,"ageBand":null,"channel":"online","assured":false},1]]}';
		expect(count(input).digest).toBe(createHash('sha256').update(text).digest('hex'));
	});

	it('does not depend on the key order of the rules, and sorts population rows', () => {
		const rules = checkRules({
			proposals: [],
			rules: {
				...RULES,
				weighting: 'population',
				population: [
					{ count: 3, area: 'z' },
					{ area: 'a', count: 5 }
				]
			}
		});
		expect(JSON.stringify(canonicalRules(rules))).toBe(
			'{"maxWants":0,"maxDontWants":0,"developmentBudget":0,"savingsTarget":0,"method":"protected","developments":"equalShares","protection":{"minGroup":20,"threshold":0.5,"margin":0.2,"confidence":0.95,"membership":"declared"},"weighting":"population","population":[{"area":"a","count":5},{"area":"z","count":3}]}'
		);
	});

	it('hashes many ballots in chunks to the same value as one string', () => {
		const texts: [string, number][] = Array.from({ length: 5000 }, (_, i) => [`{"i":${i}}`, i + 1]);
		const whole = `H${texts.map(([t, n]) => `[${t},${n}]`).join(',')}]}`;
		expect(digestBallots('H', texts)).toBe(createHash('sha256').update(whole).digest('hex'));
	});
});

describe('canonical ballot texts', () => {
	// Ids chosen to trip up an order that is not the order of the text: prefixes ("1" and "10"),
	// quotes, a capital, non-ASCII letters.
	const ids = ['10', '1', 'a"b', 'ab', 'Z', 'é'];
	const services = ['s10', 's1', 'S'];
	const proposals = ids.map((id, i) => ({
		id,
		title: id,
		kind: (i % 2 ? 'saving' : 'development') as 'saving' | 'development',
		amount: 1,
		service: services[i % 3],
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
		uses: fc.subarray(services),
		verified: fc.boolean(),
		segments: fc.subarray(['y', 'x', 'x2']),
		area: fc.constantFrom('n', 'n s', null, 'Ω', '"q"', 'N'),
		ageBand: fc.constantFrom('16-24', '65+', null),
		channel: fc.constantFrom(
			'online' as const,
			'room' as const,
			'paper' as const,
			'kiosk' as const
		),
		assured: fc.boolean(),
		count: fc.integer({ min: 1, max: 5 })
	});

	/** The text written out directly from its definition, for comparison. */
	function directText(b: Ballot): string {
		return JSON.stringify({
			marks: ids.filter((id) => b.marks[id]).map((id) => [id, b.marks[id]]),
			uses: services.filter((s) => b.uses.includes(s)),
			verifiedUses: services.filter((s) => b.verifiedUses?.includes(s)),
			segments: ['y', 'x', 'x2'].filter((s) => b.segments.includes(s)),
			area: b.area,
			ageBand: b.ageBand ?? null,
			channel: b.channel,
			assured: b.assured
		});
	}

	it('come out sorted by text, each written as defined, with their counts', () => {
		fc.assert(
			fc.property(fc.array(ballotArb, { maxLength: 40 }), (raw) => {
				const ballots: Ballot[] = raw.map(({ verified, ...b }) => ({
					...b,
					verifiedUses: verified && b.assured ? b.uses.slice(0, 1) : [],
					marks: Object.fromEntries(ids.flatMap((id, i) => (b.marks[i] ? [[id, b.marks[i]]] : [])))
				}));
				const reader = new BallotReader(indexInput(proposals, segments, RULES, false));
				for (const b of ballots) reader.add(b);
				const got = [...canonicalTexts(reader)];
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
