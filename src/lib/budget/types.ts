/**
 * Domain types of a community budget count (docs/counting.md, rules version 2): plain data in,
 * plain data out.
 */

export type ProposalKind = 'saving' | 'development';
export type Mark = 'want' | 'dontWant';
export type Channel = 'online' | 'room' | 'paper' | 'kiosk';
/** How savings are decided: with protection of declared dependent groups, or by majority. */
export type Method = 'protected' | 'majority';
/** How developments are chosen within the budget (both methods use it). */
export type DevelopmentRule = 'equalShares' | 'greedy';
export type Decision = 'fund' | 'accept' | 'protected' | 'marginal' | 'notNeeded' | 'notSelected';
export type Weighting = 'none' | 'population';
/** Who counts as a user of a service: whoever says so, or only those whose use was verified. */
export type Membership = 'declared' | 'verified';

export const CHANNELS = ['online', 'room', 'paper', 'kiosk'] as const satisfies readonly Channel[];
export const METHODS = ['protected', 'majority'] as const satisfies readonly Method[];
export const DEVELOPMENT_RULES = [
	'equalShares',
	'greedy'
] as const satisfies readonly DevelopmentRule[];
export const DECISIONS = [
	'fund',
	'accept',
	'protected',
	'marginal',
	'notNeeded',
	'notSelected'
] as const satisfies readonly Decision[];

/** The special group id of a service's users; no segment may be called this. */
export const USERS = 'users';

export interface Proposal {
	id: string;
	title: string;
	kind: ProposalKind;
	/** Minor currency units (pence): the saving it makes, or what it costs. */
	amount: number;
	/** The service it belongs to (an id); voters say once per service whether they use it. */
	service: string;
	/**
	 * The groups declared, before voting opened, as depending on it: segment ids and `users`
	 * (the people who use its service).
	 */
	affects: string[];
}

export interface Segment {
	id: string;
	label: string;
}

export interface Ballot {
	/** Proposal id -> mark; a proposal left out means no view. */
	marks: Record<string, Mark>;
	/** Service ids the voter (or their household) says they use. */
	uses: string[];
	/** The services among `uses` whose use was verified (a service-user code, a checked user). */
	verifiedUses?: string[];
	/** Self-declared segment ids; empty when they preferred not to say. */
	segments: string[];
	/** Area (ward, neighbourhood), or null when not given. */
	area: string | null;
	/** Age band, used only by population weighting per area and age band. */
	ageBand?: string | null;
	channel: Channel;
	/** Backed by a participation code, a staff-checked paper ballot or a verified kiosk. */
	assured: boolean;
	/** Identical ballots counted together (default 1). */
	count?: number;
}

export interface ProtectionRules {
	/** Fewest ballots a group needs before it can protect a saving (at least 10). */
	minGroup: number;
	/** Share of the group that must not want the saving (an exact decimal, 0 to 1). */
	threshold: number;
	/** How far that share must exceed other voters' (an exact decimal, 0 to 1). */
	margin: number;
	/** The Wilson interval's confidence (z² = 3.8416), or 'none' to test the point share only. */
	confidence: 0.95 | 'none';
	membership: Membership;
}

/** Population of one weighting cell, as the commissioner entered it. */
export interface PopulationCell {
	area: string;
	/** Set on every cell or on none: cells are areas, or areas by age band. */
	ageBand?: string;
	count: number;
}

/** Fixed when voting opens and never changed after the first ballot. */
export interface Rules {
	/** Most wants / don't-wants a ballot may carry (0 = no limit). */
	maxWants: number;
	maxDontWants: number;
	/** Minor units to spend on developments (0 = rank only). */
	developmentBudget: number;
	/** Minor units the savings must reach (0 = accept every saving more people want). */
	savingsTarget: number;
	method: Method;
	developments: DevelopmentRule;
	protection: ProtectionRules;
	weighting: Weighting;
	/** The population table, with weighting 'population'. */
	population?: PopulationCell[];
}

/** Rules as given to the count: `maxDontWants` must be stated in a vote with savings. */
export type RulesInput = Omit<Rules, 'maxDontWants'> & { maxDontWants?: number };

/**
 * Whether a ballot's `marks` wants (or don't-wants) break the rules' limit `max` (`maxWants`,
 * `maxDontWants`; 0 = no limit): the one statement of the limit, for the count and the ballot.
 */
export function overLimit(marks: number, max: number): boolean {
	return max > 0 && marks > max;
}

/** Figures of one group of ballots: how many, and how many want / don't want a proposal. */
export interface GroupFigures {
	ballots: number;
	wants: number;
	dontWants: number;
}

/**
 * A group of fewer than 10 ballots, published without its figures (nothing under 10 is ever
 * published). The count needs nothing else of it: a group that small is below every minimum
 * group size (at least 10), so it can never protect, be marginal or be flagged; all it can do
 * is join unions of declared groups, which it does when it passes the point test (groups.joinsUnions).
 */
export interface SuppressedFigures {
	fewerThan10: true;
	/** Whether it passes the point test, and so joins unions of declared groups (groups.joinsUnions). */
	joinsUnions: boolean;
}

export type PublishedFigures = GroupFigures | SuppressedFigures;

/**
 * One group's figures for one proposal, given as totals instead of ballot by ballot (the
 * publishable input: nobody's service use or segments appear per ballot). `group` is a declared
 * group or a union of them (ids joined with `+` in `affects` order), or, for flags and tables,
 * a segment (or `users`) not declared for the proposal. Unweighted: group tests never weight.
 */
export interface GroupTotals {
	proposal: string;
	group: string;
	/** Among all ballots. */
	all: PublishedFigures;
	/** Among assured ballots only (the assurance re-count). */
	assured: PublishedFigures;
}

