/**
 * Reading the ballots of a count (docs/counting.md, version 2): each ballot is checked, then
 * kept only as a compact code for each distinct ballot with how many there were. Everything the
 * count needs is added up from those codes afterwards: totals per weighting cell (for the
 * weighted ranking and tables), each group's own figures (never weighted), the figures of every
 * combination of a proposal's declared groups (for the unions of step 2), and the sets of wanted
 * developments (for Equal Shares). Ballots may come from a generator: none is kept once read.
 *
 * Every figure is kept apart for assured and open ballots, so that the count can also be run on
 * the assured ballots alone (the assurance re-count) from the same single pass.
 */
import { SequenceCounter } from './sequence-counter';
import {
	CHANNELS,
	overLimit,
	USERS,
	type Ballot,
	type Channel,
	type GroupFigures,
	type GroupTotals,
	type PublishedFigures,
	type Mark,
	type Proposal,
	type Rules,
	type Segment
} from './types';

/** Fewer ballots than this in a cell and its figures are suppressed when published. */
export const SUPPRESS_BELOW = 10;

/** The most groups one proposal may declare: every union of them is tested (2^n - 1 sets). */
export const MAX_DECLARED = 10;

/** Input that does not describe a valid vote (the message names the ballot or proposal). */
export class CountInputError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'CountInputError';
	}
}

/** The input's proposals, segments and services, indexed. */
export interface CountIndex {
	proposals: readonly Proposal[];
	segments: readonly Segment[];
	rules: Rules;
	proposalIndex: Map<string, number>;
	segmentIndex: Map<string, number>;
	/** Services in the order proposals first name them. */
	services: string[];
	serviceIndex: Map<string, number>;
	serviceOf: Int32Array;
	/** Development proposal indices in listed order, and each proposal's place among them. */
	developments: number[];
	developmentIndex: Int32Array;
	/** Each proposal's declared groups: -1 for users, else a segment index (in affects order). */
	declared: Int32Array[];
	/** How ballots fall into weighting cells. */
	cells: 'none' | 'area' | 'areaAge';
	/** Group figures come as totals (`CountInput.groups`), not from the ballots. */
	totalsOnly: boolean;
}

/**
 * Checks proposals and segments and indexes them.
 * @throws CountInputError naming the proposal or segment and the problem
 */
export function indexInput(
	proposals: readonly Proposal[],
	segments: readonly Segment[],
	rules: Rules,
	totalsOnly: boolean
): CountIndex {
	const segmentIndex = new Map<string, number>();
	segments.forEach((s, i) => {
		if (s.id === USERS)
			throw new CountInputError('No segment may be called "users": that id means service users');
		if (segmentIndex.has(s.id)) throw new CountInputError(`Segment "${s.id}" is listed twice`);
		segmentIndex.set(s.id, i);
	});
	// Sets of wanted developments are keyed one character per development.
	if (proposals.length > 0xfffe)
		throw new CountInputError('A vote can have at most 65,534 proposals');
	const proposalIndex = new Map<string, number>();
	const services: string[] = [];
	const serviceIndex = new Map<string, number>();
	const serviceOf = new Int32Array(proposals.length);
	const developments: number[] = [];
	const developmentIndex = new Int32Array(proposals.length).fill(-1);
	const declared: Int32Array[] = [];
	proposals.forEach((p, i) => {
		const what = `Proposal "${p.id}"`;
		if (proposalIndex.has(p.id)) throw new CountInputError(`${what} is listed twice`);
		proposalIndex.set(p.id, i);
		if (p.kind !== 'saving' && p.kind !== 'development') {
			throw new CountInputError(`${what} must be a saving or a development`);
		}
		if (!Number.isSafeInteger(p.amount) || p.amount < 0) {
			throw new CountInputError(`${what} needs an amount in whole pence of at least 0`);
		}
		if (p.affects.length > MAX_DECLARED) {
			throw new CountInputError(`${what} declares more than ${MAX_DECLARED} groups`);
		}
		const groups = new Int32Array(p.affects.length);
		p.affects.forEach((g, k) => {
			if (p.affects.indexOf(g) !== k)
				throw new CountInputError(`${what} declares "${g}" twice in affects`);
			if (g === USERS) groups[k] = -1;
			else {
				const s = segmentIndex.get(g);
				if (s === undefined) {
					throw new CountInputError(
						`${what} affects "${g}", which is neither "users" nor a segment of this vote`
					);
				}
				groups[k] = s;
			}
		});
		declared.push(groups);
		let svc = serviceIndex.get(p.service);
		if (svc === undefined) {
			svc = services.length;
			serviceIndex.set(p.service, svc);
			services.push(p.service);
		}
		serviceOf[i] = svc;
		if (p.kind === 'development') {
			developmentIndex[i] = developments.length;
			developments.push(i);
		}
	});
	const population = rules.weighting === 'population' ? (rules.population ?? []) : [];
	const cells =
		population.length === 0 ? 'none' : population.some((c) => c.ageBand) ? 'areaAge' : 'area';
	return {
		proposals,
		segments,
		rules,
		proposalIndex,
		segmentIndex,
		services,
		serviceIndex,
		serviceOf,
		developments,
		developmentIndex,
		declared,
		cells,
		totalsOnly
	};
}

