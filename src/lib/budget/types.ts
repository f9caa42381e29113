/**
 * Domain types of a community budget count (docs/counting.md): plain data in, plain data out.
 */

export type ProposalKind = 'saving' | 'development';
export type Mark = 'want' | 'dontWant';
export type Channel = 'online' | 'room' | 'paper' | 'kiosk';
export type Method = 'protected' | 'majority' | 'equalShares' | 'greedy';
export type Decision = 'fund' | 'accept' | 'protected' | 'notSelected';
export type Weighting = 'none' | 'population';

export const CHANNELS = ['online', 'room', 'paper', 'kiosk'] as const satisfies readonly Channel[];
export const METHODS = [
	'protected',
	'majority',
	'equalShares',
	'greedy'
] as const satisfies readonly Method[];

export interface Proposal {
	id: string;
	title: string;
	kind: ProposalKind;
	/** Minor currency units (pence): the saving it makes, or what it costs. */
	amount: number;
	/** The service it belongs to; voters say per proposal whether they use its service. */
	service: string;
	/** Segment ids declared, before voting opened, as depending on it. */
	affects: string[];
}

export interface Segment {
	id: string;
	label: string;
}

export interface Ballot {
	/** Proposal id -> mark; a proposal left out means no view. */
	marks: Record<string, Mark>;
	/** Proposal ids whose service the voter (or their household) uses. */
	uses: string[];
	/** Self-declared segment ids; empty when they preferred not to say. */
	segments: string[];
	/** Area (ward, neighbourhood), or null when not given. */
	area: string | null;
	/** Age band, used only by population weighting per area and age band. */
	ageBand?: string | null;
	channel: Channel;
	/** Identical ballots counted together (default 1). */
	count?: number;
}

export interface ProtectionRules {
	/** Fewest ballots a group needs before it can protect a saving (or be flagged). */
	minGroup: number;
	/** Share of the group that must not want the saving (0 to 1, inclusive). */
	threshold: number;
	/** How far that share must exceed other voters' (0 to 1, inclusive). */
	margin: number;
}

/** Fixed when voting opens and never changed after the first ballot. */
export interface Rules {
	/** Most wants / don't-wants a ballot may carry (0 = no limit). */
	maxWants: number;
	maxDontWants: number;
	/** Minor units to spend on developments (0 = rank only). */
	developmentBudget: number;
	/** Minor units the savings must reach (0 = accept every supported saving). */
	savingsTarget: number;
	method: Method;
	protection: ProtectionRules;
	weighting: Weighting;
}

/** Population of one weighting cell, as the commissioner entered it. */
export interface PopulationCell {
	area: string;
	/** Set on every cell or on none: cells are areas, or areas by age band. */
	ageBand?: string | null;
	population: number;
}

export interface CountInput {
	proposals: Proposal[];
	segments: Segment[];
	/** An array, or any iterable (a generator keeps memory flat for very large votes). */
	ballots: Iterable<Ballot>;
	rules: Rules;
	/** Needed when rules.weighting is 'population'. */
	population?: PopulationCell[];
	/**
	 * Segments given only as totals, never ballot by ballot: special-category data (disability,
	 * health, ethnicity, religion) must not be published per person, yet anyone must be able to
	 * recount the open data to the same result. No ballot may name these segments.
	 */
	segmentTotals?: SegmentTotals[];
}

/** One segment's figures for every proposal: all that protection and flags need of it. */
export interface SegmentTotals {
	segment: string;
	/** Ballots of the segment, unweighted (the minGroup test) and weighted. */
	ballots: number;
	n: number;
	/** Proposal id -> [wants, dontWants] (weighted) among the segment's ballots. */
	marks: Record<string, [number, number]>;
}

/** Conventions a count follows; council votes and Pabulib recounts differ. */
export interface CountOptions {
	/** Count with this method instead of rules.method (the command line's --method). */
	method?: Method;
	/**
	 * How ties are broken: the proposals' listed order (council votes), or proposal id compared
	 * as a string (Pabulib, the reference convention).
	 */
	tieBreak?: 'listed' | 'id';
	/**
	 * The money added per voter at each Add1 step, in minor units. Default 100 (one pound): the
	 * Pabulib references add one whole currency unit.
	 */
	add1Increment?: number;
	/** Equal Shares and greedy variants, for Pabulib recounts (councils use the defaults). */
	utility?: 'cost' | 'cardinality';
	completion?: 'none' | 'add1' | 'add1-greedy' | 'add1u' | 'add1u-greedy';
	/** Whether developments nobody wants may be funded with money left over (default false). */
	fundUnwanted?: boolean;
	/** How amounts appear in the summary sentences (default: pence as pounds, "£1,250"). */
	formatMoney?: (amount: number) => string;
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
	overall: Tally;
	bySegment: Record<string, Tally>;
	byArea: Record<string, Tally>;
	byChannel: Record<Channel, Tally>;
	/** Users and non-users of the proposal's service. */
	users: Tally;
	nonUsers: Tally;
}

/** A group that passed the protection (or minority priority) test, with the figures. */
export interface GroupFinding {
	/** 'users' or a segment id. */
	group: string;
	/** Ballots in the group, unweighted (the minGroup test) and weighted. */
	ballots: number;
	n: number;
	/** Weighted count and share of the group with the mark tested. */
	count: number;
	share: number;
	/** The same share among all other ballots. */
	othersShare: number;
}

export interface ProposalResult {
	id: string;
	title: string;
	kind: ProposalKind;
	amount: number;
	/** 1 = first by net support (then wants, then the tie-break order). */
	rank: number;
	decision: Decision;
	/** Groups that protected it ('users' or segment ids); empty unless decision is 'protected'. */
	protectedBy: string[];
	protection: GroupFinding[];
	/** Undeclared segments whose opposition diverges: flagged for review, rank unchanged. */
	flaggedSegments: string[];
	flags: GroupFinding[];
	/** A development a declared group wants far more than others do. */
	minorityPriority: boolean;
	minorityGroups: GroupFinding[];
	/** What simple majority would have decided. */
	majorityDecision: Decision;
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
	/** Ballots without a cell answer, counted at weight 1. */
	unweightedBallots: number;
}

export interface CountResult {
	method: Method;
	rules: Rules;
	tieBreak: 'listed' | 'id';
	ballots: { total: number; weighted: number; byChannel: Record<Channel, number> };
	/** In listed order. */
	proposals: ProposalResult[];
	selected: string[];
	accepted: string[];
	developmentBudget: number;
	spent: number;
	savingsTarget: number;
	saved: number;
	shortfall: number;
	/** Plain sentences about the count as a whole (the shortfall, the tie-break rule). */
	summary: string[];
	/** What simple majority would have decided, and which proposals it would decide otherwise. */
	majority: MethodOutcome & { changed: string[] };
	/** Every method's decisions: all run on every count. */
	methods: Record<Method, MethodOutcome>;
	weighting: WeightingReport | null;
	/** SHA-256 (hex) of the canonical input. */
	digest: string;
}
