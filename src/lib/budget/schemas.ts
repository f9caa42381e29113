/**
 * zod schemas for everything a form, an endpoint or a scenario file sends to the count.
 * JSON schemas take numbers; form schemas take the strings FormData gives and convert them
 * (pounds to pence, percentages to fractions, checkboxes to lists). Messages are for residents
 * and staff, in plain English.
 */
import { z } from 'zod';
import { CHANNELS, METHODS, type Ballot, type Proposal, type Rules, type Segment } from './types';

/** Ids: letters, digits, `-`, `_` and `.`, starting with a letter or digit. */
const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const idSchema = (what: string) =>
	z
		.string(`Give the ${what} an id.`)
		.regex(ID, `The ${what} id must be 1 to 64 letters, digits, "-", "_" or ".".`);

/** The most a budget, target or amount may be: £10 billion, in pence. */
export const MAX_PENCE = 1_000_000_000_000;

/** counting.md: groups of at least 20, half of them, 20 points more than others. */
export const DEFAULT_PROTECTION = { minGroup: 20, threshold: 0.5, margin: 0.2 } as const;

/** The protection settings (fractions, not percentages). */
export const ProtectionSchema = z.object({
	minGroup: z
		.number()
		.int('The minimum group size must be a whole number.')
		.min(1, 'The minimum group size must be at least 1.')
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
		.default(DEFAULT_PROTECTION.margin)
});

const pence = (what: string) =>
	z
		.number()
		.int(`The ${what} must be a whole number of pence.`)
		.min(0, `The ${what} cannot be negative.`)
		.max(MAX_PENCE, `The ${what} is too large.`);

const limit = (what: string) =>
	z
		.number()
		.int(`The limit on ${what} must be a whole number.`)
		.min(0, `The limit on ${what} cannot be negative.`)
		.max(1000, `The limit on ${what} is too large.`);

