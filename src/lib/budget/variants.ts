/**
 * The rule variants of refdata/README.md, by their reference names, and how the recount command
 * line names them (--method, --utility, --completion).
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
	const u = utility === 'cost' ? 'cost' : 'card';
	if (method === 'greedy') return `greedy_${u}`;
	const fill = utility === 'cost' ? '_greedy' : '_greedy_card';
	switch (completion) {
		case 'none':
			return `mes_${u}`;
		case 'add1':
			return `mes_${u}_add1`;
		case 'add1-greedy':
			return `mes_${u}_add1${fill}` as Variant;
		case 'add1u':
			return `mes_${u}_add1_integral`;
		case 'add1u-greedy':
			return `mes_${u}_add1_integral${fill}` as Variant;
	}
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
	const stats = options.stats;
	const utility: Utility = variant.includes('_card') ? 'cardinality' : 'cost';
	if (variant.startsWith('greedy_')) return greedy(pp, utility);
	if (variant === 'mes_cost' || variant === 'mes_card') return equalShares(pp, utility, stats);
	const outcome = equalSharesAdd1(
		pp,
		{
			utility,
			integral: variant.includes('_integral'),
			increment: options.increment,
			exhaustiveStop: !variant.includes('_noexh')
		},
		stats
	);
	return variant.endsWith('_greedy') || variant.endsWith('_greedy_card')
		? greedy(pp, utility, { start: outcome })
		: outcome;
}