/*
 * A distinct ballot's code, small numbers end to end:
 *   assured, channel, area + 1 (0: none), age band + 1 (0: none),
 *   #segments, segment indices..., #wants, proposal indices..., #don't-wants, proposal indices...,
 *   #uses, service indices..., verified service indices...
 * Every list is sorted, so identical ballots have identical codes.
 */
const C_ASSURED = 0;
const C_CHANNEL = 1;
const C_AREA = 2;
const C_AGE = 3;
const C_SEGS = 4;

/** Reads ballots one at a time, checking each, into distinct codes with their counts. */
export class BallotReader {
	readonly index: CountIndex;
	readonly distinct = new SequenceCounter();
	readonly areaIndex = new Map<string, number>();
	readonly areas: string[] = [];
	readonly ageIndex = new Map<string, number>();
	readonly ages: string[] = [];
	total = 0;
	private ballotNo = 0;
	private readonly code: number[] = [];
	private readonly wanted: number[] = [];
	private readonly unwanted: number[] = [];
	private readonly list: number[] = [];
	private readonly verified: number[] = [];
	private readonly seen: Int32Array;
	private readonly seenService: Int32Array;
	private readonly seenVerified: Int32Array;
	private readonly seenSegment: Int32Array;
	private readonly maxDontWants: number;

	constructor(index: CountIndex) {
		this.index = index;
		this.seen = new Int32Array(index.proposals.length);
		this.seenService = new Int32Array(index.services.length);
		this.seenVerified = new Int32Array(index.services.length);
		this.seenSegment = new Int32Array(index.segments.length);
		this.maxDontWants = index.rules.maxDontWants;
	}

	private fail(problem: string): never {
		throw new CountInputError(`Ballot ${this.ballotNo}: ${problem}`);
	}

