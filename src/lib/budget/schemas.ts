/**
 * zod schemas for what a scenario file, a published vote or a staff form sends to the count
 * (docs/counting.md, version 2). JSON schemas take numbers; the rules form takes the strings
 * FormData gives and converts them (pounds to pence, percentages to fractions). Messages are
 * plain English.
 */
import { z } from 'zod';
import {
	CHANNELS,
	DEVELOPMENT_RULES,
	METHODS,
	type Ballot,
	type CountInput,
	type ProtectionRules,
	type Rules
} from './types';

/** Ids: letters, digits, `-`, `_` and `.`, starting with a letter or digit. */
const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const idSchema = (what: string) =>
	z
		.string(`Give the ${what} an id.`)
		.regex(ID, `The ${what} id must be 1 to 64 letters, digits, "-", "_" or ".".`);

/** The most a budget, target or amount may be: £10 billion, in pence. */
export const MAX_PENCE = 1_000_000_000_000;

/** counting.md: groups of at least 20, half of them, 20 points more than others, 95% sure. */
export const DEFAULT_PROTECTION = {
	minGroup: 20,
	threshold: 0.5,
	margin: 0.2,
	confidence: 0.95,
	membership: 'declared'
} as const satisfies ProtectionRules;

/** The protection settings (fractions, not percentages). */
export const ProtectionSchema = z.object({
	minGroup: z
		.number()
		.int('The minimum group size must be a whole number.')
		.min(10, 'The minimum group size must be at least 10.')
		.max(1_000_000, 'The minimum group size is too large.')
		.default(DEFAULT_PROTECTION.minGroup),
	threshold: z
		.number()
		.min(0, 'The threshold must be between 0 and 1.')
		.max(1, 'The threshold must be between 0 and 1.')
		.default(DEFAULT_PROTECTION.threshold),
	margin: z
		.number()
		.min(0, 'The margin must be between 0 and 1.')
		.max(1, 'The margin must be between 0 and 1.')
		.default(DEFAULT_PROTECTION.margin),
	confidence: z
		.union([z.literal(0.95), z.literal('none')], 'The confidence must be 0.95 or "none".')
		.default(DEFAULT_PROTECTION.confidence),
	membership: z
		.enum(['declared', 'verified'], 'Membership must be "declared" or "verified".')
		.default(DEFAULT_PROTECTION.membership)
});

const pence = (what: string) =>
	z
		.number()
		.int(`The ${what} must be a whole number of pence.`)
		.min(0, `The ${what} cannot be negative.`)
		.max(MAX_PENCE, `The ${what} is too large.`);

/** The most wants or don't-wants a vote may allow on one ballot. */
const MAX_LIMIT = 1000;

const limit = (what: string) =>
	z
		.number()
		.int(`The limit on ${what} must be a whole number.`)
		.min(0, `The limit on ${what} cannot be negative.`)
		.max(MAX_LIMIT, `The limit on ${what} is too large.`);

/** Population of an area (or an area and age band), for weighting. */
export const PopulationCellSchema = z.object({
	area: z.string().trim().min(1, 'Name the area.').max(100),
	ageBand: z.string().trim().min(1).max(50).optional(),
	count: z
		.number()
		.int('A population must be a whole number.')
		.min(1, 'A population must be at least 1.')
		.max(100_000_000, 'That population is too large.')
});

/**
 * The rules of a vote, with the defaults of docs/counting.md. `maxDontWants` has no default: a
 * vote with savings must state it (the count checks), so that "no limit" is never silent.
 */
export const RulesSchema = z.object({
	maxWants: limit('wants').default(0),
	maxDontWants: limit("don't-wants").optional(),
	developmentBudget: pence('development budget').default(0),
	savingsTarget: pence('savings target').default(0),
	method: z.enum(METHODS, 'The method must be "protected" or "majority".').default('protected'),
	developments: z
		.enum(DEVELOPMENT_RULES, 'Developments must be chosen by "equalShares" or "greedy".')
		.default('equalShares'),
	protection: ProtectionSchema.default({ ...DEFAULT_PROTECTION }),
	weighting: z
		.enum(['none', 'population'], 'Choose no weighting or population weighting.')
		.default('none'),
	population: z.array(PopulationCellSchema).max(100_000).optional()
});

