import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepareProfile, type PreparedProfile } from './approval-profile';
import { parsePabulib } from './pabulib';
import { pabulibElection, type PabulibElection } from './pabulib-election';
import { isVariant, runVariant, variantFor, VARIANTS, type Variant } from './variants';

/** The project's copy of the reference data (tests never read /work/shared). */
const REFDATA = new URL('../../../tests/fixtures/refdata/', import.meta.url);

/** The variants refdata/README.md requires, plus the optional ones where recorded. */
const TABLE: Variant[] = [
	'greedy_cost',
	'greedy_card',
	'mes_cost',
	'mes_card',
	'mes_cost_add1',
	'mes_cost_add1_greedy',
	'mes_card_add1',
	'mes_card_add1_greedy_card',
	'mes_cost_add1_integral_greedy'
];
const OPTIONAL: Variant[] = [
	'mes_cost_add1_integral',
	'mes_cost_add1_noexh',
	'mes_cost_add1_noexh_greedy'
];

interface Expected {
	source_file: string;
	rules: Record<string, { selected: string[] | null } | undefined>;
}

const instances = readdirSync(new URL('expected/', REFDATA))
	.filter((f) => f.endsWith('.json'))
	.map((f) => JSON.parse(readFileSync(new URL(`expected/${f}`, REFDATA), 'utf8')) as Expected);

const loaded = new Map<string, { el: PabulibElection; pp: PreparedProfile }>();
function load(file: string) {
	let l = loaded.get(file);
	if (!l) {
		const el = pabulibElection(
			parsePabulib(readFileSync(new URL(`pabulib/${file}`, REFDATA), 'utf8'))
		);
		l = { el, pp: prepareProfile(el.profile) };
		loaded.set(file, l);
	}
	return l;
}

function cases(variants: Variant[]) {
	return instances.flatMap((e) =>
		variants
			.filter((v) => e.rules[v]?.selected)
			.map((v) => ({ file: e.source_file, variant: v, expected: e.rules[v]?.selected as string[] }))
	);
}

describe('reference selections (pabutools 1.2.3, exact fractions)', () => {
	it('covers every instance that has an expected file', () => {
		expect(instances.length).toBe(10);
		expect(cases(TABLE).length).toBeGreaterThanOrEqual(80);
	});

	it.each(cases(TABLE))('$file $variant', ({ file, variant, expected }) => {
		const { el, pp } = load(file);
		expect(runVariant(pp, variant, { increment: el.unit }).map((p) => el.profile.ids[p])).toEqual(
			expected
		);
	});

	it.each(cases(OPTIONAL))('$file $variant (optional variant)', ({ file, variant, expected }) => {
		const { el, pp } = load(file);
		expect(runVariant(pp, variant, { increment: el.unit }).map((p) => el.profile.ids[p])).toEqual(
			expected
		);
	});
});

describe('equalshares.net tool results', () => {
	// The tool breaks remaining ties in its own key order, so where it reports an outcome (no
	// tie error, no comparison step) the same projects must be chosen; for plain Equal Shares,
	// which had no ties in these files, in the same order.
	const toolCases = readdirSync(new URL('expected/', REFDATA))
		.filter((f) => f.endsWith('.jsonl'))
		.flatMap((f) =>
			readFileSync(new URL(`expected/${f}`, REFDATA), 'utf8')
				.trim()
				.split('\n')
				.map(
					(line) =>
						JSON.parse(line) as {
							variant: string;
							result: {
								params: { completion: string; comparison: string };
								winners: string[] | null;
							};
						}
				)
				.filter((r) => r.result.winners && r.result.params.comparison === 'none')
				.map((r) => ({
					file: f.replace('.equalshares-tool.jsonl', '.pb'),
					name: r.variant,
					...r.result
				}))
		);

	it.each(toolCases)('$file $name', ({ file, params, winners }) => {
		const { el, pp } = load(file);
		const variant: Variant =
			params.completion === 'none' ? 'mes_cost' : 'mes_cost_add1_integral_greedy';
		const got = runVariant(pp, variant, { increment: el.unit }).map((p) => el.profile.ids[p]);
		if (params.completion === 'none') expect(got).toEqual(winners);
		else expect([...got].sort()).toEqual([...(winners as string[])].sort());
	});
});

describe('command-line variant names', () => {
	it.each([
		{
			method: 'greedy' as const,
			utility: 'cost' as const,
			completion: 'add1' as const,
			variant: 'greedy_cost'
		},
		{
			method: 'greedy' as const,
			utility: 'cardinality' as const,
			completion: 'none' as const,
			variant: 'greedy_card'
		},
		{
			method: 'equal-shares' as const,
			utility: 'cost' as const,
			completion: 'none' as const,
			variant: 'mes_cost'
		},
		{
			method: 'equal-shares' as const,
			utility: 'cardinality' as const,
			completion: 'none' as const,
			variant: 'mes_card'
		},
		{
			method: 'equal-shares' as const,
			utility: 'cost' as const,
			completion: 'add1' as const,
			variant: 'mes_cost_add1'
		},
		{
			method: 'equal-shares' as const,
			utility: 'cost' as const,
			completion: 'add1-greedy' as const,
			variant: 'mes_cost_add1_greedy'
		},
		{
			method: 'equal-shares' as const,
			utility: 'cardinality' as const,
			completion: 'add1' as const,
			variant: 'mes_card_add1'
		},
		{
			method: 'equal-shares' as const,
			utility: 'cardinality' as const,
			completion: 'add1-greedy' as const,
			variant: 'mes_card_add1_greedy_card'
		},
		{
			method: 'equal-shares' as const,
			utility: 'cost' as const,
			completion: 'add1u-greedy' as const,
			variant: 'mes_cost_add1_integral_greedy'
		},
		{
			method: 'equal-shares' as const,
			utility: 'cost' as const,
			completion: 'add1u' as const,
			variant: 'mes_cost_add1_integral'
		}
	])('$method $utility $completion is $variant', ({ method, utility, completion, variant }) => {
		expect(variantFor(method, utility, completion)).toBe(variant);
		expect(isVariant(variant)).toBe(true);
	});

	it('knows every variant it names', () => {
		expect(VARIANTS.every(isVariant)).toBe(true);
		expect(isVariant('mes_cost_add2')).toBe(false);
	});
});