	/**
	 * Checks one ballot and counts it.
	 * @throws CountInputError naming the ballot (1-based) and the problem
	 */
	add(ballot: Ballot): void {
		const stamp = ++this.ballotNo;
		const ix = this.index;
		const rules = ix.rules;
		if (typeof ballot !== 'object' || ballot === null) this.fail('not a ballot');
		if ('weight' in ballot)
			this.fail('carries a weight; weights are worked out by the count, never given');
		const count = ballot.count ?? 1;
		if (!Number.isSafeInteger(count) || count < 1)
			this.fail('count must be a whole number of at least 1');
		if (ballot.assured !== true && ballot.assured !== false)
			this.fail('assured must be true or false');
		const channel = CHANNELS.indexOf(ballot.channel as Channel);
		if (channel < 0) this.fail(`unknown channel "${String(ballot.channel)}"`);
		const area = ballot.area ?? null;
		if (area !== null && typeof area !== 'string') this.fail('area must be text or null');
		const ageBand = ballot.ageBand ?? null;
		if (ageBand !== null && typeof ageBand !== 'string') this.fail('age band must be text or null');

		const wanted = this.wanted;
		const unwanted = this.unwanted;
		wanted.length = 0;
		unwanted.length = 0;
		const marks = ballot.marks;
		if (typeof marks !== 'object' || marks === null || Array.isArray(marks))
			this.fail('marks must be an object');
		for (const id in marks) {
			const p = ix.proposalIndex.get(id);
			if (p === undefined) this.fail(`marks "${id}", which is not a proposal of this vote`);
			const m = marks[id] as Mark | null | undefined;
			// No mark (or an explicit null) is no view.
			if (m === undefined || m === null) continue;
			if (m === 'want') wanted.push(p);
			else if (m === 'dontWant') unwanted.push(p);
			else this.fail(`the mark for "${id}" must be "want" or "dontWant"`);
		}
		if (overLimit(wanted.length, rules.maxWants)) {
			this.fail(`${wanted.length} wants, more than the limit of ${rules.maxWants}`);
		}
		if (overLimit(unwanted.length, this.maxDontWants)) {
			this.fail(`${unwanted.length} don't-wants, more than the limit of ${this.maxDontWants}`);
		}
		sortSmall(wanted);
		sortSmall(unwanted);

		const uses = this.list;
		uses.length = 0;
		const verified = this.verified;
		verified.length = 0;
		const usesIn = ballot.uses ?? [];
		const verifiedIn = ballot.verifiedUses ?? [];
		const segmentsIn = ballot.segments ?? [];
		if (!Array.isArray(usesIn)) this.fail('uses must be a list of services');
		if (!Array.isArray(verifiedIn)) this.fail('verifiedUses must be a list of services');
		if (!Array.isArray(segmentsIn)) this.fail('segments must be a list');
		if (ix.totalsOnly && (usesIn.length || verifiedIn.length || segmentsIn.length)) {
			this.fail('names uses or segments, but group figures were given as totals');
		}
		for (const id of usesIn) {
			const s = ix.serviceIndex.get(id);
			if (s === undefined) this.fail(`uses "${id}", which is not the service of any proposal`);
			if (this.seenService[s] === stamp) continue;
			this.seenService[s] = stamp;
			uses.push(s);
		}
		for (const id of verifiedIn) {
			const s = ix.serviceIndex.get(id);
			if (s === undefined)
				this.fail(`verifiedUses names "${id}", which is not the service of any proposal`);
			if (this.seenService[s] !== stamp)
				this.fail(`verifiedUses names "${id}", which is not among its uses`);
			if (this.seenVerified[s] === stamp) continue;
			this.seenVerified[s] = stamp;
			verified.push(s);
		}
		if (verified.length > 0 && !ballot.assured)
			this.fail('has verified uses but is not assured (an open ballot cannot be verified)');
		sortSmall(uses);
		sortSmall(verified);

		const code = this.code;
		code.length = 0;
		const areaNo = area === null ? 0 : this.intern(this.areaIndex, this.areas, area) + 1;
		const ageNo = ageBand === null ? 0 : this.intern(this.ageIndex, this.ages, ageBand) + 1;
		code.push(ballot.assured ? 1 : 0, channel, areaNo, ageNo, 0);
		for (const id of segmentsIn) {
			const s = ix.segmentIndex.get(id);
			if (s === undefined) this.fail(`names segment "${id}", which is not in this vote's list`);
			if (this.seenSegment[s] === stamp) continue;
			this.seenSegment[s] = stamp;
			code.push(s);
		}
		const nSegs = code.length - C_SEGS - 1;
		code[C_SEGS] = nSegs;
		sortTail(code, C_SEGS + 1);
		code.push(wanted.length, ...wanted, unwanted.length, ...unwanted, uses.length, ...uses);
		for (const s of verified) code.push(s);
		this.distinct.add(code, code.length, count);
		this.total += count;
	}

	/** The index of a text in a table, adding it if new. */
	private intern(index: Map<string, number>, list: string[], text: string): number {
		let i = index.get(text);
		if (i === undefined) {
			i = list.length;
			if (i >= 0xfffe) this.fail('too many different areas or age bands');
			index.set(text, i);
			list.push(text);
		}
		return i;
	}
}