/** A demographic group residents may say they belong to. */
export const SegmentSchema = z.object({
	id: idSchema('group'),
	label: z
		.string('Give the group a name.')
		.trim()
		.min(1, 'Give the group a name.')
		.max(100, 'Keep the group name under 100 characters.')
});

/** A proposal as JSON: amount in pence. */
export const ProposalSchema = z.object({
	id: idSchema('proposal'),
	title: z
		.string('Give the proposal a title.')
		.trim()
		.min(1, 'Give the proposal a title.')
		.max(200, 'Keep the title under 200 characters.'),
	kind: z.enum(['saving', 'development'], 'Choose whether this is a saving or a development.'),
	amount: pence('amount'),
	service: idSchema('service'),
	affects: z.array(idSchema('group')).max(50, 'Too many groups.').default([])
});

/** A mark on a proposal. */
export const MarkSchema = z.enum(['want', 'dontWant'], 'Each mark must be "want" or "dontWant".');

/** A ballot as a scenario file or a recount sends it (identical ballots may carry a count). */
export const BallotSchema = z.object({
	marks: z.record(idSchema('proposal'), MarkSchema).default({}),
	uses: z.array(idSchema('service')).max(1000).default([]),
	verifiedUses: z.array(idSchema('service')).max(1000).optional(),
	segments: z.array(idSchema('group')).max(100).default([]),
	area: z.string().trim().max(100, 'Keep the area under 100 characters.').nullable().default(null),
	ageBand: z.string().trim().max(50).nullable().optional(),
	channel: z.enum(CHANNELS, 'The channel must be online, room, paper or kiosk.').default('online'),
	assured: z.boolean('Say whether the ballot is assured: true or false.'),
	weight: z
		.undefined('A ballot carries no weight: weights are worked out by the count, never given.')
		.optional(),
	count: z
		.number()
		.int('A ballot count must be a whole number.')
		.min(1, 'A ballot count must be at least 1.')
		.max(100_000_000)
		.default(1)
});

const figure = z.number().int('Group figures must be whole numbers.').min(0).max(100_000_000);
const publishedFigures = z.union([
	z.object({ ballots: figure, wants: figure, dontWants: figure }).strict(),
	z
		.object({
			fewerThan10: z.literal(true),
			joinsUnions: z.boolean('Say whether the group joins unions: true or false.')
		})
		.strict()
]);

/** One group's figures for one proposal, given as totals (see `CountInput.groups`). */
export const GroupTotalsSchema = z.object({
	proposal: idSchema('proposal'),
	group: z
		.string()
		.regex(/^[A-Za-z0-9][A-Za-z0-9_.+-]{0,700}$/, 'A group is one or more ids joined with "+".'),
	all: publishedFigures,
	assured: publishedFigures
});

/** A scenario file (scenarios/README.md, format version 2): a small vote and what it must give. */
export const ScenarioSchema = z.object({
	version: z.literal(2, 'This file is not format version 2.'),
	name: z.string().max(300).optional(),
	story: z.string().max(20_000).optional(),
	rules: RulesSchema,
	segments: z.array(SegmentSchema).max(200).default([]),
	proposals: z.array(ProposalSchema).min(1, 'A vote needs at least one proposal.').max(5000),
	ballots: z.array(BallotSchema).max(10_000_000),
	groups: z.array(GroupTotalsSchema).max(1_000_000).optional(),
	expected: z.unknown().optional()
});

export type Scenario = z.infer<typeof ScenarioSchema>;

/** The count input a parsed scenario describes. */
export function scenarioInput(s: Scenario): CountInput & { ballots: Ballot[] } {
	return {
		proposals: s.proposals,
		segments: s.segments,
		ballots: s.ballots.map(({ weight: _weight, ...b }) => b),
		rules: s.rules,
		...(s.groups ? { groups: s.groups } : {})
	};
}

// ---- The staff rules form (FormData values are strings) ----