export interface CountInput {
	proposals: Proposal[];
	segments: Segment[];
	/** An array, or any iterable (a generator keeps memory flat for very large votes). */
	ballots: Iterable<Ballot>;
	rules: RulesInput;
	/**
	 * Every group's figures as totals. When given, ballots carry no `uses`, `verifiedUses` or
	 * `segments`, and every proposal has a row for each non-empty subset of its `affects` and
	 * for each group not declared for it.
	 */
	groups?: GroupTotals[];
}

/** Want / don't-want figures for one proposal among one set of ballots. */
export interface Tally {
	/** Ballots counted (unweighted). */
	ballots: number;
	/** Ballots, weighted (equals `ballots` without weighting). */
	n: number;
	wants: number;
	dontWants: number;
	noView: number;
	/** wants - dontWants */
	net: number;
	/** wants / n and dontWants / n (0 when n is 0). */
	support: number;
	opposition: number;
	/** Fewer than 10 ballots: shown as suppressed in anything published or exported. */
	suppressed: boolean;
}

export interface ProposalTallies {
	/** Weighted when weighting is on. */
	overall: Tally;
	byArea: Record<string, Tally>;
	byChannel: Record<Channel, Tally>;
	/** Assured and open ballots. */
	byAssurance: { assured: Tally; open: Tally };
	/** Groups are never weighted: each segment's own ballots, and the service's users. */
	bySegment: Record<string, Tally>;
	users: Tally;
	nonUsers: Tally;
}

/** How a group did in the tests (docs/counting.md step 3). */
export type GroupStatus = 'protects' | 'marginal' | 'none';

/** A group (or union of groups) tested for a proposal, with the figures behind the result. */
export interface GroupFinding {
	/** 'users', a segment id, or a union of them joined with '+'. */
	group: string;
	/** Ballots in the group (unweighted), and those with the mark tested. */
	ballots: number;
	count: number;
	share: number;
	/** The same among all other ballots. */
	othersBallots: number;
	othersCount: number;
	othersShare: number;
	/**
	 * The fewest of the group's marks that would have to have gone the other way for its status
	 * to change (protects or marginal); null for flags and priorities, or when nothing would.
	 */
	fragility: number | null;
}

export interface ProposalResult {
	id: string;
	title: string;
	kind: ProposalKind;
	amount: number;
	service: string;
	affects: string[];
	/** 1 = first by net support (then wants, then the tie-break order). */
	rank: number;
	decision: Decision;
	/** Groups that protect it (empty unless decision is 'protected'). */
	protectedBy: string[];
	/** Groups that make it marginal (empty unless decision is 'marginal'). */
	marginalBy: string[];
	/** The findings behind protectedBy or marginalBy, with fragility. */
	protection: GroupFinding[];
	/** Undeclared groups (segments, or users when not declared) whose opposition passes. */
	flagged: string[];
	flags: GroupFinding[];
	/** A development a declared group (or union) wants far more than others do: a flag. */
	minorityPriority: boolean;
	minorityGroups: GroupFinding[];
	/** What simple majority would have decided. */
	majorityDecision: Decision;
	/** Held back or accepted only because another decision changed the money (knock-on). */
	knockOn: boolean;
	/** The decision differs when only assured ballots are counted. */
	dependsOnOpen: boolean;
	tallies: ProposalTallies;
	/** Plain sentences a resident can read. */
	reasons: string[];
}

/** The decisions one method makes. */
export interface MethodOutcome {
	method: Method;
	decisions: Record<string, Decision>;
	/** Developments funded, in the order chosen. */
	selected: string[];
	/** Savings accepted, in rank order. */
	accepted: string[];
	spent: number;
	saved: number;
	shortfall: number;
}

export interface WeightingReport {
	/** 'area' or 'area and age band'. */
	cells: 'area' | 'areaAge';
	table: {
		cell: string;
		ballots: number;
		population: number;
		weight: number;
		capped: boolean;
	}[];
	cappedCells: string[];
	cappedBallots: number;
	/** Ballots without a cell in the population table, counted at weight 1. */
	unweightedBallots: number;
}

/** One saving members may consider releasing, weakest protection first. */
export interface OverrideEntry {
	id: string;
	decision: 'protected' | 'marginal';
	/** The groups that protect it or make it marginal. */
	groups: string[];
	/** The largest don't-want share among them (the key of the order). */
	share: number;
}

export interface AssuranceReport {
	assured: number;
	open: number;
	/** Whether the assured-only count ran (there were both assured and open ballots). */
	ran: boolean;
}

export interface CountResult {
	/** The rules version the count follows. */
	version: 2;
	method: Method;
	rules: Rules;
	tieBreak: 'listed';
	ballots: {
		total: number;
		weighted: number;
		byChannel: Record<Channel, number>;
		assured: number;
		open: number;
	};
	/** In listed order. */
	proposals: ProposalResult[];
	selected: string[];
	accepted: string[];
	developmentBudget: number;
	spent: number;
	savingsTarget: number;
	saved: number;
	shortfall: number;
	/** With a shortfall: the protected and marginal savings with net > 0, weakest first. */
	overrideOrder: OverrideEntry[];
	/** Proposals whose decision differs when only assured ballots are counted. */
	dependsOnOpen: string[];
	assurance: AssuranceReport;
	/** Plain sentences about the count as a whole (the shortfall, the tie-break rule). */
	summary: string[];
	/** What simple majority would have decided, and which proposals it would decide otherwise. */
	majority: MethodOutcome & { changed: string[] };
	weighting: WeightingReport | null;
	/** SHA-256 (hex) of the canonical input. */
	digest: string;
}