/** Reads the parts of a distinct ballot's code. */
export class CodeView {
	constructor(private readonly dc: SequenceCounter) {}
	e = 0;
	len = 0;
	wants = 0;
	dontWants = 0;
	uses = 0;
	verified = 0;
	end = 0;
	/** Moves to distinct ballot e and finds where its lists start. */
	at(e: number): this {
		const dc = this.dc;
		this.e = e;
		this.end = dc.length(e);
		this.len = dc.at(e, C_SEGS);
		this.wants = C_SEGS + 1 + this.len;
		this.dontWants = this.wants + 1 + dc.at(e, this.wants);
		this.uses = this.dontWants + 1 + dc.at(e, this.dontWants);
		this.verified = this.uses + 1 + dc.at(e, this.uses);
		return this;
	}
	get count(): number {
		return this.dc.count(this.e);
	}
	get assured(): number {
		return this.dc.at(this.e, C_ASSURED);
	}
	get channel(): number {
		return this.dc.at(this.e, C_CHANNEL);
	}
	/** Area index + 1, or 0. */
	get area(): number {
		return this.dc.at(this.e, C_AREA);
	}
	/** Age band index + 1, or 0. */
	get age(): number {
		return this.dc.at(this.e, C_AGE);
	}
	/** [from, to) of a list: 'segments' | 'wants' | 'dontWants' | 'uses' | 'verified'. */
	range(list: 'segments' | 'wants' | 'dontWants' | 'uses' | 'verified'): [number, number] {
		switch (list) {
			case 'segments':
				return [C_SEGS + 1, C_SEGS + 1 + this.len];
			case 'wants':
			case 'dontWants':
			case 'uses': {
				const start = this[list];
				return [start + 1, start + 1 + this.dc.at(this.e, start)];
			}
			case 'verified':
				return [this.verified, this.end];
		}
	}
	value(k: number): number {
		return this.dc.at(this.e, k);
	}
}

/** Raw (unweighted) totals of one weighting cell's ballots, assured or open. */
export interface CellTotals {
	/** '' for ballots without a cell in the weighting (no answer, or weighting off). */
	key: string;
	assured: boolean;
	ballots: number;
	/** Per proposal: wants, don't-wants. */
	marks: Float64Array;
	/** Per channel: ballots, and per proposal wants and don't-wants. */
	channelBallots: Float64Array;
	channelMarks: Float64Array;
	/** Per area index: ballots and marks. */
	areas: Map<number, { ballots: number; marks: Float64Array }>;
}

/** Figures of a group among all ballots and among assured ones. */
export interface ViewFigures {
	all: PublishedFigures;
	assured: PublishedFigures;
}

/** Everything the count adds up from the distinct ballots. */
export interface BallotTotals {
	cells: CellTotals[];
	/** Area names by index (CellTotals.areas is keyed by index). */
	areaNames: readonly string[];
	/** Unweighted: per assurance (0 open, 1 assured), ballots and per proposal W, D. */
	ballots: [number, number];
	marks: [Float64Array, Float64Array];
	/**
	 * Distinct sets of wanted developments with how many ballots want exactly that set, per
	 * assurance: the key has one character per development index.
	 */
	wantSets: [Map<string, number>, Map<string, number>];
	/** A group's figures for a proposal: a union of declared groups (a bit mask over affects). */
	union(p: number, mask: number): ViewFigures;
	/** A group not declared for a proposal: a segment id, or users. */
	undeclared(p: number, group: string): ViewFigures;
}

function figures(ballots = 0, wants = 0, dontWants = 0): GroupFigures {
	return { ballots, wants, dontWants };
}

/**
 * Adds up the distinct ballots: weighting cells, groups (from the ballots, or from the totals
 * given), want sets.
 */