/** Pounds as typed ("1,250", "£1250.50", "") to whole pence. */
const poundsField = (what: string) =>
	z
		.string()
		.trim()
		.default('')
		.transform((s) => s.replace(/[£,\s]/g, ''))
		.refine(
			(s) => s === '' || /^\d+(\.\d{1,2})?$/.test(s),
			`Enter the ${what} in pounds, like 1250 or 1250.50.`
		)
		.transform((s) => (s === '' ? 0 : Math.round(Number(s) * 100)))
		.pipe(pence(what));

/** A percentage as typed ("50", "12.5") to a fraction (0.5, 0.125), kept an exact decimal. */
const percentField = (what: string, fallback: number) =>
	z
		.string()
		.trim()
		.default('')
		.refine(
			(s) => s === '' || /^\d{1,3}(\.\d{1,2})?$/.test(s),
			`Enter the ${what} as a percentage, like 50.`
		)
		// Dividing the typed digits by 100 in decimal, not binary: "12.5" is exactly 0.125.
		.transform((s) => (s === '' ? fallback : Number(shiftDecimal(s, 2))))
		.pipe(z.number().max(1, `The ${what} cannot be more than 100%.`));

/** "12.5" shifted two places left is "0.125", as text, so no binary rounding comes in. */
function shiftDecimal(s: string, places: number): string {
	const [whole, frac = ''] = s.split('.');
	const digits = whole.padStart(places + 1, '0') + frac;
	const point = digits.length - frac.length - places;
	const text = `${digits.slice(0, point).replace(/^0+(?=\d)/, '')}.${digits.slice(point)}`;
	return text.replace(/\.?0+$/, '');
}

const countField = (what: string, fallback: number, max: number) =>
	z
		.string()
		.trim()
		.default('')
		.refine((s) => s === '' || /^\d+$/.test(s), `Enter the ${what} as a whole number.`)
		.transform((s) => (s === '' ? fallback : Number(s)))
		.pipe(z.number().max(max, `The ${what} is too large.`));

/**
 * The rules as a staff form sends them: money in pounds, shares as percentages. The limit on
 * don't-wants must be filled in (0 for "no limit", chosen on purpose).
 */
export const RulesFormSchema = z
	.object({
		maxWants: countField('limit on wants', 0, MAX_LIMIT),
		maxDontWants: z
			.string()
			.trim()
			.min(1, "Enter the most Don't wants a ballot may have (0 for no limit).")
			.regex(/^\d+$/, "Enter the limit on don't-wants as a whole number.")
			.transform(Number)
			.pipe(z.number().max(MAX_LIMIT, "The limit on don't-wants is too large.")),
		developmentBudget: poundsField('development budget'),
		savingsTarget: poundsField('savings target'),
		method: z.enum(METHODS, 'Choose protected or majority.').default('protected'),
		developments: z
			.enum(DEVELOPMENT_RULES, 'Choose how developments are chosen.')
			.default('equalShares'),
		minGroup: countField('minimum group size', DEFAULT_PROTECTION.minGroup, 1_000_000).pipe(
			z.number().min(10, 'The minimum group size must be at least 10.')
		),
		threshold: percentField('threshold', DEFAULT_PROTECTION.threshold),
		margin: percentField('margin', DEFAULT_PROTECTION.margin),
		confidence: z
			.enum(['0.95', 'none'], 'Choose whether to test at 95% confidence.')
			.default('0.95'),
		membership: z
			.enum(['declared', 'verified'], 'Choose who counts as a service user.')
			.default('declared'),
		weighting: z
			.enum(['none', 'population'], 'Choose no weighting or population weighting.')
			.default('none')
	})
	.transform((f): Rules => ({
		maxWants: f.maxWants,
		maxDontWants: f.maxDontWants,
		developmentBudget: f.developmentBudget,
		savingsTarget: f.savingsTarget,
		method: f.method,
		developments: f.developments,
		protection: {
			minGroup: f.minGroup,
			threshold: f.threshold,
			margin: f.margin,
			confidence: f.confidence === 'none' ? 'none' : 0.95,
			membership: f.membership
		},
		weighting: f.weighting
	}));
