/**
 * The rule variants of refdata/README.md, by their reference names, and how the recount command
 * line names them (--method, --utility, --completion); and Equal Shares with its completion,
 * which the council count runs too.
 */
import type { PreparedProfile } from './approval-profile';
import { equalShares, equalSharesAdd1, type MesStats, type Utility } from './equal-shares';
import { greedy } from './greedy';

/** Every variant these rules can run, by its reference name. */
export const VARIANTS = [
	'greedy_cost',
	'greedy_card',
	'mes_cost',
	'mes_card',
	'mes_cost_add1',
	'mes_cost_add1_greedy',
	'mes_card_add1',
	'mes_card_add1_greedy_card',
	'mes_cost_add1_integral',
	'mes_cost_add1_integral_greedy',
	'mes_card_add1_integral',
	'mes_card_add1_integral_greedy_card',
	'mes_cost_add1_noexh',
	'mes_cost_add1_noexh_greedy'
] as const;

export type Variant = (typeof VARIANTS)[number];

/**
 * How Equal Shares is completed, as the recount's --completion names it: not at all, by Add1
 * (from B / n, or from floor(B / n): "add1u"), with or without a greedy fill.
 */
export const COMPLETIONS = ['none', 'add1', 'add1-greedy', 'add1u', 'add1u-greedy'] as const;

export type Completion = (typeof COMPLETIONS)[number];

/** What each completion does after Equal Shares: Add1 (from floor(B / n) when integral), greedy. */
const COMPLETION_STEPS: Record<
	Completion,
	{ add1: boolean; integral: boolean; greedyFill: boolean }
> = {
	none: { add1: false, integral: false, greedyFill: false },
	add1: { add1: true, integral: false, greedyFill: false },
	'add1-greedy': { add1: true, integral: false, greedyFill: true },
	add1u: { add1: true, integral: true, greedyFill: false },
	'add1u-greedy': { add1: true, integral: true, greedyFill: true }
};

interface VariantRule {
	method: 'greedy' | 'equal-shares';
	utility: Utility;
	/** Ignored by greedy. */
	completion: Completion;
	/** Add1 stops at the first exhaustive outcome: all but the "_noexh" variants. */
	exhaustiveStop: boolean;
}

const rule = (
	method: VariantRule['method'],
	utility: Utility,
	completion: Completion = 'none',
	exhaustiveStop = true
): VariantRule => ({ method, utility, completion, exhaustiveStop });

/** Each variant's rule: the one table the reference names and the command line's flags meet in. */
const VARIANT_RULES: Record<Variant, VariantRule> = {
	greedy_cost: rule('greedy', 'cost'),
	greedy_card: rule('greedy', 'cardinality'),
	mes_cost: rule('equal-shares', 'cost'),
	mes_card: rule('equal-shares', 'cardinality'),
	mes_cost_add1: rule('equal-shares', 'cost', 'add1'),
	mes_cost_add1_greedy: rule('equal-shares', 'cost', 'add1-greedy'),
	mes_card_add1: rule('equal-shares', 'cardinality', 'add1'),
	mes_card_add1_greedy_card: rule('equal-shares', 'cardinality', 'add1-greedy'),
	mes_cost_add1_integral: rule('equal-shares', 'cost', 'add1u'),
	mes_cost_add1_integral_greedy: rule('equal-shares', 'cost', 'add1u-greedy'),
	mes_card_add1_integral: rule('equal-shares', 'cardinality', 'add1u'),
	mes_card_add1_integral_greedy_card: rule('equal-shares', 'cardinality', 'add1u-greedy'),
	mes_cost_add1_noexh: rule('equal-shares', 'cost', 'add1', false),
	mes_cost_add1_noexh_greedy: rule('equal-shares', 'cost', 'add1-greedy', false)
};

/** Whether a name is one of `VARIANTS`. */
export function isVariant(name: string): name is Variant {
	return (VARIANTS as readonly string[]).includes(name);
}

/** The variant a command line asks for; greedy ignores the completion. */
export function variantFor(
	method: 'greedy' | 'equal-shares',
	utility: Utility,
	completion: Completion
): Variant {
	return VARIANTS.find((v) => {
		const r = VARIANT_RULES[v];
		return (
			r.method === method &&
			r.utility === utility &&
			r.exhaustiveStop &&
			(method === 'greedy' || r.completion === completion)
		);
	}) as Variant;
}

/**
 * Equal Shares completed as `completion` says: `core` is what Equal Shares itself chose (Add1's
 * outcome, when it runs), `selected` that with the greedy fill, in the order chosen. The council
 * count and the reference variants both run their completions through here.
 */
export function completedEqualShares(
	pp: PreparedProfile,
	utility: Utility,
	completion: Completion,
	options: {
		increment?: number;
		exhaustiveStop?: boolean;
		/** Whether the greedy fill may fund projects nobody approved (`GreedyOptions`). */
		includeUnsupported?: boolean;
		stats?: MesStats;
	} = {}
): { core: number[]; selected: number[] } {
	const steps = COMPLETION_STEPS[completion];
	const core = steps.add1
		? equalSharesAdd1(
				pp,
				{
					utility,
					integral: steps.integral,
					increment: options.increment,
					exhaustiveStop: options.exhaustiveStop
				},
				options.stats
			)
		: equalShares(pp, utility, options.stats);
	const selected = steps.greedyFill
		? greedy(pp, utility, { start: core, includeUnsupported: options.includeUnsupported })
		: core;
	return { core, selected };
}

/**
 * Runs one variant with the reference conventions (projects nobody approved may be funded by
 * the greedy walk, last, if they fit). `increment` is the Add1 step: one currency unit.
 * @returns project indices in the order selected
 */
export function runVariant(
	pp: PreparedProfile,
	variant: Variant,
	options: { increment?: number; stats?: MesStats } = {}
): number[] {
	const r = VARIANT_RULES[variant];
	if (r.method === 'greedy') return greedy(pp, r.utility);
	return completedEqualShares(pp, r.utility, r.completion, {
		increment: options.increment,
		exhaustiveStop: r.exhaustiveStop,
		stats: options.stats
	}).selected;
}