export function totalBallots(reader: BallotReader, groups?: readonly GroupTotals[]): BallotTotals {
	const ix = reader.index;
	const P = ix.proposals.length;
	const S = ix.segments.length;
	const V = ix.services.length;
	const CH = CHANNELS.length;
	const verifiedOnly = ix.rules.protection.membership === 'verified';
	const dc = reader.distinct;
	const view = new CodeView(dc);

	const cells: CellTotals[] = [];
	const cellById = new Map<number, number>();
	const cellOf = (a: number, area: number, age: number): CellTotals => {
		const base =
			ix.cells === 'area' ? area : ix.cells === 'areaAge' && area && age ? area * 0x10000 + age : 0;
		const id = base * 2 + a;
		let c = cellById.get(id);
		if (c === undefined) {
			c = cells.length;
			cellById.set(id, c);
			const key =
				base === 0
					? ''
					: ix.cells === 'area'
						? reader.areas[area - 1]
						: `${reader.areas[area - 1]}\u0000${reader.ages[age - 1]}`;
			cells.push({
				key,
				assured: a === 1,
				ballots: 0,
				marks: new Float64Array(P * 2),
				channelBallots: new Float64Array(CH),
				channelMarks: new Float64Array(CH * P * 2),
				areas: new Map()
			});
		}
		return cells[c];
	};

	const ballots: [number, number] = [0, 0];
	const marks: [Float64Array, Float64Array] = [new Float64Array(P * 2), new Float64Array(P * 2)];
	const wantSets: BallotTotals['wantSets'] = [new Map(), new Map()];
	// Groups from the ballots: per assurance, each segment's and each service's users' figures.
	const segBallots = [new Float64Array(S), new Float64Array(S)];
	const segMarks = [new Float64Array(S * P * 2), new Float64Array(S * P * 2)];
	const svcBallots = [new Float64Array(V), new Float64Array(V)];
	const userMarks = [new Float64Array(P * 2), new Float64Array(P * 2)];
	// Combinations of declared groups: per proposal, mask -> [open n, w, d, assured n, w, d].
	const withGroups = ix.declared.flatMap((d, p) => (d.length > 0 && !ix.totalsOnly ? [p] : []));
	const combos = new Map<number, Map<number, Float64Array>>(withGroups.map((p) => [p, new Map()]));
	// Distinct (assurance, segments, users of) profiles, for the ballots of each combination.
	const profiles = new Map<string, { a: number; segs: number[]; svcs: number[]; n: number }>();
	const segStamp = new Int32Array(S).fill(-1);
	const svcStamp = new Int32Array(V).fill(-1);
	const maskOf = (p: number, e: number): number => {
		const d = ix.declared[p];
		let m = 0;
		for (let k = 0; k < d.length; k++) {
			const g = d[k];
			if (g < 0 ? svcStamp[ix.serviceOf[p]] === e : segStamp[g] === e) m |= 1 << k;
		}
		return m;
	};
	const comboAdd = (p: number, m: number, slot: number, n: number) => {
		if (m === 0) return;
		const table = combos.get(p) as Map<number, Float64Array>;
		let row = table.get(m);
		if (!row) table.set(m, (row = new Float64Array(6)));
		row[slot] += n;
	};

	const setBuf: number[] = [];
	for (let e = 0; e < dc.size; e++) {
		view.at(e);
		const n = view.count;
		const a = view.assured;
		const ch = view.channel;
		const area = view.area;
		const cell = cellOf(a, area, view.age);
		cell.ballots += n;
		cell.channelBallots[ch] += n;
		let areaTotals: { ballots: number; marks: Float64Array } | undefined;
		if (area > 0) {
			areaTotals = cell.areas.get(area - 1);
			if (!areaTotals)
				cell.areas.set(area - 1, (areaTotals = { ballots: 0, marks: new Float64Array(P * 2) }));
			areaTotals.ballots += n;
		}
		ballots[a] += n;
		const [s0, s1] = view.range('segments');
		for (let k = s0; k < s1; k++) {
			const s = view.value(k);
			segStamp[s] = e;
			segBallots[a][s] += n;
		}
		// The services this ballot counts as a user of, under the vote's membership rule.
		const [u0, u1] = view.range(verifiedOnly ? 'verified' : 'uses');
		for (let k = u0; k < u1; k++) {
			const v = view.value(k);
			svcStamp[v] = e;
			svcBallots[a][v] += n;
		}
		setBuf.length = 0;
		for (const [list, m] of [
			['wants', 0],
			['dontWants', 1]
		] as const) {
			const [m0, m1] = view.range(list);
			for (let k = m0; k < m1; k++) {
				const p = view.value(k);
				const slot = p * 2 + m;
				cell.marks[slot] += n;
				cell.channelMarks[ch * P * 2 + slot] += n;
				if (areaTotals) areaTotals.marks[slot] += n;
				marks[a][slot] += n;
				for (let j = s0; j < s1; j++) segMarks[a][view.value(j) * P * 2 + slot] += n;
				if (svcStamp[ix.serviceOf[p]] === e) userMarks[a][slot] += n;
				if (ix.declared[p].length > 0 && !ix.totalsOnly) {
					comboAdd(p, maskOf(p, e), a * 3 + 1 + m, n);
				}
				if (m === 0 && ix.developmentIndex[p] >= 0) setBuf.push(ix.developmentIndex[p]);
			}
		}
		const set = String.fromCharCode.apply(null, setBuf);
		wantSets[a].set(set, (wantSets[a].get(set) ?? 0) + n);
		if (withGroups.length > 0) {
			const segs: number[] = [];
			for (let k = s0; k < s1; k++) segs.push(view.value(k));
			const svcs: number[] = [];
			for (let k = u0; k < u1; k++) svcs.push(view.value(k));
			const key = `${a}|${segs.join(',')}|${svcs.join(',')}`;
			const prof = profiles.get(key);
			if (prof) prof.n += n;
			else profiles.set(key, { a, segs, svcs, n });
		}
	}
	// Each combination's ballots, profile by profile (the stamps mark the profile's groups).
	let stamp = dc.size;
	for (const prof of profiles.values()) {
		for (const s of prof.segs) segStamp[s] = stamp;
		for (const v of prof.svcs) svcStamp[v] = stamp;
		for (const p of withGroups) comboAdd(p, maskOf(p, stamp), prof.a * 3, prof.n);
		stamp++;
	}

	// Rows hold [open n, w, d, assured n, w, d].
	const split = (row: ArrayLike<number>): ViewFigures => ({
		all: figures(row[0] + row[3], row[1] + row[4], row[2] + row[5]),
		assured: figures(row[3], row[4], row[5])
	});
	const areaNames = reader.areas;
	if (groups) return { cells, areaNames, ballots, marks, wantSets, ...totalsLookup(ix, groups) };
	return {
		cells,
		areaNames,
		ballots,
		marks,
		wantSets,
		union(p, mask) {
			const row = new Float64Array(6);
			const table = combos.get(p);
			if (table) {
				for (const [m, r] of table) {
					if ((m & mask) === 0) continue;
					for (let k = 0; k < 6; k++) row[k] += r[k];
				}
			}
			return split(row);
		},
		undeclared(p, group) {
			const row = new Float64Array(6);
			for (let a = 0; a < 2; a++) {
				if (group === USERS) {
					row[a * 3] = svcBallots[a][ix.serviceOf[p]];
					row[a * 3 + 1] = userMarks[a][p * 2];
					row[a * 3 + 2] = userMarks[a][p * 2 + 1];
				} else {
					const s = ix.segmentIndex.get(group) as number;
					row[a * 3] = segBallots[a][s];
					row[a * 3 + 1] = segMarks[a][s * P * 2 + p * 2];
					row[a * 3 + 2] = segMarks[a][s * P * 2 + p * 2 + 1];
				}
			}
			return split(row);
		}
	};
}