/** The rules of a vote, with the defaults of docs/counting.md. */
export const RulesSchema = z.object({
	maxWants: limit('wants').default(0),
	maxDontWants: limit("don't-wants").default(0),
	developmentBudget: pence('development budget').default(0),
	savingsTarget: pence('savings target').default(0),
	method: z
		.enum(METHODS, 'Choose protected, majority, equal shares or greedy.')
		.default('protected'),
	protection: ProtectionSchema.default({ ...DEFAULT_PROTECTION }),
	weighting: z
		.enum(['none', 'population'], 'Choose no weighting or population weighting.')
		.default('none')
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

/** A ballot as an endpoint or a scenario file sends it (identical ballots may carry a count). */
export const BallotSchema = z.object({
	marks: z.record(idSchema('proposal'), MarkSchema).default({}),
	uses: z.array(idSchema('proposal')).max(1000).default([]),
	segments: z.array(idSchema('group')).max(100).default([]),
	area: z.string().trim().max(100, 'Keep the area under 100 characters.').nullable().default(null),
	ageBand: z.string().trim().max(50).nullable().optional(),
	channel: z.enum(CHANNELS, 'The channel must be online, room, paper or kiosk.').default('online'),
	count: z
		.number()
		.int('A ballot count must be a whole number.')
		.min(1, 'A ballot count must be at least 1.')
		.max(100_000_000)
		.default(1)
});

/** Population of an area (or an area and age band), for weighting. */
export const PopulationCellSchema = z.object({
	area: z.string().trim().min(1, 'Name the area.').max(100),
	ageBand: z.string().trim().min(1).max(50).optional(),
	population: z
		.number()
		.int('A population must be a whole number.')
		.min(0, 'A population cannot be negative.')
		.max(100_000_000, 'That population is too large.')
});

/** A segment given only as totals (see `CountInput.segmentTotals`). */
export const SegmentTotalsSchema = z.object({
	segment: idSchema('group'),
	ballots: z.number().int('Segment ballots must be a whole number.').min(0).max(100_000_000),
	n: z.number().min(0).max(1e12),
	marks: z.record(
		idSchema('proposal'),
		z.tuple([z.number().min(0).max(1e12), z.number().min(0).max(1e12)])
	)
});

const decisionSchema = z.enum(['fund', 'accept', 'protected', 'notSelected']);
const expectedOutcome = z.object({
	decisions: z.record(z.string(), decisionSchema),
	protectedBy: z.record(z.string(), z.array(z.string())).optional(),
	flaggedSegments: z.record(z.string(), z.array(z.string())).optional(),
	saved: z.number().optional(),
	shortfall: z.number().optional()
});

/** A scenario file (scenarios/README.md): a small vote with the decisions it must give. */
export const ScenarioSchema = z.object({
	name: z.string().max(300).optional(),
	rules: RulesSchema,
	segments: z.array(SegmentSchema).max(200).default([]),
	proposals: z.array(ProposalSchema).min(1, 'A vote needs at least one proposal.').max(5000),
	ballots: z.array(BallotSchema).max(10_000_000),
	population: z.array(PopulationCellSchema).max(100_000).optional(),
	segmentTotals: z.array(SegmentTotalsSchema).max(200).optional(),
	expected: expectedOutcome.extend({ majority: expectedOutcome.optional() }).optional()
});

export type Scenario = z.infer<typeof ScenarioSchema>;

/** The count input a parsed scenario describes. */
export function scenarioInput(s: Scenario): {
	proposals: Proposal[];
	segments: Segment[];
	ballots: Ballot[];
	rules: Rules;
	population?: Scenario['population'];
	segmentTotals?: Scenario['segmentTotals'];
} {
	return {
		proposals: s.proposals,
		segments: s.segments,
		ballots: s.ballots,
		rules: s.rules,
		population: s.population,
		...(s.segmentTotals ? { segmentTotals: s.segmentTotals } : {})
	};
}

// ---- Forms (FormData values are strings) ----

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

/** A percentage as typed ("50", "12.5") to a fraction (0.5, 0.125). */
const percentField = (what: string, fallback: number) =>
	z
		.string()
		.trim()
		.default('')
		.refine(
			(s) => s === '' || /^\d+(\.\d+)?$/.test(s),
			`Enter the ${what} as a percentage, like 50.`
		)
		.transform((s) => (s === '' ? fallback : Number(s) / 100))
		.pipe(z.number().max(1, `The ${what} cannot be more than 100%.`));

const countField = (what: string, fallback: number, max: number) =>
	z
		.string()
		.trim()
		.default('')
		.refine((s) => s === '' || /^\d+$/.test(s), `Enter the ${what} as a whole number.`)
		.transform((s) => (s === '' ? fallback : Number(s)))
		.pipe(z.number().max(max, `The ${what} is too large.`));

/** The rules as a staff form sends them: money in pounds, shares as percentages. */
export const RulesFormSchema = z
	.object({
		maxWants: countField('limit on wants', 0, 1000),
		maxDontWants: countField("limit on don't-wants", 0, 1000),
		developmentBudget: poundsField('development budget'),
		savingsTarget: poundsField('savings target'),
		method: z
			.enum(METHODS, 'Choose protected, majority, equal shares or greedy.')
			.default('protected'),
		minGroup: countField('minimum group size', DEFAULT_PROTECTION.minGroup, 1_000_000).pipe(
			z.number().min(1, 'The minimum group size must be at least 1.')
		),
		threshold: percentField('threshold', DEFAULT_PROTECTION.threshold),
		margin: percentField('margin', DEFAULT_PROTECTION.margin),
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
		protection: { minGroup: f.minGroup, threshold: f.threshold, margin: f.margin },
		weighting: f.weighting
	}));

/** A proposal as a staff form sends it: amount in pounds, affected groups as ticked boxes. */
export function proposalFormSchema(segmentIds: readonly string[]) {
	return z
		.object({
			id: idSchema('proposal'),
			title: z
				.string()
				.trim()
				.min(1, 'Give the proposal a title.')
				.max(200, 'Keep the title under 200 characters.'),
			kind: z.enum(['saving', 'development'], 'Choose whether this is a saving or a development.'),
			amount: poundsField('amount'),
			service: idSchema('service')
		})
		.catchall(z.string().max(10))
		.transform((f): Proposal => {
			const affects = segmentIds.filter((s) => f[`affects:${s}`] === 'on');
			return {
				id: f.id,
				title: f.title,
				kind: f.kind,
				amount: f.amount,
				service: f.service,
				affects
			};
		});
}

/**
 * A ballot as the voting form sends it: `mark:<proposal id>` = want / dontWant / '' (no view),
 * `use:<proposal id>` = 'on' when they use that service, `segment:<group id>` = 'on',
 * `area`. The channel and count are the server's to set.
 */
export function ballotFormSchema(
	proposals: readonly Pick<Proposal, 'id'>[],
	segments: readonly Pick<Segment, 'id'>[],
	rules: Pick<Rules, 'maxWants' | 'maxDontWants'>,
	areas?: readonly string[]
) {
	return z
		.record(z.string().max(200), z.string().max(200, 'That answer is too long.'))
		.transform((f): Omit<Ballot, 'channel' | 'count'> => {
			const marks: Ballot['marks'] = {};
			const uses: string[] = [];
			for (const p of proposals) {
				const m = f[`mark:${p.id}`];
				if (m === 'want' || m === 'dontWant') marks[p.id] = m;
				if (f[`use:${p.id}`] === 'on') uses.push(p.id);
			}
			const segs = segments.filter((s) => f[`segment:${s.id}`] === 'on').map((s) => s.id);
			const area = (f.area ?? '').trim();
			return { marks, uses, segments: segs, area: area === '' ? null : area };
		})
		.superRefine((b, ctx) => {
			const wants = Object.values(b.marks).filter((m) => m === 'want').length;
			const dontWants = Object.values(b.marks).filter((m) => m === 'dontWant').length;
			if (rules.maxWants > 0 && wants > rules.maxWants) {
				ctx.addIssue({
					code: 'custom',
					message: `You can mark at most ${rules.maxWants} proposals as "want". You marked ${wants}.`
				});
			}
			if (rules.maxDontWants > 0 && dontWants > rules.maxDontWants) {
				ctx.addIssue({
					code: 'custom',
					message: `You can mark at most ${rules.maxDontWants} proposals as "don't want". You marked ${dontWants}.`
				});
			}
			if (b.area !== null && areas && !areas.includes(b.area)) {
				ctx.addIssue({
					code: 'custom',
					message: 'Choose your area from the list.',
					path: ['area']
				});
			}
			if (b.area !== null && b.area.length > 100) {
				ctx.addIssue({
					code: 'custom',
					message: 'Keep the area under 100 characters.',
					path: ['area']
				});
			}
		});
}

/** Command-line flags of the recount (scripts/count.ts). */
export const CliOptionsSchema = z.object({
	method: z
		.enum(
			['protected', 'majority', 'equal-shares', 'greedy'],
			'--method must be protected, majority, equal-shares or greedy'
		)
		.optional(),
	completion: z
		.enum(
			['none', 'add1', 'add1-greedy', 'add1u', 'add1u-greedy'],
			'--completion must be none, add1, add1-greedy, add1u or add1u-greedy'
		)
		.optional(),
	utility: z.enum(['cost', 'cardinality'], '--utility must be cost or cardinality').optional(),
	json: z.boolean().default(false)
});