/** The name of a union of a proposal's declared groups: their ids joined with '+'. */
export function unionName(affects: readonly string[], mask: number): string {
	return affects.filter((_, k) => mask & (1 << k)).join('+');
}

/**
 * Group figures from totals: checks that every proposal has exactly the rows it needs (every
 * non-empty combination of its declared groups, every undeclared segment, and users when not
 * declared) and that each row's figures fit the ballots.
 */
function totalsLookup(
	ix: CountIndex,
	groups: readonly GroupTotals[]
): Pick<BallotTotals, 'union' | 'undeclared'> {
	const rows = new Map<string, ViewFigures>();
	const key = (p: number, group: string) => `${p}\u0000${group}`;
	groups.forEach((r, i) => {
		const what = `Group totals row ${i + 1} ("${r.group}" for "${r.proposal}")`;
		const p = ix.proposalIndex.get(r.proposal);
		if (p === undefined) throw new CountInputError(`${what}: no such proposal`);
		for (const f of [r.all, r.assured]) {
			if (!f || typeof f !== 'object')
				throw new CountInputError(`${what}: figures for all and for assured ballots are needed`);
			if ('fewerThan10' in f) {
				if (f.fewerThan10 !== true || typeof f.joinsUnions !== 'boolean')
					throw new CountInputError(`${what}: a group under 10 says only whether it joins unions`);
				continue;
			}
			for (const x of [f.ballots, f.wants, f.dontWants]) {
				if (!Number.isSafeInteger(x) || x < 0)
					throw new CountInputError(`${what}: figures must be whole numbers of at least 0`);
			}
			if (f.wants + f.dontWants > f.ballots)
				throw new CountInputError(`${what}: the figures do not add up`);
			if (f.ballots < SUPPRESS_BELOW)
				throw new CountInputError(
					`${what}: a group of fewer than 10 ballots is given only as such`
				);
		}
		const [a, s] = [r.all, r.assured];
		if (!('fewerThan10' in a) && !('fewerThan10' in s)) {
			if (s.ballots > a.ballots || s.wants > a.wants || s.dontWants > a.dontWants)
				throw new CountInputError(`${what}: the assured figures are more than all the figures`);
		}
		if ('fewerThan10' in a && !('fewerThan10' in s))
			throw new CountInputError(`${what}: the assured figures are more than all the figures`);
		if (rows.has(key(p, r.group))) throw new CountInputError(`${what}: given twice`);
		rows.set(key(p, r.group), { all: a, assured: s });
	});
	const needed = (p: number): string[] => {
		const affects = ix.proposals[p].affects;
		const out: string[] = [];
		for (let m = 1; m < 1 << affects.length; m++) out.push(unionName(affects, m));
		for (const s of ix.segments) if (!affects.includes(s.id)) out.push(s.id);
		if (!affects.includes(USERS)) out.push(USERS);
		return out;
	};
	let expected = 0;
	ix.proposals.forEach((prop, p) => {
		for (const g of needed(p)) {
			expected++;
			if (!rows.has(key(p, g)))
				throw new CountInputError(`Group totals have no row for "${g}" of "${prop.id}"`);
		}
	});
	if (expected !== rows.size) {
		const extra = groups.find((r) => {
			const p = ix.proposalIndex.get(r.proposal) as number;
			return !needed(p).includes(r.group);
		});
		throw new CountInputError(
			`Group totals row "${extra?.group}" for "${extra?.proposal}" is not a group of that proposal`
		);
	}
	return {
		union: (p, mask) => rows.get(key(p, unionName(ix.proposals[p].affects, mask))) as ViewFigures,
		undeclared: (p, group) => rows.get(key(p, group)) as ViewFigures
	};
}

/** Insertion sort: ballots mark a handful of proposals. */
function sortSmall(xs: number[]): void {
	sortTail(xs, 0);
}

function sortTail(xs: number[], from: number): void {
	for (let i = from + 1; i < xs.length; i++) {
		const x = xs[i];
		let j = i - 1;
		while (j >= from && xs[j] > x) {
			xs[j + 1] = xs[j];
			j--;
		}
		xs[j + 1] = x;
	}
}

/** A tally from its counts; shares are 0 for an empty cell. */
export function makeTally(ballots: number, n: number, wants: number, dontWants: number) {
	// Weighted sums of the same ballots can differ from the whole in the last bit; clean that up
	// so a count never shows, say, -0.0000000001 people with no view.
	const noView = Math.max(0, clean(n - wants - dontWants));
	return {
		ballots,
		n,
		wants,
		dontWants,
		noView,
		net: clean(wants - dontWants),
		support: n > 0 ? wants / n : 0,
		opposition: n > 0 ? dontWants / n : 0,
		suppressed: ballots < SUPPRESS_BELOW
	};
}

function clean(x: number): number {
	return Math.abs(x) < 1e-9 ? 0 : x;
}
